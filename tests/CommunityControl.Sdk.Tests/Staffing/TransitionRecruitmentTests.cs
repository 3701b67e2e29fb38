using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Risk;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace CommunityControl.Tests.Staffing;

/// <summary>
/// <see cref="TransitionPlan"/>'s recruitment count against brute force: the gap after the first departure planned for
/// every count of recruits, on small random hand-overs (<see cref="TransitionInstances"/>) and on two hand-built weeks where
/// the gap does not fall steadily as recruits are added.
/// </summary>
public class TransitionRecruitmentTests
{
    /// <summary>
    /// Counts planned per instance at most: from 0 until the gap closes (nothing can do better), or until a count leaves
    /// its last recruit idle (every larger count plans the same, checked below); an instance that needs more is checked up to
    /// here only.
    /// </summary>
    private const int BruteForceBound = 48;

    private static readonly RiskScale Scale = RiskScales.ChinaLowMediumHigh;

    private static readonly LocalDate Monday = new(2020, 2, 10);

    private readonly ITestOutputHelper _output;

    public TransitionRecruitmentTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Recruitment_OnSmallRandomHandOvers_IsTheSmallestCountWithTheLeastGapOfEveryCountPlanned()
    {
        var instances = new TransitionInstances(20200224);
        var tally = new Tally();
        for (var i = 0; i < 150; i++)
        {
            instances.Next();
            var transition = TransitionPlan.Calculate(instances.Policy, instances.Days, instances.Arrivals, instances.Workforce, new[] { instances.Profile });
            var option = transition.Recruitment.Single();
            if (transition.FirstDeparture is not { } from)
            {
                option.Count.Should().Be(0);
                option.ClosesGap.Should().BeTrue();
                tally.NoDeparture++;
                continue;
            }

            Check(instances, option, from, tally, $"instance #{i}: {instances.Describe()}");
        }

        _output.WriteLine(tally.ToString());
        tally.Closing.Should().BeGreaterThan(0, "the sample must hold gaps that recruits close");
        tally.ClosingAtOne.Should().BeGreaterThan(0, "and gaps that one recruit closes");
        tally.NotClosing.Should().BeGreaterThan(0, "and gaps they cannot close");
        tally.Bounded.Should().BeLessThan(tally.Instances / 10, "most instances must be checked over every count");
    }

    [Fact]
    public void Recruitment_OneMoreRecruitLeavesALargerGap_CountIsTheSmallestWithTheLeastGap()
    {
        // One week, one gate, one person per 12 h shift, at most one night shift a person a week. The cadre leaves on the
        // first day; a community worker and a property staff member stay; recruits are property staff on weekdays only.
        // Saturday's and Sunday's nights and Sunday's day fall to the two who stay, who have one night each: the one who
        // works Saturday night is busy until 08:30 on Sunday, and the one who works Sunday night cannot also work Sunday's
        // day, so at least one of those three shifts (12.5 paid hours) stays open whatever the number of recruits.
        var week = Week(out var policy, out var arrivals);
        var workforce = Workforce.Create(new[]
        {
            Member("cw-1", WorkforceSource.CommunityWorker, 50, StaffingDuties.All),
            Member("ps-1", WorkforceSource.PropertyStaff, 75, StaffingDuties.DayGates | StaffingDuties.NightGates),
            Member("cadre-1", WorkforceSource.DeployedCadre, 75, StaffingDuties.All, leaves: Monday),
        });
        var profile = new RecruitProfile
        {
            Source = WorkforceSource.PropertyStaff,
            HoursPerWeek = 37.5,
            Duties = StaffingDuties.DayGates | StaffingDuties.NightGates,
            Zone = ZoneId.From("c"),
            AvailableDays = new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday },
        };

        var option = TransitionPlan.Calculate(policy, week, arrivals, workforce, new[] { profile }).Recruitment.Single();

