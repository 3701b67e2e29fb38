using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using CommunityControl.Access;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Access;

public class InMemoryOutingLedgerTests
{
    private static readonly Instant Start = Instant.FromUtc(2020, 2, 1, 0, 0);
    private static readonly Duration TwoDays = Duration.FromDays(2);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void TryStartOuting_EightThreadsTimesOneHundredThousand_GrantsEqualTheQuotaExactly_AndNoRecordIsLost(int persons)
    {
        const int threads = 8;
        const int perThread = 100_000;
        const int households = 64;
        var windows = new[] { Start, Start + Duration.FromDays(10), Start + Duration.FromDays(20) };
        var ids = Enumerable.Range(0, households).Select(i => HouseholdId.From($"h-{i:D3}")).ToArray();
        var people = Enumerable.Range(0, 16).Select(i => PersonId.From($"p-{i:D2}")).ToArray();
        var ledger = new InMemoryOutingLedger();
        var granted = new ConcurrentBag<Outing>();
        var grants = new int[threads];
        using var go = new ManualResetEventSlim();

        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var random = new Random(t);
            go.Wait();
            for (var i = 0; i < perThread; i++)
            {
                var household = ids[random.Next(households)];
                var at = windows[random.Next(windows.Length)] + Duration.FromMinutes(random.Next(12 * 60));
                if (ledger.TryStartOuting(household, people[random.Next(people.Length)], at, persons, TwoDays, out var outing))
                {
                    grants[t]++;
                    granted.Add(outing);
                }
            }
        })).ToArray();
        foreach (var w in workers)
        {
            w.Start();
        }

        go.Set();
        foreach (var w in workers)
        {
            w.Join();
        }

        var expected = households * windows.Length * persons;
        grants.Sum().Should().Be(expected, "every household gets exactly its quota in each window, never more");
        granted.Select(o => o.Sequence).Distinct().Should().HaveCount(expected);
        ids.Sum(h => ledger.OutingsOf(h).Count).Should().Be(expected, "no record is lost");
        foreach (var h in ids)
        {
            foreach (var window in windows)
            {
                ledger.CountOutings(h, window + Duration.FromHours(6), TwoDays).Should().Be(persons);
            }
        }
    }

    [Fact]
    public void TryEndOuting_ConcurrentReturns_CloseEveryOutingOnce()
    {
        var ledger = new InMemoryOutingLedger();
        var ids = Enumerable.Range(0, 200).Select(i => HouseholdId.From($"h-{i:D3}")).ToArray();
        var person = PersonId.From("p-1");
        foreach (var h in ids)
        {
            ledger.TryStartOuting(h, person, Start, 1, TwoDays, out _).Should().BeTrue("the household has no outing yet");
        }

        var closed = 0;
        var workers = Enumerable.Range(0, 4).Select(worker => new Thread(() =>
        {
            foreach (var h in ids)
            {
                if (ledger.TryEndOuting(h, person, Start + Duration.FromHours(1), out _))
                {
                    Interlocked.Increment(ref closed);
                }
            }
        })).ToArray();
        foreach (var w in workers)
        {
            w.Start();
        }

        foreach (var w in workers)
        {
            w.Join();
        }

        closed.Should().Be(ids.Length);
        ids.Sum(h => ledger.CountOpenOutings(h)).Should().Be(0);
        ids.SelectMany(h => ledger.OutingsOf(h)).Should().OnlyContain(o => o.End == Start + Duration.FromHours(1));
    }

    [Fact]
    public void CountOutings_CountsBothSidesOfTheInstant_StrictlyWithinTheInterval()
    {
        var ledger = new InMemoryOutingLedger();
        var h = HouseholdId.From("h-1");
        var p = PersonId.From("p-1");
        ledger.TryStartOuting(h, p, Start, 5, TwoDays, out _);

        ledger.CountOutings(h, Start + TwoDays, TwoDays).Should().Be(0);
        ledger.CountOutings(h, Start + TwoDays - Duration.FromMinutes(1), TwoDays).Should().Be(1);
        ledger.CountOutings(h, Start - TwoDays + Duration.FromMinutes(1), TwoDays).Should().Be(1, "a gate reporting late still sees the later outing");
        ledger.CountOutings(h, Start - TwoDays, TwoDays).Should().Be(0);
    }

    [Fact]
    public void TryStartOuting_QuotaUsedUp_RecordsNothing()
    {
        var ledger = new InMemoryOutingLedger();
        var h = HouseholdId.From("h-1");

        ledger.TryStartOuting(h, PersonId.From("p-1"), Start, 1, TwoDays, out var first).Should().BeTrue("the household has no outing yet");
        ledger.TryStartOuting(h, PersonId.From("p-2"), Start + Duration.FromHours(1), 1, TwoDays, out var second).Should().BeFalse();

        second.Should().Be(default(Outing));
        ledger.OutingsOf(h).Should().Equal(first);
        first.IsOpen.Should().BeTrue("an outing stays open until the person returns");
    }

    [Fact]
    public void Prune_DropsClosedOutingsBeforeAnInstant_KeepsOpenOnes()
    {
        var ledger = new InMemoryOutingLedger();
        var h = HouseholdId.From("h-1");
        ledger.TryStartOuting(h, PersonId.From("p-1"), Start, 9, null, out _);
        ledger.TryStartOuting(h, PersonId.From("p-2"), Start, 9, null, out _);
        ledger.TryEndOuting(h, PersonId.From("p-1"), Start + Duration.FromHours(1), out _);

        ledger.Prune(Start + Duration.FromDays(1)).Should().Be(1);

        ledger.OutingsOf(h).Should().ContainSingle().Which.IsOpen.Should().BeTrue("an outing stays open until the person returns");
        ledger.CountOutings(h, Start, TwoDays).Should().Be(1);
    }

    [Fact]
    public void Methods_EmptyIdsOrBadQuota_Throw()
    {
        var ledger = new InMemoryOutingLedger();

        FluentActions.Invoking(() => ledger.CountOpenOutings(default)).Should().Throw<ArgumentException>().WithParameterName("household");
        FluentActions.Invoking(() => ledger.TryStartOuting(HouseholdId.From("h"), default, Start, 1, null, out _)).Should().Throw<ArgumentException>().WithParameterName("person");
        FluentActions.Invoking(() => ledger.TryStartOuting(HouseholdId.From("h"), PersonId.From("p"), Start, 0, null, out _)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("persons");
        FluentActions.Invoking(() => ledger.CountOutings(HouseholdId.From("h"), Start, Duration.Zero)).Should().Throw<ArgumentException>().WithParameterName("interval");
    }
}
