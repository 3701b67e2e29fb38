using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CommunityControl.Authority;
using CommunityControl.DependencyInjection;
using CommunityControl.PostgreSql;
using CommunityControl.Records;
using CommunityControl.Staffing;
using CommunityControl.Tests.Records;
using CommunityControl.Zones;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CommunityControl.Tests.PostgreSql;

/// <summary>
/// What the PostgreSQL arrival and attendance stores add to the contract (<see cref="StoreConformanceTests"/>): two
/// processes sharing one database, the audited decorator around the arrival store, the container's registration, a row
/// edited by hand.
/// </summary>
[Collection(PostgreSqlDatabase.Name)]
public sealed class PostgreSqlArrivalAttendanceStoreTests : IAsyncLifetime
{
    private static readonly Instant Start = Instant.FromUtc(2022, 7, 10, 2, 0);

    private readonly PostgreSqlServer _server;
    private FreshDatabase _database = null!;

    public PostgreSqlArrivalAttendanceStoreTests(PostgreSqlServer server) => _server = server;

    public async Task InitializeAsync() => _database = await FreshDatabase.CreateAsync(_server);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TwoProcesses_RetryingTheSameKeys_EachArrivalAndClockingRecordedOnce()
    {
        // Two data sources stand for two gate processes: their own pools, one database.
        await using var other = PostgreSqlSchema.CreateDataSource(_database.DataSource.ConnectionString);
        var arrivals = new[] { new PostgreSqlArrivalStore(_database.DataSource), new PostgreSqlArrivalStore(other) };
        var attendance = new[] { new PostgreSqlAttendanceStore(_database.DataSource), new PostgreSqlAttendanceStore(other) };

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(async () =>
        {
            var news = 0;
            for (var i = 0; i < 200; i++)
            {
                news += (await arrivals[t % 2].AppendAsync(ArrivalStoreTests.Arrival($"a-{i}", $"p-{i % 11}", Start + Duration.FromMinutes(i)))).IsNew ? 1 : 0;
                news += await attendance[t % 2].AppendAsync(new AttendanceRecord { IdempotencyKey = $"c-{i}", Person = PersonId.From($"w-{i % 7}"), Kind = AttendanceKind.ClockIn, At = Start + Duration.FromMinutes(i) }) ? 1 : 0;
            }

            return news;
        })));

        results.Sum().Should().Be(400, "200 arrivals and 200 clockings, each new exactly once across both processes");
        (await _database.ScalarAsync("SELECT count(*) FROM communitycontrol.arrivals")).Should().Be(200);
        (await _database.ScalarAsync("SELECT count(*) FROM communitycontrol.attendance")).Should().Be(200);
    }

    [Fact]
    public async Task AuditedArrivalStore_AroundThePostgreSqlStore_RecordsEveryPersonalReadInTheDatabase()
    {
        var trail = new PostgreSqlAuditTrail(_database.DataSource);
        var reader = new RecordReader(PersonId.From("staff-1"), Role.CommunityWorker, "arrival-register");
        var store = new AuditedArrivalStore(new PostgreSqlArrivalStore(_database.DataSource), trail, reader, new FakeClock(Start));
        await store.AppendAsync(ArrivalStoreTests.Arrival("a-1", "p-1", Start));
        await store.AppendAsync(ArrivalStoreTests.Arrival("a-2", "p-2", Start));
        (await _database.ScalarAsync("SELECT count(*) FROM communitycontrol.record_reads")).Should().Be(0, "writes are not reads");

        await store.FindAsync("a-1");
        await ToListAsync(store.ArrivalsAsync(new Interval(null, null)));
        await ToListAsync(store.ArrivalsOfPersonAsync(PersonId.From("p-3"), new Interval(null, null)));

        var p1 = await ToListAsync(trail.ReadsOfAsync(PersonId.From("p-1"), new Interval(null, null)));
        p1.Should().HaveCount(2).And.OnlyContain(r => r.Kind == RecordKind.Arrivals && r.Purpose == "arrival-register" && r.Reader == PersonId.From("staff-1"));
        (await ToListAsync(trail.ReadsOfAsync(PersonId.From("p-2"), new Interval(null, null)))).Should().ContainSingle();
        (await ToListAsync(trail.ReadsOfAsync(PersonId.From("p-3"), new Interval(null, null)))).Should().ContainSingle("a read of a person with no arrival is still a read");
    }

    [Fact]
    public async Task AddCommunityControlPostgreSql_AfterTheInMemoryRecords_ArrivalsAndAttendanceGoToTheDatabase()
    {
        await using var provider = new ServiceCollection()
            .AddCommunityControlRecords()
            .AddCommunityControlPostgreSql(_database.DataSource)
            .BuildServiceProvider();

        var arrivals = provider.GetRequiredService<IArrivalStore>();
        var attendance = provider.GetRequiredService<IAttendanceStore>();
        (await arrivals.AppendAsync(ArrivalStoreTests.Arrival("a-1", "p-1", Start))).IsNew.Should().BeTrue();
        (await attendance.AppendAsync(new AttendanceRecord { IdempotencyKey = "c-1", Person = PersonId.From("w-1"), Kind = AttendanceKind.ClockOut, At = Start })).Should().BeTrue();

        arrivals.Should().BeOfType<InstrumentedArrivalStore>().Which.Inner.Should().BeOfType<PostgreSqlArrivalStore>("the PostgreSQL store replaces the in-memory one");
        attendance.Should().BeOfType<InstrumentedAttendanceStore>().Which.Inner.Should().BeOfType<PostgreSqlAttendanceStore>();
        (await _database.ScalarAsync("SELECT count(*) FROM communitycontrol.arrivals")).Should().Be(1);
        (await _database.ScalarAsync("SELECT count(*) FROM communitycontrol.attendance WHERE kind = 2")).Should().Be(1);
    }

    [Fact]
    public async Task Itinerary_IsAJsonbArrayInTheArrivalsRow_ReadableInSql()
    {
        var stop = new ItineraryStop { Place = "310104", From = new LocalDate(2022, 7, 1), To = new LocalDate(2022, 7, 3), Level = "High" };
        await new PostgreSqlArrivalStore(_database.DataSource).AppendAsync(ArrivalStoreTests.Arrival("a-1", "p-1", Start, stop, new ItineraryStop { Place = "320500", From = new LocalDate(2022, 7, 4), To = new LocalDate(2022, 7, 4) }));

        (await _database.ScalarAsync("SELECT count(*) FROM communitycontrol.arrivals a, jsonb_array_elements(a.itinerary) s WHERE s->>'place' = '310104' AND s->>'to' = '2022-07-03' AND s->>'level' = 'High'")).Should().Be(1);
        (await _database.ScalarAsync("SELECT count(*) FROM communitycontrol.arrivals a, jsonb_array_elements(a.itinerary) s WHERE s->'level' = 'null'::jsonb")).Should().Be(1, "an unknown level is stored as null");
    }

    [Fact]
    public async Task ARowEditedOutsideTheLibrary_ThrowsInvalidOperationNamingNoPerson()
    {
        var arrivals = new PostgreSqlArrivalStore(_database.DataSource);
        var attendance = new PostgreSqlAttendanceStore(_database.DataSource);
        await arrivals.AppendAsync(ArrivalStoreTests.Arrival("a-1", "p-edited", Start));
        await attendance.AppendAsync(new AttendanceRecord { IdempotencyKey = "c-1", Person = PersonId.From("w-edited"), Kind = AttendanceKind.ClockIn, At = Start });
        await _database.ScalarAsync("WITH u AS (UPDATE communitycontrol.arrivals SET itinerary = '[{\"place\": \"310104\"}]' RETURNING 1) SELECT count(*) FROM u");
        await _database.ScalarAsync("WITH u AS (UPDATE communitycontrol.attendance SET kind = 0 RETURNING 1) SELECT count(*) FROM u");

        (await FluentActions.Awaiting(async () => await arrivals.FindAsync("a-1")).Should().ThrowAsync<InvalidOperationException>())
            .Which.Message.Should().Contain("edited outside the library").And.NotContain("p-edited");
        (await FluentActions.Awaiting(() => ToListAsync(attendance.RecordsAsync(new Interval(null, null)))).Should().ThrowAsync<InvalidOperationException>())
            .Which.ToString().Should().Contain("edited outside the library").And.NotContain("w-edited");

        // A parser quotes the text it could not read; the row's text may be personal, so no inner exception carries it.
        await _database.ScalarAsync("WITH u AS (UPDATE communitycontrol.arrivals SET itinerary = '[{\"place\": \"310104\", \"from\": \"p-edited\", \"to\": \"2022-07-03\", \"level\": null}]' RETURNING 1) SELECT count(*) FROM u");
        var thrown = (await FluentActions.Awaiting(async () => await arrivals.FindAsync("a-1")).Should().ThrowAsync<InvalidOperationException>()).Which;
        thrown.ToString().Should().Contain("edited outside the library").And.Contain(nameof(NodaTime.Text.UnparsableValueException)).And.NotContain("p-edited");
        thrown.InnerException.Should().BeNull();
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}

