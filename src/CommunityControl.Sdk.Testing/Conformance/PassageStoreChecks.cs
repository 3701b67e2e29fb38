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

/// <summary>The contract of <see cref="IPassageStore"/>.</summary>
internal static class PassageStoreChecks
{
    public static IReadOnlyList<StoreConformanceCheck> All(Func<IPassageStore> create, StoreConformanceOptions options) => new[]
    {
        new StoreConformanceCheck("AppendAsync_SameKeyTwice_RecordsOnce_AndReturnsTheFirstRecord", () => SameKeyTwice(create())),
        new StoreConformanceCheck("AppendAsync_EightThreadsWithRetries_NothingLostNothingTwice", () => EightThreads(create(), options.ConcurrentKeys)),
        new StoreConformanceCheck("Queries_IntervalIsStartInclusiveEndExclusive_AndOrderedByInstant", () => IntervalEdges(create())),
        new StoreConformanceCheck("Queries_OnARandomRegister_EqualABruteForceScan", () => BruteForce(create(), options.RandomRegisterSize)),
        new StoreConformanceCheck("PurgeAsync_DeletesEverythingBeforeTheInstant_OnlyThat", () => Purge(create())),
        new StoreConformanceCheck("BadArguments_ThrowNamingTheArgument_AndCancellationIsHonoured", () => BadArguments(create())),
    };

    private static async Task SameKeyTwice(IPassageStore store)
    {
        var first = Passage("k-1", "c1-a", "p-1", Start);
        var retry = Passage("k-1", "c1-b", "p-2", Start + Duration.FromSeconds(3));

        var a = await store.AppendAsync(first).ConfigureAwait(false);
        var b = await store.AppendAsync(retry).ConfigureAwait(false);

        a.IsNew.Should().BeTrue();
        a.Record.Should().BeSameAs(first);
        b.IsNew.Should().BeFalse();
        b.Record.Should().BeEquivalentTo(first, "the first record under a key wins");
        (await CountAsync(store).ConfigureAwait(false)).Should().Be(1);
        (await store.FindAsync("k-1").ConfigureAwait(false)).Should().BeEquivalentTo(first);
        (await store.FindAsync("k-2").ConfigureAwait(false)).Should().BeNull();
    }

