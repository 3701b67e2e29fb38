using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>What the audited stores share: recording a read before records are returned.</summary>
internal sealed class AuditLog
{
    private readonly IAuditTrail _trail;
    private readonly RecordReader _reader;
    private readonly IClock _clock;

    public AuditLog(IAuditTrail trail, RecordReader reader, IClock clock)
        => (_trail, _reader, _clock) = (trail, reader, clock);

    public async ValueTask RecordAsync(PersonId subject, RecordKind kind, CancellationToken cancellationToken)
        => await _trail.AppendAsync(_reader.ReadOf(subject, kind, _clock), cancellationToken).ConfigureAwait(false);

    /// <summary>Streams the records, recording a read of each person's records before that person's first record is returned.</summary>
    public async IAsyncEnumerable<T> PerSubjectAsync<T>(IAsyncEnumerable<T> records, System.Func<T, PersonId> subject, RecordKind kind, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var recorded = new HashSet<PersonId>();
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var person = subject(record);
            if (recorded.Add(person))
            {
                await RecordAsync(person, kind, cancellationToken).ConfigureAwait(false);
            }

            yield return record;
        }
    }

    /// <summary>Records a read of one person's records when enumeration starts, then streams them.</summary>
    public async IAsyncEnumerable<T> OfSubjectAsync<T>(IAsyncEnumerable<T> records, PersonId subject, RecordKind kind, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await RecordAsync(subject, kind, cancellationToken).ConfigureAwait(false);
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return record;
        }
    }
}
