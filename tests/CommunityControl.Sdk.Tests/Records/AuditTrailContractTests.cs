using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Authority;
using CommunityControl.Records;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Records;

/// <summary>
/// The contract of <see cref="IAuditTrail"/>, run against every trail (in memory, PostgreSQL): one entry per key (the
/// first wins) under concurrent retries, every field round-trips, a subject's entries in the interval in order of
/// their instants, purge by age, argument checks and cancellation.
/// </summary>
public abstract class AuditTrailContractTests
{
    private static readonly PersonId Subject = PersonId.From("p-subject");

    /// <summary>Gets the number of keys the concurrency test appends (each from two threads), a multiple of 8.</summary>
    protected virtual int ConcurrentKeys => 40_000;

    /// <summary>Creates an empty trail (each test gets its own).</summary>
    protected abstract IAuditTrail CreateTrail();

    /// <summary>Counts the entries a trail holds.</summary>
    protected abstract Task<long> CountAsync(IAuditTrail trail);

    internal static RecordRead Read(string key, string reader, Instant at, RecordKind kind, string purpose, string subject = "p-subject", Role role = Role.CommunityWorker) => new()
    {
        IdempotencyKey = key,
        At = at,
        Reader = PersonId.From(reader),
        ReaderRole = role,
        Subject = PersonId.From(subject),
        Kind = kind,
        Purpose = purpose,
    };

    [Fact]
    public async Task AppendAsync_SameKeyTwice_RecordsOnce_EveryFieldRoundTrips()
    {
        var trail = CreateTrail();
        var first = Read("a-1", "staff-1", Passages.Start + Duration.FromMilliseconds(5), RecordKind.Tracing, "contact-tracing", role: Role.Cdc);

        (await trail.AppendAsync(first)).IsNew.Should().BeTrue();
        var again = await trail.AppendAsync(Read("a-1", "staff-9", Passages.Start, RecordKind.Passages, "other"));

        again.IsNew.Should().BeFalse();
        again.Record.Should().BeEquivalentTo(first, "the first entry under a key wins");
        (await HealthReportStoreContractTests.ListAsync(trail.ReadsOfAsync(Subject, new Interval(null, null)))).Should().ContainSingle().Which.Should().BeEquivalentTo(first);
        (await CountAsync(trail)).Should().Be(1);
    }

    [Fact]
    public async Task ReadsOfAsync_OnlyTheSubject_IntervalIsHalfOpen_OrderedByInstant()
    {
        var trail = CreateTrail();
        var t = Passages.Start;
        await trail.AppendAsync(Read("a-3", "staff-2", t + Duration.FromHours(1), RecordKind.FollowUps, "follow-up"));
        await trail.AppendAsync(Read("a-2", "staff-1", t, RecordKind.Passages, "tracing"));
        await trail.AppendAsync(Read("a-1", "staff-1", t, RecordKind.Passages, "tracing", subject: "p-other"));
        await trail.AppendAsync(Read("a-0", "staff-1", t - Duration.FromTicks(1), RecordKind.HealthReports, "alert"));

        var reads = await HealthReportStoreContractTests.ListAsync(trail.ReadsOfAsync(Subject, new Interval(t, t + Duration.FromHours(1))));

        reads.Select(r => r.IdempotencyKey).Should().Equal(new[] { "a-2" }, "the start is inside, the end outside, and another subject's reads are not this subject's");
        (await HealthReportStoreContractTests.ListAsync(trail.ReadsOfAsync(Subject, new Interval(null, null)))).Select(r => r.IdempotencyKey).Should().Equal("a-0", "a-2", "a-3");
    }

    [Fact]
    public async Task AppendAsync_EightThreadsRetryingEveryKey_RecordEachKeyExactlyOnce()
    {
        var trail = CreateTrail();
        var news = new ConcurrentBag<string>();
        var keys = ConcurrentKeys;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(async () =>
        {
            for (var i = thread / 2; i < keys; i += 4)
            {
                var result = await trail.AppendAsync(Read($"a-{i}", "staff-1", Passages.Start + Duration.FromSeconds(i), RecordKind.Passages, "tracing", subject: $"p-{i % 89}"));
                if (result.IsNew)
                {
                    news.Add(result.Record.IdempotencyKey);
                }
            }
        })));

        news.Should().HaveCount(keys).And.OnlyHaveUniqueItems();
        (await CountAsync(trail)).Should().Be(keys);
    }

    [Fact]
    public async Task PurgeAsync_DeletesStrictlyBeforeTheInstant()
    {
        var trail = CreateTrail();
        var t = Passages.Start;
        await trail.AppendAsync(Read("a-1", "staff-1", t - Duration.FromTicks(1), RecordKind.Passages, "tracing"));
        await trail.AppendAsync(Read("a-2", "staff-1", t, RecordKind.Passages, "tracing"));

        (await trail.PurgeAsync(t)).Should().Be(1);
        (await HealthReportStoreContractTests.ListAsync(trail.ReadsOfAsync(Subject, new Interval(null, null)))).Select(r => r.IdempotencyKey).Should().Equal("a-2");
    }

    [Fact]
    public async Task BadArguments_AndCancellation_ThrowTheDocumentedExceptions()
    {
        var trail = CreateTrail();
        await FluentActions.Awaiting(async () => await trail.AppendAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
        FluentActions.Invoking(() => trail.ReadsOfAsync(default, new Interval(null, null))).Should().Throw<ArgumentException>().WithParameterName("subject");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await FluentActions.Awaiting(async () => await trail.AppendAsync(Read("a-1", "staff-1", Passages.Start, RecordKind.Passages, "tracing"), cancelled.Token)).Should().ThrowAsync<OperationCanceledException>();
        await FluentActions.Awaiting(async () => await trail.PurgeAsync(Passages.Start, cancelled.Token)).Should().ThrowAsync<OperationCanceledException>();
        (await CountAsync(trail)).Should().Be(0);
    }
}

/// <summary>The audit trail's contract on <see cref="InMemoryAuditTrail"/>.</summary>
public sealed class InMemoryAuditTrailContractTests : AuditTrailContractTests
{
    protected override IAuditTrail CreateTrail() => new InMemoryAuditTrail();

    protected override Task<long> CountAsync(IAuditTrail trail) => Task.FromResult((long)((InMemoryAuditTrail)trail).Count);
}
