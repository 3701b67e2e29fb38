using System;
using CommunityControl.Access;
using CommunityControl.Editions;
using CommunityControl.Epidemiology;
using CommunityControl.Measures;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using CommunityControl.Staffing;
using CommunityControl.Testing;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;
using static CommunityControl.Tests.Testing.ScenarioCommunity;

namespace CommunityControl.Tests.Testing;

public class EditionScenarioTests
{
    private static readonly PolicyEdition Ninth = PolicyEditions.China.NinthEdition;

    [Fact]
    public void Evaluate_NinthEdition_HighUntilDay7RoundThenMediumThreeDaysThenNormal()
    {
        // cn-policy §6.6 #1, #3: a case on day 0; an all-negative round on day 7 → Medium from day 8, Low/normal after 3 more days.
        var result = EditionScenario.For(Ninth, Tree)
            .Case("p-0001", Day0, residence: BuildingA1)
            .ScreeningRound(CompoundA, Day(7))
            .Evaluate(through: Day(14));

        result.Timeline.Should().HaveLevel("High").Throughout(CompoundA, Day0, Day(7));
        result.Timeline.Should().StepDownOn(CompoundA, Day(8)).WithReason(RiskReasonCodes.SteppedDown);
        result.Timeline.Should().HaveLevel("Medium").Throughout(CompoundA, Day(8), Day(10));
        result.Timeline.Should().HaveLevel("Normal").On(CompoundA, Day(11));
        result.Timeline.Should().HaveLevel("Low").On(CompoundB, Day(10)).WithReason(RiskReasonCodes.CountyBaseline);
        result.Timeline.Should().HaveLevel("Normal").On(CompoundB, Day(11));
        result.LevelOf(CompoundA, Day(7)).EarliestStepDown.Should().Be(Day(8));
        result.History.FirstDay.Should().Be(Day0);
        result.History.LastDay.Should().Be(Day(14));
    }

    [Fact]
    public void Evaluate_RoundOnDay6_DoesNotCount()
    {
        var result = EditionScenario.For(Ninth, Tree)
            .Case("p-0001", Day0, residence: BuildingA1)
            .ScreeningRound(CompoundA, Day(6))
            .Evaluate(through: Day(10));

        result.Timeline.Should().HaveLevel("High").Throughout(CompoundA, Day0, Day(10));
        result.Timeline.Should().HaveLevel("High").On(CompoundA, Day(8)).WithReason(RiskReasonCodes.AwaitingScreening);
    }

    [Fact]
    public void Evaluate_IntervalAfterTheFirstCase_RulesStillRunFromTheCase()
    {
        var result = EditionScenario.For(Ninth, Tree)
            .Case("p-0001", Day0, residence: BuildingA1)
            .ScreeningRound(CompoundA, Day(7))
            .Evaluate(new DateInterval(Day(5), Day(9)));

        result.Timeline.Interval.Start.Should().Be(Day(5));
        result.History.FirstDay.Should().Be(Day0);
        result.Timeline.Should().HaveLevel("High").On(CompoundA, Day(5)).Since(Day0);
        result.Timeline.Should().StepDownOn(CompoundA, Day(8));
    }

    [Fact]
    public void StartingOn_AnEarlierDay_ZonesAreNormalBeforeTheCase()
    {
        var result = EditionScenario.For(Ninth, Tree)
            .StartingOn(Day(-3))
            .Case("p-0001", Day0, residence: BuildingA1)
            .Evaluate(through: Day(1));

        result.Timeline.Should().HaveLevel("Normal").Throughout(CompoundA, Day(-3), Day(-1));
        result.Timeline.Should().HaveLevel("High").On(CompoundA, Day0);
    }

    [Fact]
    public void Evaluate_ThroughBeforeTheFirstEvent_Throws()
    {
        var scenario = EditionScenario.For(Ninth, Tree).Case("p-0001", Day0, residence: BuildingA1);

        var act = () => scenario.Evaluate(through: Day(-1));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("through");
    }

    [Fact]
    public void Evaluate_CaseInAZoneNotInTheTree_ThrowsWithTheProblem()
    {
        var scenario = EditionScenario.For(Ninth, Tree).Case("p-0001", Day0, residence: ZoneId.From("nowhere"));

        var act = () => scenario.Evaluate(through: Day(1));

        act.Should().Throw<ModelValidationException>().WithMessage("*nowhere*");
    }

