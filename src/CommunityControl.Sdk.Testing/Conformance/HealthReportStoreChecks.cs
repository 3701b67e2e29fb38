using System;
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
    private static readonly PersonId P1 = PersonId.From("p-1");

    public static IReadOnlyList<StoreConformanceCheck> All(Func<IHealthReportStore> create, StoreConformanceOptions options) => new[]
    {
        new StoreConformanceCheck("AppendAsync_SameKeyTwice_RecordsOnce_AndReturnsTheFirstReport", () => SameKeyTwice(create())),
        new StoreConformanceCheck("AppendAsync_EveryFieldRoundTrips_NullsIncluded", () => RoundTrip(create())),
        new StoreConformanceCheck("ReportsOfPersonAsync_IntervalIsHalfOpen_OrderedByInstant_TiesInTheOrderRecorded", () => Register(create()).IntervalEdges()),
        new StoreConformanceCheck("ReportsOfPersonAsync_OnARandomRegister_EqualsABruteForceScan", () => Register(create()).BruteForce(20220401, options.RandomRegisterSize)),
        new StoreConformanceCheck("AppendAsync_EightThreadsRetryingEveryKey_RecordEachKeyExactlyOnce", () => Register(create()).EightThreads(options.ConcurrentKeys)),
        new StoreConformanceCheck("PurgeAsync_DeletesStrictlyBeforeTheInstant", () => Register(create()).Purge()),
        new StoreConformanceCheck("BadArguments_AndCancellation_ThrowTheDocumentedExceptions", () => BadArguments(create())),
    };

    // The checks every store of a person's records shares; a health-report store has no query of everyone's reports,
    // so the checks count through each person's.
    private static PersonRegister<HealthReport> Register(IHealthReportStore store) => new(
        "report",
        "r",
        "p",
        (_, key, person, at) => Report(key, person, at),
        async (r, ct) => (await store.AppendAsync(r, ct).ConfigureAwait(false)).IsNew,
        r => (r.Person, r.At, r.IdempotencyKey),
        (person, interval) => store.ReportsOfPersonAsync(person, interval),
        everyone: null,
        at => store.PurgeAsync(at).AsTask(),
        find: null);

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
        (await Register(store).CountAsync().ConfigureAwait(false)).Should().Be(1);
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

    private static async Task BadArguments(IHealthReportStore store)
    {
        await FluentActions.Awaiting(async () => await store.AppendAsync(null!).ConfigureAwait(false)).Should().ThrowAsync<ArgumentNullException>().ConfigureAwait(false);
        FluentActions.Invoking(() => store.ReportsOfPersonAsync(default, new Interval(null, null))).Should().Throw<ArgumentException>().WithParameterName("person");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await FluentActions.Awaiting(async () => await store.AppendAsync(Report("r-1", "p-1", Start), cancelled.Token).ConfigureAwait(false)).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        await FluentActions.Awaiting(() => ListAsync(store.ReportsOfPersonAsync(P1, new Interval(null, null), cancelled.Token))).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        (await Register(store).CountAsync().ConfigureAwait(false)).Should().Be(0, "a cancelled append records nothing");
    }
}
