using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Measures;
using CommunityControl.PostgreSql;
using CommunityControl.Records;
using CommunityControl.Tests.Access;
using CommunityControl.Tests.Records;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Npgsql;
using Xunit;

namespace CommunityControl.Tests.PostgreSql;

/// <summary>A fresh database per test, with the package's schema, dropped afterwards.</summary>
public sealed class FreshDatabase : IAsyncDisposable
{
    private readonly PostgreSqlServer _server;

    private FreshDatabase(PostgreSqlServer server, string name, NpgsqlDataSource dataSource)
    {
        _server = server;
        Name = name;
        DataSource = dataSource;
    }

    public string Name { get; }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<FreshDatabase> CreateAsync(PostgreSqlServer server, bool withSchema = true)
    {
        var name = "cc_" + Guid.NewGuid().ToString("N");
        var dataSource = PostgreSqlSchema.CreateDataSource(await server.CreateDatabaseAsync(name));
        if (withSchema)
        {
            await PostgreSqlSchema.EnsureSchemaAsync(dataSource);
        }

        return new FreshDatabase(server, name, dataSource);
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await using var drop = _server.DataSource.CreateCommand($"DROP DATABASE {Name} WITH (FORCE)");
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>What the PostgreSQL register adds: day partitions, retention by dropping them, bulk ingest by COPY, the migration.</summary>
[Collection(PostgreSqlDatabase.Name)]
public sealed class PostgreSqlPassageStoreTests : IAsyncLifetime
{
    private const string Partitions = "SELECT count(*) FROM pg_inherits WHERE inhparent = 'communitycontrol.passages'::regclass";

    private readonly PostgreSqlServer _server;
    private FreshDatabase _database = null!;

    public PostgreSqlPassageStoreTests(PostgreSqlServer server) => _server = server;

    public async Task InitializeAsync() => _database = await FreshDatabase.CreateAsync(_server);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AppendAsync_EveryFieldRoundTrips_NullsIncluded()
    {
        var store = new PostgreSqlPassageStore(_database.DataSource);
        var full = new PassageRecord
        {
            IdempotencyKey = "gate-01:42",
            Gate = ZoneId.From("c1-a"),
            At = Passages.Start + Duration.FromMilliseconds(1234),
            Person = PersonId.From("p-1"),
            Household = HouseholdId.From("h-1"),
            Direction = GateDirection.Exit,
            Category = PersonCategory.Visitor,
            TemperatureCelsius = 37.45,
            HealthCode = HealthCodeColour.Yellow,
            PassId = "pass-9",
            Outcome = AccessOutcome.Escalate,
            Reasons = (AccessReasons)(1L << 40) | AccessReasons.OutingQuotaExhausted,
            Obligations = AccessObligations.None,
            MissingPermissions = (Permissions)3,
            EscalateTo = (Roles)5,
            Operator = Role.PropertyStaff,
            Device = "gate-01",
        };
        var sparse = new PassageRecord
        {
            IdempotencyKey = "k-sparse",
            Gate = ZoneId.From("c2"),
            At = Passages.Start,
            Person = PersonId.From("p-2"),
            Direction = GateDirection.Entry,
            Outcome = AccessOutcome.Deny,
        };

        await store.AppendAsync(full);
        await store.AppendAsync(sparse);

        (await store.FindAsync("gate-01:42")).Should().BeEquivalentTo(full);
        (await store.FindAsync("k-sparse")).Should().BeEquivalentTo(sparse);
        (await store.FindAsync("k-none")).Should().BeNull();
        store.ToString().Should().Be("PostgreSqlPassageStore");
    }

    [Fact]
    public async Task AppendManyAsync_EveryFieldAndEdgeInstant_StoredAsAppendAsyncStoresThem_FastAndStagedPaths()
    {
        var store = new PostgreSqlPassageStore(_database.DataSource);
        var instants = new[]
        {
            Passages.Start + Duration.FromNanoseconds(1_999),                                     // sub-microsecond digits truncated
            Instant.FromUtc(1999, 12, 31, 23, 59, 58) + Duration.FromNanoseconds(1_500),          // before 2000: truncated toward zero
            Instant.FromUtc(2000, 1, 1, 0, 0),
            Instant.FromUtc(1650, 6, 1, 12, 0) + Duration.FromNanoseconds(1_500),                 // beyond 292 years from 2000
            Instant.FromUtc(2400, 2, 29, 8, 30) - Duration.FromNanoseconds(1_500),
        };
        var records = new List<PassageRecord>();
        for (var i = 0; i < instants.Length * 2; i++)
        {
            var full = i % 2 == 0;
            records.Add(new PassageRecord
            {
                IdempotencyKey = $"k-{i}",
                Gate = ZoneId.From(full ? "c1-a" : "c2"),
                At = instants[i / 2],
                Person = PersonId.From($"p-{i}"),
                Household = full ? HouseholdId.From("h-1") : default,
                Direction = full ? GateDirection.Exit : GateDirection.Entry,
                Category = full ? PersonCategory.Visitor : PersonCategory.Resident,
                TemperatureCelsius = full ? -0.1 + (i * 37.45) : null,
                HealthCode = HealthCodeColour.Yellow,
                PassId = full ? "pass-9" : null,
                Outcome = AccessOutcome.Escalate,
                Reasons = full ? (AccessReasons)(-1L) : AccessReasons.OutingQuotaExhausted,
                Obligations = (AccessObligations)(full ? -1 : 0),
                MissingPermissions = (Permissions)int.MinValue,
                EscalateTo = (Roles)int.MaxValue,
                Operator = Role.PropertyStaff,
                Device = full ? "gate-01" : null,
            });
        }

        foreach (var record in records)
        {
            await store.AppendAsync(Rekeyed(record, "one"));
        }

        (await store.AppendManyAsync(records.Select(r => Rekeyed(r, "fast")))).Should().Be(records.Count);
        var staged = records.Select(r => Rekeyed(r, "staged")).Prepend(Rekeyed(records[0], "fast")).ToList();
        (await store.AppendManyAsync(staged)).Should().Be(records.Count, "a recorded key sends the batch through the staging table");

        foreach (var path in new[] { "fast", "staged" })
        {
            (await _database.ScalarAsync(
                "SELECT count(*) FROM communitycontrol.passages a JOIN communitycontrol.passages b " +
                $"ON b.idempotency_key = '{path}:' || substr(a.idempotency_key, 5) AND a.idempotency_key LIKE 'one:%' " +
                "WHERE (a.gate, a.at, a.person, a.household, a.direction, a.category, a.temperature_celsius, a.health_code, a.pass_id, a.outcome, " +
                "a.reasons, a.obligations, a.missing_permissions, a.escalate_to, a.operator, a.device) IS NOT DISTINCT FROM " +
                "(b.gate, b.at, b.person, b.household, b.direction, b.category, b.temperature_celsius, b.health_code, b.pass_id, b.outcome, " +
                "b.reasons, b.obligations, b.missing_permissions, b.escalate_to, b.operator, b.device)"))
                .Should().Be(records.Count, $"every passage copied by the {path} path is stored as the parameterised append stores it");
        }

        var stored = Instant.FromUtc(1999, 12, 31, 23, 59, 58) + Duration.FromNanoseconds(2_000);
        (await store.FindAsync("fast:k-2")).Should().Be(Rekeyed(records[2], "fast", stored), "microseconds since 2000, truncated toward zero");
        (await store.FindAsync("staged:k-1")).Should().Be(Rekeyed(records[1], "staged", Passages.Start + Duration.FromNanoseconds(1_000)));
    }

    private static PassageRecord Rekeyed(PassageRecord r, string prefix, Instant? at = null) => new()
    {
        IdempotencyKey = $"{prefix}:{r.IdempotencyKey}",
        Gate = r.Gate,
        At = at ?? r.At,
        Person = r.Person,
        Household = r.Household,
        Direction = r.Direction,
        Category = r.Category,
        TemperatureCelsius = r.TemperatureCelsius,
        HealthCode = r.HealthCode,
        PassId = r.PassId,
        Outcome = r.Outcome,
        Reasons = r.Reasons,
        Obligations = r.Obligations,
        MissingPermissions = r.MissingPermissions,
        EscalateTo = r.EscalateTo,
        Operator = r.Operator,
        Device = r.Device,
    };

    [Fact]
    public async Task AppendManyAsync_DuplicatesInTheBatchAndAlreadyRecorded_EachKeyOnce_FirstWins()
    {
        var store = new PostgreSqlPassageStore(_database.DataSource);
        var earlier = Passages.At("k-1", "c1-a", "p-1", Passages.Start);
        await store.AppendAsync(earlier);
        var batch = new List<PassageRecord>
        {
            Passages.At("k-1", "c1-b", "p-9", Passages.Start + Duration.FromHours(1)),       // already recorded
            Passages.At("k-2", "c1-a", "p-1", Passages.Start + Duration.FromDays(1)),
            Passages.At("k-3", "c1-a", "p-1", Passages.Start + Duration.FromDays(1)),        // same instant as k-2, after it
            Passages.At("k-2", "c2", "p-2", Passages.Start + Duration.FromDays(2)),          // repeated in the batch
            Passages.At("k-4", "c1-a", "p-1", Passages.Start - Duration.FromDays(3)),
        };

        var recorded = await store.AppendManyAsync(batch);
        var again = await store.AppendManyAsync(batch);

        recorded.Should().Be(3, "k-2, k-3 and k-4 are new; k-1 was recorded and k-2's second occurrence is a repeat");
        again.Should().Be(0, "a retried batch records nothing");
        (await _database.ScalarAsync("SELECT count(*) FROM communitycontrol.passages")).Should().Be(4);
        (await store.FindAsync("k-1")).Should().BeEquivalentTo(earlier);
        (await store.FindAsync("k-2")).Should().BeEquivalentTo(batch[1], "the first occurrence in the batch wins");
        (await Passages.Keys(store.PassagesOfPersonAsync(PersonId.From("p-1"), new Interval(null, null)))).Should().Equal("k-4", "k-1", "k-2", "k-3");
        (await store.AppendManyAsync(Array.Empty<PassageRecord>())).Should().Be(0);
        await FluentActions.Awaiting(() => store.AppendManyAsync(new PassageRecord[] { earlier, null! })).Should().ThrowAsync<ArgumentNullException>()
            .WithParameterName("records").WithMessage("*position 1*");
    }

    [Fact]
    public async Task AppendManyAsync_FourOverlappingBatchesAtOnce_NothingLostNothingTwice()
    {
        var store = new PostgreSqlPassageStore(_database.DataSource);
        var random = new Random(16);

        // Batch b holds keys [b*500, b*500+1000): each key but the first and last 500 is in two batches, in random order.
        var batches = Enumerable.Range(0, 4).Select(b => Enumerable.Range(b * 500, 1000)
            .OrderBy(_ => random.Next())
            .Select(n => Passages.At($"k-{n}", Gates(n), $"p-{n % 37}", Passages.Start + Duration.FromMinutes(n * 7)))
            .ToList()).ToList();

        var recorded = await Task.WhenAll(batches.Select(b => Task.Run(() => store.AppendManyAsync(b))));

        recorded.Sum().Should().Be(2_500, "keys 0 to 2,499, each recorded by exactly one batch");
        (await _database.ScalarAsync("SELECT count(*) FROM communitycontrol.passages")).Should().Be(2_500);
        (await _database.ScalarAsync("SELECT count(DISTINCT idempotency_key) FROM communitycontrol.passages")).Should().Be(2_500);
        (await _database.ScalarAsync("SELECT count(*) FROM communitycontrol.passage_keys")).Should().Be(2_500);
    }

    [Fact]
    public async Task AppendManyAsync_AllNew_TakesTheFastPath_RepeatsInTheBatchStillOnce_FirstWins()
    {
        var store = new PostgreSqlPassageStore(_database.DataSource);
        var tie = Passages.Start + Duration.FromHours(5);
        var batch = new List<PassageRecord>
        {
            Passages.At("k-b", "c1-a", "p-1", tie),
            Passages.At("k-a", "c1-a", "p-1", tie),                                            // same instant, after k-b
            Passages.At("k-b", "c2", "p-2", tie + Duration.FromDays(1)),                       // repeated in the batch
            Passages.At("k-c", "c1-a", "p-1", tie - Duration.FromDays(1)),
        };

        (await store.AppendManyAsync(batch)).Should().Be(3, "k-a, k-b and k-c are new; k-b's second occurrence is a repeat");
        (await store.AppendManyAsync(batch)).Should().Be(0, "a retried batch records nothing");

        (await store.FindAsync("k-b")).Should().BeEquivalentTo(batch[0], "the first occurrence in the batch wins");
        (await Passages.Keys(store.PassagesOfPersonAsync(PersonId.From("p-1"), new Interval(null, null)))).Should().Equal("k-c", "k-b", "k-a");
        (await _database.ScalarAsync("SELECT count(*) FROM communitycontrol.passages")).Should().Be(3);
        (await _database.ScalarAsync("SELECT count(*) FROM communitycontrol.passage_keys")).Should().Be(3);
    }

    [Fact]
    public async Task AppendManyAsync_FastPath_TiesInTheBatchsOrder_AcrossDaysAndTwoLoadersAtOnce()
    {
        var store = new PostgreSqlPassageStore(_database.DataSource);
        var tie = Passages.Start + Duration.FromHours(7);

        // Two days interleaved; within each, persons run against their own order (p-9 … p-0) and one person has
        // several passages at the tie: whatever order the rows travel in, ties come back in the batch's order.
        List<PassageRecord> Batch(string prefix) => Enumerable.Range(0, 300)
            .Select(n => Passages.At($"{prefix}-{n:D3}", Gates(n), $"p-{9 - (n / 3 % 10)}", n % 3 == 2 ? tie + Duration.FromMinutes(n) : (n % 2 == 0 ? tie : tie + Duration.FromDays(1))))
            .ToList();
        var first = Batch("a");
        var second = Batch("b");

        var counts = await Task.WhenAll(store.AppendManyAsync(first), store.AppendManyAsync(second));
        counts.Should().Equal(300, 300);

        foreach (var at in new[] { tie, tie + Duration.FromDays(1) })
        {
            var expected = first.Concat(second).Where(r => r.At == at).Select(r => r.IdempotencyKey).ToList();
            var stored = await Passages.Keys(store.PassagesWithinAsync(Passages.Tree, ZoneId.From("c1"), new Interval(at, at + Duration.FromTicks(10))));
            var byBatch = stored.GroupBy(k => k[0]).ToDictionary(g => g.Key, g => g.ToList());
            byBatch['a'].Should().Equal(expected.Where(k => k[0] == 'a' && first.Single(r => r.IdempotencyKey == k).Gate.Value.StartsWith("c1", StringComparison.Ordinal)), "ties keep the batch's order");
            byBatch['b'].Should().Equal(expected.Where(k => k[0] == 'b' && second.Single(r => r.IdempotencyKey == k).Gate.Value.StartsWith("c1", StringComparison.Ordinal)), "ties keep the batch's order");
        }

        // Each person's passages come back by instant, then in their batch's order, whatever order the rows were sent in
        // (the two loaders' ties may interleave, as concurrent appends always could).
        foreach (var person in new[] { "p-0", "p-5", "p-9" })
        {
            var expected = first.Concat(second).Where(r => r.Person.Value == person)
                .Select((r, n) => (r, n)).OrderBy(x => x.r.At).ThenBy(x => x.n)
                .Select(x => x.r.IdempotencyKey).ToList();
            var stored = await Passages.Keys(store.PassagesOfPersonAsync(PersonId.From(person), new Interval(null, null)));
            stored.OrderBy(k => k).Should().Equal(expected.OrderBy(k => k));
            stored.Where(k => k[0] == 'a').Should().Equal(expected.Where(k => k[0] == 'a'));
            stored.Where(k => k[0] == 'b').Should().Equal(expected.Where(k => k[0] == 'b'));
        }

        (await _database.ScalarAsync("SELECT count(DISTINCT sequence) FROM communitycontrol.passages")).Should().Be(600, "every passage has its own sequence number");
    }

    [Fact]
    public async Task AppendManyAsync_HalfNewHalfRecorded_RecordsOnlyTheNewInTheBatchsOrder()
    {
        var store = new PostgreSqlPassageStore(_database.DataSource);
        var tie = Passages.Start + Duration.FromHours(3);
        var all = Enumerable.Range(0, 400).Select(n => Passages.At($"k-{n:D3}", Gates(n), $"p-{n % 7}", n % 2 == 0 ? tie : Passages.Start + Duration.FromMinutes(n * 11))).ToList();
        var old = all.Where((_, n) => n % 2 == 1).ToList();
        (await store.AppendManyAsync(old)).Should().Be(200);

        // The same keys again with other contents, interleaved with 200 new ones (every even key at one instant).
        var changed = all.Select((r, n) => n % 2 == 1 ? Passages.At(r.IdempotencyKey, "c2", "p-99", r.At) : r).Reverse().ToList();
        var recorded = await store.AppendManyAsync(changed);

        recorded.Should().Be(200, "only the even keys are new: a sampled key is recorded, so the staged path records the rest");
        (await _database.ScalarAsync("SELECT count(*) FROM communitycontrol.passages")).Should().Be(400);
        (await _database.ScalarAsync("SELECT count(*) FROM communitycontrol.passage_keys")).Should().Be(400);
        (await _database.ScalarAsync("SELECT count(*) FROM communitycontrol.passages WHERE person = 'p-99'")).Should().Be(0, "a recorded key keeps its first record");
        foreach (var record in all)
        {
            (await store.FindAsync(record.IdempotencyKey)).Should().BeEquivalentTo(record);
        }

        // The 200 new passages share one instant: they are returned in the order of the batch that recorded them.
        var atTie = await Passages.Keys(store.PassagesWithinAsync(Passages.Tree, ZoneId.From("c1"), new Interval(tie, tie + Duration.FromTicks(10))));
        var underC1 = changed.Where(r => r.At == tie && r.Gate.Value.StartsWith("c1", StringComparison.Ordinal)).Select(r => r.IdempotencyKey).ToList();
        underC1.Should().HaveCount(160, "4 of the 5 gates are in c1");
        atTie.Should().Equal(underC1);
    }

    [Fact]
    public async Task AppendManyAsync_ARecordedKeyTheSampleMisses_FallsBackFromTheFastPath_RecordsEveryOtherKeyOnce()
    {
        var store = new PostgreSqlPassageStore(_database.DataSource);
        var batch = Enumerable.Range(0, 400).Select(n => Passages.At($"k-{n:D3}", Gates(n), $"p-{n % 7}", Passages.Start + Duration.FromMinutes(n))).ToList();

        // The batch's second key (the sample takes the first, the last and six between) was recorded by an earlier batch.
        (await store.AppendManyAsync(new[] { Passages.At(batch[1].IdempotencyKey, "c2", "p-99", batch[1].At) })).Should().Be(1);
        var recorded = await store.AppendManyAsync(batch);

        recorded.Should().Be(399, "the fast path's COPY fails on the recorded key, and the staged path records the other 399");
        (await _database.ScalarAsync("SELECT count(*) FROM communitycontrol.passages")).Should().Be(400);
        (await _database.ScalarAsync("SELECT count(*) FROM communitycontrol.passage_keys")).Should().Be(400);
        (await store.FindAsync(batch[1].IdempotencyKey))!.Person.Should().Be(PersonId.From("p-99"), "a recorded key keeps its first record");
        (await store.AppendManyAsync(batch)).Should().Be(0, "the same batch again records nothing");
    }

    [Fact]
    public async Task PurgeAsync_DropsTheWholeDaysBefore_DeletesRowsOnlyInTheStraddlingDay()
    {
        var store = new PostgreSqlPassageStore(_database.DataSource);
        var all = new List<PassageRecord>();
        for (var i = 0; i < 5 * 24; i++)
        {
            all.Add(Passages.At($"k-{i}", "c1-a", "p-1", Passages.Start + Duration.FromHours(i)));
        }

        await store.AppendManyAsync(all);
        (await _database.ScalarAsync(Partitions)).Should().Be(5, "one partition per UTC day, created on demand");

        var before = Passages.Start + Duration.FromDays(2) + Duration.FromHours(6);
        var purged = await store.PurgeAsync(before);

        purged.Should().Be(54, "2 whole days of 24 passages and 6 hours of the third");
        (await _database.ScalarAsync(Partitions)).Should().Be(3, "the first two days' partitions are dropped, not emptied");
        (await _database.ScalarAsync("SELECT count(*) FROM communitycontrol.passage_keys")).Should().Be(66);
        (await Passages.Keys(store.PassagesAtGateAsync(ZoneId.From("c1-a"), new Interval(null, null))))
            .Should().Equal(Passages.Brute(all, r => r.At >= before, new Interval(null, null)));
        (await store.FindAsync("k-0")).Should().BeNull();

        // Another process (its own cache of days) purges everything; this one appends into a dropped day again.
        var other = new PostgreSqlPassageStore(_database.DataSource);
        (await other.PurgeAsync(Passages.Start + Duration.FromDays(6))).Should().Be(66);
        (await _database.ScalarAsync(Partitions)).Should().Be(0);
        (await store.AppendAsync(all[100])).IsNew.Should().BeTrue("a purged key is forgotten and its day is created again");
        (await store.AppendManyAsync(all.Take(30))).Should().Be(30);
        (await _database.ScalarAsync(Partitions)).Should().Be(3);
    }

    [Fact]
    public async Task Migration_FromVersion1_KeepsTheOutingsAndAddsTheRegister()
    {
        await using var database = await FreshDatabase.CreateAsync(_server, withSchema: false);
        await ApplyVersion1Async(database.DataSource);
        var ledger = new PostgreSqlOutingLedger(database.DataSource);
        var households = Enumerable.Range(0, 20).Select(i => HouseholdId.From($"h-{i}")).ToArray();
        foreach (var household in households)
        {
            (await ledger.TryStartOutingAsync(household, PersonId.From("p-1"), Passages.Start, 1, Duration.FromDays(2), "r-1")).Should().NotBeNull();
        }

        var from = await PostgreSqlSchema.EnsureSchemaAsync(database.DataSource);

        from.Should().Be(1);
        (await database.ScalarAsync("SELECT max(version) FROM communitycontrol.schema_version")).Should().Be(PostgreSqlSchema.CurrentVersion);
        foreach (var household in households)
        {
            (await ledger.TryStartOutingAsync(household, PersonId.From("p-1"), Passages.Start, 1, Duration.FromDays(2), "r-1")).Should().NotBeNull("the retry finds the outing recorded before the migration");
            (await ledger.TryStartOutingAsync(household, PersonId.From("p-2"), Passages.Start, 1, Duration.FromDays(2), "r-2")).Should().BeNull("the quota was used before the migration");
        }

        var store = new PostgreSqlPassageStore(database.DataSource);
        (await store.AppendAsync(Passages.At("k-1", "c1-a", "p-1", Passages.Start))).IsNew.Should().BeTrue();
        (await database.ScalarAsync("SELECT count(*) FROM communitycontrol.outings")).Should().Be(20);
    }

    [Fact]
    public async Task Queries_ForTracingAndByKey_UseThePersonAndGateIndexes()
    {
        var store = new PostgreSqlPassageStore(_database.DataSource);
        await store.AppendManyAsync(Enumerable.Range(0, 20_000).Select(n => Passages.At($"k-{n}", Gates(n), $"p-{n % 500}", Passages.Start + Duration.FromMinutes(n))));
        await using (var analyze = _database.DataSource.CreateCommand("ANALYZE communitycontrol.passages"))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        var person = await PlanAsync("SELECT * FROM communitycontrol.passages WHERE person = 'p-7' AND at >= '2022-04-02' AND at < '2022-04-05' ORDER BY at, sequence");
        var gate = await PlanAsync("SELECT * FROM communitycontrol.passages WHERE gate = 'c1-b' AND at >= '2022-04-02 10:00' AND at < '2022-04-02 11:00' ORDER BY at, sequence");

        var key = await PlanAsync(
            "SELECT p.* FROM communitycontrol.passage_keys k JOIN communitycontrol.passages p ON p.gate = k.gate AND p.at = k.at AND p.idempotency_key = k.idempotency_key WHERE k.idempotency_key = 'k-777'");

        person.Should().Contain("person_at").And.NotContain("passages_20220401", "partitions outside the interval are pruned");
        gate.Should().Contain("gate_at");
        key.Should().Contain("passage_keys_pkey").And.Contain("gate_at").And.NotContain("Seq Scan", "a key's record is found through its gate and instant");
        (await store.FindAsync("k-777"))!.Gate.Should().Be(ZoneId.From(Gates(777)));
    }

    private static string Gates(int n) => new[] { "c1", "c1-a", "c1-a-1", "c1-b", "c2" }[n % 5];

    private async Task<string> PlanAsync(string sql)
    {
        await using var command = _database.DataSource.CreateCommand("EXPLAIN " + sql);
        await using var reader = await command.ExecuteReaderAsync();
        var plan = new System.Text.StringBuilder();
        while (await reader.ReadAsync())
        {
            plan.AppendLine(reader.GetString(0));
        }

        return plan.ToString();
    }

    // The state EnsureSchemaAsync left in a database before version 2 existed: its bootstrap, then script 1.
    private static async Task ApplyVersion1Async(NpgsqlDataSource dataSource)
    {
        using var stream = typeof(PostgreSqlSchema).Assembly.GetManifestResourceStream("CommunityControl.PostgreSql.Sql.0001_outing_ledger.sql")!;
        var script = await new StreamReader(stream).ReadToEndAsync();
        await using var command = dataSource.CreateCommand(
            "CREATE SCHEMA communitycontrol; CREATE TABLE communitycontrol.schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now()); " +
            script + "; INSERT INTO communitycontrol.schema_version (version) VALUES (1)");
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The step from schema version 4 to 5 on a populated database: the keys learn their gate, the unique (key, instant) index of the register goes.</summary>
[Collection(PostgreSqlDatabase.Name)]
public sealed class PostgreSqlPassageKeysMigrationTests
{
    private readonly PostgreSqlServer _server;

    public PostgreSqlPassageKeysMigrationTests(PostgreSqlServer server) => _server = server;

    [Fact]
    public async Task Migration_FromVersion4_EveryKeyStillFindsItsRecord_RetriesRecordNothing_TheKeyIndexIsGone()
    {
        await using var database = await FreshDatabase.CreateAsync(_server, withSchema: false);
        await PostgreSqlRecordsMigrationTests.ApplyScriptsAsync(database.DataSource, 4);
        var before = Enumerable.Range(0, 300)
            .Select(n => Passages.At($"k-{n}", Passages.Gates[n % Passages.Gates.Length], $"p-{n % 7}", Passages.Start + Duration.FromMinutes(n * 17), household: n % 3 == 0 ? null : "h-1"))
            .ToList();
        await AppendAsBeforeVersion5Async(database.DataSource, before);
        (await database.ScalarAsync("SELECT (to_regclass('communitycontrol.passages_key') IS NOT NULL)::int")).Should().Be(1, "version 4 has the index");

        (await PostgreSqlSchema.EnsureSchemaAsync(database.DataSource)).Should().Be(4);

        (await database.ScalarAsync("SELECT max(version) FROM communitycontrol.schema_version")).Should().Be(PostgreSqlSchema.CurrentVersion);
        (await database.ScalarAsync("SELECT (to_regclass('communitycontrol.passages_key') IS NULL)::int")).Should().Be(1);
        (await database.ScalarAsync("SELECT count(*) FROM pg_indexes WHERE schemaname = 'communitycontrol' AND indexname LIKE 'passages%key%'")).Should().Be(0, "no partition keeps the key index");
        (await database.ScalarAsync("SELECT count(*) FROM communitycontrol.passage_keys k JOIN communitycontrol.passages p USING (idempotency_key, at) WHERE k.gate = p.gate")).Should().Be(300);
        var store = new PostgreSqlPassageStore(database.DataSource);
        foreach (var record in before)
        {
            (await store.FindAsync(record.IdempotencyKey)).Should().Be(record);
        }

        (await store.AppendAsync(Passages.At("k-7", "c2", "p-9", Passages.Start))).Should().Be(new AppendResult<PassageRecord>(before[7], false), "a key recorded before the migration holds");
        (await store.AppendManyAsync(before)).Should().Be(0, "a retried batch records nothing");
        var overlapping = Enumerable.Range(250, 100).Select(n => Passages.At($"k-{n}", "c1-b", "p-8", Passages.Start + Duration.FromMinutes(n * 17))).ToList();
        (await store.AppendManyAsync(overlapping)).Should().Be(50, "only k-300 to k-349 are new");
        (await store.FindAsync("k-349")).Should().Be(overlapping[^1]);
        (await database.ScalarAsync("SELECT count(*) FROM communitycontrol.passages")).Should().Be(350);
        (await database.ScalarAsync("SELECT count(*) FROM communitycontrol.passage_keys WHERE gate IS NULL")).Should().Be(0);
    }

    // A passage as version 4's store appended it: the key and instant, then the record.
    internal static async Task AppendAsBeforeVersion5Async(NpgsqlDataSource dataSource, IEnumerable<PassageRecord> records)
    {
        foreach (var r in records)
        {
            await using var batch = dataSource.CreateBatch();
            var day = new NpgsqlBatchCommand("SELECT communitycontrol.ensure_passage_day($1)");
            day.Parameters.Add(new NpgsqlParameter<LocalDate> { TypedValue = r.At.InUtc().Date });
            var insert = new NpgsqlBatchCommand(
                "WITH k AS (INSERT INTO communitycontrol.passage_keys (idempotency_key, at) VALUES ($1, $3) ON CONFLICT DO NOTHING RETURNING idempotency_key) " +
                "INSERT INTO communitycontrol.passages (idempotency_key, gate, at, person, household, direction, category, temperature_celsius, health_code, pass_id, " +
                "outcome, reasons, obligations, missing_permissions, escalate_to, operator, device) SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17 FROM k");
            var p = insert.Parameters;
            p.Add(new NpgsqlParameter<string> { TypedValue = r.IdempotencyKey });
            p.Add(new NpgsqlParameter<string> { TypedValue = r.Gate.Value });
            p.Add(new NpgsqlParameter<Instant> { TypedValue = r.At });
            p.Add(new NpgsqlParameter<string> { TypedValue = r.Person.Value });
            p.Add(new NpgsqlParameter { Value = r.Household.IsEmpty ? DBNull.Value : r.Household.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            p.Add(new NpgsqlParameter<short> { TypedValue = (short)r.Direction });
            p.Add(new NpgsqlParameter<short> { TypedValue = (short)r.Category });
            p.Add(new NpgsqlParameter { Value = r.TemperatureCelsius is { } t ? t : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Double });
            p.Add(new NpgsqlParameter<short> { TypedValue = (short)r.HealthCode });
            p.Add(new NpgsqlParameter { Value = (object?)r.PassId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            p.Add(new NpgsqlParameter<short> { TypedValue = (short)r.Outcome });
            p.Add(new NpgsqlParameter<long> { TypedValue = (long)r.Reasons });
            p.Add(new NpgsqlParameter<int> { TypedValue = (int)r.Obligations });
            p.Add(new NpgsqlParameter<int> { TypedValue = (int)r.MissingPermissions });
            p.Add(new NpgsqlParameter<int> { TypedValue = (int)r.EscalateTo });
            p.Add(new NpgsqlParameter<int> { TypedValue = (int)r.Operator });
            p.Add(new NpgsqlParameter { Value = (object?)r.Device ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            batch.BatchCommands.Add(day);
            batch.BatchCommands.Add(insert);
            await batch.ExecuteNonQueryAsync();
        }
    }
}
