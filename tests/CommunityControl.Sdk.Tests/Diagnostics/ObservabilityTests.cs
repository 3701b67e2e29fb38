using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Access;
using CommunityControl.Editions;
using CommunityControl.Measures;
using CommunityControl.Records;
using CommunityControl.Serialization;
using CommunityControl.Zones;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NodaTime;
using NodaTime.Testing;
using Xunit;
using static CommunityControl.Tests.Risk.SmallCity;

namespace CommunityControl.Tests.Diagnostics;

/// <summary>
/// Risk evaluations, store calls and tracing queries in the meter, the activity source and the logs, read with the fakes
/// of Microsoft.Extensions.Diagnostics.Testing and an <see cref="ActivityListener"/>. Serial: the instruments are
/// process-wide.
/// </summary>
[Collection(nameof(TelemetrySerialTests))]
public sealed class ObservabilityTests : IDisposable
{
    private const string StoreDuration = "communitycontrol.store.operation.duration";
    private const string RiskDuration = "communitycontrol.risk.evaluation.duration";

    // Pseudonymous ids that must never appear in a tag, an activity or a log event.
    private const string CasePerson = "p-case-7781";
    private const string Contact = "p-contact-5519";
    private const string HouseholdValue = "h-household-3302";
    private const string CaseId = "case-4410";

    private readonly List<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public ObservabilityTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CommunityControlDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (_stopped)
                {
                    _stopped.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public void RiskEvaluation_RecordsItsDurationInSeconds_AndAnActivityTaggedWithScaleDaysAndZones()
    {
        using var durations = new MetricCollector<double>(null, CommunityControlDiagnostics.MeterName, RiskDuration);
        var policy = PolicyEditions.China.NinthEdition.Risk;
        var history = History(9, new[] { Case(CaseId, 0, "c1-a-1-1") });

        var timeline = policy.Evaluate(history, new DateInterval(Day0, Day(20)));

        timeline.Should().NotBeNull();
        var measurement = durations.GetMeasurementSnapshot().Should().ContainSingle().Which;
        measurement.Value.Should().BeGreaterThanOrEqualTo(0).And.BeLessThan(60, "a duration in seconds, not ticks or milliseconds");
        measurement.Tags.Should().Equal(new Dictionary<string, object?> { ["communitycontrol.risk.scale"] = policy.Scale.Id });
        durations.Instrument!.Unit.Should().Be("s");
        var activity = Stopped("communitycontrol.risk.evaluate").Should().ContainSingle().Which;
        activity.GetTagItem("communitycontrol.risk.scale").Should().Be(policy.Scale.Id);
        activity.GetTagItem("communitycontrol.risk.days").Should().Be(10, "the history's ten days, not the interval's 21");
        activity.GetTagItem("communitycontrol.risk.zones").Should().Be(Tree.Count);
        activity.Status.Should().Be(ActivityStatusCode.Unset);
    }

    [Fact]
    public async Task StoreCalls_AreMeasuredByStoreAndOperation_EachInAnActivity()
    {
        using var durations = new MetricCollector<double>(null, CommunityControlDiagnostics.MeterName, StoreDuration);
        using var provider = new ServiceCollection().AddCommunityControl().AddCommunityControlRecords().BuildServiceProvider();
        var passages = provider.GetRequiredService<IPassageStore>();
        var ledger = provider.GetRequiredService<IOutingLedger>();
        var at = Instant.FromUtc(2022, 7, 1, 4, 0);

        await passages.AppendAsync(Passage("k-1", "c1-a", CasePerson, at));
        await passages.FindAsync("k-1");
        var read = await ToListAsync(passages.PassagesOfPersonAsync(PersonId.From(CasePerson), new Interval(at - Duration.FromHours(1), at + Duration.FromHours(1))));
        ledger.TryStartOuting(HouseholdId.From(HouseholdValue), PersonId.From(CasePerson), at, 1, OutingWindow.Rolling(at, Duration.FromDays(2)), out _).Should().BeTrue();

        read.Should().ContainSingle();
        durations.GetMeasurementSnapshot()
            .Select(m => ((string)m.Tags["communitycontrol.store"]!, (string)m.Tags["communitycontrol.store.operation"]!, m.Tags.ContainsKey("error.type")))
            .Should().Equal(
                ("passages", "append", false),
                ("passages", "find", false),
                ("passages", "passages_of_person", false),
                ("outing_ledger", "start_outing", false));
        durations.GetMeasurementSnapshot().Should().OnlyContain(m => m.Value >= 0 && m.Value < 60);
        Stopped().Select(a => a.OperationName).Should().Equal(
            "communitycontrol.store.passages.append",
            "communitycontrol.store.passages.find",
            "communitycontrol.store.passages.passages_of_person",
            "communitycontrol.store.outing_ledger.start_outing");
    }

    [Fact]
    public async Task StoreCallFailure_IsTaggedWithItsErrorType_AndLoggedWithoutItsMessage()
    {
        using var durations = new MetricCollector<double>(null, CommunityControlDiagnostics.MeterName, StoreDuration);
        using var logs = new FakeLoggerProvider();
        using var provider = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs))
            .AddSingleton<IPassageStore>(new FailingPassageStore())
            .AddCommunityControlRecords()
            .BuildServiceProvider();
        var store = provider.GetRequiredService<IPassageStore>();

