using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Measures;
using CommunityControl.Records;
using CommunityControl.Zones;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace CommunityControl.PostgreSql;

/// <summary>
/// An <see cref="IPassageStore"/> in PostgreSQL (table <c>communitycontrol.passages</c>), shared by every gate and
/// process that uses the same database: partitioned by UTC day, idempotent per key, with bulk ingest by binary
/// <c>COPY</c> (<see cref="AppendManyAsync"/>) and streamed queries.
/// </summary>
/// <remarks>
/// <para><b>Layout.</b> <c>passages</c> is range-partitioned on the passage's instant, one partition per UTC day
/// (<c>passages_YYYYMMDD</c>), created on demand by the first append of that day. Each partition is indexed by
/// (person, instant) and (gate, instant), the two accesses of tracing, and by nothing else: every index is paid for by
/// every passage ingested. Keys are unique across days in <c>passage_keys</c> (key → instant and gate of the record
/// held), which a retry and <see cref="FindAsync"/> use to reach the record through the (gate, instant) index of its
/// day's partition; its instants are indexed by a BRIN index (schema version 6), which the purge reads.</para>
/// <para><b>Idempotency.</b> An append inserts the key with <c>ON CONFLICT DO NOTHING</c> and the record only when the
/// key was new, in one statement: under concurrent appends of one key PostgreSQL lets exactly one insert the key, and
/// the others wait for it to commit and then return the record it holds (the first one wins).</para>
/// <para><b>Bulk ingest.</b> <see cref="AppendManyAsync"/> keeps the first occurrence of each key of the batch, then
/// COPYs the keys (in ordinal order) into <c>passage_keys</c> and the records straight into their day partitions, in one
/// transaction. Up to eight keys spread over the batch are looked up first: if one is recorded (a retried batch) the
/// batch goes straight to the staged path. When another key was already recorded (an overlapping batch) the COPY fails
/// on the unique key; the transaction goes back to a savepoint and takes the staged path instead: a COPY into a temporary table, then one
/// statement that inserts the keys not yet recorded (<c>ON CONFLICT DO NOTHING</c>, in the same key order) and their
/// records. A new batch pays for its rows and their indexes once; a retried one costs the staging.</para>
/// <para><b>Retention.</b> <see cref="PurgeAsync"/> drops every day partition wholly before the instant (no row-by-row
/// delete, no bloat), deletes the rows before the instant in the one day that straddles it, and forgets their keys.
/// The store applies no retention period by itself: the host calls <see cref="PurgeAsync"/> (e.g. daily) with "now
/// minus the period". Dropping a partition briefly takes an exclusive lock on <c>passages</c>: queries and appends
/// wait for the purge's transaction.</para>
/// <para>Queries stream rows as the server sends them (the connection is held until the enumeration ends) and see
/// the records committed when their statement starts. Ties in the instant are returned in the order recorded.</para>
/// <para>The data source must map NodaTime types: create it with <see cref="PostgreSqlSchema.CreateDataSource"/>, and
/// create the schema (version 5 or later) with <see cref="PostgreSqlSchema.EnsureSchemaAsync(NpgsqlDataSource, Microsoft.Extensions.Logging.ILogger, System.Threading.CancellationToken)"/>.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Safe for concurrent use, in one process or many.</threadsafety>
public sealed class PostgreSqlPassageStore : IPassageStore
{
    private const string Columns =
        "idempotency_key, gate, at, person, household, direction, category, temperature_celsius, health_code, pass_id, " +
        "outcome, reasons, obligations, missing_permissions, escalate_to, operator, device";

    private const string SqlState_NoPartition = "23514";

    private const string FastPath = "passages_fast_path";
    private const int SampledKeys = 8;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ConcurrentDictionary<LocalDate, bool> _days = new();

    /// <summary>Creates a store over a database.</summary>
    /// <param name="dataSource">The database (with NodaTime mappings; see the remarks).</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> is null.</exception>
    public PostgreSqlPassageStore(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
    }

