using System;
using CommunityControl.Access;
using CommunityControl.Records;
using CommunityControl.Staffing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CommunityControl.PostgreSql;

/// <summary>Registers the PostgreSQL state of CommunityControl.Sdk in a service collection.</summary>
/// <remarks>The schema is not created by registration: call <see cref="PostgreSqlSchema.EnsureSchemaAsync(NpgsqlDataSource, ILogger, System.Threading.CancellationToken)"/> once at
/// startup (it is safe to call from every process).</remarks>
public static class PostgreSqlServiceCollectionExtensions
{
    /// <summary>
    /// Registers a data source for <paramref name="connectionString"/> (with NodaTime mappings, owned and disposed by the
    /// container), and on it, as singletons, <see cref="IOutingLedgerAsync"/> as <see cref="PostgreSqlOutingLedger"/>,
    /// <see cref="IPassageStore"/> as <see cref="PostgreSqlPassageStore"/>, <see cref="IHealthReportStore"/> as
    /// <see cref="PostgreSqlHealthReportStore"/>, <see cref="IFollowUpStore"/> as <see cref="PostgreSqlFollowUpStore"/>,
    /// <see cref="IAuditTrail"/> as <see cref="PostgreSqlAuditTrail"/>, <see cref="IArrivalStore"/> as
    /// <see cref="PostgreSqlArrivalStore"/> and <see cref="IAttendanceStore"/> as <see cref="PostgreSqlAttendanceStore"/>,
    /// replacing any earlier registration of these (the in-memory stores). The ledger logs connection failures and lock timeouts to the host's
    /// <see cref="ILoggerFactory"/> (category <c>CommunityControl.Sdk.PostgreSql</c>) when there is one, and the stores'
    /// calls are measured (<c>AddCommunityControlStoreInstrumentation</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty or not a valid Npgsql connection string.</exception>
    public static IServiceCollection AddCommunityControlPostgreSql(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        var dataSource = PostgreSqlSchema.CreateDataSource(connectionString);
        dataSource.Dispose();
        return Register(services, _ => PostgreSqlSchema.CreateDataSource(connectionString));
    }

    /// <summary>
    /// Registers, as singletons on a data source the caller owns (built with NodaTime mappings: see
    /// <see cref="PostgreSqlSchema.CreateDataSource"/>), <see cref="IOutingLedgerAsync"/> as
    /// <see cref="PostgreSqlOutingLedger"/>, <see cref="IPassageStore"/> as <see cref="PostgreSqlPassageStore"/>,
    /// <see cref="IHealthReportStore"/> as <see cref="PostgreSqlHealthReportStore"/>, <see cref="IFollowUpStore"/> as
    /// <see cref="PostgreSqlFollowUpStore"/>, <see cref="IAuditTrail"/> as <see cref="PostgreSqlAuditTrail"/>,
    /// <see cref="IArrivalStore"/> as <see cref="PostgreSqlArrivalStore"/> and <see cref="IAttendanceStore"/> as
    /// <see cref="PostgreSqlAttendanceStore"/>, replacing any earlier registration of these; the data source is
    /// registered too, unless one already is.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="dataSource">The data source; the container does not dispose it.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="dataSource"/> is null.</exception>
    public static IServiceCollection AddCommunityControlPostgreSql(this IServiceCollection services, NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(dataSource);
        services.TryAddSingleton(dataSource);
        services.Replace(ServiceDescriptor.Singleton<IOutingLedgerAsync>(p => new PostgreSqlOutingLedger(dataSource, LoggerOf(p))));
        services.Replace(ServiceDescriptor.Singleton<IPassageStore>(_ => new PostgreSqlPassageStore(dataSource)));
        services.Replace(ServiceDescriptor.Singleton<IHealthReportStore>(_ => new PostgreSqlHealthReportStore(dataSource)));
        services.Replace(ServiceDescriptor.Singleton<IFollowUpStore>(_ => new PostgreSqlFollowUpStore(dataSource)));
        services.Replace(ServiceDescriptor.Singleton<IAuditTrail>(_ => new PostgreSqlAuditTrail(dataSource)));
        services.Replace(ServiceDescriptor.Singleton<IArrivalStore>(_ => new PostgreSqlArrivalStore(dataSource)));
        services.Replace(ServiceDescriptor.Singleton<IAttendanceStore>(_ => new PostgreSqlAttendanceStore(dataSource)));
        return services.AddCommunityControlStoreInstrumentation();
    }

    private static IServiceCollection Register(IServiceCollection services, Func<IServiceProvider, NpgsqlDataSource> create)
    {
        services.TryAddSingleton(create);
        services.Replace(ServiceDescriptor.Singleton<IOutingLedgerAsync>(p => new PostgreSqlOutingLedger(p.GetRequiredService<NpgsqlDataSource>(), LoggerOf(p))));
        services.Replace(ServiceDescriptor.Singleton<IPassageStore>(p => new PostgreSqlPassageStore(p.GetRequiredService<NpgsqlDataSource>())));
        services.Replace(ServiceDescriptor.Singleton<IHealthReportStore>(p => new PostgreSqlHealthReportStore(p.GetRequiredService<NpgsqlDataSource>())));
        services.Replace(ServiceDescriptor.Singleton<IFollowUpStore>(p => new PostgreSqlFollowUpStore(p.GetRequiredService<NpgsqlDataSource>())));
        services.Replace(ServiceDescriptor.Singleton<IAuditTrail>(p => new PostgreSqlAuditTrail(p.GetRequiredService<NpgsqlDataSource>())));
        services.Replace(ServiceDescriptor.Singleton<IArrivalStore>(p => new PostgreSqlArrivalStore(p.GetRequiredService<NpgsqlDataSource>())));
        services.Replace(ServiceDescriptor.Singleton<IAttendanceStore>(p => new PostgreSqlAttendanceStore(p.GetRequiredService<NpgsqlDataSource>())));
        return services.AddCommunityControlStoreInstrumentation();
    }

    // The package's logger when the host has logging; null otherwise.
    private static ILogger? LoggerOf(IServiceProvider provider) => provider.GetService<ILoggerFactory>()?.CreateLogger(PostgreSqlLog.Category);
}
