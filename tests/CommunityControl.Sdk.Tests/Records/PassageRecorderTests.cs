using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Access;
using CommunityControl.Measures;
using CommunityControl.Records;
using CommunityControl.Tests.Access;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Records;

public class PassageRecorderTests
{
    // A quota loose enough that a second evaluation of the same exit would be granted and counted again.
    private static readonly AccessPolicy Quota = AccessPolicy.Create(GateFixture.TableAt(GateFixture.Medium, new MeasureSet
    {
        OutingQuota = new OutingQuota { Persons = 10, Interval = Duration.FromDays(1), Window = OutingWindowKind.Rolling },
    }));

    [Fact]
    public async Task EvaluateAndRecordAsync_SixteenTasksRetryTheSameKeys_OneRecordAndOneOutingPerKey()
    {
        const int Keys = 100; // 5 exits in each of 20 households, whose quota (10) would let retries count twice
        var store = new InMemoryPassageStore();
        var ledger = new InMemoryOutingLedger();
        var recorder = new PassageRecorder(Quota, store, ledger);
        var snapshot = GateFixture.Uniform(GateFixture.Medium);
        using var start = new ManualResetEventSlim();

        var tasks = Enumerable.Range(0, 16).Select(t => Task.Run(async () =>
        {
            start.Wait();
            var results = new List<AppendResult<PassageRecord>>();
            for (var i = 0; i < Keys; i++)
            {
                var k = (i + (t * 7)) % Keys; // every task sends every key, in a different order
                var request = GateFixture.Resident(GateDirection.Exit, at: GateFixture.Noon + Duration.FromSeconds(k)) with { Person = PersonId.From($"p-{k}"), Household = HouseholdId.From($"h-{k % 20}") };
                results.Add(await recorder.EvaluateAndRecordAsync($"gate-1:{k}", request, snapshot, device: "gate-1"));
            }

            return results;
        })).ToArray();
        start.Set();
        var all = (await Task.WhenAll(tasks)).SelectMany(r => r).ToList();

        store.Count.Should().Be(Keys);
        all.Count(r => r.IsNew).Should().Be(Keys, "exactly one call per key records it");
        all.GroupBy(r => r.Record.IdempotencyKey).Should().OnlyContain(g => g.Select(r => r.Record).Distinct().Count() == 1, "every retry gets the record of the first call");
        all.Should().OnlyContain(r => r.Record.Outcome == AccessOutcome.AllowWithObligations && (r.Record.Obligations & AccessObligations.RecordOuting) != 0);
        Enumerable.Range(0, 20).Select(h => ledger.OutingsOf(HouseholdId.From($"h-{h}")).Count).Should().OnlyContain(n => n == 5, "the ledger counts each passage once, however often the gate retried");
    }

    [Fact]
    public async Task EvaluateAndRecordAsync_RecordsTheDecisionAndWhatTheGateRead()
    {
        var store = new InMemoryPassageStore();
        var policy = AccessPolicy.Create(GateFixture.TableAt(GateFixture.Medium, new MeasureSet { TemperatureCheck = new TemperatureCheck() }));
        var recorder = new PassageRecorder(policy, store);
        var fever = GateFixture.Visitor() with { TemperatureCelsius = 37.4 };
        var normal = GateFixture.Visitor() with { TemperatureCelsius = 37.3, Person = PersonId.From("v-0002") };

        var denied = await recorder.EvaluateAndRecordAsync("k-fever", fever, GateFixture.Uniform(GateFixture.Medium), passId: "pass-1", device: "dev-1");
        var allowed = await recorder.EvaluateAndRecordAsync("k-normal", normal, GateFixture.Uniform(GateFixture.Medium));

        var decision = policy.Evaluate(in fever, GateFixture.Uniform(GateFixture.Medium));
        denied.IsNew.Should().BeTrue();
        denied.Record.Outcome.Should().Be(decision.Outcome).And.NotBe(AccessOutcome.Allow, "37.4 °C is above 37.3 °C");
        denied.Record.Reasons.Should().Be(decision.Reasons);
        denied.Record.Obligations.Should().Be(decision.Obligations);
        denied.Record.EscalateTo.Should().Be(decision.EscalateTo);
        denied.Record.Gate.Should().Be(ZoneId.From("c1-a"));
        denied.Record.TemperatureCelsius.Should().Be(37.4);
        denied.Record.PassId.Should().Be("pass-1");
        denied.Record.Device.Should().Be("dev-1");
        denied.Record.Category.Should().Be(PersonCategory.Visitor);
        allowed.Record.WasAllowed.Should().BeTrue("37.3 °C itself passes");
        (await Passages.Keys(store.PassagesAtGateAsync(ZoneId.From("c1-a"), new Interval(null, null)))).Should().Equal("k-fever", "k-normal");
    }

