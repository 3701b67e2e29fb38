using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Epidemiology;
using CommunityControl.Risk;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;
using static CommunityControl.Tests.Risk.SmallCity;

namespace CommunityControl.Tests.Risk;

public class CaseDesignationRuleTests
{
    private static readonly RiskScale Scale = RiskScales.ChinaLowMediumHigh;

    [Fact]
    public void FromOptions_ScreeningConditionNotStated_IsReportedBecauseTheReferencesDisputeIt()
    {
        var options = NinthEditionOptions();
        options.Stages[0].RequireNegativeScreening = null;

        var failures = FluentActions.Invoking(() => CaseDesignationRule.FromOptions("risk-areas", options, Scale))
            .Should().Throw<ModelValidationException>().Which.Failures;

        failures.Should().ContainSingle().Which.Should().StartWith("caseDesignation.stages[0].requireNegativeScreening").And.Contain("no default");
    }

    [Fact]
    public void FromOptions_SeveralMistakes_ReportsEveryOneWithItsPath()
    {
        var options = new CaseDesignationOptions
        {
            DrawingUnit = null,
            Infections = new List<CaseKind>(),
            ResidenceStage = "Sealed",
            ActivityStage = "Medium",
            Stages = new List<CaseStageOptions>
            {
                new() { Id = "High", Level = "Extreme", StepDownAfterDays = 0, RequireNegativeScreening = true },
                new() { Id = "Medium", Level = "Medium", StepDownAfterDays = 7, RequireNegativeScreening = false, ScreeningWithinDays = 1, StepDownTo = "High" },
            },
        };

        var failures = FluentActions.Invoking(() => CaseDesignationRule.FromOptions("risk-areas", options, Scale))
            .Should().Throw<ModelValidationException>().Which.Failures;

        failures.Select(f => f.Substring(0, f.IndexOf(':', StringComparison.Ordinal))).Should().BeEquivalentTo(
            "caseDesignation.drawingUnit",
            "caseDesignation.infections",
            "caseDesignation.stages[0].level",
            "caseDesignation.stages[0].stepDownAfterDays",
            "caseDesignation.stages[0].screeningWithinDays",
            "caseDesignation.stages[1].screeningWithinDays",
            "caseDesignation.residenceStage");
    }

    [Fact]
    public void FromOptions_StepDownThatDoesNotLower_IsRejected()
    {
        var options = NinthEditionOptions();
        options.Stages[2].StepDownTo = "High";

        FluentActions.Invoking(() => CaseDesignationRule.FromOptions("risk-areas", options, Scale))
            .Should().Throw<ModelValidationException>().Which.Failures.Single().Should().Contain("lower level");
    }

    [Fact]
    public void Evaluate_PressSummaryVariantWithoutScreening_StepsDownOnDayEight()
    {
        var options = NinthEditionOptions();
        options.Stages[0].RequireNegativeScreening = false;
        options.Stages[0].ScreeningWithinDays = null;
        var timeline = Policy(options).Evaluate(History(9, new[] { Case("p-1", 0, "c1-a-1-1") }), new DateInterval(Day0, Day(9)));

        timeline.At(Z("c1-a"), Day(7)).LevelDefinition.Code.Should().Be("High");
        timeline.At(Z("c1-a"), Day(8)).LevelDefinition.Code.Should().Be("Medium");
    }

    [Fact]
    public void Evaluate_ActivityCaseInAnAreaDownFromHigh_MakesItAnOriginalMediumArea()
    {
        // Medium-from-High would end 3 days after entering; an activity case puts the area under the original Medium
        // rule (7 days and a day-7 round) — the case's stage wins a tie of levels.
        var cases = new[]
        {
            Case("p-1", 0, "c1-a-1-1"),
            Case("p-2", 9, null, activities: new CaseActivity { Zone = Z("c1-a-2") }),
        };
        var timeline = Policy(NinthEditionOptions()).Evaluate(History(18, cases, new[] { Negative("c1-a", 7), Negative("c1-a", 16) }), new DateInterval(Day0, Day(18)));

        timeline.At(Z("c1-a"), Day(11)).LevelDefinition.Code.Should().Be("Medium", "Medium-from-High alone would have ended on day 11");
        timeline.At(Z("c1-a"), Day(16)).LevelDefinition.Code.Should().Be("Medium");
        timeline.At(Z("c1-a"), Day(16)).Since.Should().Be(Day(8), "the level did not change");
        timeline.At(Z("c1-a"), Day(16)).EarliestStepDown.Should().Be(Day(17));
        timeline.At(Z("c1-a"), Day(17)).LevelDefinition.Code.Should().Be("Normal");
    }

