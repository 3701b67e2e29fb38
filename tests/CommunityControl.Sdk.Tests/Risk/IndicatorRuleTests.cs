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

public class IndicatorRuleTests
{
    [Fact]
    public void Hysteresis_FromOptions_SeveralMistakes_ReportsEveryOne()
    {
        var options = new IndicatorHysteresisOptions
        {
            Unit = ZoneKind.District,
            Metric = " ",
            Tiers = new List<HysteresisTierOptions>
            {
                new() { Level = "Above150", Threshold = 150, EnterAfterDays = 3, EnterTakesEffectAfterDays = 2, ExitAfterDays = 5, ExitCounts = DayCountKind.WorkingDays, ExitTakesEffectAfterDays = 2 },
                new() { Level = "Above100", Threshold = 100, EnterAfterDays = 3, EnterTakesEffectAfterDays = 2, ExitAfterDays = 5, ExitCounts = DayCountKind.WorkingDays, ExitTakesEffectAfterDays = 2 },
                new() { Level = "Above165", Threshold = double.NaN, EnterAfterDays = 0, ExitAfterDays = 5, ExitTakesEffectAfterDays = 2 },
            },
        };

        var failures = FluentActions.Invoking(() => IndicatorHysteresisRule.FromOptions("brake", options, RiskScales.GermanyEmergencyBrake))
            .Should().Throw<ModelValidationException>().Which.Failures;

        failures.Select(f => f.Substring(0, f.IndexOf(':', StringComparison.Ordinal))).Should().BeEquivalentTo(
            "indicatorHysteresis.metric",
            "indicatorHysteresis.tiers[1]",
            "indicatorHysteresis.tiers[2].threshold",
            "indicatorHysteresis.tiers[2].enterAfterDays",
            "indicatorHysteresis.tiers[2].enterTakesEffectAfterDays",
            "indicatorHysteresis.tiers[2].exitCounts");
    }

    [Fact]
    public void Hysteresis_InForce_EarliestStepDownCountsWorkingDays()
    {
        var history = Readings(new[] { 90.0, 90, 101, 105, 110, 120, 95 }, new LocalDate(2021, 4, 18));
        var policy = PolicyEditions.Germany.EmergencyBrake2021.Risk;

        var timeline = policy.Evaluate(history, new DateInterval(history.FirstDay, history.LastDay), HolidayCalendar.Empty.With(new LocalDate(2021, 5, 1), name: "Tag der Arbeit"));
        var a = timeline.At(Z("d1"), new LocalDate(2021, 4, 24));

        a.LevelDefinition.Code.Should().Be("Above100");
        a.Since.Should().Be(new LocalDate(2021, 4, 24));
        a.Reason!.Code.Should().Be(RiskReasonCodes.ThresholdExceeded);
        a.Reason.EvidenceDate.Should().Be(new LocalDate(2021, 4, 22), "the third day above 100");
        a.Reason.Value.Should().Be(110);
        a.EarliestStepDown.Should().Be(new LocalDate(2021, 5, 2), "Sun 25 April is skipped; Mon 26 … Fri 30 April are the 5 working days; it lapses on the day after next");
    }

    [Fact]
    public void Hysteresis_HolidayScopedToAnotherState_DoesNotSkip()
    {
        var history = Readings(new[] { 90.0, 90, 101, 105, 110, 120, 95, 90, 100, 95, 95, 95, 95, 95, 95, 95, 90, 90, 90 }, new LocalDate(2021, 4, 18));
        var elsewhere = HolidayCalendar.Create(new[] { new PublicHoliday { Date = new LocalDate(2021, 5, 1), Scope = Z("d2") } });

        var timeline = PolicyEditions.Germany.EmergencyBrake2021.Risk.Evaluate(history, new DateInterval(history.FirstDay, history.LastDay), elsewhere);

        timeline.At(Z("d1"), new LocalDate(2021, 5, 3)).LevelDefinition.Code.Should().Be("NotInForce", "1 May was an ordinary Saturday in d1's state");
        elsewhere.IsHoliday(Tree, Tree.GetIndex(Z("c3-a")), new LocalDate(2021, 5, 1)).Should().BeTrue("a holiday applies to the zones below its scope");
    }

