using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Records;
using FluentAssertions;
using NodaTime;
using static CommunityControl.Testing.Conformance.ConformanceData;

namespace CommunityControl.Testing.Conformance;

/// <summary>The contract of <see cref="IHealthReportStore"/>.</summary>
internal static class HealthReportStoreChecks
{
    private const int People = 97;
    private static readonly PersonId P1 = PersonId.From("p-1");
    private static readonly string[] TiesInOrder = { "r-2", "r-1" };

    public static IReadOnlyList<StoreConformanceCheck> All(Func<IHealthReportStore> create, StoreConformanceOptions options) => new[]
    {
        new StoreConformanceCheck("AppendAsync_SameKeyTwice_RecordsOnce_AndReturnsTheFirstReport", () => SameKeyTwice(create())),
        new StoreConformanceCheck("AppendAsync_EveryFieldRoundTrips_NullsIncluded", () => RoundTrip(create())),
        new StoreConformanceCheck("ReportsOfPersonAsync_IntervalIsHalfOpen_OrderedByInstant_TiesInTheOrderRecorded", () => IntervalEdges(create())),
        new StoreConformanceCheck("ReportsOfPersonAsync_OnARandomRegister_EqualsABruteForceScan", () => BruteForce(create(), options.RandomRegisterSize)),
        new StoreConformanceCheck("AppendAsync_EightThreadsRetryingEveryKey_RecordEachKeyExactlyOnce", () => EightThreads(create(), options.ConcurrentKeys)),
        new StoreConformanceCheck("PurgeAsync_DeletesStrictlyBeforeTheInstant", () => Purge(create())),
        new StoreConformanceCheck("BadArguments_AndCancellation_ThrowTheDocumentedExceptions", () => BadArguments(create())),
    };

    private static async Task SameKeyTwice(IHealthReportStore store)
    {
        var first = Report("r-1", "p-1", Start, 37.3);
        var retry = Report("r-1", "p-2", Start + Duration.FromMinutes(5), 37.4);

        var a = await store.AppendAsync(first).ConfigureAwait(false);
        var again = await store.AppendAsync(retry).ConfigureAwait(false);

        a.IsNew.Should().BeTrue();
        a.Record.Should().BeSameAs(first);
        again.IsNew.Should().BeFalse();
        again.Record.Should().BeEquivalentTo(first, "the first report under a key wins");
        (await CountAsync(store).ConfigureAwait(false)).Should().Be(1);
    }

    private static async Task RoundTrip(IHealthReportStore store)
    {
        var full = Report("r-full", "p-1", Start + Duration.FromMilliseconds(1234), 37.45, Symptoms.FeelsFeverish | Symptoms.Other, "h-1");
        var bare = Report("r-bare", "p-1", Start + Duration.FromHours(1), null);
        await store.AppendAsync(full).ConfigureAwait(false);
        await store.AppendAsync(bare).ConfigureAwait(false);

        var read = await ListAsync(store.ReportsOfPersonAsync(P1, new Interval(null, null))).ConfigureAwait(false);

        read.Should().BeEquivalentTo(new[] { full, bare }, o => o.WithStrictOrdering());
        read[1].Household.IsEmpty.Should().BeTrue();
        read[1].TemperatureCelsius.Should().BeNull();
    }

    private static async Task IntervalEdges(IHealthReportStore store)
    {
        var t = Start;
        await store.AppendAsync(Report("r-3", "p-1", t + Duration.FromHours(12))).ConfigureAwait(false);
        await store.AppendAsync(Report("r-2", "p-1", t)).ConfigureAwait(false);
        await store.AppendAsync(Report("r-1", "p-1", t)).ConfigureAwait(false);
        await store.AppendAsync(Report("r-0", "p-1", t - Duration.FromTicks(1))).ConfigureAwait(false);
        await store.AppendAsync(Report("r-x", "p-2", t)).ConfigureAwait(false);

        (await Keys(store.ReportsOfPersonAsync(P1, new Interval(t, t + Duration.FromHours(12)))).ConfigureAwait(false))
            .Should().Equal(TiesInOrder, "the start is inside, the end outside; ties keep the order recorded");
        (await Keys(store.ReportsOfPersonAsync(P1, new Interval(null, t))).ConfigureAwait(false)).Should().Equal("r-0");
        (await Keys(store.ReportsOfPersonAsync(P1, new Interval(t + Duration.FromHours(12), null))).ConfigureAwait(false)).Should().Equal("r-3");
    }

