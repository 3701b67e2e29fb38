using System;
using CommunityControl.Editions;
using CommunityControl.Staffing;
using CommunityControl.Testing;
using CommunityControl.Zones;
using FluentAssertions;
using Xunit;
using Xunit.Sdk;
using static CommunityControl.Tests.Testing.ScenarioCommunity;

namespace CommunityControl.Tests.Testing;

/// <summary>
/// The staffing assertions on the ninth-edition scenario: compound A is High on days 0–7 and Medium on days 8–10 (2 on duty
/// per gate per 12-hour shift → 4 person-shifts a day), normal from day 11; compound B is Low (no staffing rule).
/// </summary>
public class StaffingPlanAssertionsTests
{
    private static readonly EditionScenarioResult Scenario = EditionScenario.For(PolicyEditions.China.NinthEdition, Tree)
        .Case("p-0001", Day0, residence: BuildingA1)
        .ScreeningRound(CompoundA, Day(7))
        .Evaluate(through: Day(12));

    [Fact]
    public void HaveGapOn_OneWorker_GapOfThreePersonShiftsADay()
    {
        var plan = Scenario.StaffingPlan(GatePolicy(), Arrivals(), Workers(1));

        var gaps = plan.Should().HaveGapOn(Day(2), role: StaffingRole.Gate, zone: CompoundA).Which;

        gaps.Should().HaveCount(2).And.OnlyContain(l => l.Zone == CompoundA && l.Date == Day(2));
        gaps.Should().Contain(l => l.GapPeople == 1).And.Contain(l => l.GapPeople == 2);
        plan.Should().HaveGapOn(Day(2), zone: ZoneId.From("c1"), because: "the community holds compound A");
    }

    [Fact]
    public void HaveGapOn_FullyCovered_FailsWithTheTotals()
    {
        var plan = Scenario.StaffingPlan(GatePolicy(), Arrivals(), Workers(4));

        var act = () => plan.Should().HaveGapOn(Day(2), role: StaffingRole.Gate, because: "four workers cannot cover {0} shifts", becauseArgs: new object[] { 5 });

        act.Should().Throw<XunitException>().WithMessage(
            "Expected a staffing gap on 2022-07-03 for role Gate because four workers cannot cover 5 shifts, but all 2 lines were covered (4 person-shifts required, 4 assigned, gap 0 (0 person-hours)).");
    }

    [Fact]
    public void HaveGapOn_ADayWithoutDemand_FailsSayingSo()
    {
        var plan = Scenario.StaffingPlan(GatePolicy(), Arrivals(), Workers(1));

        var act = () => plan.Should().HaveGapOn(Day(11));
        var other = () => plan.Should().HaveGapOn(Day(2), zone: CompoundB);

        act.Should().Throw<XunitException>().WithMessage("Expected a staffing gap on 2022-07-12, but the plan has no line there.");
        other.Should().Throw<XunitException>().WithMessage("Expected a staffing gap on 2022-07-03 in zone c1-b, but the plan has no line there.");
    }

    [Fact]
    public void HaveNoGapOn_WithAGap_FailsListingTheLinesButNoPerson()
    {
        var plan = Scenario.StaffingPlan(GatePolicy(), Arrivals(), Workers(1));

        var act = () => plan.Should().HaveNoGapOn(Day(9), role: StaffingRole.Gate);

        act.Should().Throw<XunitException>()
            .WithMessage("Expected no staffing gap on 2022-07-10 for role Gate, but 2 lines had one (4 person-shifts required, 1 assigned, gap 3 (36 person-hours)): 2022-07-10 Night c1-a Gate (Medium): 2 required, 1 assigned, gap 1; 2022-07-10 Day c1-a Gate (Medium): 2 required, 0 assigned, gap 2.")
            .Which.Message.Should().NotContain("cw-01");
    }

    [Fact]
    public void HaveNoGap_OverThePlan_FailsWithThePeriod_PassesWhereCovered()
    {
        var plan = Scenario.StaffingPlan(GatePolicy(), Arrivals(), Workers(1));
        var covered = Scenario.StaffingPlan(GatePolicy(), Arrivals(), Workers(4));

        var act = () => plan.Should().HaveNoGap();

        act.Should().Throw<XunitException>().WithMessage("Expected no staffing gap from 2022-07-01 to 2022-07-13, but 22 lines had one (44 person-shifts required, 11 assigned, gap 33 (396 person-hours)): *; ….");
        covered.Should().HaveNoGap().And.HaveNoGapOn(Day(2), zone: CompoundA);
        plan.Should().HaveNoGapOn(Day(11)).And.HaveNoGap(zone: CompoundB);
    }

    [Fact]
    public void ZoneNotInTheTree_IsAnArgumentError()
    {
        var plan = Scenario.StaffingPlan(GatePolicy(), Arrivals(), Workers(1));

        var act = () => plan.Should().HaveGapOn(Day(2), zone: ZoneId.From("nowhere"));

        act.Should().Throw<ArgumentException>();
    }
}
