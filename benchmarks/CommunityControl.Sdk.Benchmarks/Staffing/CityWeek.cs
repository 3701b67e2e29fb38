using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CommunityControl.Risk;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Benchmarks.Staffing;

/// <summary>
/// The week a city's staffing is planned for: every compound at Medium with one compound in ten sealed (High), 24 hours
/// × 7 days, 3 × 8 h shifts; gates by Erlang C for each hour; door-to-door service, disinfection and patrols for the
/// sealed ones; grid work for the rest; a workforce of 30 people per community (community workers, deployed cadres who
/// leave on Friday, party members, volunteers).
/// </summary>
public sealed class CityWeek
{
    private static readonly RiskScale Scale = RiskScales.ChinaLowMediumHigh;
    private static readonly LocalDate Monday = new(2020, 2, 10);

    public CityWeek(ZoneTree tree)
    {
        var designations = new Dictionary<ZoneId, RiskLevel> { [tree.Roots[0].Id] = Scale["Medium"] };
        var compounds = tree.OfKind(ZoneKind.Compound);
        for (var i = 0; i < compounds.Count; i += 10)
        {
            designations[compounds[i].Id] = Scale["High"];
        }

        Snapshot = RiskSnapshot.Create(tree, Monday, Scale, designations, Scale["Low"]);
        Arrivals = new GateArrivals(ArrivalProfile.ClosedCompoundIllustrative);
        Week = new DateInterval(Monday, Monday.PlusDays(6));
        var day = (From: new LocalTime(8, 0), Until: new LocalTime(20, 0));
        var gate = new GateRule { Check = GateCheckMethod.CodeScan, Target = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20), 0.85, 0.1), MinimumOnDuty = 1 };
        Policy = new StaffingPolicyBuilder(Scale)
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

        Workforce = Workforce.Create(members);
    }

    public StaffingPolicy Policy { get; }

    public RiskSnapshot Snapshot { get; }

    public GateArrivals Arrivals { get; }

    public Workforce Workforce { get; }

    public DateInterval Week { get; }
}
