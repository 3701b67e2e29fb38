using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CommunityControl.PostgreSql;
using CommunityControl.Records;
using CommunityControl.Tests.Records;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.PostgreSql;

/// <summary>
/// Schema version 6: the keys' instant index is BRIN and the register's tracing indexes are (person, at) and
/// (gate, at). The step from version 5 on a populated database, the purge through the BRIN index, and the bulk
/// ingest's COPY into each day's partition.
/// </summary>
[Collection(PostgreSqlDatabase.Name)]
public sealed class PostgreSqlPassageIndexesMigrationTests
{
    private static readonly string[] GateIds = { "c1", "c1-a", "c1-a-1", "c1-b", "c2" };

    private readonly PostgreSqlServer _server;

    public PostgreSqlPassageIndexesMigrationTests(PostgreSqlServer server) => _server = server;

    [Fact]
    public async Task Migration_FromVersion5_RebuildsTheIndexes_EveryQueryAnswersAsBefore_TiesKeepTheirOrder()
    {
        await using var database = await FreshDatabase.CreateAsync(_server, withSchema: false);
        await PostgreSqlRecordsMigrationTests.ApplyScriptsAsync(database.DataSource, 5);
        var tie = Passages.Start + Duration.FromHours(30);
        var recorded = new List<PassageRecord>();
        var store = new PostgreSqlPassageStore(database.DataSource);
        for (var batch = 0; batch < 3; batch++)
        {
            // Every fifth passage at one instant, the rest over four days; each batch recorded by its own connection.
            var records = Enumerable.Range(batch * 200, 200)
                .Select(n => Passages.At($"k-{n:D4}", GateIds[n % 5], $"p-{n % 7}", n % 5 == 0 ? tie : Passages.Start + Duration.FromMinutes(n * 9)))
                .ToList();
            (await store.AppendManyAsync(records)).Should().Be(200);
            recorded.AddRange(records);
        }

        var single = Passages.At("k-single", "c1-a", "p-0", tie);
        (await new PostgreSqlPassageStore(database.DataSource).AppendAsync(single)).IsNew.Should().BeTrue();
        recorded.Add(single);
        var before = await AnswersAsync(store);
        before.Values.Sum(v => v.Count).Should().BeGreaterThan(600);

        (await PostgreSqlSchema.EnsureSchemaAsync(database.DataSource)).Should().Be(5);

        (await database.ScalarAsync("SELECT max(version) FROM communitycontrol.schema_version")).Should().Be(PostgreSqlSchema.CurrentVersion);
        (await database.ScalarAsync("SELECT count(*) FROM pg_class c JOIN pg_am a ON a.oid = c.relam WHERE c.relname = 'passage_keys_at' AND a.amname = 'brin'")).Should().Be(1);
        var partitions = await database.ScalarAsync("SELECT count(*) FROM pg_inherits WHERE inhparent = 'communitycontrol.passages'::regclass");
        partitions.Should().Be(4);
        (await database.ScalarAsync(
            "SELECT count(*) FROM pg_indexes WHERE schemaname = 'communitycontrol' AND tablename LIKE 'passages_2%' " +
            "AND (indexdef LIKE '%(person, at) WITH (deduplicate_items=off)' OR indexdef LIKE '%(gate, at) WITH (deduplicate_items=off)')"))
            .Should().Be(2 * partitions, "each day partition has the two tracing indexes, rebuilt");
        (await database.ScalarAsync("SELECT count(*) FROM pg_indexes WHERE schemaname = 'communitycontrol' AND tablename LIKE 'passages%' AND indexdef LIKE '%sequence%'"))
            .Should().Be(0);

        var after = await AnswersAsync(store);
        after.Keys.Should().BeEquivalentTo(before.Keys);
        foreach (var (query, keys) in before)
        {
            after[query].Should().Equal(keys, "{0} answers as before the migration, ties in the order recorded", query);
            keys.Should().Equal(Expected(recorded, query), "{0} matches a scan of the records", query);
        }

        foreach (var record in recorded)
        {
            (await store.FindAsync(record.IdempotencyKey)).Should().Be(record);
        }

        // Appends after the migration: a retry records nothing, an overlap only its new keys, a new tie sorts last.
        (await store.AppendManyAsync(recorded)).Should().Be(0);
        var overlapping = Enumerable.Range(550, 100).Select(n => Passages.At($"k-{n:D4}", "c1-a", "p-0", tie)).ToList();
        (await store.AppendManyAsync(overlapping)).Should().Be(50, "k-0600 to k-0649 are new");
        var later = Passages.At("k-later", "c1-a", "p-0", tie);
        (await new PostgreSqlPassageStore(database.DataSource).AppendAsync(later)).IsNew.Should().BeTrue();
        recorded.AddRange(overlapping.Skip(50));
        recorded.Add(later);
        var atTie = await Passages.Keys(store.PassagesAtGateAsync(ZoneId.From("c1-a"), new Interval(tie, tie + Duration.FromMilliseconds(1))));
        atTie.Should().Equal(recorded.Where(r => r.At == tie && r.Gate.Value == "c1-a").Select(r => r.IdempotencyKey));
        atTie[^1].Should().Be("k-later");
    }

