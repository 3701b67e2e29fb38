using System.Collections.Generic;
using System.Linq;
using CommunityControl.Risk;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Tests.Staffing;

/// <summary>
/// A community of the size in the seeds: four compounds with one gate each, 2,000 households and 4,620 residents.
/// <list type="bullet">
/// <item>C1 500101-001-01: 4 buildings × 120 households (280 residents each) = 480 households.</item>
/// <item>C2 500101-001-02: 5 buildings × 100 households (230 residents each) = 500 households.</item>
/// <item>C3 500101-001-03: 4 buildings × 130 households (300 residents each) = 520 households.</item>
/// <item>C4 500101-001-04: 5 buildings × 100 households (230 residents each) = 500 households.</item>
/// </list>
/// The outbreak: 2020-02-10 (Mon) to 2020-02-23 the community is Medium (closed compounds) and building C1-01 is High
/// (sealed); from 2020-02-24 to 2020-03-08 everything is Low and work resumes (commuting peaks return).
/// </summary>
internal static class SeedsCommunity
{
    public const string Community = "500101-001";
    public const string C1 = "500101-001-01";
    public const string SealedBuilding = "500101-001-01-01";

    public static readonly LocalDate OutbreakStart = new(2020, 2, 10);
    public static readonly LocalDate WorkResumes = new(2020, 2, 24);
    public static readonly LocalDate SecondWithdrawal = new(2020, 3, 2);
    public static readonly LocalDate End = new(2020, 3, 8);

    public static RiskScale Scale => RiskScales.ChinaLowMediumHigh;

    public static ZoneTree Tree { get; } = BuildTree();

    public static ZoneTree BuildTree()
    {
        var builder = new ZoneTreeBuilder().Add(Community, ZoneKind.Community, "香炉山社区");
        var compounds = new (int Buildings, int Households, int Residents)[] { (4, 120, 280), (5, 100, 230), (4, 130, 300), (5, 100, 230) };
        for (var c = 0; c < compounds.Length; c++)
        {
            var id = $"{Community}-0{c + 1}";
            builder.Add(id, ZoneKind.Compound, $"小区{c + 1}", parent: Community, gates: 1);
            for (var b = 1; b <= compounds[c].Buildings; b++)
            {
                builder.Add($"{id}-0{b}", ZoneKind.Building, $"{b}栋", parent: id, households: compounds[c].Households, residents: compounds[c].Residents);
            }
        }

        return builder.Build();
    }

