using System;
using System.Linq;
using CommunityControl.Epidemiology;
using CommunityControl.Tests.Risk;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;
using static CommunityControl.Tests.Risk.SmallCity;

namespace CommunityControl.Tests.Epidemiology;

public class EpidemicHistoryTests
{
    [Fact]
    public void Create_NewHistory_CoversNoDay()
    {
        var history = EpidemicHistory.Create(Tree, Day0);

        history.DayCount.Should().Be(0);
        history.LastDay.Should().Be(Day0.PlusDays(-1));
        history.Covers(Day0).Should().BeFalse();
        history.CasesOn(Day0).Should().BeEmpty();
    }

    [Fact]
    public void Append_NextDay_ReturnsALongerHistoryAndLeavesTheOriginal()
    {
        var empty = EpidemicHistory.Create(Tree, Day0);

        var one = empty.Append(new EpidemicDay(Day0) { Cases = new[] { Case("p-1", 0, "c1-a-1-1") } });
        var two = one.Append(new EpidemicDay(Day(1)));

        empty.DayCount.Should().Be(0);
        one.DayCount.Should().Be(1);
        two.DayCount.Should().Be(2);
        two.CaseCount.Should().Be(1);
        two.CasesOn(Day0).Single().Id.Should().Be("p-1");
        two.CasesOn(Day(1)).Should().BeEmpty("an empty day is a day on which nothing was reported");
        two.Covers(Day(1)).Should().BeTrue("the history covers its first day");
    }

    [Fact]
    public void Append_DayAfterAGap_ThrowsNamingTheNextDay()
    {
        var history = EpidemicHistory.Create(Tree, Day0).Append(new EpidemicDay(Day0));

        var act = () => history.Append(new EpidemicDay(Day(2)));

        act.Should().Throw<ModelValidationException>().Which.Failures.Single().Should().Contain("2022-07-02");
    }

