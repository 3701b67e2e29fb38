using System;
using System.Linq;
using System.Threading.Tasks;
using CommunityControl.Access;
using CommunityControl.Editions;
using CommunityControl.Measures;
using CommunityControl.PostgreSql;
using CommunityControl.Records;
using CommunityControl.Tests.Records;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.PostgreSql;

/// <summary>What the PostgreSQL follow-up store adds to the contract (<see cref="StoreConformanceTests"/>): a row edited by hand.</summary>
[Collection(PostgreSqlDatabase.Name)]
public sealed class PostgreSqlFollowUpStoreTests : IAsyncLifetime
{
    private readonly PostgreSqlServer _server;
    private FreshDatabase _database = null!;

    public PostgreSqlFollowUpStoreTests(PostgreSqlServer server) => _server = server;

    public async Task InitializeAsync() => _database = await FreshDatabase.CreateAsync(_server);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task FindAsync_ARowEditedOutsideTheLibrary_ThrowsInvalidOperationNamingNoPerson()
    {
        var store = new PostgreSqlFollowUpStore(_database.DataSource);
        var person = PersonId.From("p-edited");
        await store.SaveAsync(FollowUpSchedule.Create(person, ExposureCategory.CloseContact, PolicyEditions.China.NinthEdition.Measures!.PlanFor(ExposureCategory.CloseContact)!, new LocalDate(2022, 7, 1)));
        await _database.ScalarAsync("WITH u AS (UPDATE communitycontrol.follow_ups SET revision = 7 RETURNING 1) SELECT count(*) FROM u");

        (await FluentActions.Awaiting(async () => await store.FindAsync(person)).Should().ThrowAsync<InvalidOperationException>())
            .Which.Message.Should().Contain("edited outside the library").And.NotContain("p-edited");
    }
}

/// <summary>The step from schema version 2 to 3 on a populated database.</summary>
[Collection(PostgreSqlDatabase.Name)]
public sealed class PostgreSqlRecordsMigrationTests
{
    private readonly PostgreSqlServer _server;

    public PostgreSqlRecordsMigrationTests(PostgreSqlServer server) => _server = server;

    [Fact]
    public async Task Migration_FromVersion2_KeepsOutingsAndPassages_AndAddsTheRecordStores()
    {
        await using var database = await FreshDatabase.CreateAsync(_server, withSchema: false);
        await ApplyScriptsAsync(database.DataSource, 2);
        var ledger = new PostgreSqlOutingLedger(database.DataSource);
        var passages = new PostgreSqlPassageStore(database.DataSource);
        var household = HouseholdId.From("h-1");
        (await ledger.TryStartOutingAsync(household, PersonId.From("p-1"), Passages.Start, 1, OutingWindow.Rolling(Passages.Start, Duration.FromDays(2)), "r-1")).Should().NotBeNull();
        await PostgreSqlPassageKeysMigrationTests.AppendAsBeforeVersion5Async(
            database.DataSource, Enumerable.Range(0, 50).Select(i => Passages.At($"k-{i}", "c1-a", $"p-{i % 5}", Passages.Start + Duration.FromHours(i))));

        (await PostgreSqlSchema.EnsureSchemaAsync(database.DataSource)).Should().Be(2);

        (await database.ScalarAsync("SELECT max(version) FROM communitycontrol.schema_version")).Should().Be(PostgreSqlSchema.CurrentVersion);
        (await database.ScalarAsync("SELECT count(*) FROM communitycontrol.passages")).Should().Be(50);
        (await passages.AppendAsync(Passages.At("k-7", "c1-b", "p-9", Passages.Start))).IsNew.Should().BeFalse("the keys recorded before the migration still hold");
        (await ledger.TryStartOutingAsync(household, PersonId.From("p-2"), Passages.Start, 1, OutingWindow.Rolling(Passages.Start, Duration.FromDays(2)), "r-2")).Should().BeNull("the quota was used before the migration");
        (await new PostgreSqlHealthReportStore(database.DataSource).AppendAsync(new HealthReport { IdempotencyKey = "r-1", Person = PersonId.From("p-1"), At = Passages.Start, TemperatureCelsius = 36.6 })).IsNew.Should().BeTrue();
        (await new PostgreSqlAuditTrail(database.DataSource).AppendAsync(new RecordRead { IdempotencyKey = "a-1", At = Passages.Start, Reader = PersonId.From("staff-1"), Subject = PersonId.From("p-1"), Kind = RecordKind.Passages, Purpose = "tracing" })).IsNew.Should().BeTrue();
    }

    // The state EnsureSchemaAsync left in a database whose package knew versions up to `last`: its bootstrap, then the scripts.
    internal static async Task ApplyScriptsAsync(Npgsql.NpgsqlDataSource dataSource, int last)
    {
        var sql = new System.Text.StringBuilder("CREATE SCHEMA communitycontrol; CREATE TABLE communitycontrol.schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now()); ");
        var assembly = typeof(PostgreSqlSchema).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("CommunityControl.PostgreSql.Sql.", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
        {
            var version = int.Parse(name.Substring("CommunityControl.PostgreSql.Sql.".Length, 4), System.Globalization.CultureInfo.InvariantCulture);
            if (version <= last)
            {
                using var reader = new System.IO.StreamReader(assembly.GetManifestResourceStream(name)!);
                sql.Append(await reader.ReadToEndAsync()).Append("; INSERT INTO communitycontrol.schema_version (version) VALUES (").Append(version).Append("); ");
            }
        }

        await using var command = dataSource.CreateCommand(sql.ToString());
        await command.ExecuteNonQueryAsync();
    }
}