    /// <summary>
    /// The policy: 2 × 12 h shifts from 08:00 with 30 min handover (12.5 paid hours); at most 12.5 h a day, 75 h a week,
    /// 4 night shifts a week, 11 h rest.
    /// <list type="bullet">
    /// <item>Medium: gates by code scan (10 s), 80 % within 20 s, at least 2 on duty; grid work 1 min per household a day
    /// (08:00–20:00); a night patrol of 20 min per building (20:00–08:00).</item>
    /// <item>High: the same gate; door-to-door for sealed households 08:00–20:00: a delivery of 6 min, two temperature
    /// checks of 3 min, a waste pick-up of 2 min, at least 2 people; disinfection 2 × 45 min per building 08:00–20:00.</item>
    /// <item>Low: gates by manual registration (30 s), 80 % within 20 s, occupancy ≤ 85 %, at least 1 on duty.</item>
    /// </list>
    /// All times are this test's parameters: the reference gives none.
    /// </summary>
    public static StaffingPolicy Policy()
    {
        var codeScanGate = new GateRule { Check = GateCheckMethod.CodeScan, Target = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20)), MinimumOnDuty = 2 };
        var day = (From: new LocalTime(8, 0), Until: new LocalTime(20, 0));
        return new StaffingPolicyBuilder(Scale)
            .WithShifts(ShiftPattern.TwoTwelveHour(new LocalTime(8, 0), Duration.FromMinutes(30)))
            .WithLimits(new WorkLimits { MaxHoursPerDay = 12.5, MaxHoursPerWeek = 75, MaxNightShiftsPerWeek = 4, MinimumRest = Duration.FromHours(11) })
            .WithCheckTime(GateCheckMethod.CodeScan, Duration.FromSeconds(10))
            .WithCheckTime(GateCheckMethod.ManualRegistration, Duration.FromSeconds(30))
            .ForLevel("Low", new LevelStaffing
            {
                Gate = new GateRule { Check = GateCheckMethod.ManualRegistration, Target = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20), maximumOccupancy: 0.85), MinimumOnDuty = 1 },
            })
            .ForLevel("Medium", new LevelStaffing
            {
                Gate = codeScanGate,
                Workloads = new[]
                {
                    new Workload { Kind = WorkKind.GridWork, Basis = WorkloadBasis.PerHousehold, TimesPerDay = 1, TimeEach = Duration.FromMinutes(1), From = day.From, Until = day.Until },
                    new Workload { Kind = WorkKind.Patrol, Basis = WorkloadBasis.PerBuilding, TimesPerDay = 1, TimeEach = Duration.FromMinutes(20), From = day.Until, Until = day.From },
                },
            })
            .ForLevel("High", new LevelStaffing
            {
                Gate = codeScanGate,
                Workloads = new[]
                {
                    new Workload { Kind = WorkKind.Delivery, Basis = WorkloadBasis.PerHousehold, TimesPerDay = 1, TimeEach = Duration.FromMinutes(6), From = day.From, Until = day.Until, MinimumPeople = 2 },
                    new Workload { Kind = WorkKind.TemperatureCheck, Basis = WorkloadBasis.PerHousehold, TimesPerDay = 2, TimeEach = Duration.FromMinutes(3), From = day.From, Until = day.Until, MinimumPeople = 2 },
                    new Workload { Kind = WorkKind.WasteCollection, Basis = WorkloadBasis.PerHousehold, TimesPerDay = 1, TimeEach = Duration.FromMinutes(2), From = day.From, Until = day.Until },
                    new Workload { Kind = WorkKind.Disinfection, Basis = WorkloadBasis.PerBuilding, TimesPerDay = 2, TimeEach = Duration.FromMinutes(45), From = day.From, Until = day.Until },
                },
            })
            .Build();
    }

    /// <summary>Closed compounds during the outbreak; work resumption (commuting peaks) at Low.</summary>
    public static GateArrivals Arrivals() => new GateArrivals(ArrivalProfile.ClosedCompoundIllustrative).WithLevel(Scale["Low"], ArrivalProfile.WorkResumptionIllustrative);

    /// <summary>One snapshot per day from <see cref="OutbreakStart"/> to <see cref="End"/> (28 days).</summary>
    public static IReadOnlyList<RiskSnapshot> Days()
    {
        var outbreak = new Dictionary<ZoneId, RiskLevel>
        {
            [ZoneId.From(Community)] = Scale["Medium"],
            [ZoneId.From(SealedBuilding)] = Scale["High"],
        };
        var days = new List<RiskSnapshot>();
        for (var date = OutbreakStart; date <= End; date = date.PlusDays(1))
        {
            days.Add(date < WorkResumes
                ? RiskSnapshot.Create(Tree, date, Scale, outbreak, Scale["Low"])
                : RiskSnapshot.Uniform(Tree, date, Scale, Scale["Low"]));
        }

        return days;
    }

    /// <summary>
    /// The team: 6 community workers (50 h/week, every duty), 8 property staff (2 per compound, 75 h/week, gates, patrol,
    /// disinfection), 16 deployed cadres (75 h/week, every duty; 8 leave on 2020-02-24 and 8 on 2020-03-02), 4 Party members
    /// (25 h/week, day gates, door-to-door, coordination), 8 volunteers (25 h/week, gates and door-to-door; the 2 elderly
    /// ones not on night gates).
    /// </summary>
    public static Workforce Workforce()
    {
        var members = new List<StaffMember>();
        void Add(string id, WorkforceSource source, string zone, double hours, StaffingDuties duties, LocalDate? leaves = null, string[]? tags = null)
            => members.Add(new StaffMember { Id = PersonId.From(id), Source = source, Zone = ZoneId.From(zone), HoursPerWeek = hours, Duties = duties, LeavesOn = leaves, Tags = tags ?? System.Array.Empty<string>() });

        for (var i = 1; i <= 6; i++)
        {
            Add($"cw-{i:00}", WorkforceSource.CommunityWorker, Community, 50, StaffingDuties.All);
        }

        for (var c = 1; c <= 4; c++)
        {
            for (var i = 1; i <= 2; i++)
            {
                Add($"ps-{c}{i}", WorkforceSource.PropertyStaff, $"{Community}-0{c}", 75, StaffingDuties.DayGates | StaffingDuties.NightGates | StaffingDuties.Patrol | StaffingDuties.Disinfection);
            }
        }

        for (var i = 1; i <= 16; i++)
        {
            Add($"cadre-{i:00}", WorkforceSource.DeployedCadre, Community, 75, StaffingDuties.All, i <= 8 ? WorkResumes : SecondWithdrawal);
        }

        for (var i = 1; i <= 4; i++)
        {
            Add($"pm-{i:00}", WorkforceSource.PartyMember, Community, 25, StaffingDuties.DayGates | StaffingDuties.DoorToDoor | StaffingDuties.Coordination);
        }

        for (var i = 1; i <= 8; i++)
        {
            Add($"vol-{i:00}", WorkforceSource.Volunteer, Community, 25, StaffingDuties.DayGates | StaffingDuties.NightGates | StaffingDuties.DoorToDoor, tags: i <= 2 ? new[] { "elderly" } : null);
        }

        return CommunityControl.Staffing.Workforce.Create(members).Restrict(m => m.Tags.Contains("elderly"), StaffingDuties.NightGates);
    }
}