    [Fact]
    public void Hysteresis_TiersAreSeparateRegimes_AssessmentReportsEveryTierAndTheLevelsInForce()
    {
        // 155 on 20-22 April (100 and 150 from Sat 24), 170 on 23-25 April (165 from Tue 27), then 140: below 150 and 165, above 100.
        var values = new[] { 90.0, 90, 155, 155, 155, 170, 170, 170 }.Concat(Enumerable.Repeat(140.0, 12)).ToArray();
        var history = Readings(values, new LocalDate(2021, 4, 18));
        var holidays = HolidayCalendar.Empty.With(new LocalDate(2021, 5, 1), name: "Tag der Arbeit");

        var timeline = PolicyEditions.Germany.EmergencyBrake2021.Risk.Evaluate(history, new DateInterval(history.FirstDay, history.LastDay), holidays);
        var a = timeline.At(Z("d1"), new LocalDate(2021, 5, 3));

        a.LevelDefinition.Code.Should().Be("Above165");
        a.Tiers.Select(t => (timeline.Scale.Describe(t.Level).Code, t.IsDecided, t.IsInForce, t.Since, t.EarliestLapse)).Should().Equal(
            ("Above100", true, true, new LocalDate(2021, 4, 24), new LocalDate(2021, 5, 10)), // below 100 from Tue 4 to Sat 8 May → lapses Mon 10 May
            ("Above150", true, false, new LocalDate(2021, 5, 2), null),
            ("Above165", true, true, new LocalDate(2021, 4, 27), new LocalDate(2021, 5, 6)));
        a.LevelsInForce.Select(l => timeline.Scale.Describe(l).Code).Should().Equal(new[] { "Above100", "Above165" }, "the 150 tier lapsed on Sunday 2 May (Mon 26 to Fri 30 April below 150) while 165, entered later, counts from Wed 28 April and lapses on Thu 6 May");
        timeline.At(Z("d1"), new LocalDate(2021, 5, 5)).Tiers[2].NextChange.Should().Be(new LocalDate(2021, 5, 6), "the lapse was decided on Tue 4 May, the fifth working day (1 May a holiday, 2 May a Sunday)");
        timeline.At(Z("d1"), new LocalDate(2021, 5, 6)).LevelsInForce.Select(l => timeline.Scale.Describe(l).Code).Should().Equal("Above100");
    }

    [Fact]
    public void Hysteresis_EarlierDaysDoNotCount_TheRunStartsOnTheFirstDayInForce()
    {
        var history = Readings(Enumerable.Repeat(120.0, 11).ToArray(), new LocalDate(2021, 4, 18));
        var brake = PolicyEditions.Germany.EmergencyBrake2021.Risk;
        var counting = brake.WithApplicability(new LocalDate(2021, 4, 23), earlierDaysCount: true);
        var notCounting = brake.WithApplicability(new LocalDate(2021, 4, 23), earlierDaysCount: false);
        var always = brake.WithApplicability(null, earlierDaysCount: false);

        FirstDayInForce(counting).Should().Be(new LocalDate(2021, 4, 24), "20-22 April count: the first check, on 23 April, looks back at the three preceding days");
        FirstDayInForce(notCounting).Should().Be(new LocalDate(2021, 4, 27), "23, 24 and 25 April are the first three days counted; in force on the day after next");
        FirstDayInForce(always).Should().Be(new LocalDate(2021, 4, 22), "without an effective date the rule applies from the history's first day");
        counting.Evaluate(history, new DateInterval(history.FirstDay, history.LastDay)).Changes.Should().OnlyContain(c => c.Date >= new LocalDate(2021, 4, 23), "no change is recorded before the policy applies");

        LocalDate? FirstDayInForce(RiskPolicy policy)
        {
            var timeline = policy.Evaluate(history, new DateInterval(history.FirstDay, history.LastDay), HolidayCalendar.Empty);
            return history.FirstDay.PlusDays(Enumerable.Range(0, 11).First(i => !timeline.At(Z("d1"), history.FirstDay.PlusDays(i)).Level.IsNone));
        }
    }

