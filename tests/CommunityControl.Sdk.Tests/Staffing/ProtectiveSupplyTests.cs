using System;
using System.Globalization;
using System.Linq;
using CommunityControl.Risk;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;
using static CommunityControl.Tests.Staffing.AttendancePlans;

namespace CommunityControl.Tests.Staffing;

public class ProtectiveSupplyTests
{
    private static readonly RiskLevel High = Scale["High"];
    private static readonly RiskLevel Medium = Scale["Medium"];

    // Illustrative figures for the tests only: the library ships none (quantities are not published).
    private static readonly ProtectiveSupplyNorms Norms = ProtectiveSupplyNorms.Empty
        .With(StaffingRole.Gate, Medium, ProtectiveItem.Mask, 2)
        .With(StaffingRole.Gate, High, ProtectiveItem.Mask, 2)
        .With(StaffingRole.DoorToDoor, High, ProtectiveItem.Mask, 3)
        .With(StaffingRole.DoorToDoor, High, ProtectiveItem.Gown, 0.5);

    [Fact]
    public void Demand_IsPersonShiftsTimesTheNorm_PerPostRoundedUp()
    {
        var plan = GateAndDoorToDoor();
        var day = plan.Period.Start;
        var gateShifts = plan.Assignments.Count(a => a.Date == day && a.Role == StaffingRole.Gate);
        var doorShifts = plan.Assignments.Count(a => a.Date == day && a.Role == StaffingRole.DoorToDoor);
        gateShifts.Should().BeGreaterThan(0);
        doorShifts.Should().BeGreaterThan(0);

        Norms.Demand(plan, day, ProtectiveItem.Mask).Should().Be((2 * gateShifts) + (3 * doorShifts));
        Norms.Demand(plan, day, ProtectiveItem.Gown).Should().Be((long)Math.Ceiling(0.5 * doorShifts));
        Norms.Demand(plan, day, ProtectiveItem.Gloves).Should().Be(0, "no norm is set, and none is invented");
        Norms.Demand(plan, day.PlusDays(-1), ProtectiveItem.Mask).Should().Be(0);
    }

    [Theory]
    [InlineData(0, 0)] // exactly enough: nobody short
    [InlineData(1, 1)] // one short: the front line (gates) still full, the others one short
    public void Allocate_ExactlyEnoughVersusOneShort(int missing, long othersShort)
    {
        var plan = GateAndDoorToDoor();
        var day = plan.Period.Start;
        var demand = Norms.Demand(plan, day, ProtectiveItem.Mask);

        var allocation = Norms.Allocate(plan, day, ProtectiveItem.Mask, demand - missing, new[] { StaffingRole.Gate });

        allocation.Shortfall.Should().Be(missing);
        allocation.FrontLineAllocated.Should().Be(allocation.FrontLineDemand);
        (allocation.Demand - allocation.FrontLineDemand - (allocation.Allocated - allocation.FrontLineAllocated)).Should().Be(othersShort);
        allocation.Allocated.Should().Be(demand - missing);
    }

    [Fact]
    public void Allocate_FrontLineItselfShort_GetsTheWholeStockProRata()
    {
        var plan = GateAndDoorToDoor();
        var day = plan.Period.Start;
        var gate = Norms.Allocate(plan, day, ProtectiveItem.Mask, long.MaxValue / 4, new[] { StaffingRole.Gate }).FrontLineDemand;

        var allocation = Norms.Allocate(plan, day, ProtectiveItem.Mask, gate - 1, new[] { StaffingRole.Gate });

        allocation.FrontLineAllocated.Should().Be(gate - 1);
        allocation.Allocated.Should().Be(gate - 1, "nothing is left for the other posts");
        allocation.For(ZoneId.From("c"), StaffingRole.DoorToDoor).Given.Should().Be(0);
    }