    [Fact]
    public async Task PurgeAsync_KeysCopiedOutOfTimeOrder_ThroughSummarisedAndNewRanges_ForgetsExactlyThePurgedKeys()
    {
        await using var database = await FreshDatabase.CreateAsync(_server);
        var store = new PostgreSqlPassageStore(database.DataSource);
        var all = new List<PassageRecord>();

        // Each batch's instants are scattered over six days (the keys are COPYed in key order, so every page range of
        // the keys holds instants of every day): more than one BRIN range, summarised by VACUUM, then one not summarised.
        for (var batch = 0; batch < 4; batch++)
        {
            var size = batch < 3 ? 10_000 : 2_000;
            var records = Enumerable.Range(batch * 10_000, size)
                .Select(n => Passages.At($"k-{n:D6}", GateIds[n % 5], $"p-{n % 97}", Passages.Start + Duration.FromMinutes((n * 7919L) % (6 * 24 * 60))))
                .ToList();
            (await store.AppendManyAsync(records)).Should().Be(size);
            all.AddRange(records);
            if (batch == 2)
            {
                await using var vacuum = database.DataSource.CreateCommand("VACUUM communitycontrol.passage_keys");
                await vacuum.ExecuteNonQueryAsync();
            }
        }

        (await database.ScalarAsync("SELECT pg_relation_size('communitycontrol.passage_keys') / current_setting('block_size')::int"))
            .Should().BeGreaterThan(128, "the keys span more than one BRIN page range");

        var before = Passages.Start + Duration.FromDays(3) + Duration.FromMinutes(301);
        // Through the BRIN index alone (the planner may prefer a sequential scan for the purge's own statement).
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await using (var off = new Npgsql.NpgsqlCommand("SET enable_seqscan = off", connection))
            {
                await off.ExecuteNonQueryAsync();
            }

            var plan = new System.Text.StringBuilder();
            await using (var explain = new Npgsql.NpgsqlCommand("EXPLAIN SELECT count(*) FROM communitycontrol.passage_keys WHERE at < $1", connection))
            {
                explain.Parameters.Add(new Npgsql.NpgsqlParameter<Instant> { TypedValue = before });
                await using var reader = await explain.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    plan.AppendLine(reader.GetString(0));
                }
            }

