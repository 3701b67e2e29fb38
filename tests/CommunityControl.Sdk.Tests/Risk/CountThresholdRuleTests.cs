using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Editions;
using CommunityControl.Epidemiology;
using CommunityControl.Risk;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;
using static CommunityControl.Tests.Risk.SmallCity;

namespace CommunityControl.Tests.Risk;

public class CountThresholdRuleTests
{
    [Fact]
    public void Evaluate_CaseKnownOnlyByItsCity_MakesEveryDistrictCountALowerBound()
    {
        // 50 cases in d1 and one more whose residence is only "the city": d1 has 50 or 51 — High or Medium cannot be told.
        var builder = new EpidemicHistoryBuilder(Tree, Day0);
        for (var i = 0; i < 50; i++)
        {
            builder.Add(Case($"p-{i}", 0, "c1-a-1-1"));
        }

        builder.Add(Case("x-1", 0, "wh"));
        builder.Add(new IndicatorReading { Zone = Z("d1"), Date = Day0, Metric = IndicatorMetrics.Cluster14Day, Value = 1 });
        builder.Add(new IndicatorReading { Zone = Z("d2"), Date = Day0, Metric = IndicatorMetrics.Cluster14Day, Value = 1 });

        var timeline = PolicyEditions.China.CountyGrading2020.Risk.Evaluate(builder.Build(Day0), new DateInterval(Day0, Day0));

        var d1 = timeline.At(Z("d1"), Day0);
        d1.Outcome.Should().Be(RiskAssessmentOutcome.InsufficientData);
        d1.LevelDefinition.Code.Should().Be("Medium", "it is at least Medium either way");
        d1.Reason!.Detail.Should().Contain("cumulative=≥50");
        var d2 = timeline.At(Z("d2"), Day0);
        d2.Outcome.Should().Be(RiskAssessmentOutcome.InsufficientData, "d2 has 0 or 1 new cases: Low or Medium");
        d2.LevelDefinition.Code.Should().Be("Low");
    }

    [Fact]
    public void FromOptions_SeveralMistakes_ReportsEveryOneWithItsPath()
    {
        var options = new CountThresholdOptions
        {
            Unit = ZoneKind.Community,
            Counts = new List<CaseCountOptions>
            {
                new() { Id = "cluster", Metric = "Cluster14Day", WindowDays = 14 },
                new() { Id = "largest", Cases = new List<CaseKind> { CaseKind.Confirmed }, LargestPer = ZoneKind.District },
                new() { Id = "n", Cases = new List<CaseKind> { CaseKind.Confirmed }, WhenMissing = 0 },
                new() { Id = "n", Cases = new List<CaseKind> { CaseKind.Confirmed } },
            },
            Levels = new List<CountLevelOptions>
            {
                new() { Level = "Outbreak", When = new List<ThresholdConditionOptions> { new() { Count = "largest" } } },
                new() { Level = "Nowhere" },
            },
        };

        var failures = FluentActions.Invoking(() => CountThresholdRule.FromOptions("types", options, RiskScales.ChinaCommunityTypes))
            .Should().Throw<ModelValidationException>().Which.Failures;

        failures.Select(f => f.Substring(0, f.IndexOf(':', StringComparison.Ordinal))).Should().BeEquivalentTo(
            "countThresholds.counts[0].metric",
            "countThresholds.counts[1].largestPer",
            "countThresholds.counts[2].whenMissing",
            "countThresholds.counts[3].id",
            "countThresholds.levels[0].when[0]",
            "countThresholds.levels[1].level");
    }

    [Fact]
    public void FromOptions_BeforeHistoryMetricOnAWindowOrAMetricCount_IsAProblemAtItsPath()
    {
        var options = new CountThresholdOptions
        {
            Unit = ZoneKind.District,
            Counts = new List<CaseCountOptions>
            {
                new() { Id = "cumulative", Cases = new List<CaseKind> { CaseKind.Confirmed }, BeforeHistoryMetric = "ConfirmedBeforeHistory" },
                new() { Id = "new14", Cases = new List<CaseKind> { CaseKind.Confirmed }, WindowDays = 14, BeforeHistoryMetric = "ConfirmedBeforeHistory" },
                new() { Id = "blank", Cases = new List<CaseKind> { CaseKind.Confirmed }, BeforeHistoryMetric = " " },
            },
            Levels = new List<CountLevelOptions> { new() { Level = "Low", When = new List<ThresholdConditionOptions>() } },
        };

        var failures = FluentActions.Invoking(() => CountThresholdRule.FromOptions("grading", options, RiskScales.ChinaLowMediumHigh))
            .Should().Throw<ModelValidationException>().Which.Failures;

        failures.Select(f => f.Substring(0, f.IndexOf(':', StringComparison.Ordinal))).Should().BeEquivalentTo(
            "countThresholds.counts[1].beforeHistoryMetric",
            "countThresholds.counts[2].beforeHistoryMetric");
    }

    [Fact]
    public void Properties_DescribeTheTable()
    {
        var rule = PolicyEditions.China.CountyGrading2020.Risk.Rules.OfType<CountThresholdRule>().Single();

        rule.Unit.Should().Be(ZoneKind.District);
        rule.CountIds.Should().Equal("cumulative", "new14", "cluster14");
        rule.RowCount.Should().Be(3);
        rule.ToString().Should().Be("CountThresholdRule county-grading (District: cumulative, new14, cluster14; 3 rows)");
    }
}