    [Theory]
    [InlineData(MissingIndicatorHandling.InsufficientData, 5.0, "Medium", RiskAssessmentOutcome.InsufficientData)]
    [InlineData(MissingIndicatorHandling.UseMetricsPresent, 5.0, "Medium", RiskAssessmentOutcome.Determined)]
    [InlineData(MissingIndicatorHandling.UseMetricsPresent, 10.0, "High", RiskAssessmentOutcome.Determined)]
    [InlineData(MissingIndicatorHandling.Floor, 5.0, "Medium", RiskAssessmentOutcome.Determined)]
    [InlineData(MissingIndicatorHandling.InsufficientData, null, "Medium", RiskAssessmentOutcome.InsufficientData)]
    [InlineData(MissingIndicatorHandling.UseMetricsPresent, null, "Medium", RiskAssessmentOutcome.InsufficientData)]
    [InlineData(MissingIndicatorHandling.Floor, null, "Medium", RiskAssessmentOutcome.Determined)]
    public void Bands_MissingBedsAt250Cases_FollowTheRulesParameter(MissingIndicatorHandling handling, double? admissions, string level, RiskAssessmentOutcome outcome)
    {
        var builder = new EpidemicHistoryBuilder(Tree, new LocalDate(2022, 3, 3));
        builder.Add(new IndicatorReading { Zone = Z("d1"), Date = new LocalDate(2022, 3, 3), Metric = IndicatorMetrics.CasesPer100K7Day, Value = 250 });
        if (admissions is { } value)
        {
            builder.Add(new IndicatorReading { Zone = Z("d1"), Date = new LocalDate(2022, 3, 3), Metric = IndicatorMetrics.AdmissionsPer100K7Day, Value = value });
        }

        var history = builder.Build();
        var rule = IndicatorBandRule.FromOptions("levels", CdcOptions(handling), RiskScales.CdcCommunityLevels);
        var policy = RiskPolicy.FromOptions(new RiskPolicyOptions { Scale = RiskScales.CdcCommunityLevels.Id }).WithRule(rule);

        var a = policy.Evaluate(history, new DateInterval(history.FirstDay, history.LastDay)).At(Z("d1"), history.FirstDay);

        a.LevelDefinition.Code.Should().Be(level, "at 200 or more new cases per 100,000 CDC's table gives at least Medium, whatever the hospital metrics");
        a.Outcome.Should().Be(outcome);
    }

    [Fact]
    public void Bands_MissingValuesNotAHandling_IsAProblemAtItsPath()
    {
        var options = CdcOptions((MissingIndicatorHandling)7);

        var failures = FluentActions.Invoking(() => IndicatorBandRule.FromOptions("levels", options, RiskScales.CdcCommunityLevels))
            .Should().Throw<ModelValidationException>().Which.Failures;

        failures.Should().ContainSingle().Which.Should().StartWith("indicatorBands.missingValues:");
    }

    [Fact]
    public void Bands_BuiltInCommunityLevels_UseTheMetricsPresent()
        => ((IndicatorBandRule)PolicyEditions.Get("us-cdc-community-levels-2022").Risk.Rules[0]).MissingValues.Should().Be(MissingIndicatorHandling.UseMetricsPresent);

