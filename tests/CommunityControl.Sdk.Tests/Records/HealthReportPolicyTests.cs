using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CommunityControl.Authority;
using CommunityControl.Editions;
using CommunityControl.Measures;
using CommunityControl.Records;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Records;

public class HealthReportPolicyTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly PersonId Person = PersonId.From("p-obs-1");

    // Wuhan's 2020 edition carries the gate temperature check of "双测温两报告": a reading above 37.3 °C is reported.
    private static readonly MeasureSet WuhanMeasures = PolicyEditions.China.WuhanEpidemicFree2020.Measures!.Levels.Values.First(s => s.TemperatureCheck is not null);
    private static readonly HealthReportPolicy Policy = HealthReportPolicy.FromMeasures(WuhanMeasures);

    [Theory]
    [InlineData(37.3, null)]
    [InlineData(37.4, HealthAlertKind.Fever)]
    [InlineData(36.2, null)]
    [InlineData(34.0, null)]
    [InlineData(33.9, HealthAlertKind.ImplausibleReading)]
    [InlineData(43.0, HealthAlertKind.Fever)]
    [InlineData(80.0, HealthAlertKind.ImplausibleReading)]
    [InlineData(double.NaN, HealthAlertKind.ImplausibleReading)]
    public void Assess_ReadingAgainstTheEditionsThreshold_RaisesFeverAbove37Point3Only(double celsius, HealthAlertKind? expected)
    {
        var alerts = Policy.Assess(Report("k-1", Local(2020, 2, 20, 8, 0), celsius));

        alerts.Select(a => a.Kind).Should().Equal(expected is null ? Array.Empty<HealthAlertKind>() : new[] { expected.Value });
        Policy.Temperature.ReportAboveCelsius.Should().Be(37.3, "the edition's threshold (cn-policy §2 [S18])");
    }

    [Fact]
    public void Assess_FeverAndSymptoms_EscalateToTheRolesThatOrderObservation_ImplausibleToTheCheckers()
    {
        var report = new HealthReport { IdempotencyKey = "k-1", Person = Person, At = Local(2020, 2, 20, 8, 0), TemperatureCelsius = 38.1, Symptoms = Symptoms.Cough | Symptoms.Fatigue };

        var alerts = Policy.Assess(report);
        var implausible = Policy.Assess(Report("k-2", Local(2020, 2, 20, 8, 0), 20.0)).Single();

        var doctors = AuthorityPolicy.ChinaInfectiousDiseaseLaw2013.HoldersOf(Permissions.OrderHomeObservation, report.At, measuresInForce: true);
        alerts.Select(a => a.Kind).Should().Equal(HealthAlertKind.Fever, HealthAlertKind.Symptoms);
        alerts.Should().OnlyContain(a => a.Permission == Permissions.OrderHomeObservation && a.EscalateTo == doctors && a.Report == report && a.Person == Person);
        doctors.Should().HaveFlag(Roles.HealthWorker).And.NotHaveFlag(Roles.Volunteer);
        implausible.Permission.Should().Be(Permissions.Check);
        implausible.EscalateTo.Should().HaveFlag(Roles.CommunityWorker);
        alerts[0].ToString().Should().StartWith("Fever at 2020-02-20T00:00:00Z: escalate to ").And.NotContain("p-obs-1").And.NotContain("38.1");
    }

    [Fact]
    public void FindMissedReports_TwiceDaily_MorningAndAfternoonPeriods_OnlyWholePeriodsThatEnded()
    {
        // Observation from 20 Feb 09:00 local; checked on 22 Feb at 12:00 local. Whole periods: 20 pm, 21 am, 21 pm, 22 am.
        var observed = new Interval(Local(2020, 2, 20, 9, 0), null);
        var reports = new[]
        {
            Report("k-1", Local(2020, 2, 20, 18, 0), 36.5),          // 20 pm
            Report("k-2", Local(2020, 2, 21, 7, 30), 36.6),          // 21 am
            new HealthReport { IdempotencyKey = "k-3", Person = Person, At = Local(2020, 2, 21, 19, 0), Symptoms = Symptoms.Cough }, // no reading
            Report("k-4", Local(2020, 2, 22, 11, 59), 36.4, PersonId.From("p-other")), // someone else's
        };

        var missed = Policy.FindMissedReports(Person, reports, observed, Shanghai, Local(2020, 2, 22, 12, 0));

        missed.Select(a => a.Period).Should().Equal(
            new Interval(Local(2020, 2, 21, 12, 0), Local(2020, 2, 22, 0, 0)),
            new Interval(Local(2020, 2, 22, 0, 0), Local(2020, 2, 22, 12, 0)));
        missed.Should().OnlyContain(a => a.Kind == HealthAlertKind.MissedReport && a.Report == null && a.At == a.Period!.Value.End);
        Policy.FindMissedReports(Person, reports, observed, Shanghai, Local(2020, 2, 22, 11, 59)).Should().HaveCount(1, "the morning of the 22nd has not ended yet");
    }

    [Fact]
    public void FindMissedReports_Grace_DelaysTheAlert_AndAnObservationEndStopsCounting()
    {
        var policy = HealthReportPolicy.FromMeasures(WuhanMeasures, options: new HealthReportPolicyOptions { Grace = Duration.FromHours(1) });
        var observed = new Interval(Local(2020, 2, 20, 0, 0), Local(2020, 2, 21, 0, 0));

        policy.FindMissedReports(Person, Array.Empty<HealthReport>(), observed, Shanghai, Local(2020, 2, 20, 12, 59)).Should().BeEmpty();
        policy.FindMissedReports(Person, Array.Empty<HealthReport>(), observed, Shanghai, Local(2020, 2, 20, 13, 0)).Should().ContainSingle()
            .Which.At.Should().Be(Local(2020, 2, 20, 13, 0));
        policy.FindMissedReports(Person, Array.Empty<HealthReport>(), observed, Shanghai, Local(2020, 3, 1, 0, 0)).Should().HaveCount(2, "the observation ended after two periods");
    }

    [Fact]
    public async Task EvaluateAsync_ReadsTheStore_ReportsAlertsThenMissedPeriods_RetriedReportCountsOnce()
    {
        var store = new InMemoryHealthReportStore();
        (await store.AppendAsync(Report("k-1", Local(2020, 2, 20, 8, 0), 37.4))).IsNew.Should().BeTrue();
        (await store.AppendAsync(Report("k-1", Local(2020, 2, 20, 8, 0), 37.4))).IsNew.Should().BeFalse("a report sent twice is recorded once");

        var alerts = await Policy.EvaluateAsync(store, Person, new Interval(Local(2020, 2, 20, 0, 0), null), Shanghai, Local(2020, 2, 21, 0, 0));

        alerts.Select(a => a.Kind).Should().Equal(HealthAlertKind.Fever, HealthAlertKind.MissedReport);
        alerts[1].Period!.Value.Start.Should().Be(Local(2020, 2, 20, 12, 0));
        store.Count.Should().Be(1);
    }

    [Fact]
    public async Task BadArguments_ThrowNamingTheArgument()
    {
        var noCheck = new MeasureSet();
        FluentActions.Invoking(() => HealthReportPolicy.FromMeasures(noCheck)).Should().Throw<ArgumentException>().WithParameterName("measures");
        FluentActions.Invoking(() => HealthReportPolicy.Create(null!)).Should().Throw<ArgumentNullException>().WithParameterName("temperature");
        FluentActions.Invoking(() => HealthReportPolicy.Create(new TemperatureCheck(), options: new HealthReportPolicyOptions { PeriodStarts = new List<LocalTime>() }))
            .Should().Throw<ArgumentException>().WithParameterName("options");
        FluentActions.Invoking(() => HealthReportPolicy.Create(new TemperatureCheck(), options: new HealthReportPolicyOptions { Grace = Duration.FromHours(-1) }))
            .Should().Throw<ArgumentException>().WithParameterName("options");
        FluentActions.Invoking(() => Policy.FindMissedReports(Person, Array.Empty<HealthReport>(), new Interval(null, null), Shanghai, Local(2020, 2, 20, 0, 0)))
            .Should().Throw<ArgumentException>().WithParameterName("observed");
        FluentActions.Invoking(() => Policy.FindMissedReports(default, Array.Empty<HealthReport>(), new Interval(Local(2020, 2, 20, 0, 0), null), Shanghai, Local(2020, 2, 20, 0, 0)))
            .Should().Throw<ArgumentException>().WithParameterName("person");
        FluentActions.Invoking(() => new HealthReport { IdempotencyKey = "k", Person = Person, At = Local(2020, 2, 20, 0, 0), Symptoms = (Symptoms)1024 })
            .Should().Throw<ArgumentException>().WithParameterName("Symptoms");
        await FluentActions.Awaiting(async () => await Policy.EvaluateAsync(null!, Person, new Interval(Local(2020, 2, 20, 0, 0), null), Shanghai, Local(2020, 2, 20, 0, 0)))
            .Should().ThrowAsync<ArgumentNullException>().WithParameterName("store");
        Policy.ToString().Should().Be("HealthReportPolicy (fever above 37.3 °C, 2 reports a day)");
        new HealthReport { IdempotencyKey = "k", Person = Person, At = Local(2020, 2, 20, 8, 0), TemperatureCelsius = 36.6 }.ToString().Should().Be("Health report at 2020-02-20T00:00:00Z");
    }

    private static Instant Local(int year, int month, int day, int hour, int minute)
        => new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Shanghai).ToInstant();

    private static HealthReport Report(string key, Instant at, double celsius, PersonId? person = null)
        => new() { IdempotencyKey = key, Person = person ?? Person, At = at, TemperatureCelsius = celsius };
}
