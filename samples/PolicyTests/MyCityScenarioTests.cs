using CommunityControl.Access;
using CommunityControl.Editions;
using CommunityControl.Measures;
using CommunityControl.Risk;
using CommunityControl.Testing;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;
using static CommunityControl.Samples.PolicyTests.MyCity;

namespace CommunityControl.Samples.PolicyTests;

/// <summary>
/// The variant's behaviour with the scenario helper and the assertions: one case on day 0 in compound T-01 of a test
/// community, screening rounds on chosen days, and what the gates and the staff see.
/// </summary>
public class MyCityScenarioTests
{
    private static readonly ZoneTree Tree = TestCommunities.Create(compounds: 2, buildingsPerCompound: 2, unitsPerBuilding: 2, householdsPerUnit: 25);
    private static readonly ZoneId Compound = TestCommunities.CompoundId(1);
    private static readonly ZoneId Building = TestCommunities.BuildingId(1, 1);
    private static readonly ZoneId Neighbour = TestCommunities.CompoundId(2);

    /// <summary>The variant extends the ninth edition and changes no measure, so its gates apply the ninth edition's table (inherited).</summary>
    private static EditionScenario MyCityScenario() => EditionScenario.For(Edition, Tree)
        .Case("p-0001", Day0, residence: Building);

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    public void RoundOnDay9_DoesNotCount_RoundOnDay10_StepsDownOnDay11(int roundDay, bool stepsDown)
    {
        var timeline = MyCityScenario().ScreeningRound(Compound, Day(roundDay)).Evaluate(through: Day(12)).Timeline;

        timeline.Should().HaveLevel("High").Throughout(Compound, Day0, Day(10));
        if (stepsDown)
        {
            timeline.Should().StepDownOn(Compound, Day(11)).WithReason(RiskReasonCodes.SteppedDown);
            timeline.Should().HaveLevel("Medium").Throughout(Compound, Day(11), Day(12));
        }
        else
        {
            timeline.Should().HaveLevel("High").On(Compound, Day(11)).WithReason(RiskReasonCodes.AwaitingScreening).Since(Day0);
        }
    }

    [Fact]
    public void FromHigh_MediumLasts3Days_ThenNormal()
    {
        var timeline = MyCityScenario().ScreeningRound(Compound, Day(10)).Evaluate(through: Day(15)).Timeline;

        timeline.Should().HaveLevel("Medium").Throughout(Compound, Day(11), Day(13));
        timeline.Should().StepDownOn(Compound, Day(14)).WithReason(RiskReasonCodes.DesignationLifted);
        timeline.Should().HaveLevel("Normal").On(Neighbour, Day(14), "the test community has no district, so no county baseline");
    }

    [Fact]
    public void SameHistory_UnderTheBuiltInNinthEdition_StepsDownThreeDaysEarlier()
    {
        var ninth = EditionScenario.For(PolicyEditions.China.NinthEdition, Tree)
            .Case("p-0001", Day0, residence: Building)
            .ScreeningRound(Compound, Day(7))
            .Evaluate(through: Day(12))
            .Timeline;
        var mine = MyCityScenario().ScreeningRound(Compound, Day(7)).Evaluate(through: Day(12)).Timeline;

        ninth.Should().StepDownOn(Compound, Day(8));
        mine.Should().HaveLevel("High").Throughout(Compound, Day(8), Day(12));
        mine.Should().HaveLevel("High").On(Compound, Day(7)).WithEarliestStepDown(Day(11));
    }

    [Fact]
    public void Gates_StayHomeThroughDay10_PickupEscortedFromDay11()
    {
        var result = MyCityScenario().ScreeningRound(Compound, Day(10)).Evaluate(through: Day(14));
        var nine = new LocalTime(9, 0);

        result.GateDecision(Compound, Day(10).At(nine), GateRequests.ResidentExit(OutingPurpose.SupplyPickup))
            .Should().BeDenied().WithOnlyReasons(AccessReasons.StayHomeOrder);
        result.GateDecision(Compound, Day(10).At(nine), GateRequests.Courier())
            .Should().BeDenied().WithReason(AccessReasons.CourierHandOverOnly).WithObligation(AccessObligations.HandOverAtDesignatedPoint);
        result.GateDecision(Compound, Day(11).At(nine), GateRequests.ResidentExit(OutingPurpose.SupplyPickup))
            .Should().RequireObligations(AccessObligations.EscortToPickupPoint);
        result.GateDecision(Compound, Day(11).At(nine), GateRequests.ResidentExit())
            .Should().BeDenied().WithReason(AccessReasons.StayInAreaOrder);
        result.GateDecision(Compound, Day(14).At(nine), GateRequests.ResidentExit()).Should().BeAllowed();
    }

    [Fact]
    public void Staffing_ThreeMoreHighDays_ThreeMoreDaysOfDoorToDoorService_AndAGap()
    {
        // Four community workers (one 12-hour shift a day each) cover the gate (2 shifts × 2 on duty = 4 a day) but not
        // the gate and the High door-to-door delivery together (100 households × 4 min = 6.7 h → 1 more a day): under the
        // ninth edition days 8–10 are Medium and covered; under the variant they are High, with a gap of one a day.
        var ninth = EditionScenario.For(PolicyEditions.China.NinthEdition, Tree)
            .Case("p-0001", Day0, residence: Building)
            .ScreeningRound(Compound, Day(7))
            .Evaluate(through: Day(13));
        var mine = MyCityScenario().ScreeningRound(Compound, Day(10)).Evaluate(through: Day(13));

        var ninthPlan = ninth.StaffingPlan(MyCityStaffing.Policy(), MyCityStaffing.Arrivals(), MyCityStaffing.Workers(4));
        var myPlan = mine.StaffingPlan(MyCityStaffing.Policy(), MyCityStaffing.Arrivals(), MyCityStaffing.Workers(4));

        ninthPlan.Should().HaveGapOn(Day(7)).And.HaveNoGapOn(Day(8)).And.HaveNoGapOn(Day(10));
        myPlan.Should().HaveGapOn(Day(8)).And.HaveGapOn(Day(10)).And.HaveNoGapOn(Day(11));
        myPlan.Totals(Day(10)).RequiredPeople.Should().Be(5);
        myPlan.Totals(Day(10)).GapPeople.Should().Be(1);
        myPlan.Totals(Day(11)).RequiredPeople.Should().Be(4);
    }
}
