using System;
using CommunityControl.Internal;
using CommunityControl.Records;
using CommunityControl.Staffing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

// In the namespace of IServiceCollection, as Microsoft.Extensions' own registration extensions are, so that a host
// finds it without a using directive.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the in-memory record stores (passages, health reports, follow-ups, arrivals, audit trail, attendance) in an <see cref="IServiceCollection"/>.</summary>
public static class RecordsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the embedded, in-memory record stores as singletons, each only if the host registered none
    /// (<c>TryAdd</c>): <see cref="IPassageStore"/> as <see cref="InMemoryPassageStore"/>, <see cref="IHealthReportStore"/>
    /// as <see cref="InMemoryHealthReportStore"/>, <see cref="IFollowUpStore"/> as <see cref="InMemoryFollowUpStore"/>,
    /// <see cref="IArrivalStore"/> as <see cref="InMemoryArrivalStore"/>, <see cref="IAuditTrail"/> as <see cref="InMemoryAuditTrail"/>
    /// and <see cref="CommunityControl.Staffing.IAttendanceStore"/> as <see cref="CommunityControl.Staffing.InMemoryAttendanceStore"/>
    /// (with the capacity only: attendance records are kept until purged, for the subsidies they justify),
    /// each with the same options (a follow-up schedule's age counts from its last day). A host that keeps records in a
    /// database registers its stores first, or after with <c>Replace</c>.
    /// </summary>
    /// <remarks>
    /// <para>The options are validated now, so bad configuration throws here, at start-up. A retention period is measured
    /// on the registered <see cref="IClock"/> (resolved when a store is first created; register one, e.g. with
    /// <c>AddCommunityControl</c>). Calling this twice keeps the stores of the first call.</para>
    /// <para>Every call of the stores is measured (see
    /// <see cref="CommunityControlServiceCollectionExtensions.AddCommunityControlStoreInstrumentation"/>): the service
    /// resolved is a decorator around the in-memory store, or around the host's own store registered before.</para>
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the stores' capacity and retention; null keeps the defaults (1,000,000 records, no
    /// retention period).</param>
    /// <returns>The same <paramref name="services"/>, so that additional calls can be chained.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options are out of range.</exception>
    public static IServiceCollection AddCommunityControlRecords(this IServiceCollection services, Action<RecordStoreOptions>? configure = null)
    {
        Guard.NotNull(services);
        var options = new RecordStoreOptions();
        configure?.Invoke(options);
        var (capacity, retention) = options.Validate();

        services.TryAddSingleton<IPassageStore>(provider => new InMemoryPassageStore(
            new RecordStoreOptions { Capacity = capacity, Retention = retention },
            retention is null ? null : provider.GetRequiredService<IClock>()));
        services.TryAddSingleton<IHealthReportStore>(provider => new InMemoryHealthReportStore(
            new RecordStoreOptions { Capacity = capacity, Retention = retention },
            retention is null ? null : provider.GetRequiredService<IClock>()));
        services.TryAddSingleton<IAuditTrail>(provider => new InMemoryAuditTrail(
            new RecordStoreOptions { Capacity = capacity, Retention = retention },
            retention is null ? null : provider.GetRequiredService<IClock>()));
        services.TryAddSingleton<IFollowUpStore>(provider => new InMemoryFollowUpStore(new RecordStoreOptions { Capacity = capacity, Retention = retention }, retention is null ? null : provider.GetRequiredService<IClock>()));
        services.TryAddSingleton<IArrivalStore>(provider => new InMemoryArrivalStore(new RecordStoreOptions { Capacity = capacity, Retention = retention }, retention is null ? null : provider.GetRequiredService<IClock>()));
        services.TryAddSingleton<IAttendanceStore>(_ => new InMemoryAttendanceStore(capacity));
        return services.AddCommunityControlStoreInstrumentation();
    }
}
