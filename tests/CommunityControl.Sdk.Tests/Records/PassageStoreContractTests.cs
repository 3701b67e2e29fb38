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
using Xunit;

namespace CommunityControl.Tests.Records;

/// <summary>
/// The contract of <see cref="IPassageStore"/>, run against every store (in memory, PostgreSQL): one record per key
/// (the first wins) under concurrent retries, the interval's edges, order by instant, queries equal to a brute-force
/// scan, purge, argument checks and cancellation.
/// </summary>
public abstract class PassageStoreContractTests
{
    protected static readonly ZoneTree Tree = new ZoneTreeBuilder()
        .Add("c1", ZoneKind.Community)
        .Add("c1-a", ZoneKind.Compound, parent: "c1", gates: 2)
        .Add("c1-a-1", ZoneKind.Building, parent: "c1-a")
        .Add("c1-b", ZoneKind.Compound, parent: "c1", gates: 1)
        .Add("c2", ZoneKind.Community)
        .Build();

    protected static readonly string[] Gates = { "c1", "c1-a", "c1-a-1", "c1-b", "c2" };

    /// <summary>Gets the number of keys the concurrency test appends (each twice), a multiple of 4.</summary>
    protected virtual int ConcurrentKeys => 400_000;

    /// <summary>Gets the size of the random register the queries are checked on.</summary>
    protected virtual int RandomRegisterSize => 3_000;

    /// <summary>Creates an empty store (each test gets its own).</summary>
    protected abstract IPassageStore CreateStore();

    /// <summary>Counts the passages a store holds.</summary>
    protected abstract Task<long> CountAsync(IPassageStore store);

    [Fact]
    public async Task AppendAsync_SameKeyTwice_RecordsOnce_AndReturnsTheFirstRecord()
    {
        var store = CreateStore();
        var first = Passages.At("k-1", "c1-a", "p-1", Passages.Start);
        var retry = Passages.At("k-1", "c1-b", "p-2", Passages.Start + Duration.FromSeconds(3));

        var a = await store.AppendAsync(first);
        var b = await store.AppendAsync(retry);

        a.IsNew.Should().BeTrue();
        a.Record.Should().BeSameAs(first);
        b.IsNew.Should().BeFalse();
        b.Record.Should().BeEquivalentTo(first, "the first record under a key wins");
        (await CountAsync(store)).Should().Be(1);
        (await store.FindAsync("k-1")).Should().BeEquivalentTo(first);
        (await store.FindAsync("k-2")).Should().BeNull();
    }

