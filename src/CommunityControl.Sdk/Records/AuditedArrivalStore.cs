using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Internal;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// An <see cref="IArrivalStore"/> that records in an <see cref="IAuditTrail"/> who read whose arrivals (itineraries are
/// whereabouts, sensitive under PIPL Art. 28), in which role, for what purpose and when, around another store. Make one
/// per reader.
/// </summary>
/// <remarks><see cref="FindAsync"/> records the person of the arrival found; <see cref="ArrivalsOfPersonAsync"/> records
/// the person asked for; <see cref="ArrivalsAsync"/> records each person before that person's arrival is returned
/// (<see cref="RecordKind.Arrivals"/>). Appends and purges pass through unrecorded. An entry that cannot be recorded stops
/// the read.</remarks>
/// <threadsafety static="true" instance="true">Safe for concurrent use when the inner store and the trail are.</threadsafety>
public sealed class AuditedArrivalStore : IArrivalStore
{
    private readonly IArrivalStore _inner;
    private readonly AuditLog _log;

    /// <summary>Creates the audited store.</summary>
    /// <param name="inner">The store read.</param>
    /// <param name="trail">The audit trail the reads are recorded in.</param>
    /// <param name="reader">Who reads, in what role, for what purpose.</param>
    /// <param name="clock">The clock that dates the reads.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public AuditedArrivalStore(IArrivalStore inner, IAuditTrail trail, RecordReader reader, IClock clock)
    {
        _inner = Guard.NotNull(inner);
        _log = new AuditLog(Guard.NotNull(trail), Guard.NotNull(reader), Guard.NotNull(clock));
    }

    /// <inheritdoc/>
    public ValueTask<AppendResult<ArrivalRecord>> AppendAsync(ArrivalRecord record, CancellationToken cancellationToken = default)
        => _inner.AppendAsync(record, cancellationToken);

    /// <inheritdoc/>
    public async ValueTask<ArrivalRecord?> FindAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var record = await _inner.FindAsync(idempotencyKey, cancellationToken).ConfigureAwait(false);
        if (record is not null)
        {
            await _log.RecordAsync(record.Person, RecordKind.Arrivals, cancellationToken).ConfigureAwait(false);
        }

        return record;
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<ArrivalRecord> ArrivalsOfPersonAsync(PersonId person, Interval interval, CancellationToken cancellationToken = default)
        => _log.OfSubjectAsync(_inner.ArrivalsOfPersonAsync(person, interval, cancellationToken), person, RecordKind.Arrivals, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<ArrivalRecord> ArrivalsAsync(Interval interval, CancellationToken cancellationToken = default)
        => _log.PerSubjectAsync(_inner.ArrivalsAsync(interval, cancellationToken), r => r.Person, RecordKind.Arrivals, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default)
        => _inner.PurgeAsync(before, cancellationToken);

    /// <summary>Returns the kind of store (no id).</summary>
    /// <returns><c>AuditedArrivalStore</c>.</returns>
    public override string ToString() => nameof(AuditedArrivalStore);
}
