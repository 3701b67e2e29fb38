using System;
using CommunityControl.Editions;
using CommunityControl.Risk;
using CommunityControl.Testing;
using FluentAssertions;
using Xunit;
using Xunit.Sdk;
using static CommunityControl.Tests.Testing.ScenarioCommunity;

namespace CommunityControl.Tests.Testing;

/// <summary>The timeline assertions on the ninth edition's §6.6 ladder (a case on 2022-07-01, a round on day 7), passing and failing.</summary>
public class RiskTimelineAssertionsTests
{
    private static readonly RiskTimeline Timeline = EditionScenario.For(PolicyEditions.China.NinthEdition, Tree)
        .Case("p-0001", Day0, residence: BuildingA1)
        .ScreeningRound(CompoundA, Day(7))
        .Evaluate(through: Day(14))
        .Timeline;

    [Fact]
    public void HaveLevel_On_PassesAndChainsOnTheAssessment()
    {
        Timeline.Should().HaveLevel("High").On(CompoundA, Day(3))
            .WithReason(RiskReasonCodes.ResidenceOfCase).Since(Day0).SetBy(CompoundA).WithEarliestStepDown(Day(8));
        Timeline.Should().HaveLevel(RiskScales.ChinaLowMediumHigh["High"]).On(BuildingA1, Day(3)).SetBy(CompoundA);
    }

    [Fact]
    public void HaveLevel_On_WrongLevel_FailsNamingZoneDateCodesAndReason()
    {
        var act = () => Timeline.Should().HaveLevel("High").On(CompoundA, Day(8), "the round was on day {0}", 7);

        act.Should().Throw<XunitException>().WithMessage(
            "Expected zone c1-a on 2022-07-09 to be High because the round was on day 7, but it was Medium (SteppedDown [risk-areas]*, since 2022-07-09, earliest step-down 2022-07-12).");
    }

    [Fact]
    public void HaveLevel_Throughout_ListsEveryRunOfDaysThatDiffer()
    {
        var act = () => Timeline.Should().HaveLevel("High").Throughout(CompoundA, Day(6), Day(12));

        act.Should().Throw<XunitException>().WithMessage(
            "Expected zone c1-a to be High from 2022-07-07 to 2022-07-13, but it was Medium (SteppedDown) from 2022-07-09 to 2022-07-11; Normal (DesignationLifted) from 2022-07-12 to 2022-07-13.");
    }

    [Fact]
    public void HaveLevel_Throughout_Passes()
    {
        Timeline.Should().HaveLevel("Low").Throughout(CompoundB, Day0, Day(10)).And.HaveLevel("Normal").Throughout(CompoundB, Day(11), Day(14));
        Timeline.Should().HaveLevel("Medium").Throughout(CompoundA, new NodaTime.DateInterval(Day(8), Day(10)));
    }

    [Fact]
    public void HaveLevel_UnknownCode_ThrowsListingTheScalesCodes()
    {
        var act = () => Timeline.Should().HaveLevel("Sealed");

        act.Should().Throw<ArgumentException>().WithParameterName("levelCode").WithMessage("*cn-low-medium-high*Normal, Low, Medium, High*");
    }

    [Fact]
    public void HaveLevel_Throughout_UntilBeforeFrom_Throws()
    {
        var act = () => Timeline.Should().HaveLevel("High").Throughout(CompoundA, Day(3), Day(2));

        act.Should().Throw<ArgumentException>().WithParameterName("until");
    }

    [Fact]
    public void StepDownOn_TheDayAfterDay7_Passes_TheDayBeforeFailsWithTheAnnouncedDate()
    {
        Timeline.Should().StepDownOn(CompoundA, Day(8)).WithReason(RiskReasonCodes.SteppedDown);
        Timeline.Should().StepDownOn(CompoundA, Day(11)).WithReason(RiskReasonCodes.DesignationLifted);

        var act = () => Timeline.Should().StepDownOn(CompoundA, Day(7));

        act.Should().Throw<XunitException>().WithMessage(
            "Expected zone c1-a on 2022-07-08 to step down from High, but it was High (*), after High (*) (the day before announced the earliest step-down for 2022-07-09).");
    }

