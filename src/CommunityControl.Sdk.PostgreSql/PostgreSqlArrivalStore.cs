using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Records;
using CommunityControl.Zones;
using NodaTime;
using NodaTime.Text;
using Npgsql;
using NpgsqlTypes;

namespace CommunityControl.PostgreSql;

/// <summary>
/// An <see cref="IArrivalStore"/> in PostgreSQL (table <c>communitycontrol.arrivals</c>), shared by every process that
/// uses the same database: one arrival per idempotency key (the first wins), found by key, streamed by person or by
/// interval in the order of arrival, purged by age.
/// </summary>
/// <remarks>
/// <para>An append is one <c>INSERT … ON CONFLICT DO NOTHING</c>: under concurrent appends of one key exactly one
/// inserts, and the others return the arrival it holds. Arrivals sharing an instant are returned in the order recorded.
/// The itinerary is stored in the arrival's row as a <c>jsonb</c> array (<c>place</c>, <c>from</c>, <c>to</c>,
/// <c>level</c>), written and read whole with it.</para>
/// <para>An <see cref="ArrivalRecord"/> is checked as it is built, so the store writes the record it is given; a row it
/// reads that no valid record could have produced (edited by hand) throws <see cref="InvalidOperationException"/>
/// naming no person.</para>
/// <para>Instants are kept to the microsecond, PostgreSQL's <c>timestamptz</c> precision: a finer instant is truncated
/// when written, so a record read back (or returned to a retried append) may differ from the one given below one
/// microsecond, and interval edges are compared at that precision.</para>
/// <para>The store applies no retention period by itself: the host calls <see cref="PurgeAsync"/> (e.g. daily) with
/// "now minus the period". Wrap it in <see cref="AuditedArrivalStore"/> to record who reads whose arrivals.</para>
/// <para>The data source must map NodaTime types: create it with <see cref="PostgreSqlSchema.CreateDataSource"/>, and
/// the schema (version 4 or later) with <see cref="PostgreSqlSchema.EnsureSchemaAsync(NpgsqlDataSource, Microsoft.Extensions.Logging.ILogger, System.Threading.CancellationToken)"/>.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Safe for concurrent use, in one process or many.</threadsafety>
public sealed class PostgreSqlArrivalStore : IArrivalStore
{
    private const string Columns = "idempotency_key, person, household, destination, arrived_at, origin, itinerary";

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates a store over a database.</summary>
    /// <param name="dataSource">The database (with NodaTime mappings; see the remarks).</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> is null.</exception>
    public PostgreSqlArrivalStore(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
    }

    /// <inheritdoc/>
    /// <exception cref="NpgsqlException">The database could not be reached or failed; nothing was recorded unless the
    /// commit had already been sent (retry with the same record: its key makes the retry safe).</exception>
    /// <exception cref="InvalidOperationException">The key was already recorded and the row held under it was edited
    /// outside the library (the message names no person).</exception>
    public async ValueTask<AppendResult<ArrivalRecord>> AppendAsync(ArrivalRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        var itinerary = WriteItinerary(record.Itinerary);
        while (true)
        {
            var command = _dataSource.CreateCommand($"INSERT INTO communitycontrol.arrivals ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING");
            await using (command.ConfigureAwait(false))
            {
                var p = command.Parameters;
                p.Add(new NpgsqlParameter<string> { TypedValue = record.IdempotencyKey });
                p.Add(new NpgsqlParameter<string> { TypedValue = record.Person.Value });
                p.Add(new NpgsqlParameter { Value = record.Household.IsEmpty ? DBNull.Value : record.Household.Value, NpgsqlDbType = NpgsqlDbType.Text });
                p.Add(new NpgsqlParameter<string> { TypedValue = record.Destination.Value });
                p.Add(new NpgsqlParameter<Instant> { TypedValue = record.ArrivedAt });
                p.Add(new NpgsqlParameter<string> { TypedValue = record.Origin });
                p.Add(new NpgsqlParameter { Value = itinerary, NpgsqlDbType = NpgsqlDbType.Jsonb });
                if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
                {
                    return new AppendResult<ArrivalRecord>(record, true);
                }
            }

            if (await FindCoreAsync(record.IdempotencyKey, cancellationToken).ConfigureAwait(false) is { } held)
            {
                return new AppendResult<ArrivalRecord>(held, false);
            }

            // The key's arrival was purged between the two statements: append again (it is new now).
        }
    }

