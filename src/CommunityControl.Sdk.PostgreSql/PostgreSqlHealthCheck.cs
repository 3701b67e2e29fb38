using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CommunityControl.PostgreSql;

/// <summary>
/// A health check of the package's database: the server answers, and its schema is the version this package creates
/// (<see cref="PostgreSqlSchema.CurrentVersion"/>). Register it with
/// <see cref="PostgreSqlHealthChecksBuilderExtensions.AddCommunityControlPostgreSql"/>.
/// </summary>
/// <remarks>
/// <para>Healthy: the schema is at <see cref="PostgreSqlSchema.CurrentVersion"/>. Otherwise the registration's failure
/// status (<see cref="HealthStatus.Unhealthy"/> by default): the database could not be reached or failed (the exception
/// is attached), holds no schema or an older one (call <see cref="PostgreSqlSchema.EnsureSchemaAsync(NpgsqlDataSource, Microsoft.Extensions.Logging.ILogger, System.Threading.CancellationToken)"/>), or a newer one
/// (update the package). The result's data holds <c>schemaVersion</c> (the database's, when read) and
/// <c>expectedVersion</c>. Descriptions never carry the connection string.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Safe for concurrent use.</threadsafety>
public sealed class PostgreSqlHealthCheck : IHealthCheck
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates a health check of a database.</summary>
    /// <param name="dataSource">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> is null.</exception>
    public PostgreSqlHealthCheck(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
    }

    /// <summary>Reads the schema's version (one round trip) and compares it with the package's.</summary>
    /// <param name="context">The registration's context (its failure status is used; null for <see cref="HealthStatus.Unhealthy"/>).</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The result; never throws for a database fault (that is an unhealthy result).</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failure = context?.Registration?.FailureStatus ?? HealthStatus.Unhealthy;
        var expected = PostgreSqlSchema.CurrentVersion;
        int version;
        try
        {
            await using var command = _dataSource.CreateCommand("SELECT coalesce(max(version), 0) FROM communitycontrol.schema_version");
            version = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
        {
            // No schema yet: version 0.
            version = 0;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return new HealthCheckResult(failure, "The CommunityControl database could not be reached or failed.", e, new Dictionary<string, object> { ["expectedVersion"] = expected });
        }

        var data = new Dictionary<string, object> { ["schemaVersion"] = version, ["expectedVersion"] = expected };
        if (version == expected)
        {
            return HealthCheckResult.Healthy($"The CommunityControl schema is at version {version}.", data);
        }

        var description = version < expected
            ? $"The CommunityControl schema is at version {version}; this package needs version {expected}: call PostgreSqlSchema.EnsureSchemaAsync."
            : $"The CommunityControl schema is at version {version}, newer than this package's {expected}: update the package.";
        return new HealthCheckResult(failure, description, null, data);
    }
}
