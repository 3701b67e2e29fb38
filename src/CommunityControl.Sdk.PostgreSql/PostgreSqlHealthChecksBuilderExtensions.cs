using System;
using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CommunityControl.PostgreSql;

/// <summary>Adds the health check of the package's database to a host's health checks.</summary>
public static class PostgreSqlHealthChecksBuilderExtensions
{
    /// <summary>The name the check is registered under unless another is given.</summary>
    public const string DefaultName = "communitycontrol-postgresql";

    /// <summary>
    /// Adds a <see cref="PostgreSqlHealthCheck"/> on the <see cref="NpgsqlDataSource"/> of the container (the one
    /// <c>services.AddCommunityControlPostgreSql(...)</c> registers), e.g.
    /// <c>services.AddHealthChecks().AddCommunityControlPostgreSql()</c>, served by <c>app.MapHealthChecks("/health")</c>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name; default <see cref="DefaultName"/>.</param>
    /// <param name="failureStatus">The status reported on failure; null for <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to filter checks by (e.g. "ready"); null for none.</param>
    /// <param name="timeout">The check's timeout; null for the health check service's default (none).</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static IHealthChecksBuilder AddCommunityControlPostgreSql(
        this IHealthChecksBuilder builder,
        string name = DefaultName,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.Add(new HealthCheckRegistration(
            name,
            provider => new PostgreSqlHealthCheck(provider.GetRequiredService<NpgsqlDataSource>()),
            failureStatus,
            tags,
            timeout));
    }
}
