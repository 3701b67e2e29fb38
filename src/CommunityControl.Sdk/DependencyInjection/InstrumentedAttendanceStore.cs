using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Staffing;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CommunityControl.DependencyInjection;

/// <summary>An <see cref="IAttendanceStore"/> whose every call is measured (store <c>attendance</c>).</summary>
internal sealed class InstrumentedAttendanceStore : InstrumentedStore<IAttendanceStore>, IAttendanceStore
{
    private static readonly StoreOperation Append = new("attendance", "append");
    private static readonly StoreOperation OfPerson = new("attendance", "records_of_person");
    private static readonly StoreOperation Within = new("attendance", "records");
    private static readonly StoreOperation Purge = new("attendance", "purge");

    public InstrumentedAttendanceStore(IAttendanceStore inner, ILogger? logger, bool ownsInner)
        : base(inner, logger, ownsInner)
    {
    }

    public ValueTask<bool> AppendAsync(AttendanceRecord record, CancellationToken cancellationToken = default)
        => MeasureAsync(Append, (Inner, record, cancellationToken), static s => s.Inner.AppendAsync(s.record, s.cancellationToken));

    public IAsyncEnumerable<AttendanceRecord> RecordsOfPersonAsync(PersonId person, Interval interval, CancellationToken cancellationToken = default)
        => MeasureEnumeration(OfPerson, Inner.RecordsOfPersonAsync(person, interval, cancellationToken), cancellationToken);

    public IAsyncEnumerable<AttendanceRecord> RecordsAsync(Interval interval, CancellationToken cancellationToken = default)
        => MeasureEnumeration(Within, Inner.RecordsAsync(interval, cancellationToken), cancellationToken);

    public ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default)
        => MeasureAsync(Purge, (Inner, before, cancellationToken), static s => s.Inner.PurgeAsync(s.before, s.cancellationToken));
}
