using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Staffing;
using NodaTime;
using Npgsql;

namespace CommunityControl.PostgreSql;

/// <summary>
/// An <see cref="IAttendanceStore"/> in PostgreSQL (table <c>communitycontrol.attendance</c>), shared by every process
/// that uses the same database: one clock-in or clock-out per idempotency key (the first wins), streamed by worker or
/// by interval in the order of their instants, purged by age.
/// </summary>
/// <remarks>
/// <para>An append is one <c>INSERT … ON CONFLICT DO NOTHING</c>: under concurrent appends of one key exactly one
/// inserts and returns true; the others return false. Records sharing an instant are returned in the order recorded.
/// An <see cref="AttendanceRecord"/> is checked as it is built, so the store writes the record it is given.</para>
/// <para>Instants are kept to the microsecond, PostgreSQL's <c>timestamptz</c> precision: a finer instant is truncated
/// when written, and interval edges are compared at that precision.</para>
/// <para>The store applies no retention period by itself: the host calls <see cref="PurgeAsync"/> with "now minus the
/// period". The data source and schema: as for <see cref="PostgreSqlArrivalStore"/> (schema version 4 or later).</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Safe for concurrent use, in one process or many.</threadsafety>
public sealed class PostgreSqlAttendanceStore : IAttendanceStore
{
    private const string Columns = "idempotency_key, person, kind, at";

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates a store over a database.</summary>
    /// <param name="dataSource">The database (with NodaTime mappings; see <see cref="PostgreSqlSchema.CreateDataSource"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> is null.</exception>
    public PostgreSqlAttendanceStore(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
    }

    /// <inheritdoc/>
    /// <exception cref="NpgsqlException">The database could not be reached or failed; nothing was recorded unless the
    /// commit had already been sent (retry with the same record: its key makes the retry safe).</exception>
    public async ValueTask<bool> AppendAsync(AttendanceRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        var command = _dataSource.CreateCommand($"INSERT INTO communitycontrol.attendance ({Columns}) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING");
        await using (command.ConfigureAwait(false))
        {
            var p = command.Parameters;
            p.Add(new NpgsqlParameter<string> { TypedValue = record.IdempotencyKey });
            p.Add(new NpgsqlParameter<string> { TypedValue = record.Person.Value });
            p.Add(new NpgsqlParameter<short> { TypedValue = (short)record.Kind });
            p.Add(new NpgsqlParameter<Instant> { TypedValue = record.At });
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    /// <inheritdoc/>
    /// <remarks>Enumeration throws <see cref="NpgsqlException"/> when the database could not be reached or failed, and
    /// <see cref="InvalidOperationException"/> at a row edited outside the library.</remarks>
    public IAsyncEnumerable<AttendanceRecord> RecordsOfPersonAsync(PersonId person, Interval interval, CancellationToken cancellationToken = default)
    {
        if (person.IsEmpty)
        {
            throw new ArgumentException("The person id must not be empty.", nameof(person));
        }

        var command = _dataSource.CreateCommand();
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = person.Value });
        var sql = new StringBuilder($"SELECT {Columns} FROM communitycontrol.attendance WHERE person = $1");
        PostgreSqlQueries.AppendInterval(sql, command, "at", interval);
        command.CommandText = sql.Append(" ORDER BY at, sequence").ToString();
        return PostgreSqlQueries.StreamAsync(command, Read, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>Enumeration throws <see cref="NpgsqlException"/> when the database could not be reached or failed, and
    /// <see cref="InvalidOperationException"/> at a row edited outside the library.</remarks>
    public IAsyncEnumerable<AttendanceRecord> RecordsAsync(Interval interval, CancellationToken cancellationToken = default)
    {
        var command = _dataSource.CreateCommand();
        var sql = new StringBuilder($"SELECT {Columns} FROM communitycontrol.attendance WHERE true");
        PostgreSqlQueries.AppendInterval(sql, command, "at", interval);
        command.CommandText = sql.Append(" ORDER BY at, sequence").ToString();
        return PostgreSqlQueries.StreamAsync(command, Read, cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="NpgsqlException">The database could not be reached or failed; nothing was deleted.</exception>
    public async ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var command = _dataSource.CreateCommand("DELETE FROM communitycontrol.attendance WHERE at < $1");
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.Add(new NpgsqlParameter<Instant> { TypedValue = before });
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Returns the type's name (no id, no connection string).</summary>
    /// <returns><c>PostgreSqlAttendanceStore</c>.</returns>
    public override string ToString() => nameof(PostgreSqlAttendanceStore);

    private static AttendanceRecord Read(NpgsqlDataReader r)
    {
        try
        {
            return new AttendanceRecord
            {
                IdempotencyKey = r.GetString(0),
                Person = PersonId.From(r.GetString(1)),
                Kind = (AttendanceKind)r.GetInt16(2),
                At = r.GetFieldValue<Instant>(3),
            };
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException)
        {
            // The cause is named by its type only: its message may quote the row's text, which may be personal.
            throw new InvalidOperationException($"An attendance row does not hold a record this library could have written; the row was edited outside the library ({e.GetType().Name}).");
        }
    }
}