    [Fact]
    public async Task EvaluateAndRecordAsync_KeyAlreadyRecorded_ReturnsItWithoutDecidingAgain()
    {
        var store = new InMemoryPassageStore();
        var ledger = new InMemoryOutingLedger();
        var recorder = new PassageRecorder(Quota, store, ledger);
        var request = GateFixture.Resident(GateDirection.Exit);

        var first = await recorder.EvaluateAndRecordAsync("k-1", request, GateFixture.Uniform(GateFixture.Medium));
        var retry = await new PassageRecorder(Quota, store, ledger).EvaluateAndRecordAsync("k-1", request, GateFixture.Uniform(GateFixture.Medium));

        first.IsNew.Should().BeTrue();
        retry.Should().Be(new AppendResult<PassageRecord>(first.Record, false));
        ledger.OutingsOf(GateFixture.Household).Should().HaveCount(1);
    }

    [Fact]
    public async Task EvaluateAndRecordAsync_FailedAppend_RecordsNothing_AndARetryDecidesAfresh()
    {
        var store = new InMemoryPassageStore(new RecordStoreOptions { Capacity = 1 });
        var recorder = new PassageRecorder(Quota, store);
        await recorder.EvaluateAndRecordAsync("k-1", GateFixture.Visitor(), GateFixture.Uniform(GateFixture.Low));

        await FluentActions.Awaiting(async () => await recorder.EvaluateAndRecordAsync("k-2", GateFixture.Visitor(), GateFixture.Uniform(GateFixture.Low)))
            .Should().ThrowAsync<InvalidOperationException>();
        await store.PurgeAsync(Instant.MaxValue);
        (await recorder.EvaluateAndRecordAsync("k-2", GateFixture.Visitor(), GateFixture.Uniform(GateFixture.Low))).IsNew.Should().BeTrue();
    }

    [Fact]
    public async Task EvaluateAndRecordAsync_BadArguments_ThrowNamingTheArgument_CancelledBeforeDeciding_RecordsNothing()
    {
        var store = new InMemoryPassageStore();
        var recorder = new PassageRecorder(Quota, store);
        var snapshot = GateFixture.Uniform(GateFixture.Low);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        FluentActions.Invoking(() => new PassageRecorder(null!, store)).Should().Throw<ArgumentNullException>().WithParameterName("policy");
        FluentActions.Invoking(() => new PassageRecorder(Quota, null!)).Should().Throw<ArgumentNullException>().WithParameterName("store");
        await FluentActions.Awaiting(async () => await recorder.EvaluateAndRecordAsync("bad key", GateFixture.Visitor(), snapshot)).Should().ThrowAsync<ArgumentException>().WithParameterName("idempotencyKey");
        await FluentActions.Awaiting(async () => await recorder.EvaluateAndRecordAsync("k", GateFixture.Visitor(), null!)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("snapshot");
        await FluentActions.Awaiting(async () => await recorder.EvaluateAndRecordAsync("k", GateFixture.Visitor() with { Person = default }, snapshot)).Should().ThrowAsync<ArgumentException>().WithParameterName("request");
        await FluentActions.Awaiting(async () => await recorder.EvaluateAndRecordAsync("k", GateFixture.Visitor(), snapshot, passId: "110101199003077777")).Should().ThrowAsync<ArgumentException>()
            .Where(e => e.ParamName == "passId" && !e.Message.Contains("110101199003077777"));
        await FluentActions.Awaiting(async () => await recorder.EvaluateAndRecordAsync("k", GateFixture.Visitor(), snapshot, cancellationToken: cancelled.Token)).Should().ThrowAsync<OperationCanceledException>();
        store.Count.Should().Be(0);
        recorder.ToString().Should().StartWith("PassageRecorder (AccessPolicy test");
    }
}
