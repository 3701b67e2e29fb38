using System;
using System.Linq;
using CommunityControl.Access;
using CommunityControl.Measures;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using FluentAssertions;
using NodaTime;
using Xunit;
using static CommunityControl.Tests.Access.GateFixture;

namespace CommunityControl.Tests.Access;

/// <summary>
/// "One person every 2 days" (cn-policy §6.4) read two ways: a rolling 48-hour window, or calendar days in the tree's
/// time zone. The reading is a parameter of the quota with no default.
/// </summary>
public class OutingWindowTests
{
    [Fact]
    public void Rolling_IsTheIntervalEitherSide_BothBoundsExclusive()
    {
        var window = OutingWindow.Rolling(Noon, Duration.FromDays(2));

        window.Contains(Noon - Duration.FromDays(2)).Should().BeFalse("48:00 h ago no longer counts");
        window.Contains(Noon - Duration.FromDays(2) + Duration.FromMinutes(1)).Should().BeTrue("47:59 h ago does");
        window.Contains(Noon + Duration.FromDays(2) - Duration.FromMinutes(1)).Should().BeTrue();
        window.Contains(Noon + Duration.FromDays(2)).Should().BeFalse();
    }

    [Fact]
    public void CalendarDays_CountsTheDayBeforeTheDayAndTheDayAfter_InTheZone()
    {
        var date = new LocalDate(2020, 2, 3);
        var window = OutingWindow.CalendarDays(date, 2, Shanghai);
        Instant At(int day, int hour, int minute) => new LocalDate(2020, 2, day).At(new LocalTime(hour, minute)).InZoneStrictly(Shanghai).ToInstant();

        window.Contains(At(1, 23, 59)).Should().BeFalse();
        window.Contains(At(2, 0, 0)).Should().BeTrue();
        window.Contains(At(4, 23, 59)).Should().BeTrue();
        window.Contains(At(5, 0, 0)).Should().BeFalse();
    }

    [Fact]
    public void CalendarDays_OnADaylightSavingChange_FollowsTheLocalDays()
    {
        var berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

        var window = OutingWindow.CalendarDays(new LocalDate(2021, 3, 28), 1, berlin);

        window.After.Should().Be(Instant.FromUtc(2021, 3, 27, 23, 0) - Duration.Epsilon, "the day starts at 00:00 CET");
        window.Before.Should().Be(Instant.FromUtc(2021, 3, 28, 22, 0), "the next day starts at 00:00 CEST; the day had 23 hours");
    }

    [Fact]
    public void For_TheQuotasReading_BuildsItsWindow()
    {
        var rolling = MeasureFragments.GetOutingQuota("huanggang-2020", OutingWindowKind.Rolling);
        var calendar = MeasureFragments.GetOutingQuota("huanggang-2020", OutingWindowKind.CalendarDays);

        OutingWindow.For(rolling, Noon, Shanghai).Should().Be(OutingWindow.Rolling(Noon, Duration.FromDays(2)));
        OutingWindow.For(calendar, Noon, Shanghai).Should().Be(OutingWindow.CalendarDays(Date, 2, Shanghai));
        OutingWindow.For(MeasureFragments.GetOutingQuota("huangshi-2020"), Noon, Shanghai).Should().BeNull("no interval: the open outings are limited");
    }

