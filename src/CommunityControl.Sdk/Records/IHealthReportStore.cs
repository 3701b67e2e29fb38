using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// The register of temperature and symptom reports of people under observation: each report recorded once, by its
/// idempotency key, and found again by person in an interval.
/// </summary>
/// <remarks>
/// The contract of <see cref="IPassageStore"/> applies: safe for concurrent use; one record per key (the first wins);
/// queries stream records in the interval (start inclusive, end exclusive) ordered by instant; nothing past a retention
/// period is returned; cancellation throws <see cref="OperationCanceledException"/>.
/// </remarks>
public interface IHealthReportStore
{
    /// <summary>Records a report once per idempotency key.</summary>
    /// <param name="report">The report.</param>
    /// <param name="cancellationToken">Cancels the append (nothing is recorded if it throws).</param>
    /// <returns>The report held under the key, and whether this call recorded it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The store is full (see the implementation).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<AppendResult<HealthReport>> AppendAsync(HealthReport report, CancellationToken cancellationToken = default);

    /// <summary>Streams a person's reports in an interval, by instant.</summary>
    /// <param name="person">The person.</param>
    /// <param name="interval">The interval (start inclusive, end exclusive).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The reports.</returns>
    /// <exception cref="ArgumentException"><paramref name="person"/> is empty (by the call or when enumeration starts).</exception>
    IAsyncEnumerable<HealthReport> ReportsOfPersonAsync(PersonId person, Interval interval, CancellationToken cancellationToken = default);

    /// <summary>Deletes every report taken before <paramref name="before"/> (retention).</summary>
    /// <param name="before">The first instant kept.</param>
    /// <param name="cancellationToken">Cancels the purge before it starts.</param>
    /// <returns>The number of reports deleted.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default);
}