/// <summary>The step from schema version 3 to 4 on a populated database.</summary>
[Collection(PostgreSqlDatabase.Name)]
public sealed class PostgreSqlArrivalsMigrationTests
{
    private readonly PostgreSqlServer _server;

    public PostgreSqlArrivalsMigrationTests(PostgreSqlServer server) => _server = server;

    [Fact]
    public async Task Migration_FromVersion3_KeepsEveryRecord_AndAddsArrivalsAndAttendance()
    {
        await using var database = await FreshDatabase.CreateAsync(_server, withSchema: false);
        await PostgreSqlRecordsMigrationTests.ApplyScriptsAsync(database.DataSource, 3);
        var passages = new PostgreSqlPassageStore(database.DataSource);
        var reports = new PostgreSqlHealthReportStore(database.DataSource);
        var trail = new PostgreSqlAuditTrail(database.DataSource);
        for (var i = 0; i < 40; i++)
        {
            await PostgreSqlPassageKeysMigrationTests.AppendAsBeforeVersion5Async(database.DataSource, new[] { Passages.At($"k-{i}", "c1-a", $"p-{i % 5}", Passages.Start + Duration.FromHours(i)) });
            await reports.AppendAsync(new HealthReport { IdempotencyKey = $"r-{i}", Person = PersonId.From($"p-{i % 5}"), At = Passages.Start + Duration.FromHours(i), TemperatureCelsius = 36.5 });
            await trail.AppendAsync(new RecordRead { IdempotencyKey = $"a-{i}", At = Passages.Start + Duration.FromHours(i), Reader = PersonId.From("staff-1"), Subject = PersonId.From($"p-{i % 5}"), Kind = RecordKind.Passages, Purpose = "tracing" });
        }

        (await database.ScalarAsync("SELECT (to_regclass('communitycontrol.arrivals') IS NULL)::int")).Should().Be(1, "version 3 has no arrival table");

        (await PostgreSqlSchema.EnsureSchemaAsync(database.DataSource)).Should().Be(3);

        (await database.ScalarAsync("SELECT max(version) FROM communitycontrol.schema_version")).Should().Be(PostgreSqlSchema.CurrentVersion);
        (await database.ScalarAsync("SELECT count(*) FROM communitycontrol.passages")).Should().Be(40);
        (await database.ScalarAsync("SELECT count(*) FROM communitycontrol.health_reports")).Should().Be(40);
        (await database.ScalarAsync("SELECT count(*) FROM communitycontrol.record_reads")).Should().Be(40);
        (await reports.AppendAsync(new HealthReport { IdempotencyKey = "r-7", Person = PersonId.From("p-9"), At = Passages.Start })).IsNew.Should().BeFalse("the keys recorded before the migration still hold");
        (await passages.AppendAsync(Passages.At("k-7", "c1-b", "p-9", Passages.Start))).IsNew.Should().BeFalse();
        var arrival = ArrivalStoreTests.Arrival("a-1", "p-1", Passages.Start, new ItineraryStop { Place = "310104", From = new LocalDate(2022, 3, 25), To = new LocalDate(2022, 3, 28), Level = "High" });
        (await new PostgreSqlArrivalStore(database.DataSource).AppendAsync(arrival)).IsNew.Should().BeTrue();
        (await new PostgreSqlArrivalStore(database.DataSource).FindAsync("a-1")).Should().BeEquivalentTo(arrival);
        (await new PostgreSqlAttendanceStore(database.DataSource).AppendAsync(new AttendanceRecord { IdempotencyKey = "c-1", Person = PersonId.From("w-1"), Kind = AttendanceKind.ClockIn, At = Passages.Start })).Should().BeTrue();
        (await PostgreSqlSchema.EnsureSchemaAsync(database.DataSource)).Should().Be(PostgreSqlSchema.CurrentVersion, "migrating again does nothing");
    }
}