    private static Task BruteForce(IHealthReportStore store, int size) => PersonRegisterEqualsABruteForceScan(
        20220401,
        size,
        "p",
        (i, person, at) => Report($"r-{i}", person, at),
        r => store.AppendAsync(r).AsTask(),
        r => (r.Person, r.At, r.IdempotencyKey),
        (person, interval) => store.ReportsOfPersonAsync(person, interval),
        everyone: null);

    private static async Task EightThreads(IHealthReportStore store, int keys)
    {
        var news = new ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(async () =>
        {
            // Threads 2k and 2k+1 append the same quarter of the keys: every key is raced by two threads.
            for (var i = thread / 2; i < keys; i += 4)
            {
                var result = await store.AppendAsync(Report($"r-{i}", $"p-{i % People}", Start + Duration.FromSeconds(i))).ConfigureAwait(false);
                if (result.IsNew)
                {
                    news.Add(result.Record.IdempotencyKey);
                }
            }
        }))).ConfigureAwait(false);

        news.Should().HaveCount(keys).And.OnlyHaveUniqueItems();
        (await CountAsync(store).ConfigureAwait(false)).Should().Be(keys);
    }

    private static async Task Purge(IHealthReportStore store)
    {
        var t = Start;
        await store.AppendAsync(Report("r-1", "p-1", t - Duration.FromTicks(1))).ConfigureAwait(false);
        await store.AppendAsync(Report("r-2", "p-1", t)).ConfigureAwait(false);
        await store.AppendAsync(Report("r-3", "p-1", t + Duration.FromDays(1))).ConfigureAwait(false);

        (await store.PurgeAsync(t).ConfigureAwait(false)).Should().Be(1, "only the report before the instant goes");
        (await Keys(store.ReportsOfPersonAsync(P1, new Interval(null, null))).ConfigureAwait(false)).Should().Equal("r-2", "r-3");
        (await store.AppendAsync(Report("r-1", "p-1", t + Duration.FromDays(2))).ConfigureAwait(false)).IsNew.Should().BeTrue("a purged key is forgotten");
    }

    private static async Task BadArguments(IHealthReportStore store)
    {
        await FluentActions.Awaiting(async () => await store.AppendAsync(null!).ConfigureAwait(false)).Should().ThrowAsync<ArgumentNullException>().ConfigureAwait(false);
        FluentActions.Invoking(() => store.ReportsOfPersonAsync(default, new Interval(null, null))).Should().Throw<ArgumentException>().WithParameterName("person");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await FluentActions.Awaiting(async () => await store.AppendAsync(Report("r-1", "p-1", Start), cancelled.Token).ConfigureAwait(false)).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        await FluentActions.Awaiting(() => ListAsync(store.ReportsOfPersonAsync(P1, new Interval(null, null), cancelled.Token))).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        (await CountAsync(store).ConfigureAwait(false)).Should().Be(0, "a cancelled append records nothing");
    }

    // Through the store's own queries: every person the checks use, unbounded.
    private static async Task<long> CountAsync(IHealthReportStore store)
    {
        var count = 0L;
        for (var p = 0; p < People; p++)
        {
            count += (await ListAsync(store.ReportsOfPersonAsync(PersonId.From($"p-{p}"), new Interval(null, null))).ConfigureAwait(false)).Count;
        }

        return count;
    }

    private static async Task<List<string>> Keys(IAsyncEnumerable<HealthReport> reports)
        => (await ListAsync(reports).ConfigureAwait(false)).Select(r => r.IdempotencyKey).ToList();
}
