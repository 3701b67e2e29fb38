using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Internal;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>A thread-safe, in-memory <see cref="IAuditTrail"/>: the embedded default for the main job, tests and small hosts.</summary>
/// <remarks>
/// One lock guards appends, queries and purges; a query copies its matches when its enumeration starts. Memory is
/// bounded by <see cref="RecordStoreOptions.Capacity"/> and, when set, <see cref="RecordStoreOptions.Retention"/> with
/// <see cref="PurgeExpiredAsync"/>. The asynchronous members complete synchronously.
/// </remarks>
/// <threadsafety static="true" instance="true">Safe for concurrent use.</threadsafety>
public sealed class InMemoryAuditTrail : IAuditTrail
{
    private readonly RecordIndex<RecordRead> _index;

    /// <summary>Creates an empty trail.</summary>
    /// <param name="options">Capacity and retention; null for the defaults (1,000,000 entries, no retention period).</param>
    /// <param name="clock">The clock retention is measured on; required when <see cref="RecordStoreOptions.Retention"/> is set.</param>
    /// <exception cref="ArgumentOutOfRangeException">The options are out of range.</exception>
    /// <exception cref="ArgumentNullException">A retention period is set and <paramref name="clock"/> is null.</exception>
    public InMemoryAuditTrail(RecordStoreOptions? options = null, IClock? clock = null)
        => _index = new RecordIndex<RecordRead>("audit", options, clock, r => r.IdempotencyKey, r => r.At, r => r.Subject, null);

    /// <summary>Gets the number of entries held.</summary>
    public int Count => _index.Count;

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The trail holds <see cref="RecordStoreOptions.Capacity"/> entries.</exception>
    public ValueTask<AppendResult<RecordRead>> AppendAsync(RecordRead read, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(read);
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<AppendResult<RecordRead>>(_index.Append(read));
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<RecordRead> ReadsOfAsync(PersonId subject, Interval interval, CancellationToken cancellationToken = default)
    {
        if (subject.IsEmpty)
        {
            throw new ArgumentException("The subject's id must not be empty.", nameof(subject));
        }

        return new SnapshotAsyncEnumerable<RecordRead>(() => _index.ByPerson(subject, interval), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<long>(_index.Purge(before));
    }

    /// <summary>Deletes every entry older than the retention period, on the trail's clock; does nothing without a period.</summary>
    /// <param name="cancellationToken">Cancels the purge before it starts.</param>
    /// <returns>The number of entries deleted.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<long> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<long>(_index.PurgeExpired());
    }

    /// <summary>Returns the number of entries held (no id).</summary>
    /// <returns>E.g. <c>InMemoryAuditTrail (12 reads)</c>.</returns>
    public override string ToString() => $"InMemoryAuditTrail ({Count:N0} reads)";
}
