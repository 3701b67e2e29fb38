using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// The register of arrivals from elsewhere (流动人员): appended once per idempotency key, found by key, by person or by
/// instant, and purged by age.
/// </summary>
/// <remarks>
/// <para><b>Contract for implementations.</b> Safe for concurrent use. An append is idempotent: a second append with
/// the same <see cref="ArrivalRecord.IdempotencyKey"/> (a retry) records nothing and returns the record held, so nothing
/// is recorded twice and, under concurrent appends of one key, exactly one call reports <see cref="AppendResult{TRecord}.IsNew"/>.
/// Queries stream records ordered by <see cref="ArrivalRecord.ArrivedAt"/>, then by order of recording; an interval's
/// start is inclusive and its end exclusive. Cancellation throws <see cref="OperationCanceledException"/>. A record is checked as it is built (see
/// <see cref="ArrivalRecord"/>), so an implementation writes the record it is given as it is.</para>
/// </remarks>
public interface IArrivalStore
{
    /// <summary>Records an arrival unless its idempotency key is already recorded.</summary>
    /// <param name="record">The arrival.</param>
    /// <param name="cancellationToken">Cancels the append (nothing is recorded if it throws).</param>
    /// <returns>The record held under the key, and whether this call recorded it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The store is full (see the implementation).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<AppendResult<ArrivalRecord>> AppendAsync(ArrivalRecord record, CancellationToken cancellationToken = default);

    /// <summary>Finds an arrival by its idempotency key.</summary>
    /// <param name="idempotencyKey">The key.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The record, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="idempotencyKey"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="idempotencyKey"/> is not a valid key.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<ArrivalRecord?> FindAsync(string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Streams a person's arrivals in an interval.</summary>
    /// <param name="person">The person.</param>
    /// <param name="interval">The interval (start inclusive, end exclusive; an open end is unbounded).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The arrivals, by instant.</returns>
    /// <exception cref="ArgumentException"><paramref name="person"/> is empty.</exception>
    IAsyncEnumerable<ArrivalRecord> ArrivalsOfPersonAsync(PersonId person, Interval interval, CancellationToken cancellationToken = default);

    /// <summary>Streams every arrival in an interval (e.g. a day's arrivals, to assess them).</summary>
    /// <param name="interval">The interval (start inclusive, end exclusive; an open end is unbounded).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The arrivals, by instant.</returns>
    IAsyncEnumerable<ArrivalRecord> ArrivalsAsync(Interval interval, CancellationToken cancellationToken = default);

    /// <summary>Deletes every arrival before an instant (retention: pass now minus the retention period).</summary>
    /// <param name="before">The first instant kept.</param>
    /// <param name="cancellationToken">Cancels the purge before it starts.</param>
    /// <returns>The number of arrivals deleted.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default);
}
