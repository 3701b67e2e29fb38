using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Records;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace CommunityControl.PostgreSql;

/// <summary>
/// An <see cref="IHealthReportStore"/> in PostgreSQL (table <c>communitycontrol.health_reports</c>), shared by every
/// process that uses the same database: one report per idempotency key (the first wins), a person's reports streamed in
/// the order of their instants, purge by age.
/// </summary>
/// <remarks>
/// <para>An append inserts with <c>ON CONFLICT DO NOTHING</c>: under concurrent appends of one key exactly one
/// inserts, and the others return the report it holds. Reports sharing an instant are returned in the order recorded.</para>
/// <para>The store applies no retention period by itself: the host calls <see cref="PurgeAsync"/> (e.g. daily) with
/// "now minus the period".</para>
/// <para>The data source must map NodaTime types: create it with <see cref="PostgreSqlSchema.CreateDataSource"/>, and
/// the schema (version 3 or later) with <see cref="PostgreSqlSchema.EnsureSchemaAsync(NpgsqlDataSource, Microsoft.Extensions.Logging.ILogger, System.Threading.CancellationToken)"/>.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Safe for concurrent use, in one process or many.</threadsafety>
public sealed class PostgreSqlHealthReportStore : IHealthReportStore
{
    private const string Columns = "idempotency_key, person, household, at, temperature_celsius, symptoms";

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates a store over a database.</summary>
    /// <param name="dataSource">The database (with NodaTime mappings; see the remarks).</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> is null.</exception>
    public PostgreSqlHealthReportStore(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
    }

    /// <inheritdoc/>
    /// <exception cref="NpgsqlException">The database could not be reached or failed; nothing was recorded unless the
    /// commit had already been sent (retry with the same report: its key makes the retry safe).</exception>
    public async ValueTask<AppendResult<HealthReport>> AppendAsync(HealthReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        cancellationToken.ThrowIfCancellationRequested();
        while (true)
        {
            var command = _dataSource.CreateCommand($"INSERT INTO communitycontrol.health_reports ({Columns}) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING");
            await using (command.ConfigureAwait(false))
            {
                var p = command.Parameters;
                p.Add(new NpgsqlParameter<string> { TypedValue = report.IdempotencyKey });
                p.Add(new NpgsqlParameter<string> { TypedValue = report.Person.Value });
                p.Add(new NpgsqlParameter { Value = report.Household.IsEmpty ? DBNull.Value : report.Household.Value, NpgsqlDbType = NpgsqlDbType.Text });
                p.Add(new NpgsqlParameter<Instant> { TypedValue = report.At });
                p.Add(new NpgsqlParameter { Value = report.TemperatureCelsius is { } t ? t : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double });
                p.Add(new NpgsqlParameter<int> { TypedValue = (int)report.Symptoms });
                if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
                {
                    return new AppendResult<HealthReport>(report, true);
                }
            }

            var find = _dataSource.CreateCommand($"SELECT {Columns} FROM communitycontrol.health_reports WHERE idempotency_key = $1");
            find.Parameters.Add(new NpgsqlParameter<string> { TypedValue = report.IdempotencyKey });
            if (await PostgreSqlQueries.FirstOrDefaultAsync(find, Read, cancellationToken).ConfigureAwait(false) is { } held)
            {
                return new AppendResult<HealthReport>(held, false);
            }

            // The key's report was purged between the two statements: append again (it is new now).
        }
    }

    /// <inheritdoc/>
    /// <remarks>Enumeration throws <see cref="NpgsqlException"/> when the database could not be reached or failed.</remarks>
    public IAsyncEnumerable<HealthReport> ReportsOfPersonAsync(PersonId person, Interval interval, CancellationToken cancellationToken = default)
    {
        if (person.IsEmpty)
        {
            throw new ArgumentException("The person id must not be empty.", nameof(person));
        }

        var command = _dataSource.CreateCommand();
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = person.Value });
        var sql = new StringBuilder($"SELECT {Columns} FROM communitycontrol.health_reports WHERE person = $1");
        PostgreSqlQueries.AppendInterval(sql, command, "at", interval);
        command.CommandText = sql.Append(" ORDER BY at, sequence").ToString();
        return PostgreSqlQueries.StreamAsync(command, Read, cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="NpgsqlException">The database could not be reached or failed; nothing was deleted.</exception>
    public async ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var command = _dataSource.CreateCommand("DELETE FROM communitycontrol.health_reports WHERE at < $1");
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.Add(new NpgsqlParameter<Instant> { TypedValue = before });
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Returns the type's name (no id, no connection string).</summary>
    /// <returns><c>PostgreSqlHealthReportStore</c>.</returns>
    public override string ToString() => nameof(PostgreSqlHealthReportStore);

    private static HealthReport Read(NpgsqlDataReader r) => new()
    {
        IdempotencyKey = r.GetString(0),
        Person = PersonId.From(r.GetString(1)),
        Household = r.IsDBNull(2) ? default : HouseholdId.From(r.GetString(2)),
        At = r.GetFieldValue<Instant>(3),
        TemperatureCelsius = r.IsDBNull(4) ? null : r.GetDouble(4),
        Symptoms = (Symptoms)r.GetInt32(5),
    };
}
