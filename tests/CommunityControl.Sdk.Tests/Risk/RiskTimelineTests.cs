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

public class RiskTimelineTests
{
    private static readonly RiskPolicy Ninth = PolicyEditions.China.NinthEdition.Risk;

    public static TheoryData<string> EditionsOnTheSmallCity() => new()
    {
        PolicyEditions.China.NinthEditionId,
        PolicyEditions.China.TwentyMeasuresId,
        PolicyEditions.China.ThreeZones2022Id,
        PolicyEditions.China.CountyGrading2020Id,
        PolicyEditions.China.CommunityTypes2020Id,
        PolicyEditions.China.WuhanEpidemicFree2020Id,
        PolicyEditions.Germany.EmergencyBrake2021Id,
    };

    [Theory]
    [MemberData(nameof(EditionsOnTheSmallCity))]
    public void Append_DayByDay_GivesTheSameTimelineAsOneEvaluation(string editionId)
    {
        var policy = PolicyEditions.Get(editionId).Risk;
        var days = Outbreak(40);
        var holidays = HolidayCalendar.Empty.With(Day(10));
        var full = policy.Evaluate(Build(days), new DateInterval(Day0, Day(39)), holidays);

        var timeline = policy.Evaluate(Build(days.Take(5)), new DateInterval(Day0, Day(4)), holidays);
        foreach (var day in days.Skip(5))
        {
            timeline = timeline.Append(day);
        }

        (timeline.Interval.Start, timeline.Interval.End).Should().Be((full.Interval.Start, full.Interval.End));
        timeline.Changes.Select(Describe).Should().Equal(full.Changes.Select(Describe));
        for (var d = 0; d < 40; d++)
        {
            var expected = full.SnapshotOn(Day(d));
            var actual = timeline.SnapshotOn(Day(d));
            for (var z = 0; z < Tree.Count; z++)
            {
                actual.LevelAt(z).Should().Be(expected.LevelAt(z), "zone {0} on day {1}", Tree.IdAt(z), d);
                actual.IsInsufficientDataAt(z).Should().Be(expected.IsInsufficientDataAt(z));
                var a = timeline.At(z, Day(d));
                var e = full.At(z, Day(d));
                (a.Since, a.Reason?.Code, a.EarliestStepDown, a.SetBy).Should().Be((e.Since, e.Reason?.Code, e.EarliestStepDown, e.SetBy));
            }
        }
    }

    [Theory]
    [MemberData(nameof(EditionsOnTheSmallCity))]
    public void SnapshotOn_EveryDayAndZone_MatchesTheAssessmentByBruteForce(string editionId)
    {
        // The snapshot reads a per-day table of the designated zones and raises their subtrees; the assessment walks the
        // zone's ancestors and their chains of designations, one by one. Both must agree everywhere, for a timeline evaluated
        // at once, one appended day by day, and a branch appended to an earlier timeline (which shares its chains).
        var policy = PolicyEditions.Get(editionId).Risk;
        var days = Outbreak(40);
        var holidays = HolidayCalendar.Empty.With(Day(10));
        var full = policy.Evaluate(Build(days), new DateInterval(Day0, Day(39)), holidays);
        var early = policy.Evaluate(Build(days.Take(20)), new DateInterval(Day0, Day(19)), holidays);
        var appended = early;
        foreach (var day in days.Skip(20))
        {
            appended = appended.Append(day);
        }

        var branch = early.Append(new EpidemicDay(Day(20)) { Cases = new[] { Case("b-1", 20, "c3-a-1-1"), Case("b-2", 20, "c1-b-1-1") } });
        foreach (var timeline in new[] { full, appended, early, branch })
        {
            for (var date = timeline.Interval.Start; date <= timeline.Interval.End; date = date.PlusDays(1))
            {
                var snapshot = timeline.SnapshotOn(date);
                for (var z = 0; z < Tree.Count; z++)
                {
                    var assessment = timeline.At(z, date);
                    snapshot.LevelAt(z).Should().Be(assessment.Level, "zone {0} on {1}", Tree.IdAt(z), date);
                    snapshot.IsInsufficientDataAt(z).Should().Be(assessment.Outcome == RiskAssessmentOutcome.InsufficientData, "zone {0} on {1}", Tree.IdAt(z), date);
                }
            }
        }
    }

