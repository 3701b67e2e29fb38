using System.Collections.Generic;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Measures;
using CommunityControl.Risk;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Tests.Access;

/// <summary>A small community for gate tests: one community, compound A (with a building) and compound B, in Asia/Shanghai.</summary>
internal static class GateFixture
{
    public static readonly ZoneTree Tree = new ZoneTreeBuilder()
        .Add("c1", ZoneKind.Community)
        .Add("c1-a", ZoneKind.Compound, parent: "c1", gates: 1, households: 48)
        .Add("c1-a-1", ZoneKind.Building, parent: "c1-a", households: 48)
        .Add("c1-b", ZoneKind.Compound, parent: "c1", gates: 1, households: 30)
        .Build();

    public static readonly int CompoundA = Tree.GetIndex(ZoneId.From("c1-a"));
    public static readonly LocalDate Date = new(2022, 7, 1);
    public static readonly DateTimeZone Shanghai = Tree.TimeZone;

    public static readonly PersonId Person = PersonId.From("p-0001");
    public static readonly PersonId Spouse = PersonId.From("p-0002");
    public static readonly HouseholdId Household = HouseholdId.From("h-0001");

    public static RiskLevel Low => RiskScales.ChinaLowMediumHigh["Low"];

    public static RiskLevel Medium => RiskScales.ChinaLowMediumHigh["Medium"];

    public static RiskLevel High => RiskScales.ChinaLowMediumHigh["High"];

    /// <summary>Local noon on 2022-07-01 in Shanghai.</summary>
    public static Instant Noon => Local(12, 0);

    public static Instant Local(int hour, int minute, int second = 0, int dayOffset = 0)
        => Date.PlusDays(dayOffset).At(new LocalTime(hour, minute, second)).InZoneStrictly(Shanghai).ToInstant();

    public static RiskSnapshot Uniform(RiskLevel level, RiskScale? scale = null)
        => RiskSnapshot.Uniform(Tree, Date, scale ?? RiskScales.ChinaLowMediumHigh, level);

    /// <summary>A uniform snapshot on <see cref="Date"/> plus <paramref name="dayOffset"/> days.</summary>
    public static RiskSnapshot UniformOn(int dayOffset, RiskLevel level)
        => RiskSnapshot.Uniform(Tree, Date.PlusDays(dayOffset), RiskScales.ChinaLowMediumHigh, level);

    public static MeasureTable TableAt(RiskLevel level, MeasureSet set)
        => new MeasureTableBuilder(RiskScales.ChinaLowMediumHigh).WithEdition("test").At(level, set).Build();

    /// <summary>A resident of household h-0001 at compound A, with a pass, a green code and 36.5 °C, gate run by a community worker.</summary>
    public static AccessRequest Resident(GateDirection direction, OutingPurpose purpose = OutingPurpose.Shopping, Instant? at = null) => new()
    {
        ZoneIndex = CompoundA,
        Direction = direction,
        At = at ?? Noon,
        Person = Person,
        Household = Household,
        Category = PersonCategory.Resident,
        Operator = Role.CommunityWorker,
        Purpose = purpose,
        TemperatureCelsius = 36.5,
        HealthCode = HealthCodeColour.Green,
        HasPass = true,
    };

    public static AccessRequest Visitor(OutingPurpose purpose = OutingPurpose.Visit) => new()
    {
        ZoneIndex = CompoundA,
        Direction = GateDirection.Entry,
        At = Noon,
        Person = PersonId.From("v-0001"),
        Category = PersonCategory.Visitor,
        Operator = Role.CommunityWorker,
        Purpose = purpose,
        TemperatureCelsius = 36.5,
        HealthCode = HealthCodeColour.Green,
    };

    public static AccessRequest Courier() => Visitor(OutingPurpose.Delivery) with { Category = PersonCategory.Courier, Person = PersonId.From("k-0001") };

    public static IEnumerable<object[]> Implausible() => new[]
    {
        new object[] { double.NaN },
        new object[] { 20.0 },
        new object[] { 80.0 },
        new object[] { double.PositiveInfinity },
        new object[] { 33.9 },
        new object[] { 43.1 },
    };
}
