using System;
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

    public static IReadOnlyList<StoreConformanceCheck> All(Func<IAttendanceStore> create, StoreConformanceOptions options) => new[]
    {
        new StoreConformanceCheck("AppendAsync_SameKeyTwice_RecordsOnce_TheFirstWins", () => SameKeyTwice(create())),
        new StoreConformanceCheck("AppendAsync_EveryFieldRoundTrips", () => RoundTrip(create())),
        new StoreConformanceCheck("Queries_IntervalIsHalfOpen_OrderedByInstant_TiesInTheOrderRecorded", () => Register(create()).IntervalEdges()),
        new StoreConformanceCheck("Queries_OnARandomRegister_EqualABruteForceScan", () => Register(create()).BruteForce(20200214, options.RandomRegisterSize)),
        new StoreConformanceCheck("AppendAsync_EightThreadsRetryingEveryKey_RecordEachKeyExactlyOnce", () => Register(create()).EightThreads(options.ConcurrentKeys)),
        new StoreConformanceCheck("PurgeAsync_DeletesStrictlyBeforeTheInstant", () => Register(create()).Purge()),
        new StoreConformanceCheck("AppendAsync_NullRecord_ThrowsArgumentNull_AndTheStoreStillRecords", () => Register(create()).NullRecord()),
        new StoreConformanceCheck("BadArguments_AndCancellation_ThrowTheDocumentedExceptions", () => BadArguments(create())),
    };

    // The checks every store of a person's records shares; even-numbered records clock in, odd ones out. A record is
    // checked as it is built (the attendance store tests pin that), so the one invalid record a store sees is null.
    private static PersonRegister<AttendanceRecord> Register(IAttendanceStore store) => new(
        "record",
        "c",
        "w",
        (n, key, person, at) => Clocking(key, person, at, n % 2 == 0 ? AttendanceKind.ClockIn : AttendanceKind.ClockOut),
        (r, ct) => store.AppendAsync(r, ct).AsTask(),
        r => (r.Person, r.At, r.IdempotencyKey),
        (person, interval) => store.RecordsOfPersonAsync(person, interval),
        interval => store.RecordsAsync(interval),
        at => store.PurgeAsync(at).AsTask(),
        find: null);

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
}