    /// <inheritdoc/>
    /// <exception cref="NpgsqlException">The database could not be reached or failed.</exception>
    /// <exception cref="InvalidOperationException">The row held under the key was edited outside the library.</exception>
    public async ValueTask<ArrivalRecord?> FindAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        PostgreSqlQueries.CheckKey(idempotencyKey, nameof(idempotencyKey));
        cancellationToken.ThrowIfCancellationRequested();
        return await FindCoreAsync(idempotencyKey, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>Enumeration throws <see cref="NpgsqlException"/> when the database could not be reached or failed, and
    /// <see cref="InvalidOperationException"/> at a row edited outside the library.</remarks>
    public IAsyncEnumerable<ArrivalRecord> ArrivalsOfPersonAsync(PersonId person, Interval interval, CancellationToken cancellationToken = default)
    {
        if (person.IsEmpty)
        {
            throw new ArgumentException("The person id must not be empty.", nameof(person));
        }

        var command = _dataSource.CreateCommand();
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = person.Value });
        var sql = new StringBuilder($"SELECT {Columns} FROM communitycontrol.arrivals WHERE person = $1");
        PostgreSqlQueries.AppendInterval(sql, command, "arrived_at", interval);
        command.CommandText = sql.Append(" ORDER BY arrived_at, sequence").ToString();
        return PostgreSqlQueries.StreamAsync(command, Read, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>Enumeration throws <see cref="NpgsqlException"/> when the database could not be reached or failed, and
    /// <see cref="InvalidOperationException"/> at a row edited outside the library.</remarks>
    public IAsyncEnumerable<ArrivalRecord> ArrivalsAsync(Interval interval, CancellationToken cancellationToken = default)
    {
        var command = _dataSource.CreateCommand();
        var sql = new StringBuilder($"SELECT {Columns} FROM communitycontrol.arrivals WHERE true");
        PostgreSqlQueries.AppendInterval(sql, command, "arrived_at", interval);
        command.CommandText = sql.Append(" ORDER BY arrived_at, sequence").ToString();
        return PostgreSqlQueries.StreamAsync(command, Read, cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="NpgsqlException">The database could not be reached or failed; nothing was deleted.</exception>
    public async ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var command = _dataSource.CreateCommand("DELETE FROM communitycontrol.arrivals WHERE arrived_at < $1");
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.Add(new NpgsqlParameter<Instant> { TypedValue = before });
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Returns the type's name (no id, no connection string).</summary>
    /// <returns><c>PostgreSqlArrivalStore</c>.</returns>
    public override string ToString() => nameof(PostgreSqlArrivalStore);

    private async Task<ArrivalRecord?> FindCoreAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        var command = _dataSource.CreateCommand($"SELECT {Columns} FROM communitycontrol.arrivals WHERE idempotency_key = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = idempotencyKey });
        return await PostgreSqlQueries.FirstOrDefaultAsync(command, Read, cancellationToken).ConfigureAwait(false);
    }

    private static string WriteItinerary(IReadOnlyList<ItineraryStop> itinerary)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var stop in itinerary)
            {
                json.WriteStartObject();
                json.WriteString("place", stop.Place);
                json.WriteString("from", LocalDatePattern.Iso.Format(stop.From));
                json.WriteString("to", LocalDatePattern.Iso.Format(stop.To));
                json.WriteString("level", stop.Level);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static ArrivalRecord Read(NpgsqlDataReader r)
    {
        try
        {
            return new ArrivalRecord
            {
                IdempotencyKey = r.GetString(0),
                Person = PersonId.From(r.GetString(1)),
                Household = r.IsDBNull(2) ? default : HouseholdId.From(r.GetString(2)),
                Destination = ZoneId.From(r.GetString(3)),
                ArrivedAt = r.GetFieldValue<Instant>(4),
                Origin = r.GetString(5),
                Itinerary = ReadItinerary(r.GetString(6)),
            };
        }
        catch (Exception e) when (e is ArgumentException or JsonException or UnparsableValueException or InvalidOperationException or InvalidCastException or KeyNotFoundException)
        {
            // The cause is named by its type only: a parser's message may quote the row's text, which may be personal.
            throw new InvalidOperationException($"An arrival row does not hold a record this library could have written; the row was edited outside the library ({e.GetType().Name}).");
        }
    }

    private static List<ItineraryStop> ReadItinerary(string json)
    {
        using var document = JsonDocument.Parse(json);
        var stops = new List<ItineraryStop>(document.RootElement.GetArrayLength());
        foreach (var stop in document.RootElement.EnumerateArray())
        {
            var level = stop.GetProperty("level");
            stops.Add(new ItineraryStop
            {
                Place = stop.GetProperty("place").GetString()!,
                From = LocalDatePattern.Iso.Parse(stop.GetProperty("from").GetString()!).Value,
                To = LocalDatePattern.Iso.Parse(stop.GetProperty("to").GetString()!).Value,
                Level = level.ValueKind == JsonValueKind.Null ? null : level.GetString(),
            });
        }

        return stops;
    }
}
