using System;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CommunityControl.PostgreSql;

/// <summary>
/// The PostgreSQL package's log events (category <c>CommunityControl.Sdk.PostgreSql</c>): schema migration, connection
/// failures and lock timeouts. They name operations, schema versions, exception types and SQLSTATE codes, never a
/// person, household or case, and never the exception's message (a server may quote the values it refused).
/// </summary>
internal static class PostgreSqlLog
{
    /// <summary>The logger category of the PostgreSQL package.</summary>
    public const string Category = "CommunityControl.Sdk.PostgreSql";

    private static readonly Action<ILogger, int, int, double, Exception?> SchemaMigratedMessage = LoggerMessage.Define<int, int, double>(
        LogLevel.Information,
        new EventId(101, "SchemaMigrated"),
        "PostgreSQL schema communitycontrol migrated from version {FromVersion} to {ToVersion} in {ElapsedMilliseconds} ms.");

    private static readonly Action<ILogger, int, Exception?> SchemaCurrentMessage = LoggerMessage.Define<int>(
        LogLevel.Debug,
        new EventId(102, "SchemaCurrent"),
        "PostgreSQL schema communitycontrol is at version {Version}; nothing to migrate.");

    private static readonly Action<ILogger, int, int, Exception?> SchemaNewerMessage = LoggerMessage.Define<int, int>(
        LogLevel.Error,
        new EventId(103, "SchemaNewerThanPackage"),
        "PostgreSQL schema communitycontrol is at version {DatabaseVersion}; this package knows versions up to {PackageVersion}. Update the package.");

    private static readonly Action<ILogger, string, string, Exception?> SchemaMigrationFailedMessage = LoggerMessage.Define<string, string>(
        LogLevel.Error,
        new EventId(104, "SchemaMigrationFailed"),
        "Creating or migrating PostgreSQL schema communitycontrol failed with {ExceptionType} (SQLSTATE {SqlState}); the transaction rolled back.");

    private static readonly Action<ILogger, string, string, string, Exception?> ConnectionFailedMessage = LoggerMessage.Define<string, string, string>(
        LogLevel.Error,
        new EventId(110, "ConnectionFailed"),
        "A PostgreSQL connection failed during {Operation}: {ExceptionType} (SQLSTATE {SqlState}).");

    private static readonly Action<ILogger, string, string, Exception?> LockTimeoutMessage = LoggerMessage.Define<string, string>(
        LogLevel.Warning,
        new EventId(111, "LockTimeout"),
        "Waiting for a lock timed out during {Operation} (SQLSTATE {SqlState}); nothing was recorded, the request may be retried with its request key.");

    public static void SchemaMigrated(ILogger logger, int from, int to, double elapsedMilliseconds)
        => SchemaMigratedMessage(logger, from, to, Math.Round(elapsedMilliseconds, 1), null);

    public static void SchemaCurrent(ILogger logger, int version) => SchemaCurrentMessage(logger, version, null);

    public static void SchemaNewer(ILogger logger, int databaseVersion, int packageVersion) => SchemaNewerMessage(logger, databaseVersion, packageVersion, null);

    public static void SchemaMigrationFailed(ILogger logger, Exception error)
        => SchemaMigrationFailedMessage(logger, error.GetType().FullName!, SqlState(error), null);

    /// <summary>
    /// Logs a connection failure or a lock timeout among the exceptions of a database call, and returns false: written
    /// for an exception filter (<c>catch (NpgsqlException e) when (PostgreSqlLog.Observe(…))</c>), so the exception goes
    /// on untouched.
    /// </summary>
    public static bool Observe(ILogger? logger, string operation, Exception error)
    {
        if (logger is null)
        {
            return false;
        }

        if (IsLockTimeout(error))
        {
            LockTimeoutMessage(logger, operation, SqlState(error), null);
        }
        else if (IsConnectionFailure(error))
        {
            ConnectionFailedMessage(logger, operation, error.GetType().FullName!, SqlState(error), null);
        }

        return false;
    }

    /// <summary>lock_not_available (<c>lock_timeout</c>) or query_canceled (<c>statement_timeout</c>).</summary>
    public static bool IsLockTimeout(Exception error) => error is PostgresException { SqlState: "55P03" or "57014" };

    /// <summary>
    /// A failure of the connection rather than of a statement: no server error at all (a socket, a timeout, a refused
    /// connection), a connection exception (class 08), or the server ending the session (57P01–57P03).
    /// </summary>
    public static bool IsConnectionFailure(Exception error) => error switch
    {
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState is "57P01" or "57P02" or "57P03",
        NpgsqlException => true,
        _ => false,
    };

    private static string SqlState(Exception error) => error is PostgresException p ? p.SqlState : "none";
}