    [Fact]
    public void StepDownOn_WithoutTheRound_FailsAwaitingScreening()
    {
        var timeline = EditionScenario.For(PolicyEditions.China.NinthEdition, Tree).Case("p-0001", Day0, residence: BuildingA1).Evaluate(through: Day(10)).Timeline;

        var act = () => timeline.Should().StepDownOn(CompoundA, Day(8));

        act.Should().Throw<XunitException>().WithMessage("Expected zone c1-a on 2022-07-09 to step down from High, but it was High (AwaitingScreening*");
    }

    [Fact]
    public void WithReason_Since_SetBy_WithEarliestStepDown_FailWithTheAssessment()
    {
        var assessment = Timeline.At(BuildingA1, Day(3));

        var reason = () => assessment.Should().WithReason(RiskReasonCodes.ActivityPlaceOfCase);
        var since = () => assessment.Should().Since(Day(1));
        var setBy = () => assessment.Should().SetBy(BuildingA1);
        var stepDown = () => assessment.Should().WithEarliestStepDown(null);

        reason.Should().Throw<XunitException>().WithMessage("Expected zone c1-a-1 on 2022-07-04 to have reason ActivityPlaceOfCase, but it was High (ResidenceOfCase [risk-areas] case#*").Which.Message.Should().NotContain("p-0001");
        since.Should().Throw<XunitException>().WithMessage("Expected zone c1-a-1 on 2022-07-04 to be at its level since 2022-07-02, but it was High (*since 2022-07-01, set by c1-a*");
        setBy.Should().Throw<XunitException>().WithMessage("*to be set by zone c1-a-1, but it was *, set by c1-a.");
        stepDown.Should().Throw<XunitException>().WithMessage("*to have no step-down scheduled, but it was High (*earliest step-down 2022-07-09).");
    }

    [Fact]
    public void HaveInsufficientDataOn_CaseKnownOnlyAtTheCommunity_Passes_ADecidedDayFails()
    {
        // A residence known only at the community, coarser than the drawing unit (the compound): insufficient data, never a guess.
        var timeline = EditionScenario.For(PolicyEditions.China.NinthEdition, Tree).Case("p-0002", Day0, residence: Community).Evaluate(through: Day(2)).Timeline;

        timeline.Should().HaveInsufficientDataOn(CompoundA, Day0).WithReason(RiskReasonCodes.ZoneCoarserThanDrawingUnit);
        var act = () => Timeline.Should().HaveInsufficientDataOn(CompoundA, Day0);
        var level = () => timeline.Should().HaveLevel("Normal").On(CompoundA, Day0);

        act.Should().Throw<XunitException>().WithMessage("Expected zone c1-a on 2022-07-01 to rest on insufficient data, but it was High (ResidenceOfCase*");
        level.Should().Throw<XunitException>().WithMessage("Expected zone c1-a on 2022-07-01 to be Normal, but it was * (insufficient data, ZoneCoarserThanDrawingUnit*");
    }

    [Fact]
    public void ZoneNotInTheTree_IsAnArgumentError()
    {
        var act = () => Timeline.Should().HaveLevel("High").On(CommunityControl.Zones.ZoneId.From("nowhere"), Day0);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void NullSubjects_FailAsAssertions()
    {
        var timeline = () => ((RiskTimeline)null!).Should().HaveLevel("High");
        var plan = () => ((CommunityControl.Staffing.StaffingPlan)null!).Should().HaveNoGap();

        timeline.Should().Throw<XunitException>().WithMessage("Expected a timeline, but found <null>.");
        plan.Should().Throw<XunitException>().WithMessage("Expected a staffing plan, but found <null>.");
    }
}
