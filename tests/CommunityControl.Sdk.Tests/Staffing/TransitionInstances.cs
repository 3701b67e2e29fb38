using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Risk;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Tests.Staffing;

/// <summary>
/// Small random hand-overs for checking <see cref="TransitionPlan"/> against brute force: one community of one or two
/// compounds (one gate each, 40–400 households), one to two weeks at Low or Medium, a few property staff, community
/// workers and deployed cadres (some leaving on a random day of the period), and one recruit profile of random hours,
/// duties, days and start. Small enough that every recruit count up to the gap in person-shifts is cheap to plan.
/// </summary>
internal sealed class TransitionInstances
{
    public const string Community = "c";

    private static readonly RiskScale Scale = RiskScales.ChinaLowMediumHigh;

    private static readonly StaffingDuties[] RecruitDuties =
    {
        StaffingDuties.DayGates, StaffingDuties.NightGates, StaffingDuties.DayGates | StaffingDuties.NightGates, StaffingDuties.All,
        StaffingDuties.All, StaffingDuties.DayGates | StaffingDuties.NightGates | StaffingDuties.Patrol, StaffingDuties.DayGates | StaffingDuties.Patrol,
        StaffingDuties.Patrol | StaffingDuties.Coordination,
    };

    private static readonly double[] RecruitHours = { 8, 12.5, 20, 25, 37.5, 50, 75 };

    private static readonly WorkforceSource[] RecruitSources =
    {
        WorkforceSource.Volunteer, WorkforceSource.CommunityWorker, WorkforceSource.PropertyStaff, WorkforceSource.PartyMember,
    };

    private readonly Random _random;

    public TransitionInstances(int seed) => _random = new Random(seed);

    public StaffingPolicy Policy { get; private set; } = null!;

    public IReadOnlyList<RiskSnapshot> Days { get; private set; } = null!;

    public GateArrivals Arrivals { get; private set; } = null!;

    public Workforce Workforce { get; private set; } = null!;

    public RecruitProfile Profile { get; private set; } = null!;

    /// <summary>Draws the next instance.</summary>
    public void Next()
    {
        var compounds = _random.Next(1, 3);
        var tree = Tree(compounds);
        Policy = NewPolicy();
        var start = new LocalDate(2020, 2, 3).PlusDays(_random.Next(0, 7));
        var length = _random.Next(7, 13);
        var medium = _random.Next(3) == 0;
        Days = Enumerable.Range(0, length)
            .Select(i => RiskSnapshot.Uniform(tree, start.PlusDays(i), Scale, Scale[medium && i < length / 2 ? "Medium" : "Low"]))
            .ToList();
        Arrivals = _random.Next(2) == 0
            ? new GateArrivals(ArrivalProfile.ClosedCompoundIllustrative).WithLevel(Scale["Low"], ArrivalProfile.WorkResumptionIllustrative)
            : new GateArrivals(ArrivalProfile.ClosedCompoundIllustrative);
        Workforce = NewWorkforce(compounds, start, length);
        Profile = NewProfile(compounds, start, length);
    }

    /// <summary>Describes the instance for a failure message (no personal data: the ids are the test's own).</summary>
    /// <returns>The description.</returns>
    public string Describe() => string.Join(
        "; ",
        $"{Days.Count} days from {Days[0].Date:uuuu'-'MM'-'dd}",
        $"{Days[0].Tree.Count} zones, shifts {Policy.Shifts.Shifts.Count}, limits {Policy.Limits}",
        string.Join(", ", Workforce.Select(m => $"{m.Id} {m.Source} {m.HoursPerWeek}h {m.Duties} leaves {m.LeavesOn}")),
        $"profile {Profile}, days {Profile.AvailableDays.Count}, max/day {Profile.MaxHoursPerDay}, starts {Profile.StartsOn}");

    private ZoneTree Tree(int compounds)
    {
        var builder = new ZoneTreeBuilder().Add(Community, ZoneKind.Community, "c");
        for (var c = 1; c <= compounds; c++)
        {
            var id = $"{Community}-{c}";
            builder.Add(id, ZoneKind.Compound, id, parent: Community, gates: 1);
            var buildings = _random.Next(1, 3);
            for (var b = 1; b <= buildings; b++)
            {
                var households = _random.Next(20, 201);
                builder.Add($"{id}-{b}", ZoneKind.Building, $"{id}-{b}", parent: id, households: households, residents: households * 2);
            }
        }

        return builder.Build();
    }

