using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// The register of workers' clock-ins and clock-outs: each record kept once, by its idempotency key, and found again
/// by person or by interval.
/// </summary>
/// <remarks>
/// The contract of the other record stores applies: safe for concurrent use; one record per key (the first wins, even
/// when a retry carries other values); queries stream the records in the interval (start inclusive, end exclusive)
/// ordered by instant, records at the same instant in the order they were recorded; cancellation throws
/// <see cref="OperationCanceledException"/>.
/// </remarks>
public interface IAttendanceStore
{
    /// <summary>Records a clocking once per idempotency key.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the append (nothing is recorded if it throws).</param>
    /// <returns>True when this call recorded it; false when the key was already recorded (a retry: the first record is kept).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The store is full (see the implementation).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<bool> AppendAsync(AttendanceRecord record, CancellationToken cancellationToken = default);

    /// <summary>Streams a person's records in an interval, by instant.</summary>
    /// <param name="person">The person.</param>
    /// <param name="interval">The interval (start inclusive, end exclusive).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The records.</returns>
    /// <exception cref="ArgumentException"><paramref name="person"/> is empty.</exception>
    IAsyncEnumerable<AttendanceRecord> RecordsOfPersonAsync(PersonId person, Interval interval, CancellationToken cancellationToken = default);

    /// <summary>Streams everyone's records in an interval, by instant.</summary>
    /// <param name="interval">The interval (start inclusive, end exclusive).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The records.</returns>
    IAsyncEnumerable<AttendanceRecord> RecordsAsync(Interval interval, CancellationToken cancellationToken = default);

    /// <summary>Deletes every record before <paramref name="before"/> (retention).</summary>
    /// <param name="before">The first instant kept.</param>
    /// <param name="cancellationToken">Cancels the purge before it starts.</param>
    /// <returns>The number of records deleted.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default);
}
