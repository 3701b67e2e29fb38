using System.Linq;
using CommunityControl.Risk;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Tests.Testing;

/// <summary>
/// A district with one community of two compounds (A: two buildings, one gate; B: one building, one gate), a second
/// district, and a staffing policy that needs two people on each gate per 12-hour shift at Medium and High.
/// </summary>
internal static class ScenarioCommunity
{
    public static readonly ZoneTree Tree = new ZoneTreeBuilder()
        .Add("d1", ZoneKind.District)
        .Add("s1", ZoneKind.Subdistrict, parent: "d1")
        .Add("c1", ZoneKind.Community, parent: "s1")
        .Add("c1-a", ZoneKind.Compound, parent: "c1", gates: 1)
        .Add("c1-a-1", ZoneKind.Building, parent: "c1-a", households: 40, residents: 100)
        .Add("c1-a-2", ZoneKind.Building, parent: "c1-a", households: 40, residents: 100)
        .Add("c1-b", ZoneKind.Compound, parent: "c1", gates: 1)
        .Add("c1-b-1", ZoneKind.Building, parent: "c1-b", households: 30, residents: 80)
        .Build();

    public static readonly ZoneId CompoundA = ZoneId.From("c1-a");
    public static readonly ZoneId BuildingA1 = ZoneId.From("c1-a-1");
    public static readonly ZoneId CompoundB = ZoneId.From("c1-b");
    public static readonly ZoneId Community = ZoneId.From("c1");
    public static readonly ZoneId District = ZoneId.From("d1");

    /// <summary>2022-07-01, day 0 of the first case.</summary>
    public static readonly LocalDate Day0 = new(2022, 7, 1);

    public static LocalDate Day(int n) => Day0.PlusDays(n);

    public static StaffingPolicy GatePolicy()
    {
        var gate = new GateRule { Check = GateCheckMethod.CodeScan, Target = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20)), MinimumOnDuty = 2 };
        return new StaffingPolicyBuilder(RiskScales.ChinaLowMediumHigh)
            .WithShifts(ShiftPattern.TwoTwelveHour(new LocalTime(8, 0), Duration.Zero))
            .WithLimits(new WorkLimits { MaxHoursPerDay = 12 })
            .WithCheckTime(GateCheckMethod.CodeScan, Duration.FromSeconds(10))
            .ForLevel("Medium", new LevelStaffing { Gate = gate })
            .ForLevel("High", new LevelStaffing { Gate = gate })
            .Build();
    }

    /// <summary>Quiet gates: the minimum on duty binds.</summary>
    public static GateArrivals Arrivals() => new(ArrivalProfile.PerGate("quiet", Enumerable.Repeat(0.0, 24)));

    /// <summary><paramref name="count"/> community workers serving compound A, one 12-hour shift a day each.</summary>
    public static Workforce Workers(int count) => Workforce.Create(Enumerable.Range(1, count).Select(i => new StaffMember
    {
        Id = PersonId.From("cw-" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)),
        Source = WorkforceSource.CommunityWorker,
        Zone = CompoundA,
        HoursPerWeek = 84,
        Duties = StaffingDuties.All,
    }));
}