        var gaps = Enumerable.Range(0, 9).Select(n => Gap(policy.Calculate(week, arrivals, workforce.With(profile.Recruits(n, Monday))), Monday)).ToArray();
        gaps.Min().Should().Be(12.5, "the weekend leaves one shift open (above)");
        gaps[6].Should().BeGreaterThan(gaps[5], "a sixth recruit takes Thursday's day from ps-1, who then has no more hours than a recruit and, earlier in the workforce, gets Friday's night, its one night, so no one is left for Saturday's");
        var five = policy.Calculate(week, arrivals, workforce.With(profile.Recruits(5, Monday)));
        var six = policy.Calculate(week, arrivals, workforce.With(profile.Recruits(6, Monday)));
        Night(five, Monday.PlusDays(4)).Assigned.Should().NotContain(PersonId.From("ps-1"));
        Night(six, Monday.PlusDays(4)).Assigned.Should().Contain(PersonId.From("ps-1"));
        Night(five, Monday.PlusDays(5)).GapPeople.Should().Be(0);
        Night(six, Monday.PlusDays(5)).GapPeople.Should().Be(1);
        option.Count.Should().Be(Array.FindIndex(gaps, g => g <= gaps.Min())).And.Be(5);
        option.ClosesGap.Should().BeFalse();
        option.RemainingGapPersonHours.Should().Be(12.5);
        option.GapWithoutRecruitsPersonHours.Should().Be(gaps[0]);
        Gap(option.Plan, Monday).Should().Be(12.5);
    }

    [Fact]
    public void Recruitment_FirstRecruitLeavesTheGapAsItIs_StillFindsTheCountThatClosesIt()
    {
        // The same week with two night shifts a person: one community worker at 25 h (two shifts) closes nothing, and
        // four close the gap. A search that stops when the gap stops shrinking answered 0 here.
        var week = Week(out var policy, out var arrivals, nightsPerWeek: 2);
        var workforce = Workforce.Create(new[]
        {
            Member("cw-1", WorkforceSource.CommunityWorker, 50, StaffingDuties.All),
            Member("ps-1", WorkforceSource.PropertyStaff, 75, StaffingDuties.DayGates | StaffingDuties.NightGates),
            Member("cadre-1", WorkforceSource.DeployedCadre, 75, StaffingDuties.All, leaves: Monday),
        });
        var profile = new RecruitProfile { Source = WorkforceSource.CommunityWorker, HoursPerWeek = 25, Duties = StaffingDuties.DayGates | StaffingDuties.NightGates, Zone = ZoneId.From("c") };

        var option = TransitionPlan.Calculate(policy, week, arrivals, workforce, new[] { profile }).Recruitment.Single();

        var gaps = Enumerable.Range(0, 6).Select(n => Gap(policy.Calculate(week, arrivals, workforce.With(profile.Recruits(n, Monday))), Monday)).ToArray();
        gaps[1].Should().Be(gaps[0]);
        option.Count.Should().Be(Array.FindIndex(gaps, g => g == 0)).And.Be(4);
        option.ClosesGap.Should().BeTrue();
        option.RemainingGapPersonHours.Should().Be(0);
        option.GapWithoutRecruitsPersonHours.Should().Be(gaps[0]).And.BeGreaterThan(0);
    }

    private static void Check(TransitionInstances instances, RecruitmentOption option, LocalDate from, Tally tally, string because)
    {
        var starts = instances.Profile.StartsOn ?? from;
        var gaps = new List<double>();
        var plans = new List<StaffingPlan>();
        var idleFrom = -1;
        for (var n = 0; n <= BruteForceBound && idleFrom < 0 && (n == 0 || gaps[n - 1] > 1e-9); n++)
        {
            var plan = instances.Policy.Calculate(instances.Days, instances.Arrivals, instances.Workforce.With(instances.Profile.Recruits(n, starts)));
            plans.Add(plan);
            gaps.Add(Gap(plan, from));
            idleFrom = n > 0 && plan.AssignmentsOf(instances.Profile.RecruitId(n)).Count == 0 ? n : -1;
        }

        var least = gaps.Min();
        if (idleFrom > 0)
        {
            // A count that leaves its last recruit idle plans as one recruit fewer, and so does every count above it.
            Same(plans[idleFrom - 1], plans[idleFrom], because);
            foreach (var more in new[] { idleFrom + 1, (2 * idleFrom) + 3 })
            {
                Same(instances.Policy.Calculate(instances.Days, instances.Arrivals, instances.Workforce.With(instances.Profile.Recruits(more, starts))), plans[idleFrom], because);
            }
        }
        else if (least > 1e-9)
        {
            tally.Bounded++;
        }

        var smallest = gaps.FindIndex(g => g <= least + 1e-9);
        if (idleFrom > 0 || least <= 1e-9 || option.Count <= BruteForceBound)
        {
            option.Count.Should().Be(smallest, because);
            option.RemainingGapPersonHours.Should().BeApproximately(least, 1e-6, because);
        }
        else
        {
            option.RemainingGapPersonHours.Should().BeLessThan(least - 1e-9, because);
        }

        Gap(option.Plan, from).Should().BeApproximately(option.RemainingGapPersonHours, 1e-6, because);
        option.ClosesGap.Should().Be(option.RemainingGapPersonHours <= 1e-9, because);
        option.GapWithoutRecruitsPersonHours.Should().BeApproximately(gaps[0], 1e-6, because);
        tally.Add(gaps, smallest, least);
    }

    private static void Same(StaffingPlan plan, StaffingPlan expected, string because) =>
        plan.Assignments.Select(a => (a.Person, a.Requirement.Index)).Should().Equal(expected.Assignments.Select(a => (a.Person, a.Requirement.Index)), because);

    private static StaffingRequirement Night(StaffingPlan plan, LocalDate date) => plan.Requirements.Single(r => r.Date == date && r.Shift.IsNight);

    private static double Gap(StaffingPlan plan, LocalDate from)
    {
        var sum = 0.0;
        for (var d = from; d <= plan.Period.End; d = d.PlusDays(1))
        {
            sum += plan.Totals(d).GapPersonHours;
        }

        return sum;
    }

    /// <summary>Monday 2020-02-10 to Sunday 2020-02-16 at Low: one compound, one gate, one person per 12 h shift.</summary>
    private static List<RiskSnapshot> Week(out StaffingPolicy policy, out GateArrivals arrivals, int nightsPerWeek = 1)
    {
        var tree = new ZoneTreeBuilder()
            .Add("c", ZoneKind.Community, "c")
            .Add("c-1", ZoneKind.Compound, "c-1", parent: "c", gates: 1)
            .Add("c-1-1", ZoneKind.Building, "c-1-1", parent: "c-1", households: 50, residents: 100)
            .Build();
        policy = new StaffingPolicyBuilder(Scale)
            .WithShifts(ShiftPattern.TwoTwelveHour(new LocalTime(8, 0), Duration.FromMinutes(30)))
            .WithLimits(new WorkLimits { MaxNightShiftsPerWeek = nightsPerWeek })
            .WithCheckTime(GateCheckMethod.ManualRegistration, Duration.FromSeconds(30))
            .ForLevel("Low", new LevelStaffing { Gate = new GateRule { Check = GateCheckMethod.ManualRegistration, Target = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20)), MinimumOnDuty = 1 } })
            .Build();
        arrivals = new GateArrivals(ArrivalProfile.ClosedCompoundIllustrative);
        return Enumerable.Range(0, 7).Select(i => RiskSnapshot.Uniform(tree, Monday.PlusDays(i), Scale, Scale["Low"])).ToList();
    }

    private static StaffMember Member(string id, WorkforceSource source, double hours, StaffingDuties duties, LocalDate? leaves = null) => new()
    {
        Id = PersonId.From(id),
        Source = source,
        Zone = ZoneId.From(id.StartsWith("ps-", StringComparison.Ordinal) ? "c-1" : "c"),
        HoursPerWeek = hours,
        Duties = duties,
        LeavesOn = leaves,
    };

    private sealed class Tally
    {
        public int Instances { get; private set; }

        public int NoDeparture { get; set; }

        public int Closing { get; private set; }

        public int ClosingAtOne { get; private set; }

        public int NotClosing { get; private set; }

        public int NotMonotone { get; private set; }

        public int Bounded { get; set; }

        public int Counts { get; private set; }

        public void Add(List<double> gaps, int smallest, double least)
        {
            Instances++;
            Counts += gaps.Count;
            NotMonotone += Enumerable.Range(1, gaps.Count - 1).Any(n => gaps[n] > gaps[n - 1] + 1e-9) ? 1 : 0;
            if (least <= 1e-9)
            {
                Closing++;
                ClosingAtOne += smallest == 1 ? 1 : 0;
            }
            else
            {
                NotClosing++;
            }
        }

        public override string ToString() =>
            $"{Instances} hand-overs with a departure ({NoDeparture} without), {Counts} counts planned: {Closing} closable ({ClosingAtOne} by one recruit), {NotClosing} not, {NotMonotone} with a gap that rises somewhere, {Bounded} checked only up to {BruteForceBound}.";
    }
}
