using System;
using System.Linq;
using System.Threading.Tasks;
using CommunityControl.PostgreSql;
using CommunityControl.Tests.PostgreSql;
using FluentAssertions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NodaTime;
using Npgsql;
using Xunit;
using static CommunityControl.Tests.Access.GateFixture;

namespace CommunityControl.Tests.Diagnostics;

/// <summary>The PostgreSQL package's log events: schema migration, connection failures, lock timeouts; no personal data.</summary>
[Collection(PostgreSqlDatabase.Name)]
public sealed class PostgreSqlLogTests
{
    private readonly PostgreSqlServer _server;

    public PostgreSqlLogTests(PostgreSqlServer server) => _server = server;

    [Fact]
    public async Task EnsureSchemaAsync_LogsTheMigration_ThenThatTheSchemaIsCurrent()
    {
        var logger = new FakeLogger((FakeLogCollector?)null, "CommunityControl.Sdk.PostgreSql");
        await using var dataSource = PostgreSqlSchema.CreateDataSource(await _server.CreateDatabaseAsync("cc_log_" + Guid.NewGuid().ToString("N")));

        (await PostgreSqlSchema.EnsureSchemaAsync(dataSource, logger)).Should().Be(0);
        (await PostgreSqlSchema.EnsureSchemaAsync(dataSource, logger)).Should().Be(PostgreSqlSchema.CurrentVersion);

        var records = logger.Collector.GetSnapshot();
        records.Select(r => (r.Id, r.Level)).Should().Equal((new EventId(101, "SchemaMigrated"), LogLevel.Information), (new EventId(102, "SchemaCurrent"), LogLevel.Debug));
        records[0].StructuredState!.Should().Contain(new[]
        {
            new System.Collections.Generic.KeyValuePair<string, string?>("FromVersion", "0"),
            new System.Collections.Generic.KeyValuePair<string, string?>("ToVersion", PostgreSqlSchema.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        });
        records[1].Message.Should().Be($"PostgreSQL schema communitycontrol is at version {PostgreSqlSchema.CurrentVersion}; nothing to migrate.");
    }

    [Fact]
    public async Task EnsureSchemaAsync_DatabaseNewerThanThePackage_LogsAnErrorAndThrows()
    {
        var logger = new FakeLogger((FakeLogCollector?)null, "CommunityControl.Sdk.PostgreSql");
        await using var dataSource = PostgreSqlSchema.CreateDataSource(await _server.CreateDatabaseAsync("cc_log_" + Guid.NewGuid().ToString("N")));
        await PostgreSqlSchema.EnsureSchemaAsync(dataSource);
        var newer = PostgreSqlSchema.CurrentVersion + 1;
        await using (var bump = dataSource.CreateCommand($"INSERT INTO communitycontrol.schema_version (version) VALUES ({newer})"))
        {
            await bump.ExecuteNonQueryAsync();
        }

        await FluentActions.Awaiting(() => PostgreSqlSchema.EnsureSchemaAsync(dataSource, logger)).Should().ThrowAsync<InvalidOperationException>();

        var record = logger.Collector.GetSnapshot().Should().ContainSingle().Which;
        record.Id.Should().Be(new EventId(103, "SchemaNewerThanPackage"));
        record.Level.Should().Be(LogLevel.Error);
    }

    [Fact]
    public async Task UnreachableServer_LogsAConnectionFailure_WithoutTheHousehold()
    {
        var logger = new FakeLogger((FakeLogCollector?)null, "CommunityControl.Sdk.PostgreSql");
        // A port nothing listens on: the TCP connection is refused at once.
        await using var dataSource = PostgreSqlSchema.CreateDataSource("Host=127.0.0.1;Port=1;Username=nobody;Timeout=5");
        var ledger = new PostgreSqlOutingLedger(dataSource, logger);

        await FluentActions.Awaiting(async () => await ledger.CountOpenOutingsAsync(Household)).Should().ThrowAsync<NpgsqlException>();
        await FluentActions.Awaiting(() => PostgreSqlSchema.EnsureSchemaAsync(dataSource, logger)).Should().ThrowAsync<NpgsqlException>();

        var records = logger.Collector.GetSnapshot();
        records.Select(r => (r.Id.Id, r.Level)).Should().Equal((110, LogLevel.Error), (110, LogLevel.Error));
        records.Select(r => r.StructuredState!.Single(s => s.Key == "Operation").Value).Should().Equal("count_open_outings", "ensure_schema");
        records.Should().OnlyContain(r => r.Exception == null && !r.Message.Contains(Household.Value));
    }

    [Fact]
    public async Task TryStartOutingAsync_LockTimeout_LogsAWarning_RecordsNothing()
    {
        var logger = new FakeLogger((FakeLogCollector?)null, "CommunityControl.Sdk.PostgreSql");
        var household = HouseholdId.From("h" + Guid.NewGuid().ToString("N"));
        var impatient = new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Options = "-c lock_timeout=200" }.ConnectionString;
        await using var dataSource = PostgreSqlSchema.CreateDataSource(impatient);
        var ledger = new PostgreSqlOutingLedger(dataSource, logger);
        await using var holder = await _server.DataSource.OpenConnectionAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", holder, transaction))
        {
            hold.Parameters.Add(new NpgsqlParameter<string> { TypedValue = household.Value });
            await hold.ExecuteNonQueryAsync();
        }

        var thrown = await FluentActions.Awaiting(async () => await ledger.TryStartOutingAsync(household, Person, Noon, 1, CommunityControl.Access.OutingWindow.Rolling(Noon, Duration.FromDays(2)), "request-1"))
            .Should().ThrowAsync<PostgresException>();
        await transaction.RollbackAsync();

        thrown.Which.SqlState.Should().Be("55P03", "lock_not_available: the wait outlasted lock_timeout");
        var record = logger.Collector.GetSnapshot().Should().ContainSingle().Which;
        record.Id.Should().Be(new EventId(111, "LockTimeout"));
        record.Level.Should().Be(LogLevel.Warning);
        record.Message.Should().Be("Waiting for a lock timed out during start_outing (SQLSTATE 55P03); nothing was recorded, the request may be retried with its request key.");
        (await ledger.OutingsOfAsync(household)).Should().BeEmpty();
    }
}
