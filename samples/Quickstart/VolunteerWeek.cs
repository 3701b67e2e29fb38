using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Samples.Quickstart;

/// <summary>
/// The week after the deployed cadres leave (<see cref="OutbreakScenario.CadresLeave"/>): 20 residents sign up as
/// volunteers, are vetted (those without a health declaration are rejected; two withdraw) and rostered, and the core's
/// greedy solver rosters every gate and door-to-door round of the four compounds, first with the team that stays, then
/// with the volunteers too. The optimal solver is in the CommunityControl.Sdk.Scheduling package; this sample keeps to the core.
/// </summary>
public static class VolunteerWeek
{
    /// <summary>The sample's limits: 12 h a day, 3 night shifts a week, 8 h rest between shifts.</summary>
    public static readonly WorkLimits Limits = new() { MaxHoursPerDay = 12, MaxNightShiftsPerWeek = 3, MinimumRest = Duration.FromHours(8) };

    /// <summary>Signs up, vets and rosters the volunteers, and solves the week with and without them.</summary>
    /// <param name="tree">The community.</param>
    /// <param name="team">The team, deployed cadres included (they are gone this week).</param>
    /// <returns>The outcome.</returns>
    public static VolunteerWeekOutcome Calculate(ZoneTree tree, Workforce team)
    {
        var roster = new VolunteerRoster();
        roster.Add(SignUps());
        foreach (var s in roster.InState(VettingState.SignedUp))
        {
            roster.Move(s.Id, s.HealthDeclared ? VettingState.Vetted : VettingState.Rejected);
        }

        roster.Move(PersonId.From("nv-07"), VettingState.Withdrawn);
        roster.Move(PersonId.From("nv-13"), VettingState.Withdrawn);
        foreach (var s in roster.InState(VettingState.Vetted))
        {
            roster.Move(s.Id, VettingState.Rostered);
        }

        var monday = OutbreakScenario.CadresLeave;
        var staying = team.Where(m => m.IsAvailableOn(monday)).Select(m => RosterCandidate.FromStaffMember(m, m.HoursPerWeek)).ToList();
        // The sample keeps volunteers of 60 and over off night shifts: the host's choice, not a national rule.
        var volunteers = roster.InState(VettingState.Rostered).Select(s => s.ToCandidate(VolunteerAgeBand.From45To59, 20, 28));
        var demands = Demands(tree, monday).ToList();
        var teamOnly = GreedyRosterSolver.Instance.Solve(new RosterProblem(tree, demands, staying, Limits));
        var withVolunteers = GreedyRosterSolver.Instance.Solve(new RosterProblem(tree, demands, staying.Concat(volunteers), Limits));
        return new VolunteerWeekOutcome(roster, teamOnly, withVolunteers);
    }

    /// <summary>Each compound's gate 08–16 and 16–24 (2 people) and 00–08 (1 person, night), and a door-to-door round 09–13, every day of the week.</summary>
    private static IEnumerable<RosterDemand> Demands(ZoneTree tree, LocalDate monday)
    {
        foreach (var id in OutbreakScenario.Compounds)
        {
            var compound = ZoneId.From(id);
            for (var day = 0; day < 7; day++)
            {
                var date = monday.PlusDays(day);
                for (var gate = 0; gate < tree[compound].Gates; gate++)
                {
                    yield return new RosterDemand(compound, StaffingDuties.DayGates, date.At(new LocalTime(8, 0)), Duration.FromHours(8), false, 2);
                    yield return new RosterDemand(compound, StaffingDuties.DayGates, date.At(new LocalTime(16, 0)), Duration.FromHours(8), false, 2);
                    yield return new RosterDemand(compound, StaffingDuties.NightGates, date.At(LocalTime.Midnight), Duration.FromHours(8), true, 1);
                }

                yield return new RosterDemand(compound, StaffingDuties.DoorToDoor, date.At(new LocalTime(9, 0)), Duration.FromHours(4), false, 1);
            }
        }
    }

    /// <summary>20 sign-ups: homes in the four compounds, abilities, evenings, weekends or whole days, every age band; 2 without a health declaration.</summary>
    private static IEnumerable<VolunteerSignUp> SignUps()
    {
        var days = Enumerable.Range(1, 7).Select(d => (IsoDayOfWeek)d).ToArray();
        var patterns = new[]
        {
            days.Select(d => new AvailabilityWindow(d, new LocalTime(7, 0), new LocalTime(19, 0))).ToArray(),
            days.Select(d => new AvailabilityWindow(d, new LocalTime(15, 0), LocalTime.Midnight)).ToArray(),
            days.Skip(5).Select(d => new AvailabilityWindow(d, LocalTime.Midnight, LocalTime.Midnight)).ToArray(),
            days.Select(d => new AvailabilityWindow(d, LocalTime.Midnight, LocalTime.Midnight)).ToArray(),
        };
        var abilities = new[] { StaffingDuties.DayGates | StaffingDuties.NightGates, StaffingDuties.DayGates | StaffingDuties.DoorToDoor, StaffingDuties.DayGates };
        for (var i = 1; i <= 20; i++)
        {
            yield return new VolunteerSignUp(
                PersonId.From("nv-" + i.ToString("00", CultureInfo.InvariantCulture)),
                ZoneId.From(OutbreakScenario.Compounds[i % 4]),
                abilities[i % 3],
                patterns[i % 4],
                (VolunteerAgeBand)(1 + (i % 5)),
                healthDeclared: i % 9 != 0);
        }
    }
}

/// <summary>The volunteer week: the roster of sign-ups, and the week rostered without and with the volunteers.</summary>
public sealed record VolunteerWeekOutcome(VolunteerRoster Roster, RosterSolution TeamOnly, RosterSolution WithVolunteers);
