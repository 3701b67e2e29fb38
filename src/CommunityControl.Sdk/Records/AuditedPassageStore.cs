using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// An <see cref="IPassageStore"/> that records in an <see cref="IAuditTrail"/> who read whose passages, in which role, for
/// what purpose and when (PIPL Art. 28), around another store. Make one per reader (e.g. per request), over the shared
/// store and trail.
/// </summary>
/// <remarks>
/// <para>Every read of a person's records is recorded (<see cref="RecordKind.Passages"/>) before the records are
/// returned: <see cref="PassagesOfPersonAsync"/> records the person when enumeration starts (found or not);
/// <see cref="FindAsync"/> records the person of the passage found; <see cref="PassagesAtGateAsync"/> and
/// <see cref="PassagesWithinAsync"/> record each person before the first of that person's passages is returned (so a
/// co-presence trace through this store records the case and every contact). Appends and purges pass through
/// unrecorded. An entry that cannot be recorded (the trail throws) stops the read: nothing unrecorded is returned.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Safe for concurrent use when the inner store and the trail are.</threadsafety>
public sealed class AuditedPassageStore : IPassageStore
{
    private readonly IPassageStore _inner;
    private readonly AuditLog _log;

    /// <summary>Creates the audited store.</summary>
    /// <param name="inner">The store read.</param>
    /// <param name="trail">The audit trail the reads are recorded in.</param>
    /// <param name="reader">Who reads, in what role, for what purpose.</param>
    /// <param name="clock">The clock that dates the reads.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public AuditedPassageStore(IPassageStore inner, IAuditTrail trail, RecordReader reader, IClock clock)
    {
        _inner = Guard.NotNull(inner);
        _log = new AuditLog(Guard.NotNull(trail), Guard.NotNull(reader), Guard.NotNull(clock));
    }

    /// <inheritdoc/>
    public ValueTask<AppendResult<PassageRecord>> AppendAsync(PassageRecord record, CancellationToken cancellationToken = default)
        => _inner.AppendAsync(record, cancellationToken);

    /// <inheritdoc/>
    public async ValueTask<PassageRecord?> FindAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var record = await _inner.FindAsync(idempotencyKey, cancellationToken).ConfigureAwait(false);
        if (record is not null)
        {
            await _log.RecordAsync(record.Person, RecordKind.Passages, cancellationToken).ConfigureAwait(false);
        }

        return record;
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<PassageRecord> PassagesOfPersonAsync(PersonId person, Interval interval, CancellationToken cancellationToken = default)
        => _log.OfSubjectAsync(_inner.PassagesOfPersonAsync(person, interval, cancellationToken), person, RecordKind.Passages, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<PassageRecord> PassagesAtGateAsync(ZoneId gate, Interval interval, CancellationToken cancellationToken = default)
        => _log.PerSubjectAsync(_inner.PassagesAtGateAsync(gate, interval, cancellationToken), r => r.Person, RecordKind.Passages, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<PassageRecord> PassagesWithinAsync(ZoneTree tree, ZoneId root, Interval interval, CancellationToken cancellationToken = default)
        => _log.PerSubjectAsync(_inner.PassagesWithinAsync(tree, root, interval, cancellationToken), r => r.Person, RecordKind.Passages, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default)
        => _inner.PurgeAsync(before, cancellationToken);

    /// <summary>Returns the kind of store (no id).</summary>
    /// <returns><c>AuditedPassageStore</c>.</returns>
    public override string ToString() => nameof(AuditedPassageStore);
}
