using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CommunityControl.PostgreSql;

/// <summary>
/// Creates and migrates the package's schema (<c>communitycontrol</c>): versioned SQL scripts embedded in the package,
/// applied in order, each recorded in the table <c>communitycontrol.schema_version</c>.
/// </summary>
/// <threadsafety static="true" instance="true">Safe for concurrent callers, in one process or many: migrations run
/// under a transaction-scoped advisory lock, so one caller applies the missing versions and the others then find them
/// applied.</threadsafety>
public static class PostgreSqlSchema
{
    // The advisory lock key of migrations (any fixed 64-bit number; "CCSCHEMA" in ASCII).
    private const long MigrationLock = 0x4343534348454D41;

    private const string Prefix = "CommunityControl.PostgreSql.Sql.";

    private static readonly Lazy<List<(int Version, string Sql)>> Scripts = new(LoadScripts);

    /// <summary>Gets the schema version this package creates (the number of its newest script).</summary>
    public static int CurrentVersion => Scripts.Value[Scripts.Value.Count - 1].Version;

    /// <summary>
    /// Creates a data source for a connection string with the mappings the package needs (NodaTime instants as
    /// <c>timestamptz</c>). The caller owns and disposes it.
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <returns>The data source.</returns>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is null, empty or not a valid Npgsql connection string.</exception>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException("The connection string is required.", nameof(connectionString));
        }

        NpgsqlDataSourceBuilder builder;
        try
        {
            builder = new NpgsqlDataSourceBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ArgumentException("The connection string is not a valid Npgsql connection string.", nameof(connectionString), e);
        }

        builder.UseNodaTime();
        return builder.Build();
    }

    /// <summary>
    /// Creates the schema, or migrates it to <see cref="CurrentVersion"/>, in one transaction: either every missing
    /// version is applied or none is. Calling it again does nothing.
    /// </summary>
    /// <param name="dataSource">The database.</param>
    /// <param name="cancellationToken">Cancels the call (the transaction rolls back).</param>
    /// <returns>The version the database was at before the call (0 for an empty database).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The database holds a newer schema than this package knows.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached or refused a script.</exception>
    public static Task<int> EnsureSchemaAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
        => EnsureSchemaAsync(dataSource, null, cancellationToken);

    /// <summary>
    /// Creates the schema, or migrates it to <see cref="CurrentVersion"/>, as
    /// <see cref="EnsureSchemaAsync(NpgsqlDataSource, CancellationToken)"/> does, and logs what happened: event 101
    /// <c>SchemaMigrated</c> (Information: from and to version, elapsed time), 102 <c>SchemaCurrent</c> (Debug), 103
    /// <c>SchemaNewerThanPackage</c> and 104 <c>SchemaMigrationFailed</c> (Error: the exception's type and SQLSTATE, not
    /// its message), and 110 <c>ConnectionFailed</c> when the database cannot be reached.
    /// </summary>
    /// <param name="dataSource">The database.</param>
    /// <param name="logger">Where to log (category <c>CommunityControl.Sdk.PostgreSql</c> is the package's own); null for
    /// no logging.</param>
    /// <param name="cancellationToken">Cancels the call (the transaction rolls back).</param>
    /// <returns>The version the database was at before the call (0 for an empty database).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The database holds a newer schema than this package knows.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached or refused a script.</exception>
    public static async Task<int> EnsureSchemaAsync(NpgsqlDataSource dataSource, ILogger? logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var before = await MigrateAsync(dataSource, logger, cancellationToken).ConfigureAwait(false);
            if (logger is not null)
            {
                if (before == CurrentVersion)
                {
                    PostgreSqlLog.SchemaCurrent(logger, before);
                }
                else
                {
                    PostgreSqlLog.SchemaMigrated(logger, before, CurrentVersion, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }

            return before;
        }
        catch (NpgsqlException e) when (logger is not null && !PostgreSqlLog.IsConnectionFailure(e))
        {
            PostgreSqlLog.SchemaMigrationFailed(logger, e);
            throw;
        }
        catch (NpgsqlException e) when (PostgreSqlLog.Observe(logger, "ensure_schema", e))
        {
            throw;                                  // never reached: the filter logs and declines
        }
    }

    private static async Task<int> MigrateAsync(NpgsqlDataSource dataSource, ILogger? logger, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock})", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(
            connection,
            transaction,
            "CREATE SCHEMA IF NOT EXISTS communitycontrol; CREATE TABLE IF NOT EXISTS communitycontrol.schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
            cancellationToken).ConfigureAwait(false);

        int before;
        await using (var read = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM communitycontrol.schema_version", connection, transaction))
        {
            before = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (before > CurrentVersion)
        {
            if (logger is not null)
            {
                PostgreSqlLog.SchemaNewer(logger, before, CurrentVersion);
            }

            throw new InvalidOperationException($"The database's schema is at version {before}; this package knows versions up to {CurrentVersion}. Update the package.");
        }

        foreach (var (version, sql) in Scripts.Value.Where(s => s.Version > before))
        {
            await ExecuteAsync(connection, transaction, sql, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"INSERT INTO communitycontrol.schema_version (version) VALUES ({version})", cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return before;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static List<(int Version, string Sql)> LoadScripts()
    {
        var assembly = typeof(PostgreSqlSchema).Assembly;
        var scripts = new List<(int Version, string Sql)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var file = name.Substring(Prefix.Length);
            var version = int.Parse(file.Substring(0, file.IndexOf('_', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            scripts.Add((version, reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Version != i + 1)
            {
                throw new InvalidOperationException($"The package's schema scripts are not numbered 1, 2, 3, … (found {scripts[i].Version} at position {i + 1}).");
            }
        }

        return scripts;
    }
}
