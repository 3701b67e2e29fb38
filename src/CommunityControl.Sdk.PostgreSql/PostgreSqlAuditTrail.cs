using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Authority;
using CommunityControl.Records;
using NodaTime;
using Npgsql;

namespace CommunityControl.PostgreSql;

/// <summary>
/// An <see cref="IAuditTrail"/> in PostgreSQL (table <c>communitycontrol.record_reads</c>): who read whose records, as
/// whom and for what, shared by every process that uses the same database; one entry per idempotency key (the first
/// wins), a subject's entries streamed in the order of their instants, purge by age.
/// </summary>
/// <remarks>
/// <para>An append inserts with <c>ON CONFLICT DO NOTHING</c>: under concurrent appends of one key exactly one
/// inserts, and the others return the entry it holds. Entries sharing an instant are returned in the order recorded.</para>
/// <para>The trail applies no retention period by itself: the host calls <see cref="PurgeAsync"/> with "now minus the
/// period". The data source and schema: as for <see cref="PostgreSqlHealthReportStore"/> (schema version 3 or later).</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Safe for concurrent use, in one process or many.</threadsafety>
public sealed class PostgreSqlAuditTrail : IAuditTrail
{
    private const string Columns = "idempotency_key, at, reader, reader_role, subject, kind, purpose";

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates a trail over a database.</summary>
    /// <param name="dataSource">The database (with NodaTime mappings; see <see cref="PostgreSqlSchema.CreateDataSource"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> is null.</exception>
    public PostgreSqlAuditTrail(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
    }

    /// <inheritdoc/>
    /// <exception cref="NpgsqlException">The database could not be reached or failed; nothing was recorded unless the
    /// commit had already been sent (retry with the same entry: its key makes the retry safe).</exception>
    public async ValueTask<AppendResult<RecordRead>> AppendAsync(RecordRead read, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        cancellationToken.ThrowIfCancellationRequested();
        while (true)
        {
            var command = _dataSource.CreateCommand($"INSERT INTO communitycontrol.record_reads ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING");
            await using (command.ConfigureAwait(false))
            {
                var p = command.Parameters;
                p.Add(new NpgsqlParameter<string> { TypedValue = read.IdempotencyKey });
                p.Add(new NpgsqlParameter<Instant> { TypedValue = read.At });
                p.Add(new NpgsqlParameter<string> { TypedValue = read.Reader.Value });
                p.Add(new NpgsqlParameter<int> { TypedValue = (int)read.ReaderRole });
                p.Add(new NpgsqlParameter<string> { TypedValue = read.Subject.Value });
                p.Add(new NpgsqlParameter<short> { TypedValue = (short)read.Kind });
                p.Add(new NpgsqlParameter<string> { TypedValue = read.Purpose });
                if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
                {
                    return new AppendResult<RecordRead>(read, true);
                }
            }

            var find = _dataSource.CreateCommand($"SELECT {Columns} FROM communitycontrol.record_reads WHERE idempotency_key = $1");
            find.Parameters.Add(new NpgsqlParameter<string> { TypedValue = read.IdempotencyKey });
            if (await PostgreSqlQueries.FirstOrDefaultAsync(find, Read, cancellationToken).ConfigureAwait(false) is { } held)
            {
                return new AppendResult<RecordRead>(held, false);
            }

            // The key's entry was purged between the two statements: append again (it is new now).
        }
    }

    /// <inheritdoc/>
    /// <remarks>Enumeration throws <see cref="NpgsqlException"/> when the database could not be reached or failed.</remarks>
    public IAsyncEnumerable<RecordRead> ReadsOfAsync(PersonId subject, Interval interval, CancellationToken cancellationToken = default)
    {
        if (subject.IsEmpty)
        {
            throw new ArgumentException("The subject's id must not be empty.", nameof(subject));
        }

        var command = _dataSource.CreateCommand();
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = subject.Value });
        var sql = new StringBuilder($"SELECT {Columns} FROM communitycontrol.record_reads WHERE subject = $1");
        PostgreSqlQueries.AppendInterval(sql, command, "at", interval);
        command.CommandText = sql.Append(" ORDER BY at, sequence").ToString();
        return PostgreSqlQueries.StreamAsync(command, Read, cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="NpgsqlException">The database could not be reached or failed; nothing was deleted.</exception>
    public async ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var command = _dataSource.CreateCommand("DELETE FROM communitycontrol.record_reads WHERE at < $1");
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.Add(new NpgsqlParameter<Instant> { TypedValue = before });
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Returns the type's name (no id, no connection string).</summary>
    /// <returns><c>PostgreSqlAuditTrail</c>.</returns>
    public override string ToString() => nameof(PostgreSqlAuditTrail);

    private static RecordRead Read(NpgsqlDataReader r) => new()
    {
        IdempotencyKey = r.GetString(0),
        At = r.GetFieldValue<Instant>(1),
        Reader = PersonId.From(r.GetString(2)),
        ReaderRole = (Role)r.GetInt32(3),
        Subject = PersonId.From(r.GetString(4)),
        Kind = (RecordKind)r.GetInt16(5),
        Purpose = r.GetString(6),
    };
}
