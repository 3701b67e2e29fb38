using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// A thread-safe, in-memory <see cref="IPassageStore"/>: the embedded default for the main job, tests and small hosts.
/// </summary>
/// <remarks>
/// <para>Records are indexed by idempotency key, by person, and by gate and UTC day, so a gate's or a subtree's query
/// reads only the days of its interval. One lock guards appends, queries and purges; a query copies its matches under
/// the lock when its enumeration starts and streams them after (a snapshot), so a slow consumer never blocks a gate.</para>
/// <para>Memory is bounded by <see cref="RecordStoreOptions.Capacity"/> (an append beyond it throws
/// <see cref="InvalidOperationException"/>) and, when set, by <see cref="RecordStoreOptions.Retention"/> with
/// <see cref="PurgeExpiredAsync"/>. Nothing is persisted: a host that must survive a restart uses a database store.</para>
/// <para>The asynchronous members complete synchronously.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Safe for concurrent use by many gates.</threadsafety>
public sealed class InMemoryPassageStore : IPassageStore
{
    private readonly RecordIndex<PassageRecord> _index;

    /// <summary>Creates an empty store.</summary>
    /// <param name="options">Capacity and retention; null for the defaults (1,000,000 records, no retention period).</param>
    /// <param name="clock">The clock retention is measured on; required when <see cref="RecordStoreOptions.Retention"/> is set.</param>
    /// <exception cref="ArgumentOutOfRangeException">The options are out of range.</exception>
    /// <exception cref="ArgumentNullException">A retention period is set and <paramref name="clock"/> is null.</exception>
    public InMemoryPassageStore(RecordStoreOptions? options = null, IClock? clock = null)
        => _index = new RecordIndex<PassageRecord>("passage", options, clock, r => r.IdempotencyKey, r => r.At, r => r.Person, r => r.Gate);

    /// <summary>Gets the number of passages held.</summary>
    public int Count => _index.Count;

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The store holds <see cref="RecordStoreOptions.Capacity"/> records.</exception>
    public ValueTask<AppendResult<PassageRecord>> AppendAsync(PassageRecord record, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<AppendResult<PassageRecord>>(_index.Append(record));
    }

    /// <inheritdoc/>
    public ValueTask<PassageRecord?> FindAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        RecordKey.Check(idempotencyKey, nameof(idempotencyKey));
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<PassageRecord?>(_index.Find(idempotencyKey));
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<PassageRecord> PassagesOfPersonAsync(PersonId person, Interval interval, CancellationToken cancellationToken = default)
    {
        if (person.IsEmpty)
        {
            throw new ArgumentException("The person id must not be empty.", nameof(person));
        }

        return new SnapshotAsyncEnumerable<PassageRecord>(() => _index.ByPerson(person, interval), cancellationToken);
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<PassageRecord> PassagesAtGateAsync(ZoneId gate, Interval interval, CancellationToken cancellationToken = default)
    {
        if (gate.IsEmpty)
        {
            throw new ArgumentException("The gate's zone id must not be empty.", nameof(gate));
        }

        return new SnapshotAsyncEnumerable<PassageRecord>(() => _index.ByPlaces(new[] { gate }, interval), cancellationToken);
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<PassageRecord> PassagesWithinAsync(ZoneTree tree, ZoneId root, Interval interval, CancellationToken cancellationToken = default)
    {
        var gates = SubtreeIds(tree, root);
        return new SnapshotAsyncEnumerable<PassageRecord>(() => _index.ByPlaces(gates, interval), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<long>(_index.Purge(before));
    }

    /// <summary>Deletes every passage older than the retention period, on the store's clock; does nothing without a period.</summary>
    /// <param name="cancellationToken">Cancels the purge before it starts.</param>
    /// <returns>The number of passages deleted.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<long> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<long>(_index.PurgeExpired());
    }

    /// <summary>Returns the number of passages held (no id).</summary>
    /// <returns>E.g. <c>InMemoryPassageStore (12,345 passages)</c>.</returns>
    public override string ToString() => $"InMemoryPassageStore ({Count:N0} passages)";

    /// <summary>The ids of a zone and every zone under it (each subtree is one contiguous range of the tree).</summary>
    internal static ZoneId[] SubtreeIds(ZoneTree tree, ZoneId root)
    {
        Guard.NotNull(tree);
        if (root.IsEmpty)
        {
            throw new ArgumentException("The root zone id must not be empty.", nameof(root));
        }

        var start = tree.IndexOf(root);
        if (start < 0)
        {
            throw new ArgumentException("The root zone is not in the tree.", nameof(root));
        }

        var end = tree.SubtreeEnd(start);
        var ids = new ZoneId[end - start];
        for (var i = start; i < end; i++)
        {
            ids[i - start] = tree.IdAt(i);
        }

        return ids;
    }
}
