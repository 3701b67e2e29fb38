using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Internal;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// An <see cref="IHealthReportStore"/> that records in an <see cref="IAuditTrail"/> who read whose temperature and
/// symptom reports, in which role, for what purpose and when (PIPL Art. 28), around another store. Make one per reader.
/// </summary>
/// <remarks><see cref="ReportsOfPersonAsync"/> records the person (<see cref="RecordKind.HealthReports"/>) when enumeration
/// starts, before any report is returned; appends and purges pass through unrecorded. An entry that cannot be recorded
/// stops the read.</remarks>
/// <threadsafety static="true" instance="true">Safe for concurrent use when the inner store and the trail are.</threadsafety>
public sealed class AuditedHealthReportStore : IHealthReportStore
{
    private readonly IHealthReportStore _inner;
    private readonly AuditLog _log;

    /// <summary>Creates the audited store.</summary>
    /// <param name="inner">The store read.</param>
    /// <param name="trail">The audit trail the reads are recorded in.</param>
    /// <param name="reader">Who reads, in what role, for what purpose.</param>
    /// <param name="clock">The clock that dates the reads.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public AuditedHealthReportStore(IHealthReportStore inner, IAuditTrail trail, RecordReader reader, IClock clock)
    {
        _inner = Guard.NotNull(inner);
        _log = new AuditLog(Guard.NotNull(trail), Guard.NotNull(reader), Guard.NotNull(clock));
    }

    /// <inheritdoc/>
    public ValueTask<AppendResult<HealthReport>> AppendAsync(HealthReport report, CancellationToken cancellationToken = default)
        => _inner.AppendAsync(report, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<HealthReport> ReportsOfPersonAsync(PersonId person, Interval interval, CancellationToken cancellationToken = default)
        => _log.OfSubjectAsync(_inner.ReportsOfPersonAsync(person, interval, cancellationToken), person, RecordKind.HealthReports, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default)
        => _inner.PurgeAsync(before, cancellationToken);

    /// <summary>Returns the kind of store (no id).</summary>
    /// <returns><c>AuditedHealthReportStore</c>.</returns>
    public override string ToString() => nameof(AuditedHealthReportStore);
}
