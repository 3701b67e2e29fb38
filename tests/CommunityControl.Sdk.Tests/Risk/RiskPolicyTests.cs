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

public class RiskPolicyTests
{
    [Fact]
    public void FromOptions_NoRules_DesignatesNothing()
    {
        var policy = RiskPolicy.FromOptions(new RiskPolicyOptions { Scale = "cn-low-medium-high" });

        var timeline = policy.Evaluate(History(1, new[] { Case("p-1", 0, "c1-a-1-1") }), new DateInterval(Day0, Day(1)));

        policy.Rules.Should().BeEmpty();
        timeline.SnapshotOn(Day(1)).Highest.Should().Be(RiskLevel.None);
    }

    [Fact]
    public void FromOptions_SeveralMistakes_ReportsEveryOneWithItsPath()
    {
        var options = new RiskPolicyOptions
        {
            Scale = "cn-low-medium-high",
            Baseline = new RiskBaselineOptions { Unit = ZoneKind.District, Level = "Normal" },
            Aggregations = new List<RiskAggregationOptions> { new() { Target = ZoneKind.District, From = ZoneKind.City } },
            Rules = new List<RiskRuleOptions>
            {
                new() { Id = "a" },
                new() { Id = "a", CaseDesignation = CaseDesignationRuleTests.NinthEditionOptions(), CountThresholds = new CountThresholdOptions() },
                new() { CountThresholds = new CountThresholdOptions { Unit = ZoneKind.District, Counts = new List<CaseCountOptions> { new() { Id = "n", Cases = new List<CaseKind> { CaseKind.Confirmed } } }, Levels = new List<CountLevelOptions> { new() { Level = "High", When = new List<ThresholdConditionOptions> { new() { Count = "m", AtLeast = 1 } } } } } },
            },
        };

        var failures = FluentActions.Invoking(() => RiskPolicy.FromOptions(options)).Should().Throw<ModelValidationException>().Which.Failures;

        failures.Select(f => f.Substring(0, f.IndexOf(':', StringComparison.Ordinal))).Should().BeEquivalentTo(
            "risk.rules[0]",
            "risk.rules[1].id",
            "risk.rules[1]",
            "risk.rules[2].id",
            "risk.rules[2].countThresholds.levels[0].when[0].count",
            "risk.baseline.level",
            "risk.aggregations[0].from");
    }

    [Fact]
    public void FromOptions_UnknownScale_ListsTheBuiltInOnes()
    {
        FluentActions.Invoking(() => RiskPolicy.FromOptions(new RiskPolicyOptions { Scale = "cn-five-levels" }))
            .Should().Throw<ModelValidationException>().Which.Failures.Single().Should().Contain("cn-low-medium-high");
    }

    [Fact]
    public void FromOptions_CustomScale_NamesItsLevels()
    {
        var options = new RiskPolicyOptions
        {
            Scale = "local-traffic-light",
            Levels = new List<RiskLevelOptions>
            {
                new() { Severity = 1, Code = "Green", NameZh = "绿", NameEn = "Green" },
                new() { Severity = 2, Code = "Red", NameZh = "红", NameEn = "Red" },
            },
        };

        var policy = RiskPolicy.FromOptions(options);

        policy.Scale.Id.Should().Be("local-traffic-light");
        policy.Scale["Red"].Severity.Should().Be(2);
    }

    [Fact]
    public void FromOptions_CustomScaleWithABuiltInId_IsRejected()
    {
        var options = new RiskPolicyOptions { Scale = "cn-three-zones", Levels = new List<RiskLevelOptions> { new() { Severity = 1, Code = "A", NameZh = "甲", NameEn = "A" } } };

        FluentActions.Invoking(() => RiskPolicy.FromOptions(options)).Should().Throw<ModelValidationException>();
    }

    [Fact]
    public void Builder_RepeatedRuleIds_Throw()
    {
        var rule = CaseDesignationRule.FromOptions("risk-areas", CaseDesignationRuleTests.NinthEditionOptions(), RiskScales.ChinaLowMediumHigh);

        FluentActions.Invoking(() => new RiskPolicyBuilder(RiskScales.ChinaLowMediumHigh).AddRule(rule).AddRule(rule).Build())
            .Should().Throw<ModelValidationException>().Which.Failures.Single().Should().Contain("'risk-areas' is used twice");
    }

    [Fact]
    public void BaselineAndAggregation_InvalidKinds_Throw()
    {
        FluentActions.Invoking(() => new RiskBaseline(ZoneKind.Unknown, RiskLevel.FromSeverity(1))).Should().Throw<ArgumentException>().WithParameterName("unit");
        FluentActions.Invoking(() => new RiskBaseline(ZoneKind.District, RiskLevel.None)).Should().Throw<ArgumentException>().WithParameterName("level");
        FluentActions.Invoking(() => new RiskAggregation(ZoneKind.District, ZoneKind.City)).Should().Throw<ArgumentException>().WithParameterName("from");
    }

    [Fact]
    public void Evaluate_IndicatorRules_MissingEveryValue_AreInsufficientDataNeverAGuess()
    {
        var bands = IndicatorBandRule.FromOptions("levels", new IndicatorBandOptions
        {
            Unit = ZoneKind.District,
            ValueValidDays = 1,
            Classifiers = new List<IndicatorClassifierOptions>
            {
                new() { Metric = "Metric", Bands = new List<IndicatorBandLevelOptions> { new() { AtLeast = 0, Level = "Low" }, new() { AtLeast = 10, Level = "High" } } },
            },
        }, RiskScales.CdcCommunityLevels);
        var policy = new RiskPolicyBuilder(RiskScales.CdcCommunityLevels).AddRule(bands).Build();

        var snapshot = policy.Evaluate(History(0), new DateInterval(Day0, Day0)).SnapshotOn(Day0);

        snapshot.IsInsufficientDataAt(Tree.GetIndex(Z("d1"))).Should().BeTrue("the zone lacks the inputs its rule needs");
        snapshot.IsInsufficientDataAt(Tree.GetIndex(Z("c1-a-1-1"))).Should().BeTrue("a zone inside an undecided county is undecided too");
        snapshot.IsInsufficientDataAt(Tree.GetIndex(Z("wh"))).Should().BeFalse("the city is not graded");
    }
}
