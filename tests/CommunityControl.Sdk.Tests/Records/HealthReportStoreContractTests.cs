using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Records;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Records;

/// <summary>
/// The contract of <see cref="IHealthReportStore"/>, run against every store (in memory, PostgreSQL): one report per
/// key (the first wins) under concurrent retries, every field round-trips, the interval's edges, order by instant with
/// ties in the order recorded, queries equal to a brute-force scan, purge by age, argument checks and cancellation.
/// </summary>
public abstract class HealthReportStoreContractTests
{
    private static readonly PersonId P1 = PersonId.From("p-1");

    /// <summary>Gets the number of keys the concurrency test appends (each from two threads), a multiple of 8.</summary>
    protected virtual int ConcurrentKeys => 40_000;

    /// <summary>Creates an empty store (each test gets its own).</summary>
    protected abstract IHealthReportStore CreateStore();

    /// <summary>Counts the reports a store holds.</summary>
    protected abstract Task<long> CountAsync(IHealthReportStore store);

    internal static HealthReport Report(string key, string person, Instant at, double? celsius = 36.6, Symptoms symptoms = Symptoms.None, string? household = null) => new()
    {
        IdempotencyKey = key,
        Person = PersonId.From(person),
        Household = household is null ? default : HouseholdId.From(household),
        At = at,
        TemperatureCelsius = celsius,
        Symptoms = symptoms,
    };

    internal static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    [Fact]
    public async Task AppendAsync_SameKeyTwice_RecordsOnce_AndReturnsTheFirstReport()
    {
        var store = CreateStore();
        var first = Report("r-1", "p-1", Passages.Start, 37.3);
        var retry = Report("r-1", "p-2", Passages.Start + Duration.FromMinutes(5), 37.4);

        (await store.AppendAsync(first)).Should().Be(new AppendResult<HealthReport>(first, true));
        var again = await store.AppendAsync(retry);

        again.IsNew.Should().BeFalse();
        again.Record.Should().BeEquivalentTo(first, "the first report under a key wins");
        (await CountAsync(store)).Should().Be(1);
    }

    [Fact]
    public async Task AppendAsync_EveryFieldRoundTrips_NullsIncluded()
    {
        var store = CreateStore();
        var full = Report("r-full", "p-1", Passages.Start + Duration.FromMilliseconds(1234), 37.45, Symptoms.FeelsFeverish | Symptoms.Other, "h-1");
        var bare = Report("r-bare", "p-1", Passages.Start + Duration.FromHours(1), null);
        await store.AppendAsync(full);
        await store.AppendAsync(bare);

        var read = await ListAsync(store.ReportsOfPersonAsync(P1, new Interval(null, null)));

        read.Should().BeEquivalentTo(new[] { full, bare }, o => o.WithStrictOrdering());
        read[1].Household.IsEmpty.Should().BeTrue();
        read[1].TemperatureCelsius.Should().BeNull();
    }

    [Fact]
    public async Task ReportsOfPersonAsync_IntervalIsHalfOpen_OrderedByInstant_TiesInTheOrderRecorded()
    {
        var store = CreateStore();
        var t = Passages.Start;
        await store.AppendAsync(Report("r-3", "p-1", t + Duration.FromHours(12)));
        await store.AppendAsync(Report("r-2", "p-1", t));
        await store.AppendAsync(Report("r-1", "p-1", t));
        await store.AppendAsync(Report("r-0", "p-1", t - Duration.FromTicks(1)));
        await store.AppendAsync(Report("r-x", "p-2", t));

        var window = await ListAsync(store.ReportsOfPersonAsync(P1, new Interval(t, t + Duration.FromHours(12))));

        window.Select(r => r.IdempotencyKey).Should().Equal(new[] { "r-2", "r-1" }, "the start is inside, the end outside; ties keep the order recorded");
        (await ListAsync(store.ReportsOfPersonAsync(P1, new Interval(null, t)))).Select(r => r.IdempotencyKey).Should().Equal("r-0");
        (await ListAsync(store.ReportsOfPersonAsync(P1, new Interval(t + Duration.FromHours(12), null)))).Select(r => r.IdempotencyKey).Should().Equal("r-3");
    }