    /// <inheritdoc/>
    /// <exception cref="NpgsqlException">The database could not be reached or failed; nothing was recorded unless the
    /// commit had already been sent (retry with the same record: its key makes the retry safe).</exception>
    public async ValueTask<AppendResult<PassageRecord>> AppendAsync(PassageRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        for (var attempt = 0; ; attempt++)
        {
            await EnsureDayAsync(DayOf(record.At), cancellationToken).ConfigureAwait(false);
            try
            {
                await using var command = _dataSource.CreateCommand(
                    "WITH k AS (INSERT INTO communitycontrol.passage_keys (idempotency_key, at, gate) VALUES ($1, $3, $2) ON CONFLICT DO NOTHING RETURNING idempotency_key) " +
                    $"INSERT INTO communitycontrol.passages ({Columns}) SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17 FROM k");
                Bind(command.Parameters, record);
                if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
                {
                    return new AppendResult<PassageRecord>(record, true);
                }
            }
            catch (PostgresException e) when (e.SqlState == SqlState_NoPartition && attempt == 0)
            {
                // The day's partition was dropped by a purge in another process since this one created it.
                _days.Clear();
                continue;
            }

            var held = await FindCoreAsync(record.IdempotencyKey, cancellationToken).ConfigureAwait(false);
            if (held is not null)
            {
                return new AppendResult<PassageRecord>(held, false);
            }

            // The key's record was purged between the two statements: append again (it is new now).
        }
    }

