using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Measures;
using CommunityControl.Records;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace CommunityControl.PostgreSql;

/// <summary>
/// An <see cref="IFollowUpStore"/> in PostgreSQL (table <c>communitycontrol.follow_ups</c>): one schedule per person,
/// shared by every process that uses the same database, replaced only by a later revision; the daily follow-up list
/// (the schedules active on a day) streamed by person id.
/// </summary>
/// <remarks>
/// <para>A save is one <c>INSERT … ON CONFLICT DO UPDATE … WHERE revision &lt; new revision</c>: of concurrent saves for
/// one person the newest revision stays, whatever the order they arrive in, and a save of an older or equal revision
/// returns the schedule held. Each schedule is stored with the quarantine plan it was made under.</para>
/// <para>The store applies no retention period by itself: the host calls <see cref="PurgeAsync"/> with "today minus
/// the period". The data source and schema: as for <see cref="PostgreSqlHealthReportStore"/> (schema version 3 or
/// later).</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Safe for concurrent use, in one process or many.</threadsafety>
public sealed class PostgreSqlFollowUpStore : IFollowUpStore
{
    private const string Columns =
        "person, exposure, first_status, first_days, first_test_days, then_status, then_days, then_test_days, tests_required, " +
        "test_window_days, history_window_days, plan_source, exposures, ended_on, end_reason, revision, first_day, until";

    private const string Update =
        "exposure = EXCLUDED.exposure, first_status = EXCLUDED.first_status, first_days = EXCLUDED.first_days, " +
        "first_test_days = EXCLUDED.first_test_days, then_status = EXCLUDED.then_status, then_days = EXCLUDED.then_days, " +
        "then_test_days = EXCLUDED.then_test_days, tests_required = EXCLUDED.tests_required, test_window_days = EXCLUDED.test_window_days, " +
        "history_window_days = EXCLUDED.history_window_days, plan_source = EXCLUDED.plan_source, exposures = EXCLUDED.exposures, " +
        "ended_on = EXCLUDED.ended_on, end_reason = EXCLUDED.end_reason, revision = EXCLUDED.revision, first_day = EXCLUDED.first_day, until = EXCLUDED.until";

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates a store over a database.</summary>
    /// <param name="dataSource">The database (with NodaTime mappings; see <see cref="PostgreSqlSchema.CreateDataSource"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> is null.</exception>
    public PostgreSqlFollowUpStore(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
    }

    /// <inheritdoc/>
    /// <exception cref="NpgsqlException">The database could not be reached or failed; nothing was saved unless the
    /// commit had already been sent (saving the same schedule again is safe: its revision decides).</exception>
    public async ValueTask<AppendResult<FollowUpSchedule>> SaveAsync(FollowUpSchedule schedule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        cancellationToken.ThrowIfCancellationRequested();
        while (true)
        {
            var command = _dataSource.CreateCommand(
                $"INSERT INTO communitycontrol.follow_ups ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) " +
                $"ON CONFLICT (person) DO UPDATE SET {Update} WHERE communitycontrol.follow_ups.revision < EXCLUDED.revision");
            await using (command.ConfigureAwait(false))
            {
                Bind(command.Parameters, schedule);
                if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
                {
                    return new AppendResult<FollowUpSchedule>(schedule, true);
                }
            }

            if (await FindAsync(schedule.Person, cancellationToken).ConfigureAwait(false) is { } held)
            {
                return new AppendResult<FollowUpSchedule>(held, false);
            }

            // The person's schedule was purged between the two statements: save again (it is new now).
        }
    }

