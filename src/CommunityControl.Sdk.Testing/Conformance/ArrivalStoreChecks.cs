using System;
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

/// <summary>The contract of <see cref="IArrivalStore"/>.</summary>
internal static class ArrivalStoreChecks
{
    private static readonly PersonId P1 = PersonId.From("p-1");
    private static readonly Interval Always = new(null, null);

    public static IReadOnlyList<StoreConformanceCheck> All(Func<IArrivalStore> create, StoreConformanceOptions options) => new[]
    {
        new StoreConformanceCheck("AppendAsync_SameKeyTwice_RecordsOnce_AndReturnsTheFirstArrival", () => SameKeyTwice(create())),
        new StoreConformanceCheck("AppendAsync_EveryFieldRoundTrips_ItineraryAndNullsIncluded", () => RoundTrip(create())),
        new StoreConformanceCheck("Queries_IntervalIsHalfOpen_OrderedByInstant_TiesInTheOrderRecorded", () => Register(create()).IntervalEdges()),
        new StoreConformanceCheck("Queries_OnARandomRegister_EqualABruteForceScan", () => Register(create()).BruteForce(20220710, options.RandomRegisterSize)),
        new StoreConformanceCheck("AppendAsync_EightThreadsRetryingEveryKey_RecordEachKeyExactlyOnce", () => Register(create()).EightThreads(options.ConcurrentKeys)),
        new StoreConformanceCheck("PurgeAsync_DeletesStrictlyBeforeTheInstant", () => Register(create()).Purge()),
        new StoreConformanceCheck("AppendAsync_NullRecord_ThrowsArgumentNull_AndTheStoreStillRecords", () => Register(create()).NullRecord()),
        new StoreConformanceCheck("BadArguments_AndCancellation_ThrowTheDocumentedExceptions", () => BadArguments(create())),
    };

    // The checks every store of a person's records shares. An arrival is checked as it is built (ArrivalStoreTests pins
    // that), so the one invalid record a store sees is null.
    private static PersonRegister<ArrivalRecord> Register(IArrivalStore store) => new(
        "arrival",
        "a",
        "p",
        (_, key, person, at) => Arrival(key, person, at),
        async (r, ct) => (await store.AppendAsync(r, ct).ConfigureAwait(false)).IsNew,
        r => (r.Person, r.ArrivedAt, r.IdempotencyKey),
        (person, interval) => store.ArrivalsOfPersonAsync(person, interval),
        interval => store.ArrivalsAsync(interval),
        at => store.PurgeAsync(at).AsTask(),
        key => store.FindAsync(key).AsTask());

    private static async Task SameKeyTwice(IArrivalStore store)
    {
        var first = Arrival("a-1", "p-1", Start);
        var retry = Arrival("a-1", "p-2", Start + Duration.FromHours(1));

        var a = await store.AppendAsync(first).ConfigureAwait(false);
        var again = await store.AppendAsync(retry).ConfigureAwait(false);

        a.IsNew.Should().BeTrue();
        a.Record.Should().BeSameAs(first);
        again.IsNew.Should().BeFalse();
        again.Record.Should().BeEquivalentTo(first, "the first arrival under a key wins");
        (await ListAsync(store.ArrivalsAsync(Always)).ConfigureAwait(false)).Should().ContainSingle();
        (await store.FindAsync("a-1").ConfigureAwait(false)).Should().BeEquivalentTo(first);
        (await store.FindAsync("a-2").ConfigureAwait(false)).Should().BeNull();
    }

    private static async Task RoundTrip(IArrivalStore store)
    {
        var full = Arrival(
            "a-full",
            "p-1",
            Start + Duration.FromMilliseconds(1234),
            "h-1",
            Stop("310104", new LocalDate(2022, 3, 20), new LocalDate(2022, 3, 28), "High"),
            Stop("320500", new LocalDate(2022, 3, 29), new LocalDate(2022, 3, 29), ItineraryStop.NoRiskArea),
            Stop("440300", new LocalDate(2022, 3, 30), new LocalDate(2022, 3, 31), null));
        var bare = Arrival("a-bare", "p-1", Start + Duration.FromHours(1));
        await store.AppendAsync(full).ConfigureAwait(false);
        await store.AppendAsync(bare).ConfigureAwait(false);

        var read = await ListAsync(store.ArrivalsOfPersonAsync(P1, Always)).ConfigureAwait(false);

        read.Should().BeEquivalentTo(new[] { full, bare }, o => o.WithStrictOrdering());
        read[0].Itinerary.Select(s => s.Place).Should().Equal("310104", "320500", "440300");
        read[0].Itinerary[2].Level.Should().BeNull("an unknown level stays unknown, never 'no risk'");
        read[1].Household.IsEmpty.Should().BeTrue();
        read[1].Itinerary.Should().BeEmpty();
        (await store.FindAsync("a-full").ConfigureAwait(false)).Should().BeEquivalentTo(full);
    }

    private static async Task BadArguments(IArrivalStore store)
    {
        await FluentActions.Awaiting(async () => await store.FindAsync(null!).ConfigureAwait(false)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("idempotencyKey").ConfigureAwait(false);
        await FluentActions.Awaiting(async () => await store.FindAsync("no key").ConfigureAwait(false)).Should().ThrowAsync<ArgumentException>().WithParameterName("idempotencyKey").ConfigureAwait(false);
        FluentActions.Invoking(() => store.ArrivalsOfPersonAsync(default, Always)).Should().Throw<ArgumentException>().WithParameterName("person");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await FluentActions.Awaiting(async () => await store.AppendAsync(Arrival("a-1", "p-1", Start), cancelled.Token).ConfigureAwait(false)).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        await FluentActions.Awaiting(async () => await store.FindAsync("a-1", cancelled.Token).ConfigureAwait(false)).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        await FluentActions.Awaiting(() => ListAsync(store.ArrivalsOfPersonAsync(P1, Always, cancelled.Token))).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        await FluentActions.Awaiting(() => ListAsync(store.ArrivalsAsync(Always, cancelled.Token))).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        await FluentActions.Awaiting(async () => await store.PurgeAsync(Start, cancelled.Token).ConfigureAwait(false)).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        (await ListAsync(store.ArrivalsAsync(Always)).ConfigureAwait(false)).Should().BeEmpty("a cancelled append records nothing");
    }
}
