using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Access;
using NodaTime;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CommunityControl.PostgreSql;

/// <summary>
/// An <see cref="IOutingLedgerAsync"/> in PostgreSQL (table <c>communitycontrol.outings</c>), shared by every gate and
/// process that uses the same database: the quota check and the record are one transaction, serialised per household.
/// </summary>
/// <remarks>
/// <para>Each <see cref="TryStartOutingAsync"/> is one round trip of two prepared statements that PostgreSQL runs as
/// one implicit transaction: the first takes <c>pg_advisory_xact_lock</c> on a 64-bit hash of the household; the second
/// starts once the lock is held (so, under READ COMMITTED, its snapshot sees every outing committed before it) and
/// finds the request's earlier outing, counts and inserts in one statement. Both are released or committed together,
/// with no BEGIN or COMMIT of their own. An advisory lock was chosen over <c>SELECT … FOR UPDATE</c> on a household
/// row because it needs no household row (no insert-if-missing race and no extra write per household), and over
/// SERIALIZABLE because 16 gates on one household would abort and retry most of their transactions; the lock is
/// released at commit or rollback, so a killed connection never leaves it held. Two households whose hashes collide
/// only wait for each other.</para>
/// <para>Throughput: the statements stay prepared on each pooled physical connection. Npgsql resets a pooled connection's
/// session state each time it is opened again (a multi-statement reset on the server), which costs about as much as a
/// decision: a data source that only the package's stores use may set <c>No Reset On Close=true</c> in its connection
/// string (the stores leave no session state behind: their locks are transaction-scoped and their temporary tables
/// are dropped at commit).</para>
/// <para>A request key is unique per household (a partial unique index): a retried request finds the outing it
/// recorded and records nothing new.</para>
/// <para>The data source must map NodaTime types: create it with <see cref="PostgreSqlSchema.CreateDataSource"/> (or
/// call <c>UseNodaTime()</c> on its builder), and create the schema with <see cref="PostgreSqlSchema.EnsureSchemaAsync(NpgsqlDataSource, ILogger, CancellationToken)"/>.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Safe for concurrent use, in one process or many.</threadsafety>
public sealed class PostgreSqlOutingLedger : IOutingLedgerAsync
{
    private const string Columns = "sequence, person, started_at, ended_at";

    // The first statement of a decision: wait for the household (released when the implicit transaction ends).
    private const string LockHousehold = "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))";

    // The second, which starts once the lock is held, so its snapshot sees every outing committed before: the request's
    // earlier outing ($4; none when null), else the count ($5 is the quota) and, when both allow, the insert. It returns
    // the earlier outing or the new one, or no row for a denial.
    private static readonly string DecideInWindow = Decide("started_at > $6 AND started_at < $7");
    private static readonly string DecideOpen = Decide("ended_at IS NULL");

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger? _logger;

    /// <summary>Creates a ledger over a database, without logging.</summary>
    /// <param name="dataSource">The database (with NodaTime mappings; see the remarks).</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> is null.</exception>
    public PostgreSqlOutingLedger(NpgsqlDataSource dataSource)
        : this(dataSource, null)
    {
    }

