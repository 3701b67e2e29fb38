using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Tests.Staffing.Roster;

/// <summary>
/// Roster problems for the tests and the benchmarks (linked into both): a community of 2,000 households (10 compounds of
/// 200, two gates each) with 300 people for one week, a city of such communities, and small random instances for brute force.
/// </summary>
internal static class RosterInstances
{
    /// <summary>Monday 18 July 2022, the first day of every instance's week.</summary>
    public static readonly LocalDate Monday = new(2022, 7, 18);

    /// <summary>The limits of the instances: 12 h a day, 3 nights a week, 8 h rest between shifts.</summary>
    public static readonly WorkLimits Limits = new() { MaxHoursPerDay = 12, MaxNightShiftsPerWeek = 3, MinimumRest = Duration.FromHours(8) };

    public static ZoneTree Tree(int communities, int compounds, int householdsPerCompound)
    {
        var b = new ZoneTreeBuilder(DateTimeZoneProviders.Tzdb["Asia/Shanghai"])
            .Add("C", ZoneKind.City, "C")
            .Add("C-1", ZoneKind.District, "D", parent: "C")
            .Add("C-1-1", ZoneKind.Subdistrict, "S", parent: "C-1");
        for (var m = 0; m < communities; m++)
        {
            var community = Id("C-1-1-", m);
            b.Add(community, ZoneKind.Community, community, parent: "C-1-1");
            for (var k = 0; k < compounds; k++)
            {
                var compound = Id(community + "-", k);
                b.Add(compound, ZoneKind.Compound, compound, parent: community, gates: 2);
                for (var u = 0; u < 4; u++)
                {
                    b.Add(Id(compound + "-", u), ZoneKind.Building, compound, parent: compound, households: householdsPerCompound / 4);
                }
            }
        }

        return b.Build();
    }

    /// <summary>A community of 2,000 households (10 compounds) and 300 people, one week.</summary>
    public static RosterProblem Community(int seed = 1) => City(1, seed, people: 300, maxDistance: null);

    /// <summary>A city-wide week: <paramref name="communities"/> communities like <see cref="Community"/>, people kept within their community.</summary>
    public static RosterProblem City(int communities, int seed = 1, int people = 300, int? maxDistance = 3)
    {
        var tree = Tree(communities, 10, 200);
        var random = new Random(seed);
        var demands = new List<RosterDemand>();
        var candidates = new List<RosterCandidate>();
        for (var m = 0; m < communities; m++)
        {
            var community = Id("C-1-1-", m);
            for (var k = 0; k < 10; k++)
            {
                demands.AddRange(CompoundWeek(ZoneId.From(Id(community + "-", k))));
            }

            for (var p = 0; p < people; p++)
            {
                var home = ZoneId.From(Id(Id(community + "-", random.Next(10)) + "-", random.Next(4)));
                candidates.Add(Person(PersonId.From(Id(community + "-p", p)), home, random));
            }
        }

        return new RosterProblem(tree, demands, candidates, Limits, maxDistance);
    }

    /// <summary>
    /// A small random instance for brute force: one community of two compounds; 4 or 5 demands (1 or 2 people each,
    /// some overlapping, some at night, some close together for the rest limit) and 3 candidates.
    /// </summary>
    public static RosterProblem Small(Random random)
    {
        var tree = Tree(1, 2, 8);
        var posts = new[] { "C-1-1-0-0", "C-1-1-0-1" };
        var duties = new[] { StaffingDuties.DayGates, StaffingDuties.NightGates, StaffingDuties.DoorToDoor };
        var demands = new List<RosterDemand>();
        var count = random.Next(4, 6);
        for (var i = 0; i < count; i++)
        {
            var duty = duties[random.Next(duties.Length)];
            var start = Monday.PlusDays(random.Next(2)).At(new LocalTime(random.Next(6) * 4, 0));
            var hours = random.Next(2) == 0 ? 4 : 8;
            demands.Add(new RosterDemand(ZoneId.From(posts[random.Next(2)]), duty, start, Duration.FromHours(hours), duty == StaffingDuties.NightGates, random.Next(1, 3)));
        }

        var limits = new WorkLimits { MaxHoursPerDay = 12, MaxNightShiftsPerWeek = 1, MinimumRest = Duration.FromHours(4) };
        var candidates = Enumerable.Range(0, 3).Select(i => Person(PersonId.From("s" + i.ToString(CultureInfo.InvariantCulture)), ZoneId.From(Id(posts[random.Next(2)] + "-", random.Next(4))), random, small: true));
        return new RosterProblem(tree, demands, candidates, limits);
    }