        await FluentActions.Awaiting(async () => await store.AppendAsync(Passage("k-1", "c1-a", CasePerson, Instant.FromUtc(2022, 7, 1, 4, 0))))
            .Should().ThrowAsync<InvalidOperationException>().WithMessage($"*{CasePerson}*", "the caller gets the store's own exception");
        await FluentActions.Awaiting(async () => await ToListAsync(store.PassagesAtGateAsync(ZoneId.From("c1-a"), new Interval(null, null))))
            .Should().ThrowAsync<TimeoutException>();

        durations.GetMeasurementSnapshot()
            .Select(m => ((string)m.Tags["communitycontrol.store.operation"]!, (string?)m.Tags["error.type"]))
            .Should().Equal(("append", "System.InvalidOperationException"), ("passages_at_gate", "System.TimeoutException"));
        Stopped().Should().HaveCount(2).And.OnlyContain(a => a.Status == ActivityStatusCode.Error);
        var records = logs.Collector.GetSnapshot();
        records.Select(r => (r.Id, r.Level)).Should().Equal((new EventId(10, "StoreCallFailed"), LogLevel.Warning), (new EventId(10, "StoreCallFailed"), LogLevel.Warning));
        records[0].Message.Should().StartWith("A CommunityControl store call failed: passages append after ").And.EndWith(" ms with System.InvalidOperationException.");
        records.Should().OnlyContain(r => r.Exception == null && !r.Message.Contains(CasePerson), "the exception's message may carry what the store refused");
    }

    [Fact]
    public async Task StoreCall_Cancelled_IsMeasuredButNotLoggedAsAFailure()
    {
        using var durations = new MetricCollector<double>(null, CommunityControlDiagnostics.MeterName, StoreDuration);
        using var logs = new FakeLoggerProvider();
        using var provider = new ServiceCollection().AddLogging(b => b.AddProvider(logs)).AddCommunityControlRecords().BuildServiceProvider();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await FluentActions.Awaiting(async () => await provider.GetRequiredService<IPassageStore>().AppendAsync(Passage("k-1", "c1-a", CasePerson, Instant.FromUtc(2022, 7, 1, 4, 0)), cancelled.Token))
            .Should().ThrowAsync<OperationCanceledException>();

        durations.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags["error.type"].Should().NotBeNull();
        logs.Collector.Count.Should().Be(0);
    }

    [Fact]
    public async Task CoPresenceTrace_IsAnActivity_ParentOfItsStoreCalls()
    {
        using var provider = new ServiceCollection().AddCommunityControlRecords().BuildServiceProvider();
        var store = provider.GetRequiredService<IPassageStore>();
        var at = Instant.FromUtc(2022, 7, 1, 4, 0);
        await store.AppendAsync(Passage("k-1", "c1-a", CasePerson, at));
        await store.AppendAsync(Passage("k-2", "c1-a", Contact, at + Duration.FromMinutes(3)));
        lock (_stopped)
        {
            _stopped.Clear();
        }

        var result = await CoPresenceTracing.TraceAsync(store, new CoPresenceQuery
        {
            Case = PersonId.From(CasePerson),
            InfectiousPeriod = new Interval(at - Duration.FromDays(1), at + Duration.FromDays(1)),
            Window = Duration.FromMinutes(10),
        });

        result.Contacts.Should().ContainSingle();
        var trace = Stopped("communitycontrol.records.trace").Should().ContainSingle().Which;
        trace.GetTagItem("communitycontrol.records.contacts").Should().Be(1);
        trace.GetTagItem("communitycontrol.records.gates").Should().Be(1);
        trace.GetTagItem("communitycontrol.records.case_passages").Should().Be(1);
        Stopped().Where(a => a.OperationName.StartsWith("communitycontrol.store.", StringComparison.Ordinal))
            .Select(a => (a.OperationName, a.ParentSpanId))
            .Should().Equal(
                ("communitycontrol.store.passages.passages_of_person", trace.SpanId),
                ("communitycontrol.store.passages.passages_at_gate", trace.SpanId));
    }

    [Fact]
    public async Task NoTagActivityOrLogEvent_CarriesAPersonHouseholdOrCaseId()
    {
        var measurements = new List<string>();
        using var meterListener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == CommunityControlDiagnostics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<long>((i, _, tags, _) => Collect(measurements, i.Name, tags));
        meterListener.SetMeasurementEventCallback<double>((i, _, tags, _) => Collect(measurements, i.Name, tags));
        meterListener.Start();
        using var logs = new FakeLoggerProvider();
        var pinned = new FakeClock(Instant.FromUtc(2022, 7, 1, 4, 0));
        using var provider = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddSingleton<IClock>(pinned)
            .AddSingleton<IHealthReportStore>(new FailingHealthReportStore())
            .AddCommunityControl(o => o.EditionId = PolicyEditions.China.NinthEditionId)
            .AddCommunityControlRecords()
            .BuildServiceProvider();
        var at = pinned.GetCurrentInstant();
        var person = PersonId.From(CasePerson);
        var household = HouseholdId.From(HouseholdValue);

        // Risk, with a case id in the history.
        provider.GetRequiredService<PolicyEdition>().Risk.Evaluate(History(3, new[] { Case(CaseId, 0, "c1-a-1-1") }), new DateInterval(Day0, Day(3)));

        // A gate decision recorded in the registered (measured) ledger.
        var access = AccessPolicy.Create(Access.GateFixture.TableAt(Access.GateFixture.Medium, new MeasureSet { OutingQuota = MeasureFragments.GetOutingQuota("yangling-2020", OutingWindowKind.Rolling) }));
        var exit = Access.GateFixture.Resident(GateDirection.Exit, at: Access.GateFixture.Noon) with { Person = person, Household = household };
        access.EvaluateAndRecord(in exit, Access.GateFixture.Uniform(Access.GateFixture.Medium), provider.GetRequiredService<IOutingLedger>());

        // The register, a trace, and a store that fails with the person id in its message.
        var passages = provider.GetRequiredService<IPassageStore>();
        await passages.AppendAsync(Passage("k-1", "c1-a", CasePerson, at, HouseholdValue));
        await passages.AppendAsync(Passage("k-2", "c1-a", Contact, at + Duration.FromMinutes(2), HouseholdValue));
        await CoPresenceTracing.TraceAsync(passages, new CoPresenceQuery { Case = person, InfectiousPeriod = new Interval(at - Duration.FromDays(1), at + Duration.FromDays(1)), Window = Duration.FromMinutes(5) });
        await FluentActions.Awaiting(async () => await ToListAsync(provider.GetRequiredService<IHealthReportStore>().ReportsOfPersonAsync(person, new Interval(null, null))))
            .Should().ThrowAsync<InvalidOperationException>();
        meterListener.RecordObservableInstruments();

        var activities = Stopped();
        activities.Select(a => a.OperationName).Should().Contain(new[]
        {
            "communitycontrol.risk.evaluate", "communitycontrol.access.evaluate", "communitycontrol.store.outing_ledger.start_outing",
            "communitycontrol.records.trace", "communitycontrol.store.health_reports.reports_of_person",
        });
        measurements.Should().Contain(m => m.StartsWith("communitycontrol.store.operation.duration", StringComparison.Ordinal))
            .And.Contain(m => m.StartsWith("communitycontrol.risk.evaluation.duration", StringComparison.Ordinal))
            .And.Contain(m => m.StartsWith("communitycontrol.ledger.outings", StringComparison.Ordinal));
        var records = logs.Collector.GetSnapshot();
        records.Select(r => r.Id.Name).Should().Contain(new[] { "EditionPinned", "StoreCallFailed" });

        var texts = activities.SelectMany(a => new[] { a.OperationName, a.DisplayName }.Concat(a.TagObjects.Select(t => t.Key + "=" + t.Value)))
            .Concat(measurements)
            .Concat(records.SelectMany(r => new[] { r.Message }.Concat((r.StructuredState ?? new List<KeyValuePair<string, string?>>()).Select(s => s.Key + "=" + s.Value))))
            .ToList();
        texts.Should().NotBeEmpty();
        foreach (var secret in new[] { CasePerson, Contact, HouseholdValue, CaseId })
        {
            texts.Should().NotContain(t => t.Contains(secret), "no tag, activity or log event carries a person, household or case id");
        }

        records.Should().OnlyContain(r => r.Exception == null || !r.Exception.Message.Contains(CasePerson));
    }

    private static void Collect(List<string> into, string instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var text = instrument;
        foreach (var tag in tags)
        {
            text += " " + tag.Key + "=" + tag.Value;
        }

        lock (into)
        {
            into.Add(text);
        }
    }

    private List<Activity> Stopped(string? name = null)
    {
        lock (_stopped)
        {
            return _stopped.Where(a => name is null || a.OperationName == name).ToList();
        }
    }

    private static PassageRecord Passage(string key, string gate, string person, Instant at, string? household = null)
        => Records.Passages.At(key, gate, person, at, household: household);

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>A register whose appends fail with the person's id in the message, and whose gate reads time out.</summary>
    private sealed class FailingPassageStore : IPassageStore
    {
        public ValueTask<AppendResult<PassageRecord>> AppendAsync(PassageRecord record, CancellationToken cancellationToken = default)
            => throw new InvalidOperationException($"duplicate key {record.Person.Value}");

        public ValueTask<PassageRecord?> FindAsync(string idempotencyKey, CancellationToken cancellationToken = default) => new((PassageRecord?)null);

        public IAsyncEnumerable<PassageRecord> PassagesOfPersonAsync(PersonId person, Interval interval, CancellationToken cancellationToken = default) => Empty();

        public async IAsyncEnumerable<PassageRecord> PassagesAtGateAsync(ZoneId gate, Interval interval, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            throw new TimeoutException("the register did not answer");
#pragma warning disable CS0162 // an iterator needs a yield
            yield break;
#pragma warning restore CS0162
        }

        public IAsyncEnumerable<PassageRecord> PassagesWithinAsync(ZoneTree tree, ZoneId root, Interval interval, CancellationToken cancellationToken = default) => Empty();

        public ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default) => new(0L);

        private static async IAsyncEnumerable<PassageRecord> Empty()
        {
            await Task.Yield();
            yield break;
        }
    }

    /// <summary>A health report store whose reads fail with the person's id in the message.</summary>
    private sealed class FailingHealthReportStore : IHealthReportStore
    {
        public ValueTask<AppendResult<HealthReport>> AppendAsync(HealthReport report, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public async IAsyncEnumerable<HealthReport> ReportsOfPersonAsync(PersonId person, Interval interval, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            throw new InvalidOperationException($"no reports table for {person.Value}");
#pragma warning disable CS0162 // an iterator needs a yield
            yield break;
#pragma warning restore CS0162
        }

        public ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default) => new(0L);
    }
}
