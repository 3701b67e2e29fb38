using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Staffing;
using FluentAssertions;
using NodaTime;
using static CommunityControl.Testing.Conformance.ConformanceData;

namespace CommunityControl.Testing.Conformance;

/// <summary>The contract of <see cref="IAttendanceStore"/>.</summary>
internal static class AttendanceStoreChecks
{
    private static readonly PersonId W1 = PersonId.From("w-1");
    private static readonly Interval Always = new(null, null);
    private static readonly string[] TiesInOrder = { "c-2", "c-1" };
    private static readonly string[] TiesOfEveryone = { "c-2", "c-1", "c-x" };

    public static IReadOnlyList<StoreConformanceCheck> All(Func<IAttendanceStore> create, StoreConformanceOptions options) => new[]
    {
        new StoreConformanceCheck("AppendAsync_SameKeyTwice_RecordsOnce_TheFirstWins", () => SameKeyTwice(create())),
        new StoreConformanceCheck("AppendAsync_EveryFieldRoundTrips", () => RoundTrip(create())),
        new StoreConformanceCheck("Queries_IntervalIsHalfOpen_OrderedByInstant_TiesInTheOrderRecorded", () => IntervalEdges(create())),
        new StoreConformanceCheck("Queries_OnARandomRegister_EqualABruteForceScan", () => BruteForce(create(), options.RandomRegisterSize)),
        new StoreConformanceCheck("AppendAsync_EightThreadsRetryingEveryKey_RecordEachKeyExactlyOnce", () => EightThreads(create(), options.ConcurrentKeys)),
        new StoreConformanceCheck("PurgeAsync_DeletesStrictlyBeforeTheInstant", () => Purge(create())),
        new StoreConformanceCheck("AppendAsync_NullRecord_ThrowsArgumentNull_AndTheStoreStillRecords", () => NullRecord(create())),
        new StoreConformanceCheck("BadArguments_AndCancellation_ThrowTheDocumentedExceptions", () => BadArguments(create())),
    };

    private static async Task SameKeyTwice(IAttendanceStore store)
    {
        var first = Clocking("c-1", "w-1", Start);

        (await store.AppendAsync(first).ConfigureAwait(false)).Should().BeTrue();
        (await store.AppendAsync(Clocking("c-1", "w-2", Start + Duration.FromMinutes(5), AttendanceKind.ClockOut)).ConfigureAwait(false))
            .Should().BeFalse("a retry records nothing");

        (await ListAsync(store.RecordsAsync(Always)).ConfigureAwait(false)).Should().ContainSingle().Which.Should().BeEquivalentTo(first, "the first record under a key wins");
    }

    private static async Task RoundTrip(IAttendanceStore store)
    {
        var clockIn = Clocking("c-in", "w-1", Start + Duration.FromMilliseconds(1234));
        var clockOut = Clocking("c-out", "w-1", Start + Duration.FromHours(8), AttendanceKind.ClockOut);
        await store.AppendAsync(clockIn).ConfigureAwait(false);
        await store.AppendAsync(clockOut).ConfigureAwait(false);

        (await ListAsync(store.RecordsOfPersonAsync(W1, Always)).ConfigureAwait(false)).Should().BeEquivalentTo(new[] { clockIn, clockOut }, o => o.WithStrictOrdering());
    }

    private static async Task IntervalEdges(IAttendanceStore store)
    {
        var t = Start;
        await store.AppendAsync(Clocking("c-3", "w-1", t + Duration.FromHours(12), AttendanceKind.ClockOut)).ConfigureAwait(false);
        await store.AppendAsync(Clocking("c-2", "w-1", t)).ConfigureAwait(false);
        await store.AppendAsync(Clocking("c-1", "w-1", t, AttendanceKind.ClockOut)).ConfigureAwait(false);
        await store.AppendAsync(Clocking("c-0", "w-1", t - Duration.FromTicks(1))).ConfigureAwait(false);
        await store.AppendAsync(Clocking("c-x", "w-2", t)).ConfigureAwait(false);
        var halfDay = new Interval(t, t + Duration.FromHours(12));

        (await Keys(store.RecordsOfPersonAsync(W1, halfDay)).ConfigureAwait(false))
            .Should().Equal(TiesInOrder, "the start is inside, the end outside; ties keep the order recorded");
        (await Keys(store.RecordsOfPersonAsync(W1, new Interval(null, t))).ConfigureAwait(false)).Should().Equal("c-0");
        (await Keys(store.RecordsOfPersonAsync(W1, new Interval(t + Duration.FromHours(12), null))).ConfigureAwait(false)).Should().Equal("c-3");
        (await Keys(store.RecordsAsync(halfDay)).ConfigureAwait(false)).Should().Equal(TiesOfEveryone, "everyone's, in the order recorded at a tie");
        (await Keys(store.RecordsAsync(Always)).ConfigureAwait(false)).Should().Equal("c-0", "c-2", "c-1", "c-x", "c-3");
    }