    [Fact]
    public void Allocate_NeverGivesMoreThanStockOrDemand_BruteForce()
    {
        var plan = GateAndDoorToDoor();
        var day = plan.Period.Start;
        var demand = Norms.Demand(plan, day, ProtectiveItem.Mask);
        for (long stock = 0; stock <= demand + 2; stock++)
        {
            var a = Norms.Allocate(plan, day, ProtectiveItem.Mask, stock, new[] { StaffingRole.DoorToDoor });

            a.Allocated.Should().Be(Math.Min(stock, demand));
            a.FrontLineAllocated.Should().Be(Math.Min(stock, a.FrontLineDemand), "the front line is served first");
        }
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 2)]
    public void DaysOfCover_ExactlyThreeDaysVersusOneShort(int missing, int days)
    {
        var plan = GateAndDoorToDoor();
        var threeDays = Enumerable.Range(0, 3).Sum(i => Norms.Demand(plan, plan.Period.Start.PlusDays(i), ProtectiveItem.Mask));

        Norms.DaysOfCover(plan, ProtectiveItem.Mask, threeDays - missing).Should().Be(days);
    }

    [Fact]
    public void RolesWithoutNorms_AreListed_AndBadInputIsNamed()
    {
        var plan = GateAndDoorToDoor();

        ProtectiveSupplyNorms.Empty.RolesWithoutNorms(plan).Should().Equal(StaffingRole.Gate, StaffingRole.DoorToDoor);
        Norms.RolesWithoutNorms(plan).Should().BeEmpty();
        FluentActions.Invoking(() => Norms.With(StaffingRole.Unknown, High, ProtectiveItem.Mask, 1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("role");
        FluentActions.Invoking(() => Norms.With(StaffingRole.Gate, High, ProtectiveItem.Unknown, 1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("item");
        FluentActions.Invoking(() => Norms.With(StaffingRole.Gate, High, ProtectiveItem.Mask, -1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("perShift");
        FluentActions.Invoking(() => Norms.DaysOfCover(plan, ProtectiveItem.Mask, -1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("stock");
        FluentActions.Invoking(() => Norms.Allocate(plan, plan.Period.Start, ProtectiveItem.Mask, 1, null!)).Should().Throw<ArgumentNullException>().WithParameterName("frontLine");
    }

    [Fact]
    public void Describe_SpeaksChineseAndEnglish()
    {
        var plan = GateAndDoorToDoor();
        var day = plan.Period.Start;
        var a = Norms.Allocate(plan, day, ProtectiveItem.Mask, 4, new[] { StaffingRole.Gate });

        a.Describe(CultureInfo.GetCultureInfo("zh-CN")).Should().StartWith("2020-02-10 口罩：库存 4，需要 ").And.Contain("一线岗位 4/").And.EndWith("。");
        a.Describe(CultureInfo.GetCultureInfo("en-US")).Should().StartWith("2020-02-10 Mask: stock 4, need ").And.Contain("front line 4 of ");
    }

    /// <summary>A High compound for 4 days: a gate (2 × 12 h) and deliveries to 50 households; six community workers.</summary>
    private static StaffingPlan GateAndDoorToDoor()
    {
        var tree = new ZoneTreeBuilder().Add("c", ZoneKind.Compound, "c", gates: 1).Add("c-b", ZoneKind.Building, "b", parent: "c", households: 50).Build();
        var gate = new GateRule { Check = GateCheckMethod.CodeScan, Target = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20)), MinimumOnDuty = 1 };
        var delivery = new Workload { Kind = WorkKind.Delivery, Basis = WorkloadBasis.PerHousehold, TimesPerDay = 1, TimeEach = Duration.FromMinutes(10), From = new LocalTime(8, 0), Until = new LocalTime(20, 0) };
        var policy = new StaffingPolicyBuilder(Scale)
            .WithShifts(ShiftPattern.TwoTwelveHour(new LocalTime(8, 0), Duration.FromMinutes(30)))
            .WithCheckTime(GateCheckMethod.CodeScan, Duration.FromSeconds(10))
            .ForLevel("High", new LevelStaffing { Gate = gate, Workloads = new[] { delivery } })
            .Build();
        var snapshots = Enumerable.Range(0, 4).Select(i => RiskSnapshot.Uniform(tree, Monday.PlusDays(i), Scale, High)).ToList();
        var workforce = Workforce.Create(Enumerable.Range(1, 6).Select(i => new StaffMember { Id = PersonId.From($"cw-{i:00}"), Source = WorkforceSource.CommunityWorker, Zone = ZoneId.From("c"), HoursPerWeek = 87.5, Duties = StaffingDuties.All }));
        return policy.Calculate(snapshots, new GateArrivals(ArrivalProfile.ClosedCompoundIllustrative), workforce);
    }
}