    [Fact]
    public async Task AppendAsync_EightThreadsWithRetries_NothingLostNothingTwice()
    {
        // 8 threads; every key is appended by two threads (a gate and its retry).
        var keys = ConcurrentKeys;
        var store = CreateStore();
        var added = new ConcurrentBag<string>();
        var tasks = Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < keys / 4; i++)
            {
                var n = ((t / 2) * (keys / 4)) + i; // threads 2k and 2k+1 append the same keys
                var result = await store.AppendAsync(Passages.At($"k-{n}", Gates[n % Gates.Length], $"p-{n % 997}", Passages.Start + Duration.FromSeconds(n)));
                if (result.IsNew)
                {
                    added.Add(result.Record.IdempotencyKey);
                }
            }
        })).ToArray();

        await Task.WhenAll(tasks);

        (await CountAsync(store)).Should().Be(keys);
        added.Should().HaveCount(keys).And.OnlyHaveUniqueItems("exactly one append of each key reports IsNew");
    }

    [Fact]
    public async Task Queries_IntervalIsStartInclusiveEndExclusive_AndOrderedByInstant()
    {
        var store = CreateStore();
        var t0 = Passages.Start;
        await store.AppendAsync(Passages.At("k-3", "c1-a", "p-1", t0 + Duration.FromHours(2)));
        await store.AppendAsync(Passages.At("k-1", "c1-a", "p-1", t0));
        await store.AppendAsync(Passages.At("k-2", "c1-b", "p-1", t0 + Duration.FromHours(1)));
        await store.AppendAsync(Passages.At("k-4", "c1-a", "p-2", t0 + Duration.FromMinutes(90)));

        var interval = new Interval(t0, t0 + Duration.FromHours(2));
        (await Keys(store.PassagesOfPersonAsync(PersonId.From("p-1"), interval))).Should().Equal("k-1", "k-2");
        (await Keys(store.PassagesAtGateAsync(ZoneId.From("c1-a"), interval))).Should().Equal("k-1", "k-4");
        (await Keys(store.PassagesAtGateAsync(ZoneId.From("c1-a"), new Interval(t0, null)))).Should().Equal("k-1", "k-4", "k-3");
        (await Keys(store.PassagesWithinAsync(Tree, ZoneId.From("c1"), new Interval(null, null)))).Should().Equal("k-1", "k-2", "k-4", "k-3");
    }

    [Fact]
    public async Task Queries_OnARandomRegister_EqualABruteForceScan()
    {
        var random = new Random(20200220);
        var store = CreateStore();
        var all = new List<PassageRecord>();
        for (var i = 0; i < RandomRegisterSize; i++)
        {
            // Around the UNIX epoch too, so negative days are bucketed right.
            var at = (i % 3 == 0 ? Instant.FromUnixTimeSeconds(0) : Passages.Start) + Duration.FromMinutes(random.Next(-10 * 1440, 10 * 1440));
            var record = Passages.At($"k-{i}", Gates[random.Next(Gates.Length)], $"p-{random.Next(40)}", at);
            all.Add(record);
            await store.AppendAsync(record);
        }

        for (var q = 0; q < 60; q++)
        {
            var origin = q % 3 == 0 ? Instant.FromUnixTimeSeconds(0) : Passages.Start;
            var from = origin + Duration.FromMinutes(random.Next(-11 * 1440, 11 * 1440));
            var interval = new Interval(from, from + Duration.FromMinutes(random.Next(0, 5 * 1440)));
            var person = PersonId.From($"p-{random.Next(40)}");
            var gate = ZoneId.From(Gates[random.Next(Gates.Length)]);
            var root = ZoneId.From(Gates[random.Next(Gates.Length)]);
            var inRoot = Tree[root].Descendants.Select(z => z.Id).Append(root).ToHashSet();

            (await Keys(store.PassagesOfPersonAsync(person, interval))).Should().Equal(Brute(all, r => r.Person == person, interval));
            (await Keys(store.PassagesAtGateAsync(gate, interval))).Should().Equal(Brute(all, r => r.Gate == gate, interval));
            (await Keys(store.PassagesWithinAsync(Tree, root, interval))).Should().BeEquivalentTo(Brute(all, r => inRoot.Contains(r.Gate), interval));
        }
    }

    [Fact]
    public async Task PurgeAsync_DeletesEverythingBeforeTheInstant_OnlyThat()
    {
        var store = CreateStore();
        var t0 = Passages.Start;
        for (var i = 0; i < 10; i++)
        {
            await store.AppendAsync(Passages.At($"k-{i}", "c1-a", "p-1", t0 + Duration.FromHours(i * 7)));
        }

        var purged = await store.PurgeAsync(t0 + Duration.FromHours(35));

        purged.Should().Be(5, "passages at 0, 7, 14, 21 and 28 h are before 35 h; the one at 35 h is kept");
        (await CountAsync(store)).Should().Be(5);
        (await store.FindAsync("k-4")).Should().BeNull();
        (await Keys(store.PassagesOfPersonAsync(PersonId.From("p-1"), new Interval(null, null)))).Should().Equal("k-5", "k-6", "k-7", "k-8", "k-9");
        (await Keys(store.PassagesAtGateAsync(ZoneId.From("c1-a"), new Interval(null, null)))).Should().Equal("k-5", "k-6", "k-7", "k-8", "k-9");
        (await store.AppendAsync(Passages.At("k-4", "c1-a", "p-1", t0))).IsNew.Should().BeTrue("a purged key is forgotten");
    }

    [Fact]
    public async Task BadArguments_ThrowNamingTheArgument_AndCancellationIsHonoured()
    {
        var store = CreateStore();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await FluentActions.Awaiting(async () => await store.AppendAsync(null!)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("record");
        await FluentActions.Awaiting(async () => await store.FindAsync("no key")).Should().ThrowAsync<ArgumentException>().WithParameterName("idempotencyKey");
        FluentActions.Invoking(() => store.PassagesOfPersonAsync(default, new Interval(null, null))).Should().Throw<ArgumentException>().WithParameterName("person");
        FluentActions.Invoking(() => store.PassagesAtGateAsync(default, new Interval(null, null))).Should().Throw<ArgumentException>().WithParameterName("gate");
        FluentActions.Invoking(() => store.PassagesWithinAsync(Tree, ZoneId.From("elsewhere"), new Interval(null, null))).Should().Throw<ArgumentException>().WithParameterName("root");
        await FluentActions.Awaiting(async () => await store.AppendAsync(Passages.At("k-1", "c1-a", "p-1", Passages.Start), cancelled.Token)).Should().ThrowAsync<OperationCanceledException>();
        (await CountAsync(store)).Should().Be(0, "a cancelled append records nothing");
        await FluentActions.Awaiting(async () => await Keys(store.PassagesAtGateAsync(ZoneId.From("c1-a"), new Interval(null, null), cancelled.Token))).Should().ThrowAsync<OperationCanceledException>();
    }

    internal static async Task<List<string>> Keys(IAsyncEnumerable<PassageRecord> records)
    {
        var keys = new List<string>();
        await foreach (var r in records)
        {
            keys.Add(r.IdempotencyKey);
        }

        return keys;
    }

    internal static List<string> Brute(List<PassageRecord> all, Func<PassageRecord, bool> where, Interval interval)
        => all.Where(r => where(r) && interval.Contains(r.At)).OrderBy(r => r.At).Select(r => r.IdempotencyKey).ToList();
}
