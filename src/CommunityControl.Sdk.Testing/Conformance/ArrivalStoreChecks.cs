using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Records;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using static CommunityControl.Testing.Conformance.ConformanceData;

namespace CommunityControl.Testing.Conformance;

/// <summary>The contract of <see cref="IArrivalStore"/>.</summary>
internal static class ArrivalStoreChecks
{
    private static readonly PersonId P1 = PersonId.From("p-1");
    private static readonly Interval Always = new(null, null);
    private static readonly string[] TiesInOrder = { "a-2", "a-1" };
    private static readonly string[] TiesOfEveryone = { "a-2", "a-1", "a-x" };

    public static IReadOnlyList<StoreConformanceCheck> All(Func<IArrivalStore> create, StoreConformanceOptions options) => new[]
    {
        new StoreConformanceCheck("AppendAsync_SameKeyTwice_RecordsOnce_AndReturnsTheFirstArrival", () => SameKeyTwice(create())),
        new StoreConformanceCheck("AppendAsync_EveryFieldRoundTrips_ItineraryAndNullsIncluded", () => RoundTrip(create())),
        new StoreConformanceCheck("Queries_IntervalIsHalfOpen_OrderedByInstant_TiesInTheOrderRecorded", () => IntervalEdges(create())),
        new StoreConformanceCheck("Queries_OnARandomRegister_EqualABruteForceScan", () => BruteForce(create(), options.RandomRegisterSize)),
        new StoreConformanceCheck("AppendAsync_EightThreadsRetryingEveryKey_RecordEachKeyExactlyOnce", () => EightThreads(create(), options.ConcurrentKeys)),
        new StoreConformanceCheck("PurgeAsync_DeletesStrictlyBeforeTheInstant", () => Purge(create())),
        new StoreConformanceCheck("AppendAsync_NullRecord_ThrowsArgumentNull_AndTheStoreStillRecords", () => NullRecord(create())),
        new StoreConformanceCheck("BadArguments_AndCancellation_ThrowTheDocumentedExceptions", () => BadArguments(create())),
    };

    private static async Task SameKeyTwice(IArrivalStore store)
    {
        var first = Arrival("a-1", "p-1", Start);
        var retry = Arrival("a-1", "p-2", Start + Duration.FromHours(1));

        var a = await store.AppendAsync(first).ConfigureAwait(false);
        var again = await store.AppendAsync(retry).ConfigureAwait(false);

        a.IsNew.Should().BeTrue();
        a.Record.Should().BeSameAs(first);
        again.IsNew.Should().BeFalse();
        again.Record.Should().BeEquivalentTo(first, "the first arrival under a key wins");
        (await ListAsync(store.ArrivalsAsync(Always)).ConfigureAwait(false)).Should().ContainSingle();
        (await store.FindAsync("a-1").ConfigureAwait(false)).Should().BeEquivalentTo(first);
        (await store.FindAsync("a-2").ConfigureAwait(false)).Should().BeNull();
    }

    private static async Task RoundTrip(IArrivalStore store)
    {
        var full = Arrival(
            "a-full",
            "p-1",
            Start + Duration.FromMilliseconds(1234),
            "h-1",
            Stop("310104", new LocalDate(2022, 3, 20), new LocalDate(2022, 3, 28), "High"),
            Stop("320500", new LocalDate(2022, 3, 29), new LocalDate(2022, 3, 29), ItineraryStop.NoRiskArea),
            Stop("440300", new LocalDate(2022, 3, 30), new LocalDate(2022, 3, 31), null));
        var bare = Arrival("a-bare", "p-1", Start + Duration.FromHours(1));
        await store.AppendAsync(full).ConfigureAwait(false);
        await store.AppendAsync(bare).ConfigureAwait(false);

        var read = await ListAsync(store.ArrivalsOfPersonAsync(P1, Always)).ConfigureAwait(false);

        read.Should().BeEquivalentTo(new[] { full, bare }, o => o.WithStrictOrdering());
        read[0].Itinerary.Select(s => s.Place).Should().Equal("310104", "320500", "440300");
        read[0].Itinerary[2].Level.Should().BeNull("an unknown level stays unknown, never 'no risk'");
        read[1].Household.IsEmpty.Should().BeTrue();
        read[1].Itinerary.Should().BeEmpty();
        (await store.FindAsync("a-full").ConfigureAwait(false)).Should().BeEquivalentTo(full);
    }

    private static async Task IntervalEdges(IArrivalStore store)
    {
        var t = Start;
        await store.AppendAsync(Arrival("a-3", "p-1", t + Duration.FromHours(12))).ConfigureAwait(false);
        await store.AppendAsync(Arrival("a-2", "p-1", t)).ConfigureAwait(false);
        await store.AppendAsync(Arrival("a-1", "p-1", t)).ConfigureAwait(false);
        await store.AppendAsync(Arrival("a-0", "p-1", t - Duration.FromTicks(1))).ConfigureAwait(false);
        await store.AppendAsync(Arrival("a-x", "p-2", t)).ConfigureAwait(false);
        var halfDay = new Interval(t, t + Duration.FromHours(12));

        (await Keys(store.ArrivalsOfPersonAsync(P1, halfDay)).ConfigureAwait(false))
            .Should().Equal(TiesInOrder, "the start is inside, the end outside; ties keep the order recorded");
        (await Keys(store.ArrivalsOfPersonAsync(P1, new Interval(null, t))).ConfigureAwait(false)).Should().Equal("a-0");
        (await Keys(store.ArrivalsOfPersonAsync(P1, new Interval(t + Duration.FromHours(12), null))).ConfigureAwait(false)).Should().Equal("a-3");
        (await Keys(store.ArrivalsAsync(halfDay)).ConfigureAwait(false)).Should().Equal(TiesOfEveryone, "every person's, in the order recorded at a tie");
        (await Keys(store.ArrivalsAsync(Always)).ConfigureAwait(false)).Should().Equal("a-0", "a-2", "a-1", "a-x", "a-3");
    }