    /// <summary>A compound's week: two gates, each 08–16 and 16–24 (day gates, 2 people) and 00–08 (night gates, 1 person); door-to-door 09–13 (1 person).</summary>
    private static IEnumerable<RosterDemand> CompoundWeek(ZoneId compound)
    {
        for (var day = 0; day < 7; day++)
        {
            var date = Monday.PlusDays(day);
            for (var gate = 0; gate < 2; gate++)
            {
                yield return new RosterDemand(compound, StaffingDuties.DayGates, date.At(new LocalTime(8, 0)), Duration.FromHours(8), false, 2);
                yield return new RosterDemand(compound, StaffingDuties.DayGates, date.At(new LocalTime(16, 0)), Duration.FromHours(8), false, 2);
                yield return new RosterDemand(compound, StaffingDuties.NightGates, date.At(LocalTime.Midnight), Duration.FromHours(8), true, 1);
            }

            yield return new RosterDemand(compound, StaffingDuties.DoorToDoor, date.At(new LocalTime(9, 0)), Duration.FromHours(4), false, 1);
        }
    }

    private static RosterCandidate Person(PersonId id, ZoneId home, Random random, bool small = false)
    {
        var all = new[] { StaffingDuties.DayGates, StaffingDuties.NightGates, StaffingDuties.DoorToDoor };
        var abilities = StaffingDuties.None;
        while (abilities == StaffingDuties.None)
        {
            foreach (var duty in all)
            {
                abilities |= random.Next(3) > 0 ? duty : StaffingDuties.None;
            }
        }

        var windows = Availability(random.Next(small ? 3 : 5)).ToArray();
        var contracted = small ? random.Next(0, 3) * 4 : random.Next(2, 6) * 5;
        var max = contracted + (small ? random.Next(0, 3) * 4 : random.Next(1, 3) * 8);
        var signUp = new VolunteerSignUp(id, home, abilities, windows, (VolunteerAgeBand)random.Next(1, 6), healthDeclared: true);
        return signUp.ToCandidate(VolunteerAgeBand.From45To59, contracted, Math.Max(max, 8));
    }

    /// <summary>Availability patterns: every day all day; weekdays 07–19; every evening 15–24; weekends; every night 23–09.</summary>
    private static IEnumerable<AvailabilityWindow> Availability(int pattern)
    {
        var days = Enumerable.Range(1, 7).Select(d => (IsoDayOfWeek)d);
        return pattern switch
        {
            0 => days.Select(d => new AvailabilityWindow(d, LocalTime.Midnight, LocalTime.Midnight)),
            1 => days.Take(5).Select(d => new AvailabilityWindow(d, new LocalTime(7, 0), new LocalTime(19, 0))),
            2 => days.Select(d => new AvailabilityWindow(d, new LocalTime(15, 0), LocalTime.Midnight)),
            3 => days.Skip(5).Select(d => new AvailabilityWindow(d, LocalTime.Midnight, LocalTime.Midnight)),
            _ => days.Select(d => new AvailabilityWindow(d, new LocalTime(23, 0), new LocalTime(9, 0))),
        };
    }

    private static string Id(string prefix, int i) => prefix + i.ToString(CultureInfo.InvariantCulture);
}
