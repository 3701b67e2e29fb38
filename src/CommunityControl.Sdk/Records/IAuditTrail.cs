using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// The audit trail of the registers: who read whose records, of which kind, for what purpose and when. A host records a
/// read before it returns records to a reader (and a trace before it runs one).
/// </summary>
/// <remarks>
/// The contract of <see cref="IPassageStore"/> applies: safe for concurrent use; one entry per key (the first wins);
/// queries stream entries in the interval (start inclusive, end exclusive) ordered by instant; nothing past a retention
/// period is returned; cancellation throws <see cref="OperationCanceledException"/>.
/// </remarks>
public interface IAuditTrail
{
    /// <summary>Records a read once per idempotency key.</summary>
    /// <param name="read">The read.</param>
    /// <param name="cancellationToken">Cancels the append (nothing is recorded if it throws).</param>
    /// <returns>The entry held under the key, and whether this call recorded it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="read"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The trail is full (see the implementation).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<AppendResult<RecordRead>> AppendAsync(RecordRead read, CancellationToken cancellationToken = default);

    /// <summary>Streams the reads of a person's records in an interval, by instant: who read them, why and when.</summary>
    /// <param name="subject">The person whose records were read.</param>
    /// <param name="interval">The interval (start inclusive, end exclusive).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The reads.</returns>
    /// <exception cref="ArgumentException"><paramref name="subject"/> is empty (by the call or when enumeration starts).</exception>
    IAsyncEnumerable<RecordRead> ReadsOfAsync(PersonId subject, Interval interval, CancellationToken cancellationToken = default);

    /// <summary>Deletes every entry before <paramref name="before"/> (retention).</summary>
    /// <param name="before">The first instant kept.</param>
    /// <param name="cancellationToken">Cancels the purge before it starts.</param>
    /// <returns>The number of entries deleted.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default);
}