    [Fact]
    public void Evaluate_EarliestStepDown_MovesWithEachNewInfection()
    {
        var timeline = Policy(NinthEditionOptions()).Evaluate(History(6, new[] { Case("p-1", 0, "c1-a-1-1"), Case("p-2", 4, "c1-a-2-1") }), new DateInterval(Day0, Day(6)));

        timeline.At(Z("c1-a"), Day(3)).EarliestStepDown.Should().Be(Day(8));
        timeline.At(Z("c1-a"), Day(4)).EarliestStepDown.Should().Be(Day(12));
        timeline.At(Z("c1-a"), Day(4)).Reason!.CaseId.Should().Be("p-2");
    }

    [Fact]
    public void Evaluate_InfectionFoundInQuarantine_DesignatesUnderTheNinthEditionOnly()
    {
        var history = History(2, new[] { Case("p-1", 0, "c1-a-1-1", foundUnder: ControlSetting.CentralizedQuarantine) });
        var twenty = NinthEditionOptions();
        twenty.NotDesignatingWhenFoundUnder = new List<ControlSetting> { ControlSetting.CentralizedQuarantine };

        Policy(NinthEditionOptions()).Evaluate(history, new DateInterval(Day0, Day(2))).LevelOf(Z("c1-a"), Day(1)).Should().Be(Scale["High"]);
        Policy(twenty).Evaluate(history, new DateInterval(Day0, Day(2))).LevelOf(Z("c1-a"), Day(1)).Should().Be(RiskLevel.None);
    }

    [Fact]
    public void Evaluate_SuspectedCase_DesignatesNothingUntilConfirmed()
    {
        var cases = new[] { Case("s-1", 0, "c1-a-1-1", CaseKind.Suspected), Case("s-1", 2, "c1-a-1-1", CaseKind.Confirmed) };
        var timeline = Policy(NinthEditionOptions()).Evaluate(History(3, cases), new DateInterval(Day0, Day(3)));

        timeline.LevelOf(Z("c1-a"), Day(1)).Should().Be(RiskLevel.None);
        timeline.At(Z("c1-a"), Day(2)).Since.Should().Be(Day(2));
    }

    [Fact]
    public void Properties_ExposeTheLadder()
    {
        var rule = CaseDesignationRule.FromOptions("risk-areas", NinthEditionOptions(), Scale);

        rule.DrawingUnit.Should().Be(ZoneKind.Compound);
        rule.ResidenceStage.Id.Should().Be("High");
        rule.ActivityStage!.Id.Should().Be("Medium");
        rule.Stages.Select(s => s.ToString()).Should().Equal("High 7d+NAT → MediumFromHigh", "MediumFromHigh 3d", "Medium 7d+NAT");
        rule.ToString().Should().StartWith("CaseDesignationRule risk-areas (Compound:");
    }

    internal static CaseDesignationOptions NinthEditionOptions() => new()
    {
        DrawingUnit = ZoneKind.Compound,
        Infections = new List<CaseKind> { CaseKind.Confirmed, CaseKind.Asymptomatic },
        ResidenceStage = "High",
        ActivityStage = "Medium",
        HighRiskActivityStage = "High",
        Stages = new List<CaseStageOptions>
        {
            new() { Id = "High", Level = "High", StepDownAfterDays = 7, RequireNegativeScreening = true, ScreeningWithinDays = 1, StepDownTo = "MediumFromHigh" },
            new() { Id = "MediumFromHigh", Level = "Medium", StepDownAfterDays = 3, RequireNegativeScreening = false },
            new() { Id = "Medium", Level = "Medium", StepDownAfterDays = 7, RequireNegativeScreening = true, ScreeningWithinDays = 1 },
        },
    };

    private static RiskPolicy Policy(CaseDesignationOptions options)
        => new RiskPolicyBuilder(Scale)
            .AddRule(CaseDesignationRule.FromOptions("risk-areas", options, Scale))
            .WithBaseline(ZoneKind.District, Scale["Low"])
            .Build();
}
