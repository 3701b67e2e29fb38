using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Internal;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// An <see cref="IFollowUpStore"/> that records in an <see cref="IAuditTrail"/> who read whose follow-up schedule, in
/// which role, for what purpose and when (PIPL Art. 28), around another store. Make one per reader.
/// </summary>
/// <remarks><see cref="FindAsync"/> records the person asked for (<see cref="RecordKind.FollowUps"/>, found or not);
/// <see cref="ActiveOnAsync"/> records each person before that person's schedule is returned. Saves and purges pass
/// through unrecorded. An entry that cannot be recorded stops the read.</remarks>
/// <threadsafety static="true" instance="true">Safe for concurrent use when the inner store and the trail are.</threadsafety>
public sealed class AuditedFollowUpStore : IFollowUpStore
{
    private readonly IFollowUpStore _inner;
    private readonly AuditLog _log;

    /// <summary>Creates the audited store.</summary>
    /// <param name="inner">The store read.</param>
    /// <param name="trail">The audit trail the reads are recorded in.</param>
    /// <param name="reader">Who reads, in what role, for what purpose.</param>
    /// <param name="clock">The clock that dates the reads.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public AuditedFollowUpStore(IFollowUpStore inner, IAuditTrail trail, RecordReader reader, IClock clock)
    {
        _inner = Guard.NotNull(inner);
        _log = new AuditLog(Guard.NotNull(trail), Guard.NotNull(reader), Guard.NotNull(clock));
    }

    /// <inheritdoc/>
    public ValueTask<AppendResult<FollowUpSchedule>> SaveAsync(FollowUpSchedule schedule, CancellationToken cancellationToken = default)
        => _inner.SaveAsync(schedule, cancellationToken);

    /// <inheritdoc/>
    public async ValueTask<FollowUpSchedule?> FindAsync(PersonId person, CancellationToken cancellationToken = default)
    {
        var schedule = await _inner.FindAsync(person, cancellationToken).ConfigureAwait(false);
        await _log.RecordAsync(person, RecordKind.FollowUps, cancellationToken).ConfigureAwait(false);
        return schedule;
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<FollowUpSchedule> ActiveOnAsync(LocalDate day, CancellationToken cancellationToken = default)
        => _log.PerSubjectAsync(_inner.ActiveOnAsync(day, cancellationToken), s => s.Person, RecordKind.FollowUps, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<long> PurgeAsync(LocalDate endedBefore, CancellationToken cancellationToken = default)
        => _inner.PurgeAsync(endedBefore, cancellationToken);

    /// <summary>Returns the kind of store (no id).</summary>
    /// <returns><c>AuditedFollowUpStore</c>.</returns>
    public override string ToString() => nameof(AuditedFollowUpStore);
}