    private static Task BruteForce(IAttendanceStore store, int size) => PersonRegisterEqualsABruteForceScan(
        20200214,
        size,
        "w",
        (i, person, at) => Clocking($"c-{i}", person, at, i % 2 == 0 ? AttendanceKind.ClockIn : AttendanceKind.ClockOut),
        r => store.AppendAsync(r).AsTask(),
        r => (r.Person, r.At, r.IdempotencyKey),
        (person, interval) => store.RecordsOfPersonAsync(person, interval),
        interval => store.RecordsAsync(interval));

    private static async Task EightThreads(IAttendanceStore store, int keys)
    {
        var news = new ConcurrentBag<int>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(async () =>
        {
            // Threads 2k and 2k+1 append the same quarter of the keys: every key is raced by two threads.
            for (var i = thread / 2; i < keys; i += 4)
            {
                if (await store.AppendAsync(Clocking($"c-{i}", $"w-{i % 97}", Start + Duration.FromSeconds(i))).ConfigureAwait(false))
                {
                    news.Add(i);
                }
            }
        }))).ConfigureAwait(false);

        news.Should().HaveCount(keys).And.OnlyHaveUniqueItems("exactly one append of each key returns true");
        (await ListAsync(store.RecordsAsync(Always)).ConfigureAwait(false)).Should().HaveCount(keys);
    }

    private static async Task Purge(IAttendanceStore store)
    {
        var t = Start;
        await store.AppendAsync(Clocking("c-1", "w-1", t - Duration.FromTicks(1))).ConfigureAwait(false);
        await store.AppendAsync(Clocking("c-2", "w-1", t)).ConfigureAwait(false);
        await store.AppendAsync(Clocking("c-3", "w-1", t + Duration.FromDays(1))).ConfigureAwait(false);

        (await store.PurgeAsync(t).ConfigureAwait(false)).Should().Be(1, "only the record before the instant goes");
        (await Keys(store.RecordsAsync(Always)).ConfigureAwait(false)).Should().Equal("c-2", "c-3");
        (await Keys(store.RecordsOfPersonAsync(W1, Always)).ConfigureAwait(false)).Should().Equal("c-2", "c-3");
        (await store.PurgeAsync(t).ConfigureAwait(false)).Should().Be(0, "purging again deletes nothing more");
        (await store.AppendAsync(Clocking("c-1", "w-1", t + Duration.FromDays(2))).ConfigureAwait(false)).Should().BeTrue("a purged key is forgotten");
    }

    // A record is checked as it is built (the attendance store tests pin that), so the one invalid input a store sees is null.
    private static async Task NullRecord(IAttendanceStore store)
    {
        await FluentActions.Awaiting(async () => await store.AppendAsync(null!).ConfigureAwait(false)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("record").ConfigureAwait(false);
        (await store.AppendAsync(Clocking("c-1", "w-1", Start)).ConfigureAwait(false)).Should().BeTrue("a refused null leaves the store working");
        (await Keys(store.RecordsAsync(Always)).ConfigureAwait(false)).Should().ContainSingle("the null was not recorded").Which.Should().Be("c-1");
    }

    private static async Task BadArguments(IAttendanceStore store)
    {
        FluentActions.Invoking(() => store.RecordsOfPersonAsync(default, Always)).Should().Throw<ArgumentException>().WithParameterName("person");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await FluentActions.Awaiting(async () => await store.AppendAsync(Clocking("c-1", "w-1", Start), cancelled.Token).ConfigureAwait(false)).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        await FluentActions.Awaiting(() => ListAsync(store.RecordsOfPersonAsync(W1, Always, cancelled.Token))).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        await FluentActions.Awaiting(() => ListAsync(store.RecordsAsync(Always, cancelled.Token))).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        await FluentActions.Awaiting(async () => await store.PurgeAsync(Start, cancelled.Token).ConfigureAwait(false)).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        (await ListAsync(store.RecordsAsync(Always)).ConfigureAwait(false)).Should().BeEmpty("a cancelled append records nothing");
    }

    private static async Task<List<string>> Keys(IAsyncEnumerable<AttendanceRecord> records)
        => (await ListAsync(records).ConfigureAwait(false)).Select(r => r.IdempotencyKey).ToList();
}