    [Fact]
    public void Append_TwiceToTheSameTimeline_GivesTwoIndependentCorrectTimelines()
    {
        var start = Ninth.Evaluate(History(0, new[] { Case("p-1", 0, "c1-a-1-1") }), new DateInterval(Day0, Day0));

        var quiet = start.Append(new EpidemicDay(Day(1)));
        var busy = start.Append(new EpidemicDay(Day(1)) { Cases = new[] { Case("p-2", 1, "c3-a-1-1") } });

        quiet.LevelOf(Z("c3-a"), Day(1)).Should().Be(RiskLevel.None);
        busy.LevelOf(Z("c3-a"), Day(1)).Should().Be(RiskScales.ChinaLowMediumHigh["High"]);
        quiet.LevelOf(Z("c1-a"), Day(1)).Should().Be(RiskScales.ChinaLowMediumHigh["High"]);
        start.EvaluatedThrough.Should().Be(Day0, "the original timeline is unchanged");
        start.Invoking(t => t.At(Z("c1-a"), Day(1))).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void At_NinthEditionResidence_ExplainsLevelReasonZoneAndStepDown()
    {
        var timeline = Ninth.Evaluate(History(10, new[] { Case("p-0001", 0, "c1-a-1-1") }, new[] { Negative("c1-a", 7) }), new DateInterval(Day0, Day(10)));

        var a = timeline.At(Z("c1-a-1-2"), Day(3));

        a.Level.Should().Be(RiskScales.ChinaLowMediumHigh["High"]);
        a.LevelDefinition.NameZh.Should().Be("高风险");
        a.Outcome.Should().Be(RiskAssessmentOutcome.Determined);
        a.Since.Should().Be(Day0);
        a.SetBy.Should().Be(Z("c1-a"), "the compound is the drawing unit; the unit inherits");
        a.Reason!.Code.Should().Be(RiskReasonCodes.ResidenceOfCase);
        a.Reason.RuleId.Should().Be("risk-areas");
        a.Reason.CaseId.Should().Be("p-0001");
        a.EarliestStepDown.Should().Be(Day(8), "7 days without a new infection after day 0, effective the day after day 7");
        a.ToString().Should().Contain("High since 2022-07-01");
    }

    [Fact]
    public void At_CountyBaseline_NamesTheCounty()
    {
        var timeline = Ninth.Evaluate(History(2, new[] { Case("p-1", 0, "c1-a-1-1") }), new DateInterval(Day0, Day(2)));

        var a = timeline.At(Z("c2-a-1-1"), Day(1));

        a.LevelDefinition.Code.Should().Be("Low");
        a.SetBy.Should().Be(Z("d1"));
        a.Reason!.Code.Should().Be(RiskReasonCodes.CountyBaseline);
    }

    [Fact]
    public void At_DateOutsideTheInterval_Throws_AndDateNotCovered_IsInsufficientData()
    {
        var timeline = Ninth.Evaluate(History(2), new DateInterval(Day0, Day(5)));

        timeline.Invoking(t => t.At(Z("c1-a"), Day(6))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("date");
        var beyond = timeline.At(Z("c1-a"), Day(4));
        beyond.Outcome.Should().Be(RiskAssessmentOutcome.InsufficientData);
        beyond.Reason!.Code.Should().Be(RiskReasonCodes.DateNotCovered);
        timeline.SnapshotOn(Day(4)).HasInsufficientData.Should().BeTrue("some zone lacks the inputs its rule needs");
        timeline.SnapshotOn(Day(2)).HasInsufficientData.Should().BeFalse();
        timeline.EvaluatedThrough.Should().Be(Day(2));
    }

    [Fact]
    public void At_UnknownZone_Throws()
    {
        var timeline = Ninth.Evaluate(History(0), new DateInterval(Day0, Day0));

        timeline.Invoking(t => t.At(Z("nowhere"), Day0)).Should().Throw<ArgumentException>().WithParameterName("id");
        timeline.Invoking(t => t.At(-1, Day0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("index");
    }

    [Fact]
    public void SnapshotOn_LevelsByDenseIndex_MatchTheAssessments()
    {
        var timeline = Ninth.Evaluate(History(3, new[] { Case("p-1", 0, "c1-a-1-1", activities: new CaseActivity { Zone = Z("c2-p-m") }) }), new DateInterval(Day0, Day(3)));

        var snapshot = timeline.SnapshotOn(Day(2));

        snapshot.Date.Should().Be(Day(2));
        snapshot.Scale.Should().BeSameAs(RiskScales.ChinaLowMediumHigh);
        for (var z = 0; z < Tree.Count; z++)
        {
            snapshot.LevelAt(z).Should().Be(timeline.At(z, Day(2)).Level);
        }

        snapshot.LevelOf(Z("c2-p-m")).Should().Be(RiskScales.ChinaLowMediumHigh["Medium"]);
        snapshot.Highest.Should().Be(RiskScales.ChinaLowMediumHigh["High"]);
    }

    [Fact]
    public void Changes_NinthEditionLadder_ListsEachDesignatedZoneChangeOnce()
    {
        var timeline = Ninth.Evaluate(History(14, new[] { Case("p-1", 0, "c1-a-1-1") }, new[] { Negative("c1-a", 7) }), new DateInterval(Day0, Day(14)));

        timeline.Changes.Select(c => $"{c.Zone} {c.Date:MM-dd} {RiskScales.ChinaLowMediumHigh.Describe(c.From).Code}->{RiskScales.ChinaLowMediumHigh.Describe(c.To).Code}")
            .Should().Equal(
                "d1 07-01 Normal->Low",
                "c1-a 07-01 Normal->High",
                "c1-a 07-09 High->Medium",
                "d1 07-12 Low->Normal",
                "c1-a 07-12 Medium->Normal");
        timeline.ChangesOf(Z("c1-a")).Should().HaveCount(3);
        timeline.ChangesOf(Z("c1-a"))[2].Reason!.Code.Should().Be(RiskReasonCodes.DesignationLifted);
    }

    [Fact]
    public void Evaluate_NullArguments_Throw()
    {
        Ninth.Invoking(p => p.Evaluate(null!, new DateInterval(Day0, Day0))).Should().Throw<ArgumentNullException>().WithParameterName("history");
        Ninth.Invoking(p => p.Evaluate(History(0), null!)).Should().Throw<ArgumentNullException>().WithParameterName("interval");
    }

    private static string Describe(RiskLevelChange c) => $"{c.Zone} {c.Date} {c.From.Severity}->{c.To.Severity} {c.Outcome} {c.Reason?.Code}";

    private static EpidemicHistory Build(IEnumerable<EpidemicDay> days)
    {
        var history = EpidemicHistory.Create(Tree, Day0);
        foreach (var day in days)
        {
            history = history.Append(day);
        }

        return history;
    }

    /// <summary>40 days of cases, suspicions, screenings and indicator values touching every rule family.</summary>
    private static List<EpidemicDay> Outbreak(int count)
    {
        var residences = new[] { "c1-a-1-1", "c1-a-2-1", "c1-b-1-1", "c2-a-1-1", "c3-a-1-1", "c1-a", "d2" };
        var days = new List<EpidemicDay>();
        var n = 0;
        for (var d = 0; d < count; d++)
        {
            var cases = new List<CaseReport>();
            var exclusions = new List<CaseExclusion>();
            if (d % 3 == 0 && d < 30)
            {
                var residence = residences[d % residences.Length];
                cases.Add(Case($"p-{n++}", d, residence, unknown: d % 2 == 0, activities: d % 4 == 0 ? new[] { new CaseActivity { Zone = Z("c2-p-m"), Stay = Duration.FromMinutes(45), HighRisk = d % 8 == 0 } } : Array.Empty<CaseActivity>()));
            }

            if (d % 5 == 1 && d < 30)
            {
                cases.Add(Case($"q-{n++}", d, "c1-b-1-1", foundUnder: ControlSetting.HomeIsolation));
            }

            if (d == 20)
            {
                cases.Add(SmallCity.Case("s-1", d, "c2-a-1-1", CaseKind.Suspected));
            }

            if (d == 23)
            {
                exclusions.Add(new CaseExclusion { CaseId = "s-1", Date = Day(d) });
            }

            var readings = new List<IndicatorReading>();
            if (d != 12)
            {
                readings.Add(new IndicatorReading { Zone = Z("d1"), Date = Day(d), Metric = IndicatorMetrics.Incidence7DayPer100K, Value = d is > 5 and < 20 ? 170 : d == 25 ? 100 : 80 });
            }

            readings.Add(new IndicatorReading { Zone = Z("d1"), Date = Day(d), Metric = IndicatorMetrics.Cluster14Day, Value = d % 7 == 0 ? 1 : 0 });
            foreach (var compound in new[] { "c1-a", "c1-b", "c2-a", "c2-p", "c3-a" })
            {
                readings.Add(new IndicatorReading { Zone = Z(compound), Date = Day(d), Metric = IndicatorMetrics.SixInPlace, Value = 1 });
            }

            days.Add(new EpidemicDay(Day(d))
            {
                Cases = cases,
                Exclusions = exclusions,
                Screenings = d % 2 == 0 ? new[] { Negative("s1", d), Negative("d2", d) } : Array.Empty<ScreeningRound>(),
                Indicators = readings,
            });
        }

        return days;
    }

    private static CaseReport Case(string id, int day, string residence, bool unknown = false, ControlSetting foundUnder = ControlSetting.None, params CaseActivity[] activities)
        => new()
        {
            Id = id,
            Kind = CaseKind.Confirmed,
            Reported = Day(day),
            Residence = Z(residence),
            UnknownSource = unknown,
            FoundUnder = foundUnder,
            Activities = activities,
        };
}