    private static Task BruteForce(IArrivalStore store, int size) => PersonRegisterEqualsABruteForceScan(
        20220710,
        size,
        "p",
        (i, person, at) => Arrival($"a-{i}", person, at),
        r => store.AppendAsync(r).AsTask(),
        r => (r.Person, r.ArrivedAt, r.IdempotencyKey),
        (person, interval) => store.ArrivalsOfPersonAsync(person, interval),
        interval => store.ArrivalsAsync(interval));

    private static async Task EightThreads(IArrivalStore store, int keys)
    {
        var news = new ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(async () =>
        {
            // Threads 2k and 2k+1 append the same quarter of the keys: every key is raced by two threads.
            for (var i = thread / 2; i < keys; i += 4)
            {
                var result = await store.AppendAsync(Arrival($"a-{i}", $"p-{i % 97}", Start + Duration.FromSeconds(i))).ConfigureAwait(false);
                if (result.IsNew)
                {
                    news.Add(result.Record.IdempotencyKey);
                }
            }
        }))).ConfigureAwait(false);

        news.Should().HaveCount(keys).And.OnlyHaveUniqueItems("exactly one append of each key reports IsNew");
        (await ListAsync(store.ArrivalsAsync(Always)).ConfigureAwait(false)).Should().HaveCount(keys);
    }

    private static async Task Purge(IArrivalStore store)
    {
        var t = Start;
        await store.AppendAsync(Arrival("a-1", "p-1", t - Duration.FromTicks(1))).ConfigureAwait(false);
        await store.AppendAsync(Arrival("a-2", "p-1", t)).ConfigureAwait(false);
        await store.AppendAsync(Arrival("a-3", "p-1", t + Duration.FromDays(1))).ConfigureAwait(false);

        (await store.PurgeAsync(t).ConfigureAwait(false)).Should().Be(1, "only the arrival before the instant goes");
        (await Keys(store.ArrivalsAsync(Always)).ConfigureAwait(false)).Should().Equal("a-2", "a-3");
        (await store.FindAsync("a-1").ConfigureAwait(false)).Should().BeNull();
        (await store.PurgeAsync(t).ConfigureAwait(false)).Should().Be(0, "purging again deletes nothing more");
        (await store.AppendAsync(Arrival("a-1", "p-1", t + Duration.FromDays(2))).ConfigureAwait(false)).IsNew.Should().BeTrue("a purged key is forgotten");
    }

    // An arrival is checked as it is built (ArrivalStoreTests pins that), so the one invalid input a store sees is null.
    private static async Task NullRecord(IArrivalStore store)
    {
        await FluentActions.Awaiting(async () => await store.AppendAsync(null!).ConfigureAwait(false)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("record").ConfigureAwait(false);
        (await store.AppendAsync(Arrival("a-1", "p-1", Start)).ConfigureAwait(false)).IsNew.Should().BeTrue("a refused null leaves the store working");
        (await Keys(store.ArrivalsAsync(Always)).ConfigureAwait(false)).Should().ContainSingle("the null was not recorded").Which.Should().Be("a-1");
    }

    private static async Task BadArguments(IArrivalStore store)
    {
        await FluentActions.Awaiting(async () => await store.FindAsync(null!).ConfigureAwait(false)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("idempotencyKey").ConfigureAwait(false);
        await FluentActions.Awaiting(async () => await store.FindAsync("no key").ConfigureAwait(false)).Should().ThrowAsync<ArgumentException>().WithParameterName("idempotencyKey").ConfigureAwait(false);
        FluentActions.Invoking(() => store.ArrivalsOfPersonAsync(default, Always)).Should().Throw<ArgumentException>().WithParameterName("person");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await FluentActions.Awaiting(async () => await store.AppendAsync(Arrival("a-1", "p-1", Start), cancelled.Token).ConfigureAwait(false)).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        await FluentActions.Awaiting(async () => await store.FindAsync("a-1", cancelled.Token).ConfigureAwait(false)).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        await FluentActions.Awaiting(() => ListAsync(store.ArrivalsOfPersonAsync(P1, Always, cancelled.Token))).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        await FluentActions.Awaiting(() => ListAsync(store.ArrivalsAsync(Always, cancelled.Token))).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        await FluentActions.Awaiting(async () => await store.PurgeAsync(Start, cancelled.Token).ConfigureAwait(false)).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        (await ListAsync(store.ArrivalsAsync(Always)).ConfigureAwait(false)).Should().BeEmpty("a cancelled append records nothing");
    }

    private static async Task<List<string>> Keys(IAsyncEnumerable<ArrivalRecord> arrivals)
        => (await ListAsync(arrivals).ConfigureAwait(false)).Select(r => r.IdempotencyKey).ToList();
}
