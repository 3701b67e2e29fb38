using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CommunityControl.Benchmarks.Data;
using CommunityControl.Risk;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Benchmarks.Staffing;

/// <summary>
/// A city-wide weekly plan on the Wuhan-sized tree (7,148 compounds with 1–3 gates each, 100,000 buildings, 400,000
/// units): every compound at Medium with one compound in ten sealed (High), 24 hours × 7 days, 3 × 8 h shifts; gates by
/// Erlang C for each hour; door-to-door service, disinfection and patrols for the sealed ones; grid work for the rest.
/// Target under 1 s. Two variants: demand only (no workforce), and demand plus the cover from a workforce of 33,000
/// (30 per community).
/// </summary>
[MemoryDiagnoser]
public class StaffingPlanBenchmarks
{
    private static readonly RiskScale Scale = RiskScales.ChinaLowMediumHigh;
    private static readonly LocalDate Monday = new(2020, 2, 10);
    private StaffingPolicy _policy = null!;
    private RiskSnapshot _snapshot = null!;
    private GateArrivals _arrivals = null!;
    private Workforce _workforce = null!;
    private DateInterval _week = null!;

    [GlobalSetup]
    public void Setup()
    {
        var tree = WuhanTree.Build();
        var designations = new Dictionary<ZoneId, RiskLevel> { [tree.Roots[0].Id] = Scale["Medium"] };
        var compounds = tree.OfKind(ZoneKind.Compound);
        for (var i = 0; i < compounds.Count; i += 10)
        {
            designations[compounds[i].Id] = Scale["High"];
        }

        _snapshot = RiskSnapshot.Create(tree, Monday, Scale, designations, Scale["Low"]);
        _arrivals = new GateArrivals(ArrivalProfile.ClosedCompoundIllustrative);
        _week = new DateInterval(Monday, Monday.PlusDays(6));
        var day = (From: new LocalTime(8, 0), Until: new LocalTime(20, 0));
        var gate = new GateRule { Check = GateCheckMethod.CodeScan, Target = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20), 0.85, 0.1), MinimumOnDuty = 1 };
        _policy = new StaffingPolicyBuilder(Scale)
            .WithShifts(ShiftPattern.ThreeEightHour(new LocalTime(8, 0), Duration.FromMinutes(15)))
            .WithLimits(new WorkLimits { MaxHoursPerDay = 8.25, MaxHoursPerWeek = 50, MaxNightShiftsPerWeek = 3, MinimumRest = Duration.FromHours(11) })
            .WithCheckTime(GateCheckMethod.CodeScan, Duration.FromSeconds(12))
            .ForLevel("Medium", new LevelStaffing
            {
                Gate = gate,
                Workloads = new[] { new Workload { Kind = WorkKind.GridWork, Basis = WorkloadBasis.PerHousehold, TimesPerDay = 1, TimeEach = Duration.FromMinutes(1), From = day.From, Until = day.Until } },
            })
            .ForLevel("High", new LevelStaffing
            {
                Gate = gate,
                Workloads = new[]
                {
                    new Workload { Kind = WorkKind.Delivery, Basis = WorkloadBasis.PerHousehold, TimesPerDay = 1, TimeEach = Duration.FromMinutes(5), From = day.From, Until = day.Until, MinimumPeople = 2 },
                    new Workload { Kind = WorkKind.TemperatureCheck, Basis = WorkloadBasis.PerHousehold, TimesPerDay = 2, TimeEach = Duration.FromMinutes(2), From = day.From, Until = day.Until },
                    new Workload { Kind = WorkKind.WasteCollection, Basis = WorkloadBasis.PerHousehold, TimesPerDay = 1, TimeEach = Duration.FromMinutes(2), From = day.From, Until = day.Until },
                    new Workload { Kind = WorkKind.Disinfection, Basis = WorkloadBasis.PerBuilding, TimesPerDay = 2, TimeEach = Duration.FromMinutes(30), From = day.From, Until = day.Until },
                    new Workload { Kind = WorkKind.Patrol, Basis = WorkloadBasis.PerBuilding, TimesPerDay = 2, TimeEach = Duration.FromMinutes(10) },
                },
            })
            .Build();

        var members = new List<StaffMember>();
        var sources = new[] { WorkforceSource.CommunityWorker, WorkforceSource.DeployedCadre, WorkforceSource.PartyMember, WorkforceSource.Volunteer };
        foreach (var community in tree.OfKind(ZoneKind.Community))
        {
            for (var k = 0; k < 30; k++)
            {
                var source = sources[k % sources.Length];
                members.Add(new StaffMember
                {
                    Id = PersonId.From($"{community.Id.Value}-{k:00}"),
                    Source = source,
                    Zone = community.Id,
                    HoursPerWeek = source == WorkforceSource.Volunteer ? 25 : 50,
                    Duties = source == WorkforceSource.PartyMember ? StaffingDuties.DayGates | StaffingDuties.DoorToDoor | StaffingDuties.Coordination : StaffingDuties.All,
                    LeavesOn = source == WorkforceSource.DeployedCadre ? Monday.PlusDays(4) : null,
                });
            }
        }

        _workforce = Workforce.Create(members);
    }

    [Benchmark(Baseline = true, Description = "City week, demand only (7,148 compounds × 7 days × 3 shifts)")]
    public double DemandOnly() => _policy.Calculate(_snapshot, _arrivals, Workforce.Empty, _week).Totals().RequiredPersonHours;

    [Benchmark(Description = "City week, demand and cover (33,000 people)")]
    public double DemandAndCover() => _policy.Calculate(_snapshot, _arrivals, _workforce, _week).Totals().GapPersonHours;
}