    /// <summary>
    /// Records many passages in one transaction by binary <c>COPY</c>, each key once: a key already recorded, or
    /// repeated in <paramref name="records"/>, records nothing new (the first occurrence wins).
    /// </summary>
    /// <param name="records">The passages, in the order they happened to be read (ties in the instant keep it).</param>
    /// <param name="cancellationToken">Cancels the ingest (the transaction rolls back: nothing is recorded).</param>
    /// <returns>The number of passages this call recorded (those whose key was new).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is null or holds a null record (named by its position).</exception>
    /// <exception cref="NpgsqlException">The database could not be reached or failed; the transaction rolled back and
    /// nothing was recorded (retry the same batch: keys make it safe).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<long> AppendManyAsync(IEnumerable<PassageRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        // The first occurrence of each key, in the batch's order (a repeat records nothing).
        var capacity = records is ICollection<PassageRecord> c ? c.Count : 0;
        var list = new List<PassageRecord>(capacity);
        var keys = new HashSet<string>(capacity, StringComparer.Ordinal);
        var days = new HashSet<LocalDate>();
        var position = 0;
        foreach (var record in records)
        {
            if (record is null)
            {
                throw new ArgumentNullException(nameof(records), $"The record at position {position} is null.");
            }

            position++;
            if (keys.Add(record.IdempotencyKey))
            {
                list.Add(record);
                days.Add(DayOf(record.At));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (list.Count == 0)
        {
            return 0;
        }

        for (var attempt = 0; ; attempt++)
        {
            foreach (var day in days)
            {
                await EnsureDayAsync(day, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                return await CopyAsync(list, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState is SqlState_NoPartition or PostgresErrorCodes.UndefinedTable && attempt == 0)
            {
                // A day partition was dropped by a purge in another process since this one created it.
                _days.Clear();
            }
        }
    }

    /// <inheritdoc/>
    /// <exception cref="NpgsqlException">The database could not be reached or failed.</exception>
    public async ValueTask<PassageRecord?> FindAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        PostgreSqlQueries.CheckKey(idempotencyKey, nameof(idempotencyKey));
        cancellationToken.ThrowIfCancellationRequested();
        return await FindCoreAsync(idempotencyKey, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>Enumeration throws <see cref="NpgsqlException"/> when the database could not be reached or failed.</remarks>
    public IAsyncEnumerable<PassageRecord> PassagesOfPersonAsync(PersonId person, Interval interval, CancellationToken cancellationToken = default)
    {
        if (person.IsEmpty)
        {
            throw new ArgumentException("The person id must not be empty.", nameof(person));
        }

        return QueryAsync("person = $1", new NpgsqlParameter<string> { TypedValue = person.Value }, interval, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>Enumeration throws <see cref="NpgsqlException"/> when the database could not be reached or failed.</remarks>
    public IAsyncEnumerable<PassageRecord> PassagesAtGateAsync(ZoneId gate, Interval interval, CancellationToken cancellationToken = default)
    {
        if (gate.IsEmpty)
        {
            throw new ArgumentException("The gate's zone id must not be empty.", nameof(gate));
        }

        return QueryAsync("gate = $1", new NpgsqlParameter<string> { TypedValue = gate.Value }, interval, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>Enumeration throws <see cref="NpgsqlException"/> when the database could not be reached or failed.</remarks>
    public IAsyncEnumerable<PassageRecord> PassagesWithinAsync(ZoneTree tree, ZoneId root, Interval interval, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (root.IsEmpty)
        {
            throw new ArgumentException("The root zone id must not be empty.", nameof(root));
        }

        var start = tree.IndexOf(root);
        if (start < 0)
        {
            throw new ArgumentException("The root zone is not in the tree.", nameof(root));
        }

        var end = tree.SubtreeEnd(start);
        var gates = new string[end - start];
        for (var i = start; i < end; i++)
        {
            gates[i - start] = tree[i].Id.Value;
        }

        return QueryAsync("gate = ANY($1)", new NpgsqlParameter<string[]> { TypedValue = gates }, interval, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>Drops the day partitions wholly before <paramref name="before"/> and deletes row by row only in the day
    /// that holds <paramref name="before"/>; see the class remarks.</remarks>
    /// <exception cref="NpgsqlException">The database could not be reached or failed; the purge rolled back.</exception>
    public async ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // The lock ensure_passage_day takes: no day is created while the days are listed and dropped.
        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtextextended('communitycontrol.passages', 0))", cancellationToken).ConfigureAwait(false);
        var days = new List<(string Table, LocalDate Day)>();
        await using (var list = new NpgsqlCommand(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'communitycontrol.passages'::regclass",
            connection,
            transaction))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var table = reader.GetString(0);
                if (TryParseDay(table, out var day))
                {
                    days.Add((table, day));
                }
            }
        }

        var deleted = 0L;
        var firstKept = DayOf(before);
        foreach (var (table, day) in days)
        {
            if (day < firstKept)
            {
                await using var count = new NpgsqlCommand($"SELECT count(*) FROM communitycontrol.\"{table}\"", connection, transaction);
                deleted += (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                await ExecuteAsync(connection, transaction, $"DROP TABLE communitycontrol.\"{table}\"", cancellationToken).ConfigureAwait(false);
            }
        }

        await using (var straddling = new NpgsqlCommand("DELETE FROM communitycontrol.passages WHERE at < $1", connection, transaction))
        {
            straddling.Parameters.Add(new NpgsqlParameter<Instant> { TypedValue = before });
            deleted += await straddling.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var keys = new NpgsqlCommand("DELETE FROM communitycontrol.passage_keys WHERE at < $1", connection, transaction))
        {
            keys.Parameters.Add(new NpgsqlParameter<Instant> { TypedValue = before });
            await keys.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (_, day) in days)
        {
            if (day < firstKept)
            {
                _days.TryRemove(day, out _);
            }
        }

        return deleted;
    }

    /// <summary>Returns the type's name (no id, no connection string).</summary>
    /// <returns><c>PostgreSqlPassageStore</c>.</returns>
    public override string ToString() => nameof(PostgreSqlPassageStore);

    private static LocalDate DayOf(Instant at) => at.InUtc().Date;

    private static bool TryParseDay(string table, out LocalDate day)
    {
        day = default;
        const string Prefix = "passages_";
        if (!table.StartsWith(Prefix, StringComparison.Ordinal)
            || !DateTime.TryParseExact(table.Substring(Prefix.Length), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        day = LocalDate.FromDateTime(date);
        return true;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void Bind(NpgsqlParameterCollection p, PassageRecord r)
    {
        p.Add(new NpgsqlParameter<string> { TypedValue = r.IdempotencyKey });
        p.Add(new NpgsqlParameter<string> { TypedValue = r.Gate.Value });
        p.Add(new NpgsqlParameter<Instant> { TypedValue = r.At });
        p.Add(new NpgsqlParameter<string> { TypedValue = r.Person.Value });
        p.Add(new NpgsqlParameter { Value = r.Household.IsEmpty ? DBNull.Value : r.Household.Value, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter<short> { TypedValue = (short)r.Direction });
        p.Add(new NpgsqlParameter<short> { TypedValue = (short)r.Category });
        p.Add(new NpgsqlParameter { Value = r.TemperatureCelsius is { } t ? t : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double });
        p.Add(new NpgsqlParameter<short> { TypedValue = (short)r.HealthCode });
        p.Add(new NpgsqlParameter { Value = (object?)r.PassId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter<short> { TypedValue = (short)r.Outcome });
        p.Add(new NpgsqlParameter<long> { TypedValue = (long)r.Reasons });
        p.Add(new NpgsqlParameter<int> { TypedValue = (int)r.Obligations });
        p.Add(new NpgsqlParameter<int> { TypedValue = (int)r.MissingPermissions });
        p.Add(new NpgsqlParameter<int> { TypedValue = (int)r.EscalateTo });
        p.Add(new NpgsqlParameter<int> { TypedValue = (int)r.Operator });
        p.Add(new NpgsqlParameter { Value = (object?)r.Device ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
    }

    private static PassageRecord Read(NpgsqlDataReader r) => new()
    {
        IdempotencyKey = r.GetString(0),
        Gate = ZoneId.From(r.GetString(1)),
        At = r.GetFieldValue<Instant>(2),
        Person = PersonId.From(r.GetString(3)),
        Household = r.IsDBNull(4) ? default : HouseholdId.From(r.GetString(4)),
        Direction = (GateDirection)r.GetInt16(5),
        Category = (PersonCategory)r.GetInt16(6),
        TemperatureCelsius = r.IsDBNull(7) ? null : r.GetDouble(7),
        HealthCode = (HealthCodeColour)r.GetInt16(8),
        PassId = r.IsDBNull(9) ? null : r.GetString(9),
        Outcome = (AccessOutcome)r.GetInt16(10),
        Reasons = (AccessReasons)r.GetInt64(11),
        Obligations = (AccessObligations)r.GetInt32(12),
        MissingPermissions = (Permissions)r.GetInt32(13),
        EscalateTo = (Roles)r.GetInt32(14),
        Operator = (Role)r.GetInt32(15),
        Device = r.IsDBNull(16) ? null : r.GetString(16),
    };

    private async ValueTask EnsureDayAsync(LocalDate day, CancellationToken cancellationToken)
    {
        if (_days.ContainsKey(day))
        {
            return;
        }

        await using var command = _dataSource.CreateCommand("SELECT communitycontrol.ensure_passage_day($1)");
        command.Parameters.Add(new NpgsqlParameter<LocalDate> { TypedValue = day });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        _days[day] = true;
    }

    private async Task<PassageRecord?> FindCoreAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT {Prefixed("p.")} FROM communitycontrol.passage_keys k JOIN communitycontrol.passages p ON p.gate = k.gate AND p.at = k.at AND p.idempotency_key = k.idempotency_key WHERE k.idempotency_key = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = idempotencyKey });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    private static string Prefixed(string alias)
    {
        var builder = new StringBuilder();
        foreach (var column in Columns.Split(", "))
        {
            builder.Append(builder.Length == 0 ? string.Empty : ", ").Append(alias).Append(column);
        }

        return builder.ToString();
    }

    private async IAsyncEnumerable<PassageRecord> QueryAsync(string where, NpgsqlParameter key, Interval interval, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var sql = new StringBuilder($"SELECT {Columns} FROM communitycontrol.passages WHERE ").Append(where);
        await using var command = _dataSource.CreateCommand();
        command.Parameters.Add(key);
        if (interval.HasStart)
        {
            command.Parameters.Add(new NpgsqlParameter<Instant> { TypedValue = interval.Start });
            sql.Append(" AND at >= $").Append(command.Parameters.Count);
        }

        if (interval.HasEnd)
        {
            command.Parameters.Add(new NpgsqlParameter<Instant> { TypedValue = interval.End });
            sql.Append(" AND at < $").Append(command.Parameters.Count);
        }

        command.CommandText = sql.Append(" ORDER BY at, sequence").ToString();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return Read(reader);
        }
    }

    private async Task<long> CopyAsync(List<PassageRecord> records, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // The fast path, when every key is new: COPY the keys (a key already recorded, or being recorded by another
        // transaction that then commits, fails it), then the records straight into their day partitions. Otherwise
        // back to the savepoint and through the staging table, which records only the new keys.
        // A retried batch (the usual way keys come back) is sent straight to the staging table: a few of its keys are
        // looked up first, which costs one round trip and spares a COPY that would fail at its first key.
        if (await AnyRecordedAsync(connection, transaction, records, cancellationToken).ConfigureAwait(false))
        {
            var retried = await StageAsync(connection, transaction, records, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return retried;
        }

        await transaction.SaveAsync(FastPath, cancellationToken).ConfigureAwait(false);
        try
        {
            await CopyKeysAsync(connection, records, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected)
        {
            await transaction.RollbackAsync(FastPath, cancellationToken).ConfigureAwait(false);
            var staged = await StageAsync(connection, transaction, records, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return staged;
        }

        // Each day's records straight into the day's partition (created before the transaction began), in the batch's
        // order: the server checks each row against that one partition's bounds instead of routing it through the
        // parent. A partition a purge dropped meanwhile fails the COPY (the caller creates it again and retries).
        foreach (var (day, rows) in ByDay(records))
        {
            await CopyRowsAsync(connection, $"COPY communitycontrol.{PartitionName(day)} ({Columns}) FROM STDIN (FORMAT BINARY)", rows, false, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return records.Count;
    }

    // The records of each UTC day, in the batch's order within the day (ties in the instant are in one day), days in
    // order. A batch within one day is returned as it is.
    private static IEnumerable<(LocalDate Day, List<PassageRecord> Records)> ByDay(List<PassageRecord> records)
    {
        var first = DayOf(records[0].At);
        var oneDay = true;
        for (var i = 1; i < records.Count && oneDay; i++)
        {
            oneDay = DayOf(records[i].At) == first;
        }

        if (oneDay)
        {
            return [(first, records)];
        }

        var days = new SortedDictionary<LocalDate, List<PassageRecord>>();
        foreach (var record in records)
        {
            var day = DayOf(record.At);
            if (!days.TryGetValue(day, out var list))
            {
                days.Add(day, list = new List<PassageRecord>());
            }

            list.Add(record);
        }

        return days.Select(d => (d.Key, d.Value));
    }

    // The partition ensure_passage_day creates for a day: passages_YYYYMMDD (digits only: no quoting needed).
    private static string PartitionName(LocalDate day) => "passages_" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    // Whether any of up to eight keys spread over the batch (its first and last included) is already recorded.
    private static async Task<bool> AnyRecordedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<PassageRecord> records, CancellationToken cancellationToken)
    {
        var sample = new string[Math.Min(SampledKeys, records.Count)];
        for (var i = 0; i < sample.Length; i++)
        {
            sample[i] = records[sample.Length == 1 ? 0 : (int)((long)i * (records.Count - 1) / (sample.Length - 1))].IdempotencyKey;
        }

        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM communitycontrol.passage_keys WHERE idempotency_key = ANY($1))", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = sample });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    // The keys in ordinal order (the byte order of COLLATE "C" for their ASCII characters), as the staged path inserts
    // them: two concurrent batches with keys in common wait for each other in one order and cannot deadlock.
    private static async Task CopyKeysAsync(NpgsqlConnection connection, List<PassageRecord> records, CancellationToken cancellationToken)
    {
        var keys = new string[records.Count];
        var order = new int[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            keys[i] = records[i].IdempotencyKey;
            order[i] = i;
        }

        Array.Sort(keys, order, StringComparer.Ordinal);
        await PassageCopyWriter.CopyKeysAsync(connection, "COPY communitycontrol.passage_keys (idempotency_key, at, gate) FROM STDIN (FORMAT BINARY)", records, order, cancellationToken).ConfigureAwait(false);
    }

    // The slow path: the batch (each key once already) into a temporary table, then the keys not yet recorded (a key
    // another transaction is inserting waits for it, then counts as recorded) and their records, in the batch's order.
    private static async Task<long> StageAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<PassageRecord> records, CancellationToken cancellationToken)
    {
        await ExecuteAsync(
            connection,
            transaction,
            "CREATE TEMP TABLE passages_ingest (ordinal bigint NOT NULL, idempotency_key text NOT NULL, gate text NOT NULL, at timestamptz NOT NULL, " +
            "person text NOT NULL, household text, direction smallint NOT NULL, category smallint NOT NULL, temperature_celsius double precision, " +
            "health_code smallint NOT NULL, pass_id text, outcome smallint NOT NULL, reasons bigint NOT NULL, obligations integer NOT NULL, " +
            "missing_permissions integer NOT NULL, escalate_to integer NOT NULL, operator integer NOT NULL, device text) ON COMMIT DROP",
            cancellationToken).ConfigureAwait(false);
        await CopyRowsAsync(connection, $"COPY passages_ingest (ordinal, {Columns}) FROM STDIN (FORMAT BINARY)", records, true, cancellationToken).ConfigureAwait(false);
        await using var insert = new NpgsqlCommand(
            "WITH k AS (INSERT INTO communitycontrol.passage_keys (idempotency_key, at, gate) SELECT idempotency_key, at, gate FROM passages_ingest ORDER BY idempotency_key COLLATE \"C\" ON CONFLICT DO NOTHING RETURNING idempotency_key) " +
            $"INSERT INTO communitycontrol.passages ({Columns}) SELECT {Prefixed("f.")} FROM passages_ingest f JOIN k USING (idempotency_key) ORDER BY f.ordinal",
            connection,
            transaction);
        return await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Task CopyRowsAsync(NpgsqlConnection connection, string copy, List<PassageRecord> records, bool ordinal, CancellationToken cancellationToken)
        => PassageCopyWriter.CopyPassagesAsync(connection, copy, records, ordinal, cancellationToken);
}
