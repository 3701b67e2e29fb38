using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Records;
using CommunityControl.Zones;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CommunityControl.DependencyInjection;

/// <summary>An <see cref="IPassageStore"/> whose every call is measured (store <c>passages</c>).</summary>
internal sealed class InstrumentedPassageStore : InstrumentedStore<IPassageStore>, IPassageStore
{
    private static readonly StoreOperation Append = new("passages", "append");
    private static readonly StoreOperation Find = new("passages", "find");
    private static readonly StoreOperation OfPerson = new("passages", "passages_of_person");
    private static readonly StoreOperation AtGate = new("passages", "passages_at_gate");
    private static readonly StoreOperation Within = new("passages", "passages_within");
    private static readonly StoreOperation Purge = new("passages", "purge");

    public InstrumentedPassageStore(IPassageStore inner, ILogger? logger, bool ownsInner)
        : base(inner, logger, ownsInner)
    {
    }

    public ValueTask<AppendResult<PassageRecord>> AppendAsync(PassageRecord record, CancellationToken cancellationToken = default)
        => MeasureAsync(Append, (Inner, record, cancellationToken), static s => s.Inner.AppendAsync(s.record, s.cancellationToken));

    public ValueTask<PassageRecord?> FindAsync(string idempotencyKey, CancellationToken cancellationToken = default)
        => MeasureAsync(Find, (Inner, idempotencyKey, cancellationToken), static s => s.Inner.FindAsync(s.idempotencyKey, s.cancellationToken));

    public IAsyncEnumerable<PassageRecord> PassagesOfPersonAsync(PersonId person, Interval interval, CancellationToken cancellationToken = default)
        => MeasureEnumeration(OfPerson, Inner.PassagesOfPersonAsync(person, interval, cancellationToken), cancellationToken);

    public IAsyncEnumerable<PassageRecord> PassagesAtGateAsync(ZoneId gate, Interval interval, CancellationToken cancellationToken = default)
        => MeasureEnumeration(AtGate, Inner.PassagesAtGateAsync(gate, interval, cancellationToken), cancellationToken);

    public IAsyncEnumerable<PassageRecord> PassagesWithinAsync(ZoneTree tree, ZoneId root, Interval interval, CancellationToken cancellationToken = default)
        => MeasureEnumeration(Within, Inner.PassagesWithinAsync(tree, root, interval, cancellationToken), cancellationToken);

    public ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default)
        => MeasureAsync(Purge, (Inner, before, cancellationToken), static s => s.Inner.PurgeAsync(s.before, s.cancellationToken));
}

/// <summary>An <see cref="IHealthReportStore"/> whose every call is measured (store <c>health_reports</c>).</summary>
internal sealed class InstrumentedHealthReportStore : InstrumentedStore<IHealthReportStore>, IHealthReportStore
{
    private static readonly StoreOperation Append = new("health_reports", "append");
    private static readonly StoreOperation OfPerson = new("health_reports", "reports_of_person");
    private static readonly StoreOperation Purge = new("health_reports", "purge");

    public InstrumentedHealthReportStore(IHealthReportStore inner, ILogger? logger, bool ownsInner)
        : base(inner, logger, ownsInner)
    {
    }

    public ValueTask<AppendResult<HealthReport>> AppendAsync(HealthReport report, CancellationToken cancellationToken = default)
        => MeasureAsync(Append, (Inner, report, cancellationToken), static s => s.Inner.AppendAsync(s.report, s.cancellationToken));

    public IAsyncEnumerable<HealthReport> ReportsOfPersonAsync(PersonId person, Interval interval, CancellationToken cancellationToken = default)
        => MeasureEnumeration(OfPerson, Inner.ReportsOfPersonAsync(person, interval, cancellationToken), cancellationToken);

    public ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default)
        => MeasureAsync(Purge, (Inner, before, cancellationToken), static s => s.Inner.PurgeAsync(s.before, s.cancellationToken));
}

/// <summary>An <see cref="IFollowUpStore"/> whose every call is measured (store <c>follow_ups</c>).</summary>
internal sealed class InstrumentedFollowUpStore : InstrumentedStore<IFollowUpStore>, IFollowUpStore
{
    private static readonly StoreOperation Save = new("follow_ups", "save");
    private static readonly StoreOperation Find = new("follow_ups", "find");
    private static readonly StoreOperation ActiveOn = new("follow_ups", "active_on");
    private static readonly StoreOperation Purge = new("follow_ups", "purge");

    public InstrumentedFollowUpStore(IFollowUpStore inner, ILogger? logger, bool ownsInner)
        : base(inner, logger, ownsInner)
    {
    }