    [Fact]
    public async Task ReportsOfPersonAsync_OnARandomRegister_EqualsABruteForceScan()
    {
        var store = CreateStore();
        var random = new Random(20220401);
        var all = new List<HealthReport>();
        for (var i = 0; i < 600; i++)
        {
            var report = Report($"r-{i}", $"p-{random.Next(6)}", Passages.Start + Duration.FromMinutes(random.Next(14 * 24 * 60)));
            all.Add(report);
            await store.AppendAsync(report);
        }

        for (var q = 0; q < 12; q++)
        {
            var person = PersonId.From($"p-{q % 6}");
            var from = Passages.Start + Duration.FromMinutes(random.Next(7 * 24 * 60));
            var interval = new Interval(from, from + Duration.FromDays(random.Next(1, 8)));
            var expected = all.Where(r => r.Person == person && interval.Contains(r.At)).OrderBy(r => r.At).Select(r => r.IdempotencyKey);

            (await ListAsync(store.ReportsOfPersonAsync(person, interval))).Select(r => r.IdempotencyKey).Should().Equal(expected);
        }
    }

    [Fact]
    public async Task AppendAsync_EightThreadsRetryingEveryKey_RecordEachKeyExactlyOnce()
    {
        var store = CreateStore();
        var news = new ConcurrentBag<string>();
        var keys = ConcurrentKeys;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(async () =>
        {
            // Threads 2k and 2k+1 append the same quarter of the keys: every key is raced by two threads.
            for (var i = thread / 2; i < keys; i += 4)
            {
                var result = await store.AppendAsync(Report($"r-{i}", $"p-{i % 97}", Passages.Start + Duration.FromSeconds(i)));
                if (result.IsNew)
                {
                    news.Add(result.Record.IdempotencyKey);
                }
            }
        })));

        news.Should().HaveCount(keys).And.OnlyHaveUniqueItems();
        (await CountAsync(store)).Should().Be(keys);
    }

    [Fact]
    public async Task PurgeAsync_DeletesStrictlyBeforeTheInstant()
    {
        var store = CreateStore();
        var t = Passages.Start;
        await store.AppendAsync(Report("r-1", "p-1", t - Duration.FromTicks(1)));
        await store.AppendAsync(Report("r-2", "p-1", t));
        await store.AppendAsync(Report("r-3", "p-1", t + Duration.FromDays(1)));

        (await store.PurgeAsync(t)).Should().Be(1, "only the report before the instant goes");
        (await ListAsync(store.ReportsOfPersonAsync(P1, new Interval(null, null)))).Select(r => r.IdempotencyKey).Should().Equal("r-2", "r-3");
        (await store.AppendAsync(Report("r-1", "p-1", t + Duration.FromDays(2)))).IsNew.Should().BeTrue("a purged key is forgotten");
    }

    [Fact]
    public async Task BadArguments_AndCancellation_ThrowTheDocumentedExceptions()
    {
        var store = CreateStore();
        await FluentActions.Awaiting(async () => await store.AppendAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
        FluentActions.Invoking(() => store.ReportsOfPersonAsync(default, new Interval(null, null))).Should().Throw<ArgumentException>().WithParameterName("person");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await FluentActions.Awaiting(async () => await store.AppendAsync(Report("r-1", "p-1", Passages.Start), cancelled.Token)).Should().ThrowAsync<OperationCanceledException>();
        await FluentActions.Awaiting(() => ListAsync(store.ReportsOfPersonAsync(P1, new Interval(null, null), cancelled.Token))).Should().ThrowAsync<OperationCanceledException>();
        (await CountAsync(store)).Should().Be(0, "a cancelled append records nothing");
    }
}

/// <summary>The health report store's contract on <see cref="InMemoryHealthReportStore"/>.</summary>
public sealed class InMemoryHealthReportStoreContractTests : HealthReportStoreContractTests
{
    protected override IHealthReportStore CreateStore() => new InMemoryHealthReportStore();

    protected override Task<long> CountAsync(IHealthReportStore store) => Task.FromResult((long)((InMemoryHealthReportStore)store).Count);
}