    [Fact]
    public void GateDecision_UsesTheDaysLevels()
    {
        var result = EditionScenario.For(Ninth, Tree)
            .Case("p-0001", Day0, residence: BuildingA1)
            .ScreeningRound(CompoundA, Day(7))
            .Evaluate(through: Day(12));
        var nine = new LocalTime(9, 0);

        // High (足不出户): no outing; Medium (人不出区): pickup escorted, shopping refused; normal: out you go.
        result.GateDecision(CompoundA, Day(7).At(nine), GateRequests.ResidentExit())
            .Should().BeDenied().WithOnlyReasons(AccessReasons.StayHomeOrder);
        result.GateDecision(CompoundA, Day(8).At(nine), GateRequests.ResidentExit(OutingPurpose.SupplyPickup))
            .Should().RequireObligations(AccessObligations.EscortToPickupPoint);
        result.GateDecision(CompoundA, Day(8).At(nine), GateRequests.ResidentExit())
            .Should().BeDenied().WithReason(AccessReasons.StayInAreaOrder);
        result.GateDecision(CompoundA, Day(11), GateRequests.ResidentExit())
            .Should().BeAllowed().WithOnlyReasons(AccessReasons.None);
    }

    [Theory]
    [InlineData(48 * 60, true)]
    [InlineData((48 * 60) + 1, false)]
    public void GateDecision_LowArea_LeavingTheCityNeedsATestWithin48Hours(int minutesSinceSampling, bool allowed)
    {
        // Compound B is Low (the rest of the district while compound A is a risk area): 48 h NAT to leave the city (cn-policy §1d).
        var result = EditionScenario.For(Ninth, Tree).Case("p-0001", Day0, residence: BuildingA1).Evaluate(through: Day(1));
        var noon = Day(1).At(new LocalTime(12, 0));
        var sampled = Tree.TimeZone.AtStrictly(noon).ToInstant() - Duration.FromMinutes(minutesSinceSampling);

        var decision = result.GateDecision(CompoundB, noon, GateRequests.ResidentExit(OutingPurpose.LeaveCity) with { NegativeTestSampledAt = sampled });

        if (allowed)
        {
            decision.Should().BeAllowed().WithoutReason(AccessReasons.NegativeTestMissing).AtLevel(RiskScales.ChinaLowMediumHigh["Low"]);
        }
        else
        {
            decision.Should().BeDenied().WithOnlyReasons(AccessReasons.NegativeTestMissing);
        }
    }

    [Fact]
    public void GateDecision_EditionWithoutABuiltInTable_AsksForWithAccess()
    {
        var variant = PolicyEdition.FromOptions(VariantOptions());
        var result = EditionScenario.For(variant, Tree).Case("p-0001", Day0, residence: BuildingA1).Evaluate(through: Day(1));

        var act = () => result.GateDecision(CompoundA, Day(1), GateRequests.ResidentExit());

        result.Access.Should().BeNull();
        act.Should().Throw<InvalidOperationException>().WithMessage("*test-variant*WithAccess*");
    }

    [Fact]
    public void WithAccess_NamesTheTableOfAVariant()
    {
        var variant = PolicyEdition.FromOptions(VariantOptions());
        var result = EditionScenario.For(variant, Tree)
            .WithAccess(AccessPolicy.Create(PolicyEditions.China.NinthEdition.Measures!))
            .Case("p-0001", Day0, residence: BuildingA1)
            .Evaluate(through: Day(1));

        result.GateDecision(CompoundA, Day(1), GateRequests.Visitor()).Should().BeDenied().WithReason(AccessReasons.StayHomeOrder);
    }

    [Fact]
    public void WithAccess_TableOnAnotherScale_Throws()
    {
        var act = () => EditionScenario.For(Ninth, Tree).WithAccess(AccessPolicy.Create(PolicyEditions.China.ThreeZones2022.Measures!));

        act.Should().Throw<ArgumentException>().WithParameterName("access").WithMessage("*cn-three-zones*cn-low-medium-high*");
    }

    [Fact]
    public void GateDecision_Record_KeepsTheHouseholdsQuotaInTheLedger()
    {
        // A local table: at Low, one person per household per day (Wuhan's quota of 2020-03-19). Compound B is Low (baseline).
        var table = new MeasureTableBuilder(RiskScales.ChinaLowMediumHigh).WithEdition("test")
            .At("Low", new MeasureSet { OutingQuota = MeasureFragments.GetOutingQuota("wuhan-2020-03-epidemic-free") })
            .Build();
        var result = EditionScenario.For(Ninth, Tree).WithAccess(AccessPolicy.Create(table))
            .Case("p-0001", Day0, residence: BuildingA1)
            .Evaluate(through: Day(1));
        var spouse = GateRequests.ResidentExit() with { Person = PersonId.From("test-p-0002") };

        result.GateDecision(CompoundB, Day(1).At(new LocalTime(9, 0)), GateRequests.ResidentExit())
            .Should().RequireObligations(AccessObligations.RecordOuting);
        result.Outings.CountOpenOutings(GateRequests.Household).Should().Be(0, "a decision without record changes nothing");
        result.GateDecision(CompoundB, Day(1).At(new LocalTime(9, 0)), GateRequests.ResidentExit(), record: true)
            .Should().BeAllowed();
        result.Outings.CountOpenOutings(GateRequests.Household).Should().Be(1);
        result.GateDecision(CompoundB, Day(1).At(new LocalTime(10, 0)), spouse)
            .Should().BeDenied().WithReason(AccessReasons.OutingQuotaExhausted);
    }

