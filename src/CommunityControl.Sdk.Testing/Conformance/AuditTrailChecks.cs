using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Authority;
using CommunityControl.Records;
using FluentAssertions;
using NodaTime;
using static CommunityControl.Testing.Conformance.ConformanceData;

namespace CommunityControl.Testing.Conformance;

/// <summary>The contract of <see cref="IAuditTrail"/>.</summary>
internal static class AuditTrailChecks
{
    private const int Subjects = 89;
    private static readonly PersonId Subject = PersonId.From("p-subject");
    private static readonly string[] OnlyTheSecond = { "a-2" };

    public static IReadOnlyList<StoreConformanceCheck> All(Func<IAuditTrail> create, StoreConformanceOptions options) => new[]
    {
        new StoreConformanceCheck("AppendAsync_SameKeyTwice_RecordsOnce_EveryFieldRoundTrips", () => SameKeyTwice(create())),
        new StoreConformanceCheck("ReadsOfAsync_OnlyTheSubject_IntervalIsHalfOpen_OrderedByInstant", () => IntervalEdges(create())),
        new StoreConformanceCheck("AppendAsync_EightThreadsRetryingEveryKey_RecordEachKeyExactlyOnce", () => EightThreads(create(), options.ConcurrentKeys)),
        new StoreConformanceCheck("PurgeAsync_DeletesStrictlyBeforeTheInstant", () => Purge(create())),
        new StoreConformanceCheck("BadArguments_AndCancellation_ThrowTheDocumentedExceptions", () => BadArguments(create())),
    };

    private static async Task SameKeyTwice(IAuditTrail trail)
    {
        var first = Read("a-1", "staff-1", Start + Duration.FromMilliseconds(5), RecordKind.Tracing, "contact-tracing", role: Role.Cdc);

        (await trail.AppendAsync(first).ConfigureAwait(false)).IsNew.Should().BeTrue();
        var again = await trail.AppendAsync(Read("a-1", "staff-9", Start, RecordKind.Passages, "other")).ConfigureAwait(false);

        again.IsNew.Should().BeFalse();
        again.Record.Should().BeEquivalentTo(first, "the first entry under a key wins");
        (await ListAsync(trail.ReadsOfAsync(Subject, new Interval(null, null))).ConfigureAwait(false)).Should().ContainSingle().Which.Should().BeEquivalentTo(first);
    }

    private static async Task IntervalEdges(IAuditTrail trail)
    {
        var t = Start;
        await trail.AppendAsync(Read("a-3", "staff-2", t + Duration.FromHours(1), RecordKind.FollowUps, "follow-up")).ConfigureAwait(false);
        await trail.AppendAsync(Read("a-2", "staff-1", t, RecordKind.Passages, "tracing")).ConfigureAwait(false);
        await trail.AppendAsync(Read("a-1", "staff-1", t, RecordKind.Passages, "tracing", subject: "p-other")).ConfigureAwait(false);
        await trail.AppendAsync(Read("a-0", "staff-1", t - Duration.FromTicks(1), RecordKind.HealthReports, "alert")).ConfigureAwait(false);

        (await Keys(trail.ReadsOfAsync(Subject, new Interval(t, t + Duration.FromHours(1)))).ConfigureAwait(false))
            .Should().Equal(OnlyTheSecond, "the start is inside, the end outside, and another subject's reads are not this subject's");
        (await Keys(trail.ReadsOfAsync(Subject, new Interval(null, null))).ConfigureAwait(false)).Should().Equal("a-0", "a-2", "a-3");
    }

    private static async Task EightThreads(IAuditTrail trail, int keys)
    {
        var news = new ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(async () =>
        {
            for (var i = thread / 2; i < keys; i += 4)
            {
                var result = await trail.AppendAsync(Read($"a-{i}", "staff-1", Start + Duration.FromSeconds(i), RecordKind.Passages, "tracing", subject: $"p-{i % Subjects}")).ConfigureAwait(false);
                if (result.IsNew)
                {
                    news.Add(result.Record.IdempotencyKey);
                }
            }
        }))).ConfigureAwait(false);

        news.Should().HaveCount(keys).And.OnlyHaveUniqueItems();
        var count = 0;
        for (var s = 0; s < Subjects; s++)
        {
            count += (await ListAsync(trail.ReadsOfAsync(PersonId.From($"p-{s}"), new Interval(null, null))).ConfigureAwait(false)).Count;
        }

        count.Should().Be(keys, "every entry is recorded once");
    }

    private static async Task Purge(IAuditTrail trail)
    {
        var t = Start;
        await trail.AppendAsync(Read("a-1", "staff-1", t - Duration.FromTicks(1), RecordKind.Passages, "tracing")).ConfigureAwait(false);
        await trail.AppendAsync(Read("a-2", "staff-1", t, RecordKind.Passages, "tracing")).ConfigureAwait(false);

        (await trail.PurgeAsync(t).ConfigureAwait(false)).Should().Be(1);
        (await Keys(trail.ReadsOfAsync(Subject, new Interval(null, null))).ConfigureAwait(false)).Should().Equal("a-2");
    }

    private static async Task BadArguments(IAuditTrail trail)
    {
        await FluentActions.Awaiting(async () => await trail.AppendAsync(null!).ConfigureAwait(false)).Should().ThrowAsync<ArgumentNullException>().ConfigureAwait(false);
        FluentActions.Invoking(() => trail.ReadsOfAsync(default, new Interval(null, null))).Should().Throw<ArgumentException>().WithParameterName("subject");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await FluentActions.Awaiting(async () => await trail.AppendAsync(Read("a-1", "staff-1", Start, RecordKind.Passages, "tracing"), cancelled.Token).ConfigureAwait(false)).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        await FluentActions.Awaiting(async () => await trail.PurgeAsync(Start, cancelled.Token).ConfigureAwait(false)).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        (await ListAsync(trail.ReadsOfAsync(Subject, new Interval(null, null))).ConfigureAwait(false)).Should().BeEmpty("a cancelled append records nothing");
    }

    private static async Task<List<string>> Keys(IAsyncEnumerable<RecordRead> reads)
        => (await ListAsync(reads).ConfigureAwait(false)).Select(r => r.IdempotencyKey).ToList();
}