            plan.ToString().Should().Contain("Bitmap Index Scan on passage_keys_at");
            await using var scan = new Npgsql.NpgsqlCommand("SELECT count(*) FROM communitycontrol.passage_keys WHERE at < $1", connection);
            scan.Parameters.Add(new Npgsql.NpgsqlParameter<Instant> { TypedValue = before });
            ((long)(await scan.ExecuteScalarAsync())!).Should().Be(all.Count(r => r.At < before));
        }

        var purged = await store.PurgeAsync(before);

        var kept = all.Where(r => r.At >= before).Select(r => r.IdempotencyKey).OrderBy(k => k, StringComparer.Ordinal).ToList();
        purged.Should().Be(all.Count - kept.Count);
        (await KeysAsync(database)).Should().Equal(kept, "the keys before the instant are forgotten, every other one kept");
        var purgedOne = all.First(r => r.At < before);
        var keptOne = all.First(r => r.At >= before);
        (await store.FindAsync(purgedOne.IdempotencyKey)).Should().BeNull();
        (await store.FindAsync(keptOne.IdempotencyKey)).Should().Be(keptOne);
        (await store.AppendManyAsync(all)).Should().Be(all.Count - kept.Count, "a purged key is new again, a kept one is not");
    }

    [Fact]
    public async Task AppendManyAsync_DaysInterleaved_CopiesEachDayIntoItsPartition_TiesInTheBatchsOrder_AfterAPurgeElsewhereToo()
    {
        await using var database = await FreshDatabase.CreateAsync(_server);
        var store = new PostgreSqlPassageStore(database.DataSource);
        var ties = new[] { Passages.Start + Duration.FromHours(2), Passages.Start + Duration.FromDays(1) + Duration.FromHours(2), Passages.Start + Duration.FromDays(2) };

        // Three days interleaved passage by passage, a third of them at one instant of their day.
        var batch = Enumerable.Range(0, 300)
            .Select(n => Passages.At($"k-{n:D3}", GateIds[n % 5], $"p-{n % 4}", n % 3 == 0 ? ties[(n / 3) % 3] : ties[n % 3] + Duration.FromMinutes(n)))
            .ToList();
        (await store.AppendManyAsync(batch)).Should().Be(300);
        await ExpectRegisterAsync(database, store, batch);

        // Another process drops every day; this store still believes they exist, and copies into them again.
        (await new PostgreSqlPassageStore(database.DataSource).PurgeAsync(Passages.Start + Duration.FromDays(5))).Should().Be(300);
        (await database.ScalarAsync("SELECT count(*) FROM pg_inherits WHERE inhparent = 'communitycontrol.passages'::regclass")).Should().Be(0);
        var again = batch.Select(r => Passages.At("again:" + r.IdempotencyKey, r.Gate.Value, r.Person.Value, r.At)).ToList();
        (await store.AppendManyAsync(again)).Should().Be(300, "the dropped days are created again and the batch recorded once");
        await ExpectRegisterAsync(database, store, again);
        (await store.AppendManyAsync(again)).Should().Be(0);
    }

    private static async Task ExpectRegisterAsync(FreshDatabase database, PostgreSqlPassageStore store, List<PassageRecord> recorded)
    {
        (await database.ScalarAsync("SELECT count(*) FROM communitycontrol.passages")).Should().Be(recorded.Count);
        (await database.ScalarAsync("SELECT count(*) FROM communitycontrol.passage_keys")).Should().Be(recorded.Count);
        foreach (var (query, keys) in await AnswersAsync(store))
        {
            keys.Should().Equal(Expected(recorded, query), "{0} matches a scan of the batch, ties in the batch's order", query);
        }
    }

    private static async Task<List<string>> KeysAsync(FreshDatabase database)
    {
        await using var command = database.DataSource.CreateCommand("SELECT idempotency_key FROM communitycontrol.passage_keys ORDER BY idempotency_key COLLATE \"C\"");
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    // Every person's and gate's passages over the whole register, and those within c1 at the tie.
    private static async Task<Dictionary<string, List<string>>> AnswersAsync(PostgreSqlPassageStore store)
    {
        var answers = new Dictionary<string, List<string>>();
        for (var p = 0; p < 7; p++)
        {
            answers[$"person p-{p}"] = await Passages.Keys(store.PassagesOfPersonAsync(PersonId.From($"p-{p}"), new Interval(null, null)));
        }

        foreach (var gate in GateIds)
        {
            answers[$"gate {gate}"] = await Passages.Keys(store.PassagesAtGateAsync(ZoneId.From(gate), new Interval(null, null)));
        }

        answers["within c1"] = await Passages.Keys(store.PassagesWithinAsync(Passages.Tree, ZoneId.From("c1"), new Interval(null, null)));
        return answers;
    }

    // The same answer by a scan of the records in the order recorded (a stable sort by instant keeps that order in ties).
    private static List<string> Expected(List<PassageRecord> recorded, string query)
    {
        var everything = new Interval(null, null);
        var name = query[(query.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        return query.StartsWith("person", StringComparison.Ordinal)
            ? Passages.Brute(recorded, r => r.Person.Value == name, everything)
            : query.StartsWith("gate", StringComparison.Ordinal)
                ? Passages.Brute(recorded, r => r.Gate.Value == name, everything)
                : Passages.Brute(recorded, r => r.Gate.Value.StartsWith("c1", StringComparison.Ordinal), everything);
    }
}