    /// <summary>Creates a ledger over a database that logs connection failures and lock timeouts.</summary>
    /// <param name="dataSource">The database (with NodaTime mappings; see the remarks).</param>
    /// <param name="logger">Where to log; null for no logging. The events (110 <c>ConnectionFailed</c>, 111
    /// <c>LockTimeout</c>) name the operation, the exception's type and the SQLSTATE, never a household or person, and
    /// never the exception's message. The exception still reaches the caller.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> is null.</exception>
    public PostgreSqlOutingLedger(NpgsqlDataSource dataSource, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _logger = logger;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="household"/> is empty.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached or failed.</exception>
    public async ValueTask<int> CountOutingsAsync(HouseholdId household, OutingWindow window, CancellationToken cancellationToken = default)
    {
        CheckHousehold(household);
        try
        {
            await using var command = _dataSource.CreateCommand("SELECT count(*) FROM communitycontrol.outings WHERE household = $1 AND started_at > $2 AND started_at < $3");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = household.Value });
            command.Parameters.Add(new NpgsqlParameter<Instant> { TypedValue = Floor(window.After) });
            command.Parameters.Add(new NpgsqlParameter<Instant> { TypedValue = window.Before });
            return checked((int)(long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!);
        }
        catch (NpgsqlException e) when (PostgreSqlLog.Observe(_logger, "count_outings", e))
        {
            throw;                                  // never reached: the filter logs and declines
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="household"/> is empty.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached or failed.</exception>
    public async ValueTask<int> CountOpenOutingsAsync(HouseholdId household, CancellationToken cancellationToken = default)
    {
        CheckHousehold(household);
        try
        {
            await using var command = _dataSource.CreateCommand("SELECT count(*) FROM communitycontrol.outings WHERE household = $1 AND ended_at IS NULL");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = household.Value });
            return checked((int)(long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!);
        }
        catch (NpgsqlException e) when (PostgreSqlLog.Observe(_logger, "count_open_outings", e))
        {
            throw;                                  // never reached: the filter logs and declines
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="household"/> or <paramref name="person"/> is empty.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached or failed.</exception>
    public async ValueTask<Outing?> FindOpenOutingAsync(HouseholdId household, PersonId person, CancellationToken cancellationToken = default)
    {
        CheckHousehold(household);
        CheckPerson(person);
        try
        {
            await using var command = _dataSource.CreateCommand($"SELECT {Columns} FROM communitycontrol.outings WHERE household = $1 AND person = $2 AND ended_at IS NULL ORDER BY sequence DESC LIMIT 1");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = household.Value });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = person.Value });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader, household) : null;
        }
        catch (NpgsqlException e) when (PostgreSqlLog.Observe(_logger, "find_open_outing", e))
        {
            throw;                                  // never reached: the filter logs and declines
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="household"/> or <paramref name="person"/> is empty,
    /// or <paramref name="requestKey"/> is not 1 to 64 characters.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="persons"/> is below 1.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached or failed; the transaction rolled back and
    /// nothing was recorded (retry with the same request key).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing was recorded
    /// unless the commit had already been sent (retry with the same request key to find out).</exception>
    public async ValueTask<Outing?> TryStartOutingAsync(HouseholdId household, PersonId person, Instant at, int persons, OutingWindow? window, string? requestKey = null, CancellationToken cancellationToken = default)
    {
        CheckHousehold(household);
        CheckPerson(person);
        if (persons < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(persons), persons, $"The quota must be at least 1; it was {persons}.");
        }

        if (requestKey is not null && (requestKey.Length == 0 || requestKey.Length > 64))
        {
            throw new ArgumentException($"The request key must be 1 to 64 characters; it had {requestKey.Length}.", nameof(requestKey));
        }

        try
        {
            // One round trip, one implicit transaction (no BEGIN or COMMIT of its own): the household's lock, then the
            // decision, both prepared on the physical connection (Npgsql keeps them across pooled opens).
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var batch = new NpgsqlBatch(connection);
            var lockHousehold = new NpgsqlBatchCommand(LockHousehold);
            lockHousehold.Parameters.Add(new NpgsqlParameter<string> { TypedValue = household.Value });
            batch.BatchCommands.Add(lockHousehold);
            var decide = new NpgsqlBatchCommand(window is null ? DecideOpen : DecideInWindow);
            decide.Parameters.Add(new NpgsqlParameter<string> { TypedValue = household.Value });
            decide.Parameters.Add(new NpgsqlParameter<string> { TypedValue = person.Value });
            decide.Parameters.Add(new NpgsqlParameter<Instant> { TypedValue = at });
            decide.Parameters.Add(new NpgsqlParameter { Value = (object?)requestKey ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            decide.Parameters.Add(new NpgsqlParameter<long> { TypedValue = persons });
            if (window is { } w)
            {
                decide.Parameters.Add(new NpgsqlParameter<Instant> { TypedValue = Floor(w.After) });
                decide.Parameters.Add(new NpgsqlParameter<Instant> { TypedValue = w.Before });
            }

            batch.BatchCommands.Add(decide);
            await batch.PrepareAsync(cancellationToken).ConfigureAwait(false);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader, household) : null;
        }
        catch (NpgsqlException e) when (PostgreSqlLog.Observe(_logger, "start_outing", e))
        {
            throw;                                  // never reached: the filter logs and declines
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="household"/> or <paramref name="person"/> is empty.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached or failed.</exception>
    public async ValueTask<Outing?> TryEndOutingAsync(HouseholdId household, PersonId person, Instant at, CancellationToken cancellationToken = default)
    {
        CheckHousehold(household);
        CheckPerson(person);
        try
        {
            await using var command = _dataSource.CreateCommand(
                $"UPDATE communitycontrol.outings SET ended_at = $3 WHERE ended_at IS NULL AND sequence = (SELECT sequence FROM communitycontrol.outings WHERE household = $1 AND person = $2 AND ended_at IS NULL ORDER BY sequence DESC LIMIT 1 FOR UPDATE) RETURNING {Columns}");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = household.Value });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = person.Value });
            command.Parameters.Add(new NpgsqlParameter<Instant> { TypedValue = at });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader, household) : null;
        }
        catch (NpgsqlException e) when (PostgreSqlLog.Observe(_logger, "end_outing", e))
        {
            throw;                                  // never reached: the filter logs and declines
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="household"/> is empty.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached or failed.</exception>
    public async ValueTask<IReadOnlyList<Outing>> OutingsOfAsync(HouseholdId household, CancellationToken cancellationToken = default)
    {
        CheckHousehold(household);
        try
        {
            await using var command = _dataSource.CreateCommand($"SELECT {Columns} FROM communitycontrol.outings WHERE household = $1 ORDER BY sequence");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = household.Value });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var list = new List<Outing>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                list.Add(Read(reader, household));
            }

            return list;
        }
        catch (NpgsqlException e) when (PostgreSqlLog.Observe(_logger, "outings_of", e))
        {
            throw;                                  // never reached: the filter logs and declines
        }
    }

    private static string Decide(string counted) =>
        $"WITH earlier AS (SELECT {Columns} FROM communitycontrol.outings WHERE household = $1 AND request_key = $4), " +
        "recorded AS (INSERT INTO communitycontrol.outings (household, person, started_at, request_key) SELECT $1, $2, $3, $4 " +
        $"WHERE NOT EXISTS (SELECT FROM earlier) AND (SELECT count(*) FROM communitycontrol.outings WHERE household = $1 AND {counted}) < $5 " +
        $"RETURNING {Columns}) " +
        $"SELECT {Columns} FROM earlier UNION ALL SELECT {Columns} FROM recorded";

    private static Outing Read(NpgsqlDataReader reader, HouseholdId household) => new(
        reader.GetInt64(0),
        household,
        PersonId.From(reader.GetString(1)),
        reader.GetFieldValue<Instant>(2),
        reader.IsDBNull(3) ? null : reader.GetFieldValue<Instant>(3));

    private static void CheckHousehold(HouseholdId household)
    {
        if (household.IsEmpty)
        {
            throw new ArgumentException("The household id is empty (default(HouseholdId)).", nameof(household));
        }
    }

    private static void CheckPerson(PersonId person)
    {
        if (person.IsEmpty)
        {
            throw new ArgumentException("The person id is empty (default(PersonId)).", nameof(person));
        }
    }

    // The server keeps microseconds: the window's exclusive lower bound is floored to one, so a calendar window (one
    // nanosecond before the first day) counts from that day's start, as the in-memory ledger does.
    private static Instant Floor(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks();
        var floored = ticks - (((ticks % 10) + 10) % 10);
        return Instant.FromUnixTimeTicks(floored);
    }
}