    private StaffingPolicy NewPolicy()
    {
        var shifts = _random.Next(3) == 0
            ? ShiftPattern.ThreeEightHour(new LocalTime(6, 0), Duration.FromMinutes(_random.Next(2) * 30))
            : ShiftPattern.TwoTwelveHour(new LocalTime(8, 0), Duration.FromMinutes(30));
        var limits = new WorkLimits
        {
            MaxHoursPerDay = _random.Next(2) == 0 ? 12.5 : null,
            MaxHoursPerWeek = _random.Next(2) == 0 ? 75 : null,
            MaxNightShiftsPerWeek = _random.Next(2) == 0 ? null : _random.Next(1, 5),
            MinimumRest = _random.Next(3) == 0 ? null : Duration.FromHours(_random.Next(8, 13)),
        };
        var day = (From: new LocalTime(8, 0), Until: new LocalTime(20, 0));
        return new StaffingPolicyBuilder(Scale)
            .WithShifts(shifts)
            .WithLimits(limits)
            .WithCheckTime(GateCheckMethod.CodeScan, Duration.FromSeconds(10))
            .WithCheckTime(GateCheckMethod.ManualRegistration, Duration.FromSeconds(30))
            .ForLevel("Low", new LevelStaffing
            {
                Gate = new GateRule { Check = GateCheckMethod.ManualRegistration, Target = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20), maximumOccupancy: 0.85), MinimumOnDuty = _random.Next(1, 3) },
            })
            .ForLevel("Medium", new LevelStaffing
            {
                Gate = new GateRule { Check = GateCheckMethod.CodeScan, Target = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20)), MinimumOnDuty = 2 },
                Workloads = new[]
                {
                    new Workload { Kind = WorkKind.GridWork, Basis = WorkloadBasis.PerHousehold, TimesPerDay = 1, TimeEach = Duration.FromMinutes(1), From = day.From, Until = day.Until },
                    new Workload { Kind = WorkKind.Patrol, Basis = WorkloadBasis.PerBuilding, TimesPerDay = 1, TimeEach = Duration.FromMinutes(20), From = day.Until, Until = day.From },
                },
            })
            .Build();
    }

    private Workforce NewWorkforce(int compounds, LocalDate start, int length)
    {
        var members = new List<StaffMember>();
        void Add(string id, WorkforceSource source, string zone, double hours, StaffingDuties duties, LocalDate? leaves = null) => members.Add(new StaffMember
        {
            Id = PersonId.From(id),
            Source = source,
            Zone = ZoneId.From(zone),
            HoursPerWeek = hours,
            Duties = duties,
            LeavesOn = leaves,
        });

        for (var c = 1; c <= compounds; c++)
        {
            for (var i = _random.Next(0, 3); i > 0; i--)
            {
                Add($"ps-{c}{i}", WorkforceSource.PropertyStaff, $"{Community}-{c}", _random.Next(2) == 0 ? 75 : 50, StaffingDuties.DayGates | StaffingDuties.NightGates | StaffingDuties.Patrol);
            }
        }

        for (var i = _random.Next(0, 3); i > 0; i--)
        {
            Add($"cw-{i}", WorkforceSource.CommunityWorker, Community, 50, StaffingDuties.All);
        }

        for (var i = _random.Next(1, 5); i > 0; i--)
        {
            // Most cadres leave on a day of the period (the first day included); some stay.
            LocalDate? leaves = _random.Next(5) == 0 ? null : start.PlusDays(_random.Next(0, length));
            Add($"cadre-{i}", WorkforceSource.DeployedCadre, Community, 75, _random.Next(3) == 0 ? StaffingDuties.DayGates | StaffingDuties.NightGates : StaffingDuties.All, leaves ?? LocalDate.MaxIsoValue);
        }

        return Workforce.Create(members);
    }

    private RecruitProfile NewProfile(int compounds, LocalDate start, int length)
    {
        var source = RecruitSources[_random.Next(RecruitSources.Length)];
        var zone = _random.Next(3) == 0 ? $"{Community}-{_random.Next(1, compounds + 1)}" : Community;
        IReadOnlyList<IsoDayOfWeek> days = _random.Next(4) == 0
            ? new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday }
            : new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday };
        return new RecruitProfile
        {
            Source = source,
            HoursPerWeek = RecruitHours[_random.Next(RecruitHours.Length)],
            Duties = RecruitDuties[_random.Next(RecruitDuties.Length)],
            Zone = ZoneId.From(zone),
            AvailableDays = days,
            MaxHoursPerDay = _random.Next(6) == 0 ? 8 : null,
            StartsOn = _random.Next(4) == 0 ? start.PlusDays(_random.Next(0, length)) : null,
        };
    }
}
