using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Staffing;
using FluentAssertions;
using NodaTime;
using Xunit;
using static CommunityControl.Tests.Staffing.AttendancePlans;

namespace CommunityControl.Tests.Staffing;

public class InMemoryAttendanceStoreTests
{
    private static readonly PersonId Worker = PersonId.From("cw-01");

    [Fact]
    public async Task Append_SameKeyTwice_KeepsTheFirst()
    {
        var store = new InMemoryAttendanceStore();
        var first = In(Worker, At(Monday, 8), "k-1");
        var retry = In(Worker, At(Monday, 9), "k-1");

        (await store.AppendAsync(first)).Should().BeTrue();
        (await store.AppendAsync(retry)).Should().BeFalse();

        store.Count.Should().Be(1);
        (await ToList(store.RecordsOfPersonAsync(Worker, new Interval(null, null)))).Should().ContainSingle().Which.Should().BeSameAs(first);
    }

    [Fact]
    public async Task EightThreads_NothingLostNothingTwice()
    {
        // 8 threads each append the same 500 shared keys (retries) and 250 keys of their own.
        var store = new InMemoryAttendanceStore();
        var recorded = new ConcurrentBag<string>();
        var start = At(Monday, 0);
        var threads = Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < 750; i++)
            {
                var key = i < 500 ? $"shared-{i}" : $"own-{t}-{i}";
                var person = PersonId.From($"cw-{i % 7}");
                var record = i % 2 == 0 ? In(person, start + Duration.FromMinutes(i), key) : Out(person, start + Duration.FromMinutes(i), key);
                if (await store.AppendAsync(record))
                {
                    recorded.Add(key);
                }
            }
        })).ToArray();
        await Task.WhenAll(threads);

        store.Count.Should().Be(500 + (8 * 250));
        recorded.Should().OnlyHaveUniqueItems().And.HaveCount(500 + (8 * 250));
        var all = await ToList(store.RecordsAsync(new Interval(null, null)));
        all.Select(r => r.IdempotencyKey).Should().OnlyHaveUniqueItems().And.HaveCount(2500);
        all.Select(r => r.At).Should().BeInAscendingOrder();
        var perPerson = 0;
        for (var p = 0; p < 7; p++)
        {
            perPerson += (await ToList(store.RecordsOfPersonAsync(PersonId.From($"cw-{p}"), new Interval(null, null)))).Count;
        }

        perPerson.Should().Be(2500);
    }

    [Fact]
    public async Task Query_IsStartInclusiveEndExclusive_AndOrderedByInstant()
    {
        var store = new InMemoryAttendanceStore();
        await store.AppendAsync(Out(Worker, At(Monday, 20), "b"));
        await store.AppendAsync(In(Worker, At(Monday, 8), "a"));
        await store.AppendAsync(In(Worker, At(Monday, 21), "c"));

        var found = await ToList(store.RecordsOfPersonAsync(Worker, new Interval(At(Monday, 8), At(Monday, 21))));

        found.Select(r => r.IdempotencyKey).Should().Equal("a", "b");
    }

    [Fact]
    public async Task Purge_DeletesOlderRecords_AndFreesTheirKeys()
    {
        var store = new InMemoryAttendanceStore();
        await store.AppendAsync(In(Worker, At(Monday, 8), "a"));
        await store.AppendAsync(Out(Worker, At(Monday, 20), "b"));

        (await store.PurgeAsync(At(Monday, 20))).Should().Be(1);

        store.Count.Should().Be(1);
        (await store.AppendAsync(In(Worker, At(Monday, 8), "a"))).Should().BeTrue();
    }

    [Fact]
    public async Task Capacity_IsEnforced()
    {
        var store = new InMemoryAttendanceStore(capacity: 1);
        await store.AppendAsync(In(Worker, At(Monday, 8), "a"));

        await FluentActions.Awaiting(async () => await store.AppendAsync(In(Worker, At(Monday, 9), "b"))).Should().ThrowAsync<InvalidOperationException>();
        (await store.AppendAsync(In(Worker, At(Monday, 9), "a"))).Should().BeFalse("a retry of a held key is still answered");
    }

    [Fact]
    public async Task Cancellation_RecordsNothing_AndStopsEnumeration()
    {
        var store = new InMemoryAttendanceStore();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await FluentActions.Awaiting(async () => await store.AppendAsync(In(Worker, At(Monday, 8), "a"), cts.Token)).Should().ThrowAsync<OperationCanceledException>();
        store.Count.Should().Be(0);
        await FluentActions.Awaiting(() => ToList(store.RecordsAsync(new Interval(null, null), cts.Token))).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void BadArguments_AreNamed()
    {
        var store = new InMemoryAttendanceStore();

        FluentActions.Invoking(() => store.AppendAsync(null!)).Should().Throw<ArgumentNullException>().WithParameterName("record");
        FluentActions.Invoking(() => store.RecordsOfPersonAsync(default, new Interval(null, null))).Should().Throw<ArgumentException>().WithParameterName("person");
        FluentActions.Invoking(() => new InMemoryAttendanceStore(0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("capacity");
        FluentActions.Invoking(() => In(Worker, At(Monday, 8), "has space")).Should().Throw<ArgumentException>().WithParameterName("IdempotencyKey");
        FluentActions.Invoking(() => new AttendanceRecord { IdempotencyKey = "k", Person = Worker, Kind = AttendanceKind.Unknown, At = At(Monday, 8) })
            .Should().Throw<ArgumentException>().WithParameterName("Kind");
        FluentActions.Invoking(() => new AttendanceRecord { IdempotencyKey = "k", Person = default, Kind = AttendanceKind.ClockIn, At = At(Monday, 8) })
            .Should().Throw<ArgumentException>().WithParameterName("Person");
    }

    [Fact]
    public async Task Sheet_ReadsTheStore()
    {
        var plan = Week(1);
        var store = new InMemoryAttendanceStore();
        foreach (var r in Exactly(plan, plan.Assignments))
        {
            await store.AppendAsync(r);
        }

        var sheet = await AttendanceSheet.CreateAsync(plan, store, Shanghai);

        sheet.ActualHours.Should().Be(25);
        In(Worker, At(Monday, 8), "a").ToString().Should().Be("ClockIn at 2020-02-10T00:00:00Z");
    }

    private static async Task<List<AttendanceRecord>> ToList(IAsyncEnumerable<AttendanceRecord> source)
    {
        var list = new List<AttendanceRecord>();
        await foreach (var r in source)
        {
            list.Add(r);
        }

        return list;
    }
}