    [Fact]
    public void BadArguments_AreRejectedNamingThem()
    {
        FluentActions.Invoking(() => OutingWindow.Rolling(Noon, Duration.Zero)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("interval");
        FluentActions.Invoking(() => OutingWindow.CalendarDays(Date, 0, Shanghai)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("days");
        FluentActions.Invoking(() => OutingWindow.CalendarDays(Date, 2, null!)).Should().Throw<ArgumentNullException>().WithParameterName("zone");
        FluentActions.Invoking(() => OutingWindow.For(new OutingQuota { Persons = 1, Interval = Duration.FromDays(2) }, Noon, Shanghai)).Should().Throw<ArgumentException>().WithParameterName("quota");
        FluentActions.Invoking(() => MeasureFragments.GetOutingQuota("huanggang-2020", OutingWindowKind.Unknown)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("window");
        FluentActions.Invoking(() => MeasureFragments.GetOutingQuota("wuhan-2020-02", OutingWindowKind.Rolling)).Should().Throw<ArgumentException>().WithMessage("*persons, interval*");
    }

    [Fact]
    public void Quota_WithAnIntervalButNoReading_IsRejected_ThereIsNoDefault()
    {
        var act = () => TableAt(Medium, new MeasureSet { OutingQuota = new OutingQuota { Persons = 1, Interval = Duration.FromDays(2) } });

        act.Should().Throw<ModelValidationException>().Which.Failures.Should().ContainSingle().Which.Should().Contain("outingQuota.window").And.Contain("no default reading");
    }

    [Theory]
    [InlineData("PT36H", true)]
    [InlineData("P2D", false)]
    public void Quota_CalendarDaysOfPartDays_IsRejected(string interval, bool rejected)
    {
        var json = $$"""{ "scale": "cn-low-medium-high", "levels": { "Medium": { "outingQuota": { "persons": 1, "interval": "{{interval}}", "window": "CalendarDays" } } } }""";

        var act = () => MeasureTableJson.Parse(json);

        if (rejected)
        {
            act.Should().Throw<DocumentFormatException>().Which.Problems.Single().Path.Should().Be("$.levels.Medium.outingQuota.interval");
        }
        else
        {
            act().For(Medium).OutingQuota!.Window.Should().Be(OutingWindowKind.CalendarDays);
        }
    }

    [Theory]
    [InlineData("huanggang-2020")]
    [InlineData("wenzhou-2020")]
    [InlineData("ezhou-2020")]
    [InlineData("yangling-2020")]
    public void Presets_WhoseSourceDoesNotSayWhichReading_RequireTheDocumentToGiveIt(string preset)
    {
        var json = $$"""{ "scale": "cn-low-medium-high", "levels": { "Medium": { "outingQuota": { "preset": "{{preset}}" } } } }""";

        var problem = FluentActions.Invoking(() => MeasureTableJson.Parse(json)).Should().Throw<DocumentFormatException>().Which.Problems.Single();

        problem.Path.Should().Be("$.levels.Medium.outingQuota.preset");
        problem.Message.Should().Contain("leaves 'window' to the document");
        FluentActions.Invoking(() => MeasureFragments.GetOutingQuota(preset)).Should().Throw<ArgumentException>().WithMessage("*window*");
    }

    [Fact]
    public void Preset_WuhanEpidemicFree_OnePersonPerDay_ReadsAsCalendarDays()
    {
        var quota = MeasureFragments.GetOutingQuota("wuhan-2020-03-epidemic-free");

        quota.Window.Should().Be(OutingWindowKind.CalendarDays, "每户每天: one outing per household per local date");
        quota.Interval.Should().Be(Duration.FromDays(1));
    }

    [Theory]
    [InlineData(OutingWindowKind.Rolling, false)]
    [InlineData(OutingWindowKind.CalendarDays, true)]
    public void Evaluate_2359OnDay1Then0001OnDay3_OnlyCalendarDaysAllow(OutingWindowKind window, bool allowed)
    {
        var policy = AccessPolicy.Create(TableAt(Medium, new MeasureSet { OutingQuota = MeasureFragments.GetOutingQuota("huanggang-2020", window) }));
        var ledger = new InMemoryOutingLedger();
        var first = Resident(GateDirection.Exit, at: Local(23, 59));
        policy.EvaluateAndRecord(in first, Uniform(Medium), ledger).IsAllowed.Should().BeTrue();
        var second = Resident(GateDirection.Exit, at: Local(0, 1, dayOffset: 2)) with { Person = Spouse };

        policy.Evaluate(in second, UniformOn(2, Medium), ledger).IsAllowed.Should().Be(allowed);
        policy.EvaluateAndRecord(in second, UniformOn(2, Medium), ledger).IsAllowed.Should().Be(allowed);
        ledger.OutingsOf(Household).Should().HaveCount(allowed ? 2 : 1);
    }

    [Fact]
    public void Evaluate_CalendarDays_DoesNotAllocateOnceTheSnapshotIsSeen()
    {
        var policy = AccessPolicy.Create(TableAt(Medium, new MeasureSet { OutingQuota = MeasureFragments.GetOutingQuota("huanggang-2020", OutingWindowKind.CalendarDays) }));
        var ledger = new InMemoryOutingLedger();
        ledger.TryStartOuting(Household, Spouse, Noon - Duration.FromHours(1), 1, OutingWindow.CalendarDays(Date, 2, Shanghai), out _);
        var snapshot = Uniform(Medium);
        var request = Resident(GateDirection.Exit);
        policy.Evaluate(in request, snapshot, ledger).Has(AccessReasons.OutingQuotaExhausted).Should().BeTrue();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            policy.Evaluate(in request, snapshot, ledger);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }
}