    [Fact]
    public void Append_SeveralBadEvents_ReportsEveryProblem()
    {
        var history = EpidemicHistory.Create(Tree, Day0);
        var day = new EpidemicDay(Day0)
        {
            Cases = new[]
            {
                Case("p-1", 0, "nowhere"),
                Case("p-1", 0, "c1-a-1-1"),
                new CaseReport { Id = " ", Kind = CaseKind.Unknown, Reported = Day(1) },
                Case("p-2", 0, null, activities: new CaseActivity { Zone = Z("mars"), Stay = Duration.FromMinutes(-5) }),
            },
            Screenings = new[] { new ScreeningRound { Zone = Z("c9"), Date = Day0, AllNegative = true } },
            Indicators = new[]
            {
                new IndicatorReading { Zone = Z("d1"), Date = Day0, Metric = IndicatorMetrics.CovidBedsPercent, Value = 101 },
                new IndicatorReading { Zone = Z("d1"), Date = Day0, Metric = IndicatorMetrics.Incidence7DayPer100K, Value = double.NaN },
                new IndicatorReading { Zone = Z("d2"), Date = Day0, Metric = IndicatorMetrics.Cluster14Day, Value = 2 },
                new IndicatorReading { Zone = Z("d2"), Date = Day0, Metric = "Custom", Value = -1 },
            },
        };

        var failures = history.Invoking(h => h.Append(day)).Should().Throw<ModelValidationException>().Which.Failures;

        failures.Should().Contain(f => f.StartsWith("cases[0].residence", StringComparison.Ordinal) && f.Contains("'nowhere' is not in the zone tree"));
        failures.Should().Contain(f => f.StartsWith("cases[1].id", StringComparison.Ordinal) && f.Contains("twice"));
        failures.Should().Contain(f => f.StartsWith("cases[2].id", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("cases[2].kind", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("cases[2].reported", StringComparison.Ordinal) && f.Contains("2022-07-02"));
        failures.Should().Contain(f => f.StartsWith("cases[3].activities[0].zone", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("cases[3].activities[0].stay", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("screenings[0].zone", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("indicators[0].value", StringComparison.Ordinal) && f.Contains("percentage"));
        failures.Should().Contain(f => f.StartsWith("indicators[1].value", StringComparison.Ordinal) && f.Contains("finite"));
        failures.Should().Contain(f => f.StartsWith("indicators[2].value", StringComparison.Ordinal) && f.Contains("0 or 1"));
        failures.Should().Contain(f => f.StartsWith("indicators[3].value", StringComparison.Ordinal) && f.Contains("negative"));
        failures.Should().HaveCount(12);
    }

    [Fact]
    public void Append_ALargeDay_ResolvesEveryZoneAndNamesEachUnknownOne()
    {
        // 600 cases name over 800 zones, enough for the day's zones to be resolved in one sorted batch: each case must
        // still get its own residence and activity places, and each unknown or null place its own path.
        var zones = Tree.All.Select(z => z.Id.Value).ToArray();
        CaseReport CaseAt(int i, bool broken)
        {
            var activities = new CaseActivity?[i % 3];
            for (var a = 0; a < activities.Length; a++)
            {
                activities[a] = new CaseActivity { Zone = Z(zones[(i * 7 + a) % zones.Length]), Stay = Duration.FromMinutes(30) };
            }

            if (broken && i == 302)
            {
                activities[1] = null;
            }

            if (broken && i == 304)
            {
                activities[0] = new CaseActivity { Zone = Z("mars"), Stay = Duration.FromMinutes(30) };
            }

            var residence = broken && i == 300 ? "nowhere" : i % 11 == 0 ? null : zones[(i * 5) % zones.Length];
            return Case("p-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), 0, residence, activities: activities!);
        }

        var empty = EpidemicHistory.Create(Tree, Day0);
        var valid = Enumerable.Range(0, 600).Select(i => CaseAt(i, broken: false)).ToArray();
        var broken = Enumerable.Range(0, 600).Select(i => CaseAt(i, broken: true)).ToArray();

        var history = empty.Append(new EpidemicDay(Day0) { Cases = valid });
        var failures = empty.Invoking(h => h.Append(new EpidemicDay(Day0) { Cases = broken })).Should().Throw<ModelValidationException>().Which.Failures;

        var events = history.DayAt(0);
        for (var i = 0; i < valid.Length; i++)
        {
            events.Residences[i].Should().Be(Tree.IndexOf(valid[i].Residence), "case {0}'s residence", i);
            events.ActivityZones[events.ActivityStarts[i]..events.ActivityStarts[i + 1]].Should().Equal(valid[i].Activities.Select(a => Tree.IndexOf(a.Zone)), "case {0}'s activity places", i);
        }

        failures.Should().HaveCount(3);
        failures.Should().Contain(f => f.StartsWith("cases[300].residence:", StringComparison.Ordinal) && f.Contains("'nowhere'"));
        failures.Should().Contain(f => f.StartsWith("cases[302].activities[1]:", StringComparison.Ordinal) && f.Contains("must not be null"));
        failures.Should().Contain(f => f.StartsWith("cases[304].activities[0].zone:", StringComparison.Ordinal) && f.Contains("'mars'"));
    }

    [Fact]
    public void Append_IdReportedOnAnEarlierDay_IsRejected()
    {
        var history = EpidemicHistory.Create(Tree, Day0).Append(new EpidemicDay(Day0) { Cases = new[] { Case("p-1", 0, "c1-a-1-1") } });

        var act = () => history.Append(new EpidemicDay(Day(1)) { Cases = new[] { Case("p-1", 1, "c1-b-1-1") } });

        act.Should().Throw<ModelValidationException>().Which.Failures.Single().Should().Contain("already reported on 2022-07-01");
    }

    [Fact]
    public void Append_SuspicionConfirmedUnderItsId_IsAccepted()
    {
        var history = EpidemicHistory.Create(Tree, Day0)
            .Append(new EpidemicDay(Day0) { Cases = new[] { Case("s-1", 0, "c1-a-1-1", CaseKind.Suspected) } })
            .Append(new EpidemicDay(Day(1)) { Cases = new[] { Case("s-1", 1, "c1-a-1-1", CaseKind.Confirmed) } });

        history.CaseCount.Should().Be(2);
        var again = () => history.Append(new EpidemicDay(Day(2)) { Cases = new[] { Case("s-1", 2, "c1-a-1-1", CaseKind.Confirmed) } });
        again.Should().Throw<ModelValidationException>("a suspicion is confirmed once");
    }

    [Fact]
    public void Append_RejectedDay_LeavesItsNewIdsUnknown()
    {
        // The validation registers a new id as it finds it new; a rejected day must take them all back, and a day that
        // confirms a suspicion must not be taken for one that reports the suspicion's id anew.
        var history = EpidemicHistory.Create(Tree, Day0)
            .Append(new EpidemicDay(Day0) { Cases = new[] { Case("s-1", 0, "c1-a-1-1", CaseKind.Suspected) } });
        var cases = new[] { Case("p-1", 1, "c1-a-1-1"), Case("s-1", 1, "c1-a-1-1"), Case("p-2", 1, "c3-a-1-1") };

        history.Invoking(h => h.Append(new EpidemicDay(Day(1)) { Cases = cases.Append(Case("p-3", 1, "nowhere")).ToArray() }))
            .Should().Throw<ModelValidationException>().Which.Failures.Should().ContainSingle().Which.Should().StartWith("cases[3].residence");
        var longer = history.Append(new EpidemicDay(Day(1)) { Cases = cases });

        longer.CaseCount.Should().Be(4);
        var failures = longer.Invoking(h => h.Append(new EpidemicDay(Day(2)) { Cases = new[] { Case("p-2", 2, "c1-a-1-1"), Case("s-1", 2, "c1-a-1-1") } }))
            .Should().Throw<ModelValidationException>().Which.Failures;
        failures.Should().HaveCount(2);
        failures.Should().Contain(f => f.StartsWith("cases[0].id", StringComparison.Ordinal) && f.Contains("already reported on 2022-07-02"));
        failures.Should().Contain(f => f.StartsWith("cases[1].id", StringComparison.Ordinal) && f.Contains("already reported on 2022-07-02"), "the suspicion of 2022-07-01 was confirmed on 2022-07-02");
        longer.Invoking(h => h.Append(new EpidemicDay(Day(2)) { Cases = new[] { Case("p-3", 2, "c1-a-1-1") } })).Should().NotThrow("p-3 was on the rejected day only");
    }

    [Fact]
    public void Append_ExclusionOfAnUnknownOrConfirmedCase_IsRejected()
    {
        var history = EpidemicHistory.Create(Tree, Day0)
            .Append(new EpidemicDay(Day0) { Cases = new[] { Case("p-1", 0, "c1-a-1-1"), Case("s-1", 0, "c1-a-1-1", CaseKind.Suspected) } });

        var day = new EpidemicDay(Day(1))
        {
            Exclusions = new[]
            {
                new CaseExclusion { CaseId = "p-1", Date = Day(1) },
                new CaseExclusion { CaseId = "x-9", Date = Day(1) },
                new CaseExclusion { CaseId = "s-1", Date = Day(1) },
            },
        };

        var failures = history.Invoking(h => h.Append(day)).Should().Throw<ModelValidationException>().Which.Failures;
        failures.Should().HaveCount(2);
        failures.Should().OnlyContain(f => f.StartsWith("exclusions[0]", StringComparison.Ordinal) || f.StartsWith("exclusions[1]", StringComparison.Ordinal));
    }

    [Fact]
    public void Append_ExcludedSuspicionIdReused_IsRejected()
    {
        var history = EpidemicHistory.Create(Tree, Day0)
            .Append(new EpidemicDay(Day0) { Cases = new[] { Case("s-1", 0, "c1-a-1-1", CaseKind.Suspected) } })
            .Append(new EpidemicDay(Day(1)) { Exclusions = new[] { new CaseExclusion { CaseId = "s-1", Date = Day(1) } } });

        var act = () => history.Append(new EpidemicDay(Day(2)) { Cases = new[] { Case("s-1", 2, "c1-a-1-1") } });

        act.Should().Throw<ModelValidationException>().Which.Failures.Single().Should().Contain("excluded");
    }

    [Fact]
    public void Append_TwiceToTheSameHistory_GivesIndependentHistories()
    {
        var start = EpidemicHistory.Create(Tree, Day0).Append(new EpidemicDay(Day0));

        var a = start.Append(new EpidemicDay(Day(1)) { Cases = new[] { Case("p-1", 1, "c1-a-1-1") } });
        var b = start.Append(new EpidemicDay(Day(1)) { Cases = new[] { Case("p-1", 1, "c3-a-1-1") } });

        a.CasesOn(Day(1)).Single().Residence.Should().Be(Z("c1-a-1-1"));
        b.CasesOn(Day(1)).Single().Residence.Should().Be(Z("c3-a-1-1"), "the other branch's id does not count here");
        a.Invoking(h => h.Append(new EpidemicDay(Day(2)) { Cases = new[] { Case("p-1", 2, "c1-b-1-1") } })).Should().Throw<ModelValidationException>();
        b.Invoking(h => h.Append(new EpidemicDay(Day(2)) { Cases = new[] { Case("p-1", 2, "c1-b-1-1") } })).Should().Throw<ModelValidationException>();
    }

    [Fact]
    public void Build_EventsOutsideTheDaysCovered_AreRejected()
    {
        var builder = new EpidemicHistoryBuilder(Tree, Day(1))
            .Add(Case("p-1", 0, "c1-a-1-1"))
            .Add(Case("p-2", 5, "c1-a-1-1"));

        var failures = builder.Invoking(b => b.Build(Day(3))).Should().Throw<ModelValidationException>().Which.Failures;

        failures.Should().HaveCount(2);
        failures[0].Should().Contain("before the history's first day");
        failures[1].Should().Contain("after the history's last day");
    }

    [Fact]
    public void Build_WithoutLastDay_CoversThroughTheLatestEvent()
    {
        var history = new EpidemicHistoryBuilder(Tree, Day0)
            .Add(Case("p-1", 4, "c1-a-1-1"))
            .Add(Negative("c1-a", 2))
            .Build();

        history.LastDay.Should().Be(Day(4));
        history.ScreeningsOn(Day(2)).Should().ContainSingle();
        history.Cases.Should().ContainSingle();
    }

    [Fact]
    public void GetIndicatorSeries_ReadingsOnSomeDays_ReturnsThemAndLeavesOthersMissing()
    {
        var history = new EpidemicHistoryBuilder(Tree, Day0)
            .Add(new IndicatorReading { Zone = Z("d1"), Date = Day(0), Metric = IndicatorMetrics.Incidence7DayPer100K, Value = 90 })
            .Add(new IndicatorReading { Zone = Z("d1"), Date = Day(2), Metric = IndicatorMetrics.Incidence7DayPer100K, Value = 110 })
            .Build();

        var series = history.GetIndicatorSeries(Z("d1"), IndicatorMetrics.Incidence7DayPer100K);

        series.Points.Should().HaveCount(2);
        series.TryGetValue(Day(2), out var value).Should().BeTrue("day 2 has a reading");
        value.Should().Be(110);
        series.TryGetValue(Day(1), out _).Should().BeFalse("a day without a value is missing, not zero");
        history.TryGetIndicator(Z("d1"), IndicatorMetrics.Incidence7DayPer100K, Day(0), out var first).Should().BeTrue("day 0 has a reading");
        first.Should().Be(90);
    }

    [Fact]
    public void ToString_CaseReport_ShowsTheIdOnlyRedacted()
    {
        var report = Case("p-0001", 0, "c1-a-1-1", activities: new CaseActivity { Zone = Z("c2-p-m"), Stay = Duration.FromHours(2) });

        report.ToString().Should().MatchRegex("^CaseReport case#[0-9a-f]{8} Confirmed 2022-07-01$").And.NotContain("p-0001");
    }

    [Fact]
    public void Build_SpanCap_36600DaysBuilds_36601IsRefusedNamingLastDay()
    {
        var first = new LocalDate(1950, 1, 1);

        new EpidemicHistoryBuilder(Tree, first).Build(first.PlusDays(EpidemicHistory.MaxDays - 1)).DayCount.Should().Be(EpidemicHistory.MaxDays);
        FluentActions.Invoking(() => new EpidemicHistoryBuilder(Tree, first).Build(first.PlusDays(EpidemicHistory.MaxDays)))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("lastDay").WithMessage("*36601 days*at most 36600*");
    }

    [Fact]
    public void Append_ToAHistoryAtTheSpanCap_IsRefused()
    {
        var first = new LocalDate(1950, 1, 1);
        var full = new EpidemicHistoryBuilder(Tree, first).Build(first.PlusDays(EpidemicHistory.MaxDays - 1));

        FluentActions.Invoking(() => full.Append(new EpidemicDay(full.LastDay.PlusDays(1))))
            .Should().Throw<InvalidOperationException>().WithMessage("*EpidemicHistory.MaxDays*");
    }
}