    [Fact]
    public void Bands_FromOptions_SeveralMistakes_ReportsEveryOne()
    {
        var options = new IndicatorBandOptions
        {
            Unit = ZoneKind.District,
            ValueValidDays = 0,
            Classifiers = new List<IndicatorClassifierOptions>
            {
                new()
                {
                    Metric = IndicatorMetrics.AdmissionsPer100K7Day,
                    When = new List<ThresholdConditionOptions> { new() { Count = "cases", LessThan = 200 } },
                    Bands = new List<IndicatorBandLevelOptions> { new() { AtLeast = 10, Level = "Medium" }, new() { AtLeast = 10, Level = "High" } },
                },
                new() { Metric = IndicatorMetrics.CovidBedsPercent },
            },
        };

        var failures = FluentActions.Invoking(() => IndicatorBandRule.FromOptions("levels", options, RiskScales.CdcCommunityLevels))
            .Should().Throw<ModelValidationException>().Which.Failures;

        failures.Select(f => f.Substring(0, f.IndexOf(':', StringComparison.Ordinal))).Should().BeEquivalentTo(
            "indicatorBands.valueValidDays",
            "indicatorBands.classifiers[0].when[0].metric",
            "indicatorBands.classifiers[0].bands[1].atLeast",
            "indicatorBands.classifiers[1].bands");
    }

    [Fact]
    public void Certification_SuspicionKnownOnlyByItsCommunity_LeavesItsCompoundsUndecided()
    {
        var builder = new EpidemicHistoryBuilder(Tree, Day0);
        for (var d = 13; d <= 16; d++)
        {
            builder.Add(new IndicatorReading { Zone = Z("c1-a"), Date = Day(d), Metric = IndicatorMetrics.SixInPlace, Value = 1 });
            builder.Add(new IndicatorReading { Zone = Z("c2-a"), Date = Day(d), Metric = IndicatorMetrics.SixInPlace, Value = 1 });
        }

        builder.Add(Case("s-1", 15, "c1", CaseKind.Suspected));
        var timeline = PolicyEditions.China.WuhanEpidemicFree2020.Risk.Evaluate(builder.Build(Day(16)), new DateInterval(Day0, Day(16)));

        timeline.At(Z("c1-a"), Day(14)).LevelDefinition.Code.Should().Be("Certified");
        timeline.At(Z("c1-a"), Day(15)).Outcome.Should().Be(RiskAssessmentOutcome.InsufficientData, "the suspect may live in c1-a");
        timeline.At(Z("c2-a"), Day(15)).Outcome.Should().Be(RiskAssessmentOutcome.Determined, "c2-a is in another community");
    }

    private static IndicatorBandOptions CdcOptions(MissingIndicatorHandling handling)
    {
        IndicatorClassifierOptions Classifier(string metric, ThresholdConditionOptions when, params (double AtLeast, string Level)[] bands) => new()
        {
            Metric = metric,
            When = new List<ThresholdConditionOptions> { when },
            Bands = bands.Select(b => new IndicatorBandLevelOptions { AtLeast = b.AtLeast, Level = b.Level }).ToList(),
        };

        var below = new ThresholdConditionOptions { Metric = IndicatorMetrics.CasesPer100K7Day, LessThan = 200 };
        var above = new ThresholdConditionOptions { Metric = IndicatorMetrics.CasesPer100K7Day, AtLeast = 200 };
        return new IndicatorBandOptions
        {
            Unit = ZoneKind.District,
            ValueValidDays = 7,
            MissingValues = handling,
            Classifiers = new List<IndicatorClassifierOptions>
            {
                Classifier(IndicatorMetrics.AdmissionsPer100K7Day, below, (0, "Low"), (10, "Medium"), (20, "High")),
                Classifier(IndicatorMetrics.CovidBedsPercent, below, (0, "Low"), (10, "Medium"), (15, "High")),
                Classifier(IndicatorMetrics.AdmissionsPer100K7Day, above, (0, "Medium"), (10, "High")),
                Classifier(IndicatorMetrics.CovidBedsPercent, above, (0, "Medium"), (10, "High")),
            },
        };
    }

    private static EpidemicHistory Readings(double[] values, LocalDate first)
    {
        var builder = new EpidemicHistoryBuilder(Tree, first);
        for (var i = 0; i < values.Length; i++)
        {
            builder.Add(new IndicatorReading { Zone = Z("d1"), Date = first.PlusDays(i), Metric = IndicatorMetrics.Incidence7DayPer100K, Value = values[i] });
        }

        return builder.Build();
    }
}