    [Fact]
    public void GateDecision_BuiltInEditionOnItsOwnScale_Decides()
    {
        // The Wuhan edition's levels and its built-in measure table are both on cn-wuhan-epidemic-free.
        var wuhan = PolicyEditions.China.WuhanEpidemicFree2020;
        var result = EditionScenario.For(wuhan, Tree).Case("p-0001", Day0, residence: BuildingA1).Evaluate(through: Day(1));

        var decision = result.GateDecision(CompoundA, Day(1), GateRequests.ResidentExit());

        decision.Outcome.Should().NotBe(AccessOutcome.Unknown);
    }

    [Fact]
    public void WithAccess_TableOnAnotherScaleThanTheEdition_SaysSo()
    {
        var act = () => EditionScenario.For(Ninth, Tree).WithAccess(AccessPolicy.Create(PolicyEditions.China.ThreeZones2022.Measures!));

        act.Should().Throw<ArgumentException>().WithParameterName("access").WithMessage("*cn-three-zones*cn-low-medium-high*");
    }

    [Fact]
    public void StaffingPlan_OneWorkerForTwoGateShifts_GapWhileHighNoneOnceNormal()
    {
        // High and Medium: 2 on duty per gate per 12-hour shift, 2 shifts → 4 person-shifts a day at compound A; one worker
        // covers one shift a day (12 h max) → gap 3. Compound B is Low (baseline): no staffing rule → no line.
        var result = EditionScenario.For(Ninth, Tree)
            .Case("p-0001", Day0, residence: BuildingA1)
            .ScreeningRound(CompoundA, Day(7))
            .Evaluate(through: Day(12));

        var plan = result.StaffingPlan(GatePolicy(), Arrivals(), Workers(1));

        plan.Period.Start.Should().Be(Day0);
        plan.Period.End.Should().Be(Day(12));
        plan.Should().HaveGapOn(Day(3), role: StaffingRole.Gate, zone: CompoundA).Which.Should().HaveCount(2);
        plan.Totals(Day(3)).GapPeople.Should().Be(3);
        plan.Should().HaveGapOn(Day(10), zone: CompoundA);
        plan.Should().HaveNoGapOn(Day(11));
        plan.Should().HaveNoGap(zone: CompoundB);
    }

    [Fact]
    public void StaffingPlan_Period_PlansOnlyThoseDays()
    {
        var result = EditionScenario.For(Ninth, Tree).Case("p-0001", Day0, residence: BuildingA1).Evaluate(through: Day(12));

        var plan = result.StaffingPlan(GatePolicy(), Arrivals(), Workers(4), new DateInterval(Day(1), Day(2)));

        plan.Period.Start.Should().Be(Day(1));
        plan.Period.End.Should().Be(Day(2));
        plan.Should().HaveNoGap();
        plan.Totals().RequiredPeople.Should().Be(8);
    }

    internal static PolicyEditionOptions VariantOptions()
    {
        var options = PolicyEditionJson.ParseOptions(PolicyEditionJson.ToJson(new PolicyEditionOptions
        {
            Id = "test-variant",
            Version = "1.0.0",
            Jurisdiction = "CN-Test",
            Title = new LocalizedTextOptions { Zh = "测试", En = "Test" },
            Issuer = new LocalizedTextOptions { Zh = "测试", En = "Test" },
            Source = new EditionSourceOptions { Reference = "test" },
            Effective = new EditionEffectiveOptions { From = "2022-06-28" },
            Risk = new RiskPolicyOptions
            {
                Scale = "cn-low-medium-high",
                Rules =
                {
                    new RiskRuleOptions
                    {
                        Id = "risk-areas",
                        CaseDesignation = new CaseDesignationOptions
                        {
                            DrawingUnit = ZoneKind.Compound,
                            Infections = { CaseKind.Confirmed },
                            ResidenceStage = "High",
                            Stages = { new CaseStageOptions { Id = "High", Level = "High", StepDownAfterDays = 10, RequireNegativeScreening = false } },
                        },
                    },
                },
            },
        }));
        return options;
    }
}