    private static async Task EightThreads(IPassageStore store, int keys)
    {
        // 8 threads; every key is appended by two threads (a gate and its retry).
        var added = new ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < keys / 4; i++)
            {
                var n = ((t / 2) * (keys / 4)) + i; // threads 2k and 2k+1 append the same keys
                var result = await store.AppendAsync(Passage($"k-{n}", Gates[n % Gates.Length], $"p-{n % 997}", Start + Duration.FromSeconds(n))).ConfigureAwait(false);
                if (result.IsNew)
                {
                    added.Add(result.Record.IdempotencyKey);
                }
            }
        }))).ConfigureAwait(false);

        (await CountAsync(store).ConfigureAwait(false)).Should().Be(keys);
        added.Should().HaveCount(keys).And.OnlyHaveUniqueItems("exactly one append of each key reports IsNew");
    }

    private static async Task IntervalEdges(IPassageStore store)
    {
        var t0 = Start;
        await store.AppendAsync(Passage("k-3", "c1-a", "p-1", t0 + Duration.FromHours(2))).ConfigureAwait(false);
        await store.AppendAsync(Passage("k-1", "c1-a", "p-1", t0)).ConfigureAwait(false);
        await store.AppendAsync(Passage("k-2", "c1-b", "p-1", t0 + Duration.FromHours(1))).ConfigureAwait(false);
        await store.AppendAsync(Passage("k-4", "c1-a", "p-2", t0 + Duration.FromMinutes(90))).ConfigureAwait(false);

        var interval = new Interval(t0, t0 + Duration.FromHours(2));
        (await Keys(store.PassagesOfPersonAsync(PersonId.From("p-1"), interval)).ConfigureAwait(false)).Should().Equal("k-1", "k-2");
        (await Keys(store.PassagesAtGateAsync(ZoneId.From("c1-a"), interval)).ConfigureAwait(false)).Should().Equal("k-1", "k-4");
        (await Keys(store.PassagesAtGateAsync(ZoneId.From("c1-a"), new Interval(t0, null))).ConfigureAwait(false)).Should().Equal("k-1", "k-4", "k-3");
        (await Keys(store.PassagesWithinAsync(Tree, ZoneId.From("c1"), new Interval(null, null))).ConfigureAwait(false)).Should().Equal("k-1", "k-2", "k-4", "k-3");
    }

    private static async Task BruteForce(IPassageStore store, int size)
    {
        var random = new Random(20200220);
        var all = new List<PassageRecord>();
        for (var i = 0; i < size; i++)
        {
            // Around the UNIX epoch too, so that negative days are bucketed right.
            var at = (i % 3 == 0 ? Instant.FromUnixTimeSeconds(0) : Start) + Duration.FromMinutes(random.Next(-10 * 1440, 10 * 1440));
            var record = Passage($"k-{i}", Gates[random.Next(Gates.Length)], $"p-{random.Next(40)}", at);
            all.Add(record);
            await store.AppendAsync(record).ConfigureAwait(false);
        }

        for (var q = 0; q < 60; q++)
        {
            var origin = q % 3 == 0 ? Instant.FromUnixTimeSeconds(0) : Start;
            var from = origin + Duration.FromMinutes(random.Next(-11 * 1440, 11 * 1440));
            var interval = new Interval(from, from + Duration.FromMinutes(random.Next(0, 5 * 1440)));
            var person = PersonId.From($"p-{random.Next(40)}");
            var gate = ZoneId.From(Gates[random.Next(Gates.Length)]);
            var root = ZoneId.From(Gates[random.Next(Gates.Length)]);
            var inRoot = new HashSet<ZoneId>(Tree[root].Descendants.Select(z => z.Id).Append(root));

            (await Keys(store.PassagesOfPersonAsync(person, interval)).ConfigureAwait(false)).Should().Equal(Brute(all, r => r.Person == person, interval));
            (await Keys(store.PassagesAtGateAsync(gate, interval)).ConfigureAwait(false)).Should().Equal(Brute(all, r => r.Gate == gate, interval));
            (await Keys(store.PassagesWithinAsync(Tree, root, interval)).ConfigureAwait(false)).Should().BeEquivalentTo(Brute(all, r => inRoot.Contains(r.Gate), interval));
        }
    }

    private static async Task Purge(IPassageStore store)
    {
        for (var i = 0; i < 10; i++)
        {
            await store.AppendAsync(Passage($"k-{i}", "c1-a", "p-1", Start + Duration.FromHours(i * 7))).ConfigureAwait(false);
        }

        var purged = await store.PurgeAsync(Start + Duration.FromHours(35)).ConfigureAwait(false);

        purged.Should().Be(5, "passages at 0, 7, 14, 21 and 28 h are before 35 h; the one at 35 h is kept");
        (await CountAsync(store).ConfigureAwait(false)).Should().Be(5);
        (await store.FindAsync("k-4").ConfigureAwait(false)).Should().BeNull();
        (await Keys(store.PassagesOfPersonAsync(PersonId.From("p-1"), new Interval(null, null))).ConfigureAwait(false)).Should().Equal("k-5", "k-6", "k-7", "k-8", "k-9");
        (await Keys(store.PassagesAtGateAsync(ZoneId.From("c1-a"), new Interval(null, null))).ConfigureAwait(false)).Should().Equal("k-5", "k-6", "k-7", "k-8", "k-9");
        (await store.AppendAsync(Passage("k-4", "c1-a", "p-1", Start)).ConfigureAwait(false)).IsNew.Should().BeTrue("a purged key is forgotten");
    }

    private static async Task BadArguments(IPassageStore store)
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await FluentActions.Awaiting(async () => await store.AppendAsync(null!).ConfigureAwait(false)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("record").ConfigureAwait(false);
        await FluentActions.Awaiting(async () => await store.FindAsync("no key").ConfigureAwait(false)).Should().ThrowAsync<ArgumentException>().WithParameterName("idempotencyKey").ConfigureAwait(false);
        FluentActions.Invoking(() => store.PassagesOfPersonAsync(default, new Interval(null, null))).Should().Throw<ArgumentException>().WithParameterName("person");
        FluentActions.Invoking(() => store.PassagesAtGateAsync(default, new Interval(null, null))).Should().Throw<ArgumentException>().WithParameterName("gate");
        FluentActions.Invoking(() => store.PassagesWithinAsync(Tree, ZoneId.From("elsewhere"), new Interval(null, null))).Should().Throw<ArgumentException>().WithParameterName("root");
        await FluentActions.Awaiting(async () => await store.AppendAsync(Passage("k-1", "c1-a", "p-1", Start), cancelled.Token).ConfigureAwait(false)).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        (await CountAsync(store).ConfigureAwait(false)).Should().Be(0, "a cancelled append records nothing");
        await FluentActions.Awaiting(async () => await Keys(store.PassagesAtGateAsync(ZoneId.From("c1-a"), new Interval(null, null), cancelled.Token)).ConfigureAwait(false)).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
    }

    // Through the store's own queries: every community's subtree, unbounded.
    private static async Task<long> CountAsync(IPassageStore store)
        => (await ListAsync(store.PassagesWithinAsync(Tree, ZoneId.From("c1"), new Interval(null, null))).ConfigureAwait(false)).Count
         + (await ListAsync(store.PassagesWithinAsync(Tree, ZoneId.From("c2"), new Interval(null, null))).ConfigureAwait(false)).Count;

    private static async Task<List<string>> Keys(IAsyncEnumerable<PassageRecord> records)
        => (await ListAsync(records).ConfigureAwait(false)).Select(r => r.IdempotencyKey).ToList();

    private static List<string> Brute(List<PassageRecord> all, Func<PassageRecord, bool> where, Interval interval)
        => all.Where(r => where(r) && interval.Contains(r.At)).OrderBy(r => r.At).Select(r => r.IdempotencyKey).ToList();
}