    public ValueTask<AppendResult<FollowUpSchedule>> SaveAsync(FollowUpSchedule schedule, CancellationToken cancellationToken = default)
        => MeasureAsync(Save, (Inner, schedule, cancellationToken), static s => s.Inner.SaveAsync(s.schedule, s.cancellationToken));

    public ValueTask<FollowUpSchedule?> FindAsync(PersonId person, CancellationToken cancellationToken = default)
        => MeasureAsync(Find, (Inner, person, cancellationToken), static s => s.Inner.FindAsync(s.person, s.cancellationToken));

    public IAsyncEnumerable<FollowUpSchedule> ActiveOnAsync(LocalDate day, CancellationToken cancellationToken = default)
        => MeasureEnumeration(ActiveOn, Inner.ActiveOnAsync(day, cancellationToken), cancellationToken);

    public ValueTask<long> PurgeAsync(LocalDate endedBefore, CancellationToken cancellationToken = default)
        => MeasureAsync(Purge, (Inner, endedBefore, cancellationToken), static s => s.Inner.PurgeAsync(s.endedBefore, s.cancellationToken));
}

/// <summary>An <see cref="IArrivalStore"/> whose every call is measured (store <c>arrivals</c>).</summary>
internal sealed class InstrumentedArrivalStore : InstrumentedStore<IArrivalStore>, IArrivalStore
{
    private static readonly StoreOperation Append = new("arrivals", "append");
    private static readonly StoreOperation Find = new("arrivals", "find");
    private static readonly StoreOperation OfPerson = new("arrivals", "of_person");
    private static readonly StoreOperation Within = new("arrivals", "within");
    private static readonly StoreOperation Purge = new("arrivals", "purge");

    public InstrumentedArrivalStore(IArrivalStore inner, ILogger? logger, bool ownsInner)
        : base(inner, logger, ownsInner)
    {
    }

    public ValueTask<AppendResult<ArrivalRecord>> AppendAsync(ArrivalRecord record, CancellationToken cancellationToken = default)
        => MeasureAsync(Append, (Inner, record, cancellationToken), static s => s.Inner.AppendAsync(s.record, s.cancellationToken));

    public ValueTask<ArrivalRecord?> FindAsync(string idempotencyKey, CancellationToken cancellationToken = default)
        => MeasureAsync(Find, (Inner, idempotencyKey, cancellationToken), static s => s.Inner.FindAsync(s.idempotencyKey, s.cancellationToken));

    public IAsyncEnumerable<ArrivalRecord> ArrivalsOfPersonAsync(PersonId person, Interval interval, CancellationToken cancellationToken = default)
        => MeasureEnumeration(OfPerson, Inner.ArrivalsOfPersonAsync(person, interval, cancellationToken), cancellationToken);

    public IAsyncEnumerable<ArrivalRecord> ArrivalsAsync(Interval interval, CancellationToken cancellationToken = default)
        => MeasureEnumeration(Within, Inner.ArrivalsAsync(interval, cancellationToken), cancellationToken);

    public ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default)
        => MeasureAsync(Purge, (Inner, before, cancellationToken), static s => s.Inner.PurgeAsync(s.before, s.cancellationToken));
}

/// <summary>An <see cref="IAuditTrail"/> whose every call is measured (store <c>audit_trail</c>).</summary>
internal sealed class InstrumentedAuditTrail : InstrumentedStore<IAuditTrail>, IAuditTrail
{
    private static readonly StoreOperation Append = new("audit_trail", "append");
    private static readonly StoreOperation ReadsOf = new("audit_trail", "reads_of");
    private static readonly StoreOperation Purge = new("audit_trail", "purge");

    public InstrumentedAuditTrail(IAuditTrail inner, ILogger? logger, bool ownsInner)
        : base(inner, logger, ownsInner)
    {
    }

    public ValueTask<AppendResult<RecordRead>> AppendAsync(RecordRead read, CancellationToken cancellationToken = default)
        => MeasureAsync(Append, (Inner, read, cancellationToken), static s => s.Inner.AppendAsync(s.read, s.cancellationToken));

    public IAsyncEnumerable<RecordRead> ReadsOfAsync(PersonId subject, Interval interval, CancellationToken cancellationToken = default)
        => MeasureEnumeration(ReadsOf, Inner.ReadsOfAsync(subject, interval, cancellationToken), cancellationToken);

    public ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default)
        => MeasureAsync(Purge, (Inner, before, cancellationToken), static s => s.Inner.PurgeAsync(s.before, s.cancellationToken));
}
