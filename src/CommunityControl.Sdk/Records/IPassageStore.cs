using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// The passage register: every passage recorded once, by its idempotency key, and found again by person, by gate, or
/// by every gate of a subtree, in an interval.
/// </summary>
/// <remarks>
/// <para><b>Contract for implementations.</b> Every member is safe for concurrent use by many gates. An append with a
/// key already recorded records nothing and returns the record held (the first one wins, whatever the retry carries):
/// under concurrent appends of the same key exactly one returns <see cref="AppendResult{TRecord}.IsNew"/> true. Queries
/// stream records whose instant lies in the interval (start inclusive, end exclusive; an unbounded side is open),
/// ordered by instant; a query sees a consistent snapshot or the
/// records appended while it runs, never a half-written record. Where a retention period applies, records older
/// than the period are never returned. Cancellation throws <see cref="OperationCanceledException"/>.</para>
/// <para><see cref="InMemoryPassageStore"/> is the embedded implementation; a database implementation partitions by
/// day (and district), keeps a unique index on the key and indexes (person, instant) and (gate, instant).</para>
/// </remarks>
public interface IPassageStore
{
    /// <summary>Records a passage once per idempotency key.</summary>
    /// <param name="record">The passage.</param>
    /// <param name="cancellationToken">Cancels the append (nothing is recorded if it throws).</param>
    /// <returns>The record held under the key, and whether this call recorded it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The store is full (see the implementation).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<AppendResult<PassageRecord>> AppendAsync(PassageRecord record, CancellationToken cancellationToken = default);

    /// <summary>Finds the passage recorded under an idempotency key.</summary>
    /// <param name="idempotencyKey">The key.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The record, or null when the key is not recorded (or its record is past retention).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="idempotencyKey"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="idempotencyKey"/> is not a valid key.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<PassageRecord?> FindAsync(string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Streams a person's passages in an interval, by instant.</summary>
    /// <param name="person">The person.</param>
    /// <param name="interval">The interval (start inclusive, end exclusive).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The passages.</returns>
    /// <exception cref="ArgumentException"><paramref name="person"/> is empty (by the call or when enumeration starts).</exception>
    IAsyncEnumerable<PassageRecord> PassagesOfPersonAsync(PersonId person, Interval interval, CancellationToken cancellationToken = default);

    /// <summary>Streams a gate's passages in an interval, by instant.</summary>
    /// <param name="gate">The gate's zone.</param>
    /// <param name="interval">The interval (start inclusive, end exclusive).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The passages.</returns>
    /// <exception cref="ArgumentException"><paramref name="gate"/> is empty (by the call or when enumeration starts).</exception>
    IAsyncEnumerable<PassageRecord> PassagesAtGateAsync(ZoneId gate, Interval interval, CancellationToken cancellationToken = default);

    /// <summary>Streams the passages at every gate of a zone and of the zones under it, in an interval, by instant.</summary>
    /// <param name="tree">The tree that places the gates.</param>
    /// <param name="root">The subtree's root zone.</param>
    /// <param name="interval">The interval (start inclusive, end exclusive).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The passages.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tree"/> is null (by the call or when enumeration starts).</exception>
    /// <exception cref="ArgumentException"><paramref name="root"/> is empty or not in <paramref name="tree"/> (by the call or when enumeration starts).</exception>
    IAsyncEnumerable<PassageRecord> PassagesWithinAsync(ZoneTree tree, ZoneId root, Interval interval, CancellationToken cancellationToken = default);

    /// <summary>Deletes every passage whose instant is before <paramref name="before"/> (retention).</summary>
    /// <param name="before">The first instant kept.</param>
    /// <param name="cancellationToken">Cancels the purge before it starts.</param>
    /// <returns>The number of passages deleted.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default);
}
