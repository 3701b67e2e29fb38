using System;
using System.Threading.Tasks;
using CommunityControl.Access;
using CommunityControl.PostgreSql;
using CommunityControl.Tests.Access;
using FluentAssertions;
using NodaTime;
using Npgsql;
using Xunit;
using static CommunityControl.Tests.Access.GateFixture;

namespace CommunityControl.Tests.PostgreSql;

/// <summary>Faults on the PostgreSQL ledger: a connection killed mid-transaction records nothing and tells the caller.</summary>
[Collection(PostgreSqlDatabase.Name)]
public sealed class PostgreSqlOutingLedgerFaultTests
{
    private readonly PostgreSqlServer _server;

    public PostgreSqlOutingLedgerFaultTests(PostgreSqlServer server) => _server = server;

    [Fact]
    public async Task TryStartOutingAsync_ConnectionKilledWhileWaitingForTheHousehold_ThrowsAndRecordsNothing_RetryRecordsOnce()
    {
        var household = HouseholdId.From("h" + Guid.NewGuid().ToString("N"));
        var ledger = new PostgreSqlOutingLedger(_server.DataSource);
        await using var holder = await _server.DataSource.OpenConnectionAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", holder, transaction))
        {
            hold.Parameters.Add(new NpgsqlParameter<string> { TypedValue = household.Value });
            await hold.ExecuteNonQueryAsync();
        }

        var attempt = ledger.TryStartOutingAsync(household, Person, Noon, 1, Duration.FromDays(2), "request-1").AsTask();
        var killed = 0L;
        for (var poll = 0; killed == 0 && poll < 6000 && !attempt.IsCompleted; poll++)
        {
            // From a connection of its own: pg_stat_activity is a snapshot fixed for the length of a transaction.
            await using var kill = _server.DataSource.CreateCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory' AND pid <> pg_backend_pid()");
            killed = (long)(await kill.ExecuteScalarAsync())!;
            if (killed == 0)
            {
                await Task.Delay(10);
            }
        }

        killed.Should().Be(1, "the gate's transaction waits for the household held by another transaction");
        await FluentActions.Awaiting(() => attempt).Should().ThrowAsync<NpgsqlException>("the caller learns that its connection died");
        await transaction.RollbackAsync();
        (await ledger.OutingsOfAsync(household)).Should().BeEmpty("the killed transaction recorded nothing");

        var retry = await ledger.TryStartOutingAsync(household, Person, Noon, 1, Duration.FromDays(2), "request-1");
        var again = await ledger.TryStartOutingAsync(household, Person, Noon, 1, Duration.FromDays(2), "request-1");

        retry.Should().NotBeNull();
        again.Should().Be(retry);
        (await ledger.OutingsOfAsync(household)).Should().ContainSingle();
    }
}