    /// <inheritdoc/>
    /// <exception cref="NpgsqlException">The database could not be reached or failed.</exception>
    /// <exception cref="InvalidOperationException">The row held for the person is not a schedule this library could
    /// have saved (edited by hand); the message names no person.</exception>
    public async ValueTask<FollowUpSchedule?> FindAsync(PersonId person, CancellationToken cancellationToken = default)
    {
        if (person.IsEmpty)
        {
            throw new ArgumentException("The person id must not be empty.", nameof(person));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var command = _dataSource.CreateCommand($"SELECT {Columns} FROM communitycontrol.follow_ups WHERE person = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = person.Value });
        return await PostgreSqlQueries.FirstOrDefaultAsync(command, Read, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>Ordered by person id, ordinal (as <see cref="PersonId.CompareTo"/>). Enumeration throws
    /// <see cref="NpgsqlException"/> when the database could not be reached or failed.</remarks>
    public IAsyncEnumerable<FollowUpSchedule> ActiveOnAsync(LocalDate day, CancellationToken cancellationToken = default)
    {
        var command = _dataSource.CreateCommand($"SELECT {Columns} FROM communitycontrol.follow_ups WHERE first_day <= $1 AND until >= $1 ORDER BY person COLLATE \"C\"");
        command.Parameters.Add(new NpgsqlParameter<LocalDate> { TypedValue = day });
        return PostgreSqlQueries.StreamAsync(command, Read, cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="NpgsqlException">The database could not be reached or failed; nothing was deleted.</exception>
    public async ValueTask<long> PurgeAsync(LocalDate endedBefore, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var command = _dataSource.CreateCommand("DELETE FROM communitycontrol.follow_ups WHERE until < $1");
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.Add(new NpgsqlParameter<LocalDate> { TypedValue = endedBefore });
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Returns the type's name (no id, no connection string).</summary>
    /// <returns><c>PostgreSqlFollowUpStore</c>.</returns>
    public override string ToString() => nameof(PostgreSqlFollowUpStore);

    private static void Bind(NpgsqlParameterCollection p, FollowUpSchedule s)
    {
        var plan = s.Plan;
        p.Add(new NpgsqlParameter<string> { TypedValue = s.Person.Value });
        p.Add(new NpgsqlParameter<short> { TypedValue = (short)s.Exposure });
        p.Add(new NpgsqlParameter<short> { TypedValue = (short)plan.First });
        p.Add(new NpgsqlParameter<int> { TypedValue = plan.FirstDays });
        p.Add(new NpgsqlParameter<int[]> { TypedValue = plan.FirstTestDays.ToArray() });
        p.Add(new NpgsqlParameter<short> { TypedValue = (short)plan.Then });
        p.Add(new NpgsqlParameter<int> { TypedValue = plan.ThenDays });
        p.Add(new NpgsqlParameter<int[]> { TypedValue = plan.ThenTestDays.ToArray() });
        p.Add(new NpgsqlParameter<int> { TypedValue = plan.TestsRequired });
        p.Add(new NpgsqlParameter<int> { TypedValue = plan.TestWindowDays });
        p.Add(new NpgsqlParameter { Value = plan.HistoryWindowDays is { } w ? w : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        p.Add(new NpgsqlParameter { Value = (object?)plan.Source ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter<LocalDate[]> { TypedValue = s.Exposures.ToArray() });
        p.Add(new NpgsqlParameter { Value = s.EndedOn is { } ended ? ended : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        p.Add(new NpgsqlParameter { Value = s.EndReason is { } reason ? (short)reason : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Smallint });
        p.Add(new NpgsqlParameter<int> { TypedValue = s.Revision });
        p.Add(new NpgsqlParameter<LocalDate> { TypedValue = s.FirstDay });
        p.Add(new NpgsqlParameter<LocalDate> { TypedValue = s.Until });
    }

    // A schedule is rebuilt the way it was made: created on its first exposure, extended on each later one, ended
    // early when it was; its revision counts those steps, so a stored revision that differs means the row was edited.
    private static FollowUpSchedule Read(NpgsqlDataReader r)
    {
        var plan = new QuarantinePlan
        {
            First = (MonitoringStatus)r.GetInt16(2),
            FirstDays = r.GetInt32(3),
            FirstTestDays = r.GetFieldValue<int[]>(4),
            Then = (MonitoringStatus)r.GetInt16(5),
            ThenDays = r.GetInt32(6),
            ThenTestDays = r.GetFieldValue<int[]>(7),
            TestsRequired = r.GetInt32(8),
            TestWindowDays = r.GetInt32(9),
            HistoryWindowDays = r.IsDBNull(10) ? null : r.GetInt32(10),
            Source = r.IsDBNull(11) ? null : r.GetString(11),
        };

        try
        {
            var exposures = r.GetFieldValue<LocalDate[]>(12);
            var schedule = FollowUpSchedule.Create(PersonId.From(r.GetString(0)), (ExposureCategory)r.GetInt16(1), plan, exposures[0]);
            foreach (var exposedOn in exposures.Skip(1))
            {
                schedule = schedule.Extend(exposedOn);
            }

            if (!r.IsDBNull(13))
            {
                schedule = schedule.End(r.GetFieldValue<LocalDate>(13), (FollowUpEndReason)r.GetInt16(14));
            }

            return schedule.Revision == r.GetInt32(15)
                ? schedule
                : throw new InvalidOperationException("A follow-up row's revision does not match its exposures and end; the row was edited outside the library.");
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or InvalidCastException)
        {
            // The cause is named by its type only: its message may quote the row's text, which may be personal.
            throw new InvalidOperationException($"A follow-up row does not hold a schedule this library could have saved; the row was edited outside the library ({e.GetType().Name}).");
        }
    }
}
