using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Internal;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>A thread-safe, in-memory <see cref="IArrivalStore"/>: the embedded default for the main job, tests and small hosts.</summary>
/// <remarks>
/// One lock guards appends, queries and purges; a query copies its matches when its enumeration starts. Memory is
/// bounded by <see cref="RecordStoreOptions.Capacity"/> and, when set, <see cref="RecordStoreOptions.Retention"/> (counted
/// from <see cref="ArrivalRecord.ArrivedAt"/>) with <see cref="PurgeExpiredAsync"/>: an arrival older than the period is
/// never returned, even before a purge. The asynchronous members complete synchronously.
/// </remarks>
/// <threadsafety static="true" instance="true">Safe for concurrent use.</threadsafety>
public sealed class InMemoryArrivalStore : IArrivalStore
{
    private readonly RecordIndex<ArrivalRecord> _index;

    /// <summary>Creates an empty store.</summary>
    /// <param name="options">Capacity and retention; null for the defaults (1,000,000 records, no retention period).</param>
    /// <param name="clock">The clock retention is measured on; required when <see cref="RecordStoreOptions.Retention"/> is set.</param>
    /// <exception cref="ArgumentOutOfRangeException">The options are out of range.</exception>
    /// <exception cref="ArgumentNullException">A retention period is set and <paramref name="clock"/> is null.</exception>
    public InMemoryArrivalStore(RecordStoreOptions? options = null, IClock? clock = null)
        => _index = new RecordIndex<ArrivalRecord>("arrival", options, clock, r => r.IdempotencyKey, r => r.ArrivedAt, r => r.Person, r => r.Destination);

    /// <summary>Gets the number of arrivals held.</summary>
    public int Count => _index.Count;

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The store holds <see cref="RecordStoreOptions.Capacity"/> records.</exception>
    public ValueTask<AppendResult<ArrivalRecord>> AppendAsync(ArrivalRecord record, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<AppendResult<ArrivalRecord>>(_index.Append(record));
    }

    /// <inheritdoc/>
    public ValueTask<ArrivalRecord?> FindAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        RecordKey.Check(idempotencyKey, nameof(idempotencyKey));
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<ArrivalRecord?>(_index.Find(idempotencyKey));
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<ArrivalRecord> ArrivalsOfPersonAsync(PersonId person, Interval interval, CancellationToken cancellationToken = default)
    {
        if (person.IsEmpty)
        {
            throw new ArgumentException("The person id must not be empty.", nameof(person));
        }

        return new SnapshotAsyncEnumerable<ArrivalRecord>(() => _index.ByPerson(person, interval), cancellationToken);
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<ArrivalRecord> ArrivalsAsync(Interval interval, CancellationToken cancellationToken = default)
        => new SnapshotAsyncEnumerable<ArrivalRecord>(() => _index.Within(interval), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<long>(_index.Purge(before));
    }

    /// <summary>Deletes every arrival older than the retention period, on the store's clock; does nothing without a period.</summary>
    /// <param name="cancellationToken">Cancels the purge before it starts.</param>
    /// <returns>The number of arrivals deleted.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<long> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<long>(_index.PurgeExpired());
    }

    /// <summary>Returns the number of arrivals held (no id).</summary>
    /// <returns>E.g. <c>InMemoryArrivalStore (12 arrivals)</c>.</returns>
    public override string ToString() => $"InMemoryArrivalStore ({Count:N0} arrivals)";
}
