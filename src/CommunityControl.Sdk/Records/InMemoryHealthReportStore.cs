using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Internal;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// A thread-safe, in-memory <see cref="IHealthReportStore"/>: the embedded default for the main job, tests and small hosts.
/// </summary>
/// <remarks>
/// One lock guards appends, queries and purges; a query copies its matches when its enumeration starts. Memory is
/// bounded by <see cref="RecordStoreOptions.Capacity"/> and, when set, <see cref="RecordStoreOptions.Retention"/> with
/// <see cref="PurgeExpiredAsync"/>. The asynchronous members complete synchronously.
/// </remarks>
/// <threadsafety static="true" instance="true">Safe for concurrent use.</threadsafety>
public sealed class InMemoryHealthReportStore : IHealthReportStore
{
    private readonly RecordIndex<HealthReport> _index;

    /// <summary>Creates an empty store.</summary>
    /// <param name="options">Capacity and retention; null for the defaults (1,000,000 records, no retention period).</param>
    /// <param name="clock">The clock retention is measured on; required when <see cref="RecordStoreOptions.Retention"/> is set.</param>
    /// <exception cref="ArgumentOutOfRangeException">The options are out of range.</exception>
    /// <exception cref="ArgumentNullException">A retention period is set and <paramref name="clock"/> is null.</exception>
    public InMemoryHealthReportStore(RecordStoreOptions? options = null, IClock? clock = null)
        => _index = new RecordIndex<HealthReport>("health report", options, clock, r => r.IdempotencyKey, r => r.At, r => r.Person, null);

    /// <summary>Gets the number of reports held.</summary>
    public int Count => _index.Count;

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The store holds <see cref="RecordStoreOptions.Capacity"/> records.</exception>
    public ValueTask<AppendResult<HealthReport>> AppendAsync(HealthReport report, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(report);
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<AppendResult<HealthReport>>(_index.Append(report));
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<HealthReport> ReportsOfPersonAsync(PersonId person, Interval interval, CancellationToken cancellationToken = default)
    {
        if (person.IsEmpty)
        {
            throw new ArgumentException("The person id must not be empty.", nameof(person));
        }

        return new SnapshotAsyncEnumerable<HealthReport>(() => _index.ByPerson(person, interval), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<long>(_index.Purge(before));
    }

    /// <summary>Deletes every report older than the retention period, on the store's clock; does nothing without a period.</summary>
    /// <param name="cancellationToken">Cancels the purge before it starts.</param>
    /// <returns>The number of reports deleted.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<long> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<long>(_index.PurgeExpired());
    }

    /// <summary>Returns the number of reports held (no id).</summary>
    /// <returns>E.g. <c>InMemoryHealthReportStore (120 reports)</c>.</returns>
    public override string ToString() => $"InMemoryHealthReportStore ({Count:N0} reports)";
}
