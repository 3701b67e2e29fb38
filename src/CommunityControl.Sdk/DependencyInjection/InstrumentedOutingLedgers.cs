using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Access;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CommunityControl.DependencyInjection;

/// <summary>
/// An <see cref="IOutingLedger"/> whose every call is measured (store <c>outing_ledger</c>). On the gate's path: without a
/// listener a call costs two timestamps and allocates nothing.
/// </summary>
internal sealed class InstrumentedOutingLedger : InstrumentedStore<IOutingLedger>, IOutingLedger
{
    private static readonly StoreOperation Count = new("outing_ledger", "count_outings");
    private static readonly StoreOperation CountOpen = new("outing_ledger", "count_open_outings");
    private static readonly StoreOperation FindOpen = new("outing_ledger", "find_open_outing");
    private static readonly StoreOperation Start = new("outing_ledger", "start_outing");
    private static readonly StoreOperation End = new("outing_ledger", "end_outing");
    private static readonly StoreOperation OfHousehold = new("outing_ledger", "outings_of");

    public InstrumentedOutingLedger(IOutingLedger inner, ILogger? logger, bool ownsInner)
        : base(inner, logger, ownsInner)
    {
    }

    public int CountOutings(HouseholdId household, OutingWindow window)
        => Measure(Count, (Inner, household, window), static s => s.Inner.CountOutings(s.household, s.window));

    public int CountOpenOutings(HouseholdId household)
        => Measure(CountOpen, (Inner, household), static s => s.Inner.CountOpenOutings(s.household));

    public bool TryGetOpenOuting(HouseholdId household, PersonId person, out Outing outing)
    {
        var call = StoreCall.Start(FindOpen);
        try
        {
            var found = Inner.TryGetOpenOuting(household, person, out outing);
            call.Stop(null, Logger);
            return found;
        }
        catch (Exception e)
        {
            call.Stop(e, Logger);
            throw;
        }
    }

    public bool TryStartOuting(HouseholdId household, PersonId person, Instant at, int persons, OutingWindow? window, out Outing outing)
    {
        var call = StoreCall.Start(Start);
        try
        {
            var started = Inner.TryStartOuting(household, person, at, persons, window, out outing);
            call.Stop(null, Logger);
            return started;
        }
        catch (Exception e)
        {
            call.Stop(e, Logger);
            throw;
        }
    }

    public bool TryEndOuting(HouseholdId household, PersonId person, Instant at, out Outing outing)
    {
        var call = StoreCall.Start(End);
        try
        {
            var ended = Inner.TryEndOuting(household, person, at, out outing);
            call.Stop(null, Logger);
            return ended;
        }
        catch (Exception e)
        {
            call.Stop(e, Logger);
            throw;
        }
    }

    public IReadOnlyList<Outing> OutingsOf(HouseholdId household)
        => Measure(OfHousehold, (Inner, household), static s => s.Inner.OutingsOf(s.household));
}

/// <summary>An <see cref="IOutingLedgerAsync"/> whose every call is measured (store <c>outing_ledger</c>).</summary>
internal sealed class InstrumentedOutingLedgerAsync : InstrumentedStore<IOutingLedgerAsync>, IOutingLedgerAsync
{
    private static readonly StoreOperation Count = new("outing_ledger", "count_outings");
    private static readonly StoreOperation CountOpen = new("outing_ledger", "count_open_outings");
    private static readonly StoreOperation FindOpen = new("outing_ledger", "find_open_outing");
    private static readonly StoreOperation Start = new("outing_ledger", "start_outing");
    private static readonly StoreOperation End = new("outing_ledger", "end_outing");
    private static readonly StoreOperation OfHousehold = new("outing_ledger", "outings_of");

    public InstrumentedOutingLedgerAsync(IOutingLedgerAsync inner, ILogger? logger, bool ownsInner)
        : base(inner, logger, ownsInner)
    {
    }

    public ValueTask<int> CountOutingsAsync(HouseholdId household, OutingWindow window, CancellationToken cancellationToken = default)
        => MeasureAsync(Count, (Inner, household, window, cancellationToken), static s => s.Inner.CountOutingsAsync(s.household, s.window, s.cancellationToken));

    public ValueTask<int> CountOpenOutingsAsync(HouseholdId household, CancellationToken cancellationToken = default)
        => MeasureAsync(CountOpen, (Inner, household, cancellationToken), static s => s.Inner.CountOpenOutingsAsync(s.household, s.cancellationToken));

    public ValueTask<Outing?> FindOpenOutingAsync(HouseholdId household, PersonId person, CancellationToken cancellationToken = default)
        => MeasureAsync(FindOpen, (Inner, household, person, cancellationToken), static s => s.Inner.FindOpenOutingAsync(s.household, s.person, s.cancellationToken));

    public ValueTask<Outing?> TryStartOutingAsync(HouseholdId household, PersonId person, Instant at, int persons, OutingWindow? window, string? requestKey = null, CancellationToken cancellationToken = default)
        => MeasureAsync(Start, (Inner, household, person, at, persons, window, requestKey, cancellationToken), static s => s.Inner.TryStartOutingAsync(s.household, s.person, s.at, s.persons, s.window, s.requestKey, s.cancellationToken));

    public ValueTask<Outing?> TryEndOutingAsync(HouseholdId household, PersonId person, Instant at, CancellationToken cancellationToken = default)
        => MeasureAsync(End, (Inner, household, person, at, cancellationToken), static s => s.Inner.TryEndOutingAsync(s.household, s.person, s.at, s.cancellationToken));

    public ValueTask<IReadOnlyList<Outing>> OutingsOfAsync(HouseholdId household, CancellationToken cancellationToken = default)
        => MeasureAsync(OfHousehold, (Inner, household, cancellationToken), static s => s.Inner.OutingsOfAsync(s.household, s.cancellationToken));
}
