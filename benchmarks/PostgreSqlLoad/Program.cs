// The PostgreSQL load harness (issue 16, "Performance"): on a local server, beside the in-memory stores,
//   1. the outing ledger: decisions and grants per second, p50/p99 latency, with 16 concurrent gates; over-grants counted;
//   2. the lock choice: advisory xact lock (shipped) vs SELECT … FOR UPDATE on a household row vs SERIALIZABLE with retry,
//      each deciding as the shipped ledger does (one round trip: the lock, then one statement that counts and inserts);
//   3. passage ingest by binary COPY (rows/s): half the register by one loader, half by two at once;
//   4. tracing one case over 14 days in the register (the person's passages, and the full co-presence trace).
// It writes a markdown report (default benchmarks/results/PostgreSqlLoad.md).
//
//   dotnet run -c Release --project benchmarks/PostgreSqlLoad -- [--passages N] [--seconds S] [--ledger-rounds R] [--connection CS] [--output FILE]
//
// --ledger-rounds R (default 1) runs the ledger R times with and without `No Reset On Close`, alternating which goes
// first (A B, B A, A B, …), each round on households of its own: a configuration's figures are then not confounded
// with its place in the order of the phases (later phases have run faster than earlier ones).
//
// The ledger's first PostgreSQL phase is a cold process and is reported as such: .NET's tiered JIT is still compiling
// the optimised code of Npgsql and the ledger on the machine's two cores (with DOTNET_TieredCompilation=0 the same phase
// met the targets: 8,979 grants/s, p99 5.3 ms, against 5,219/s, p99 14.5 ms with tiering). Warm-up slices of one second
// follow until the JIT compiled for less than 10 ms in one; the rounds after them are a gate server's steady state.
//
// Without --connection (or COMMUNITYCONTROL_POSTGRES) it starts a throwaway server with .ci/postgres.sh and stops it at
// the end. It works in a database of its own (cc_load_…), dropped at the end.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using CommunityControl;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Measures;
using CommunityControl.PostgreSql;
using CommunityControl.Records;
using CommunityControl.Zones;
using NodaTime;
using Npgsql;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var passages = 10_000_000L;
var seconds = 10;
var ledgerRounds = 1;
string? connection = Environment.GetEnvironmentVariable("COMMUNITYCONTROL_POSTGRES");
var output = Path.Combine(Repository.Root, "benchmarks", "results", "PostgreSqlLoad.md");
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--passages": passages = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--seconds": seconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--ledger-rounds": ledgerRounds = Math.Max(1, int.Parse(args[++i], CultureInfo.InvariantCulture)); break;
        case "--connection": connection = args[++i]; break;
        case "--output": output = args[++i]; break;
        default:
            Console.Error.WriteLine("usage: PostgreSqlLoad [--passages N] [--seconds S] [--ledger-rounds R] [--connection CS] [--output FILE]");
            return 2;
    }
}

string? startedIn = null;
if (string.IsNullOrWhiteSpace(connection))
{
    (connection, startedIn) = Repository.StartServer();
}

var loadBefore = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
var report = new Report();
var database = "cc_load_" + Guid.NewGuid().ToString("N")[..12];
await using (var admin = PostgreSqlSchema.CreateDataSource(connection))
{
    await Sql.ExecuteAsync(admin, $"CREATE DATABASE {database}");
}

var builder = new NpgsqlConnectionStringBuilder(connection) { Database = database, MaxPoolSize = 64 };
try
{
    await using var dataSource = PostgreSqlSchema.CreateDataSource(builder.ConnectionString);
    await PostgreSqlSchema.EnsureSchemaAsync(dataSource);
    report.Server = (string)(await Sql.ScalarAsync(dataSource, "SELECT version()"))!;
    report.SharedBuffers = (string)(await Sql.ScalarAsync(dataSource, "SHOW shared_buffers"))!;

    // 1. The ledger, 16 gates, a city's spread of households (few collisions): every decision takes the lock and counts.
    var duration = TimeSpan.FromSeconds(seconds);
    report.Ledger.Add(await Ledger.RunAsync("in memory (`InMemoryOutingLedger`)", new InMemoryOutingLedger(), "m", 100_000, duration, null));
    // A cold process first, reported as such: the pool opens its connections, the server makes its first plans, and the
    // JIT still runs the first, unoptimised code of Npgsql and the ledger while it compiles the optimised code on a
    // background thread (tiered compilation), on the same two cores. Then warm-up slices of one second, not reported,
    // until the JIT has settled: a slice in which it compiled for less than 1 % of the time (at most 30 slices). The
    // measured rounds after it are the steady state of a gate server.
    var cold = await Ledger.RunAsync("PostgreSQL (`PostgreSqlOutingLedger`, advisory xact lock), **a cold process** (the first phase: tiered JIT still compiling)", new PostgreSqlOutingLedger(dataSource), "w", 100_000, duration, dataSource);
    report.Ledger.Add(cold);
    for (var slice = 0; slice < 30; slice++)
    {
        var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        var methodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        await Ledger.RunAsync("warm-up", new PostgreSqlOutingLedger(dataSource), $"w{slice}s", 100_000, TimeSpan.FromSeconds(1), dataSource);
        var jit = System.Runtime.JitInfo.GetCompilationTime() - jitBefore;
        var methods = System.Runtime.JitInfo.GetCompiledMethodCount() - methodsBefore;
        report.WarmUp.Add((jit, methods));
        Console.Error.WriteLine($"warm-up slice {slice + 1}: JIT {jit.TotalMilliseconds:N1} ms, {methods} methods");
        if (jit < TimeSpan.FromMilliseconds(10))
        {
            break;
        }
    }

    // The same with `No Reset On Close=true`: Npgsql then skips the session reset it sends with the first statement
    // after each pooled open (7 statements on the server), which the ledger's decision does not need. Round r > 0
    // runs on households of its own (prefix a{r}r / n{r}r), the other configuration first when r is odd.
    await using (var noReset = PostgreSqlSchema.CreateDataSource(new NpgsqlConnectionStringBuilder(builder.ConnectionString) { NoResetOnClose = true }.ConnectionString))
    {
        for (var round = 0; round < ledgerRounds; round++)
        {
            var suffix = ledgerRounds == 1 ? "" : $" (round {round + 1})";
            var tag = round == 0 ? "" : $"{round}r";
            foreach (var withoutReset in round % 2 == 0 ? new[] { false, true } : new[] { true, false })
            {
                report.Ledger.Add(withoutReset
                    ? await Ledger.RunAsync("PostgreSQL (`PostgreSqlOutingLedger`, advisory xact lock), `No Reset On Close=true`" + suffix, new PostgreSqlOutingLedger(noReset), "n" + tag, 100_000, duration, dataSource)
                    : await Ledger.RunAsync("PostgreSQL (`PostgreSqlOutingLedger`, advisory xact lock)" + suffix, new PostgreSqlOutingLedger(dataSource), "a" + tag, 100_000, duration, dataSource));
            }
        }
    }

    // 2. The lock choice, spread and contended (16 gates on 64 households).
    await Sql.ExecuteAsync(dataSource, "CREATE TABLE load_households (household text PRIMARY KEY)");
    foreach (var (label, households) in new[] { ("100,000 households", 100_000), ("64 households (contended)", 64) })
    {
        var half = TimeSpan.FromSeconds(Math.Max(3, seconds / 2));
        var prefix = households == 64 ? "c" : "s";
        await Sql.ExecuteAsync(dataSource, $"INSERT INTO load_households SELECT '{prefix}f' || g FROM generate_series(0, {households - 1}) g ON CONFLICT DO NOTHING");
        report.Locks.Add((label, await Ledger.RunAsync("advisory xact lock (shipped)", new PostgreSqlOutingLedger(dataSource), prefix + "a", households, half, dataSource)));
        report.Locks.Add((label, await Ledger.RunAsync("SELECT … FOR UPDATE on a household row", new RowLockLedger(dataSource), prefix + "f", households, half, dataSource)));
        report.Locks.Add((label, await Ledger.RunAsync("SERIALIZABLE with retry", new SerializableLedger(dataSource), prefix + "z", households, half, dataSource)));
    }

    // 3. Ingest by COPY, then 4. tracing in the register it built.
    var register = new Register(passages);
    await Ingest.RunAsync(report, dataSource, register);
    await Tracing.RunAsync(report, new PostgreSqlPassageStore(dataSource), register, "PostgreSQL", dataSource);

    // The in-memory store beside it, at a size it holds (one append per call).
    var inMemoryRegister = new Register(Math.Min(passages, 1_000_000));
    var inMemory = new InMemoryPassageStore(new RecordStoreOptions { Capacity = (int)inMemoryRegister.Count + 1 });
    var watch = Stopwatch.StartNew();
    for (var i = 0L; i < inMemoryRegister.Count; i++)
    {
        await inMemory.AppendAsync(inMemoryRegister.At(i));
    }

    report.Ingest.Add(("in memory, `AppendAsync` one by one", inMemoryRegister.Count, watch.Elapsed));
    await Tracing.RunAsync(report, inMemory, inMemoryRegister, "in memory", null);
}
finally
{
    await using (var admin = PostgreSqlSchema.CreateDataSource(connection))
    {
        NpgsqlConnection.ClearAllPools();
        await Sql.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
    }

    if (startedIn is not null)
    {
        Repository.StopServer(startedIn);
    }
}

report.LoadBefore = loadBefore;
report.LoadAfter = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
report.Passages = passages;
report.Seconds = seconds;
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, report.ToMarkdown());
Console.WriteLine(report.ToMarkdown());
return 0;

/// <summary>The figures of one ledger run.</summary>
internal sealed record LedgerFigures(string Name, long Decisions, long Grants, long Retries, long OverGrants, TimeSpan Elapsed, double P50Ms, double P99Ms, double MaxMs)
{
    public double DecisionsPerSecond => Decisions / Elapsed.TotalSeconds;

    public double GrantsPerSecond => Grants / Elapsed.TotalSeconds;
}

/// <summary>16 gates asking a ledger for outings (quota 2 per household per 2 days) as fast as it answers.</summary>
internal static class Ledger
{
    public const int Gates = 16;
    public const int Quota = 2;
    public static readonly Duration Window = Duration.FromDays(2);
    public static readonly Instant Noon = Instant.FromUtc(2022, 4, 1, 4, 0);

    public static async Task<LedgerFigures> RunAsync(string name, IOutingLedgerAsync ledger, string prefix, int households, TimeSpan duration, NpgsqlDataSource? dataSource)
    {
        Console.Error.WriteLine($"ledger: {name}, {households} households, {duration.TotalSeconds} s");
        var latencies = new List<long>[Gates];
        var grants = new long[Gates];
        var stop = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, Gates).Select(gate => Task.Run(async () =>
        {
            var random = new Random(gate * 7919);
            var mine = latencies[gate] = new List<long>(1 << 16);
            for (var i = 0; stop.Elapsed < duration; i++)
            {
                var household = HouseholdId.From($"{prefix}{random.Next(households)}");
                var person = PersonId.From($"p{gate}x{i}");
                var started = Stopwatch.GetTimestamp();
                var at = Noon + Duration.FromSeconds(i % 3600);
                var outing = await ledger.TryStartOutingAsync(household, person, at, Quota, OutingWindow.Rolling(at, Window), $"g{gate}r{i}");
                mine.Add(Stopwatch.GetTimestamp() - started);
                if (outing is not null)
                {
                    grants[gate]++;
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        var elapsed = stop.Elapsed;

        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Ms(double q) => all[Math.Min(all.Length - 1, (int)(q * all.Length))] * 1000.0 / Stopwatch.Frequency;
        var granted = grants.Sum();

        // Over-grants: every outing of a household beyond its quota (all starts lie within one hour, so within the window).
        long overGrants;
        if (dataSource is null)
        {
            overGrants = 0;
            for (var h = 0; h < households; h++)
            {
                var count = await ledger.CountOutingsAsync(HouseholdId.From($"{prefix}{h}"), OutingWindow.Rolling(Noon, Window));
                overGrants += Math.Max(0, count - Quota);
            }
        }
        else
        {
            overGrants = (long)(await Sql.ScalarAsync(
                dataSource,
                $"SELECT coalesce(sum(greatest(n - {Quota}, 0)), 0)::bigint FROM (SELECT count(*) n FROM communitycontrol.outings WHERE household ~ '^{prefix}[0-9]+$' GROUP BY household) c"))!;
            var rows = (long)(await Sql.ScalarAsync(dataSource, $"SELECT count(*) FROM communitycontrol.outings WHERE household ~ '^{prefix}[0-9]+$'"))!;
            if (rows != granted)
            {
                throw new InvalidOperationException($"{name}: {granted} grants answered but {rows} outings recorded.");
            }
        }

        var retries = ledger is SerializableLedger s ? s.Retries : 0;
        return new LedgerFigures(name, all.Length, granted, retries, overGrants, elapsed, Ms(0.50), Ms(0.99), Ms(1.0 - 1e-12));
    }
}

/// <summary>The alternative to the advisory lock: a row per household, locked with SELECT … FOR UPDATE.</summary>
internal sealed class RowLockLedger : LedgerVariant
{
    public RowLockLedger(NpgsqlDataSource dataSource)
        : base(dataSource)
    {
    }

    // One round trip, one implicit transaction: the row lock, then the decision (as the shipped ledger's).
    protected override async Task<bool> TryAsync(NpgsqlConnection connection, HouseholdId household, PersonId person, Instant at, int persons, Duration window, string key)
    {
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT 1 FROM load_households WHERE household = $1 FOR UPDATE") { Parameters = { new NpgsqlParameter<string> { TypedValue = household.Value } } });
        batch.BatchCommands.Add(Decide(household, person, at, persons, window, key));
        await batch.PrepareAsync();
        await using var reader = await batch.ExecuteReaderAsync();
        await reader.NextResultAsync();
        return await reader.ReadAsync();
    }
}

/// <summary>The alternative without a lock: SERIALIZABLE, retried on a serialization failure.</summary>
internal sealed class SerializableLedger : LedgerVariant
{
    private long _retries;

    public SerializableLedger(NpgsqlDataSource dataSource)
        : base(dataSource)
    {
    }

    public long Retries => Interlocked.Read(ref _retries);

    // One round trip: BEGIN ISOLATION LEVEL SERIALIZABLE, the decision, COMMIT; the whole batch again on a failure.
    protected override async Task<bool> TryAsync(NpgsqlConnection connection, HouseholdId household, PersonId person, Instant at, int persons, Duration window, string key)
    {
        while (true)
        {
            try
            {
                await using var batch = new NpgsqlBatch(connection);
                batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN ISOLATION LEVEL SERIALIZABLE"));
                batch.BatchCommands.Add(Decide(household, person, at, persons, window, key));
                batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
                await batch.PrepareAsync();
                // The reader starts at the first statement that returns rows: the decision (BEGIN returns none).
                await using var reader = await batch.ExecuteReaderAsync();
                var granted = await reader.ReadAsync();
                while (await reader.NextResultAsync())
                {
                }

                return granted;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected)
            {
                // The failed statement left the transaction block aborted: end it before the next attempt.
                Interlocked.Increment(ref _retries);
                await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
                await rollback.ExecuteNonQueryAsync();
            }
        }
    }
}

/// <summary>A minimal ledger of the harness (start only), over the package's outings table.</summary>
internal abstract class LedgerVariant : IOutingLedgerAsync
{
    private readonly NpgsqlDataSource _dataSource;

    protected LedgerVariant(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    // The variants count a rolling window around the instant (the harness gives one): its half-width is the interval.
    public async ValueTask<Outing?> TryStartOutingAsync(HouseholdId household, PersonId person, Instant at, int persons, OutingWindow? window, string? requestKey = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await TryAsync(connection, household, person, at, persons, window!.Value.Before - at, requestKey!) ? new Outing(0, household, person, at, null) : null;
    }

    public ValueTask<int> CountOutingsAsync(HouseholdId household, OutingWindow window, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public ValueTask<int> CountOpenOutingsAsync(HouseholdId household, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public ValueTask<Outing?> FindOpenOutingAsync(HouseholdId household, PersonId person, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public ValueTask<Outing?> TryEndOutingAsync(HouseholdId household, PersonId person, Instant at, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public ValueTask<IReadOnlyList<Outing>> OutingsOfAsync(HouseholdId household, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    protected abstract Task<bool> TryAsync(NpgsqlConnection connection, HouseholdId household, PersonId person, Instant at, int persons, Duration window, string key);

    // The shipped ledger's decision statement: the request's earlier outing, else the count and, when both allow, the
    // insert; a row when granted (or found).
    protected static NpgsqlBatchCommand Decide(HouseholdId household, PersonId person, Instant at, int persons, Duration window, string key) => new(
        "WITH earlier AS (SELECT sequence FROM communitycontrol.outings WHERE household = $1 AND request_key = $4), " +
        "recorded AS (INSERT INTO communitycontrol.outings (household, person, started_at, request_key) SELECT $1, $2, $3, $4 " +
        "WHERE NOT EXISTS (SELECT FROM earlier) AND (SELECT count(*) FROM communitycontrol.outings WHERE household = $1 AND started_at > $6 AND started_at < $7) < $5 " +
        "RETURNING sequence) " +
        "SELECT sequence FROM earlier UNION ALL SELECT sequence FROM recorded")
    {
        Parameters =
        {
            new NpgsqlParameter<string> { TypedValue = household.Value },
            new NpgsqlParameter<string> { TypedValue = person.Value },
            new NpgsqlParameter<Instant> { TypedValue = at },
            new NpgsqlParameter<string> { TypedValue = key },
            new NpgsqlParameter<long> { TypedValue = persons },
            new NpgsqlParameter<Instant> { TypedValue = at - window },
            new NpgsqlParameter<Instant> { TypedValue = at + window },
        },
    };
}

/// <summary>A deterministic register: passage i of N, over 30 days, 2,000 gates, one person per 50 passages.</summary>
internal sealed class Register
{
    public static readonly Instant Start = Instant.FromUtc(2022, 4, 1, 0, 0);
    public const int Days = 30;
    public const int GateCount = 2_000;

    public Register(long count)
    {
        Count = count;
        Persons = Math.Max(1, count / 50);
    }

    public long Count { get; }

    public long Persons { get; }

    public Instant End => Start + Duration.FromDays(Days);

    public static string Gate(long g) => $"g-{g}";

    public PassageRecord At(long i)
    {
        // Spread over the 30 days in order (as gates report), with a pseudo-random person and gate.
        var mix = unchecked((ulong)i * 0x9E3779B97F4A7C15UL);
        return new PassageRecord
        {
            IdempotencyKey = $"k-{i}",
            Gate = ZoneId.From(Gate((long)(mix % GateCount))),
            At = Start + Duration.FromMilliseconds(i * (Days * 86_400_000L) / Count),
            Person = PersonId.From($"p-{(long)((mix >> 20) % (ulong)Persons)}"),
            Household = HouseholdId.From($"h-{(long)((mix >> 20) % (ulong)Persons) / 3}"),
            Direction = (i & 1) == 0 ? GateDirection.Exit : GateDirection.Entry,
            Category = PersonCategory.Resident,
            TemperatureCelsius = 36.5,
            HealthCode = HealthCodeColour.Green,
            Outcome = AccessOutcome.Allow,
            Operator = Role.PropertyStaff,
            Device = "gate-device",
        };
    }
}

/// <summary>
/// Bulk ingest by COPY in batches of 100,000: the first half of the register by one loader (one batch at a time), the
/// second half by two loaders at once (two gate servers, each sending its own batches), timed by the wall clock.
/// </summary>
internal static class Ingest
{
    public const int Batch = 100_000;

    public static async Task RunAsync(Report report, NpgsqlDataSource dataSource, Register register)
    {
        var store = new PostgreSqlPassageStore(dataSource);
        var half = register.Count / 2 / Batch * Batch;
        var copying = TimeSpan.Zero;
        var recorded = 0L;
        for (var from = 0L; from < half; from += Batch)
        {
            var batch = BatchAt(register, from);
            var watch = Stopwatch.StartNew();
            recorded += await store.AppendManyAsync(batch);
            copying += watch.Elapsed;
            Console.Error.WriteLine($"ingest: {from + batch.Count:N0} rows, {(from + batch.Count) / copying.TotalSeconds:N0} rows/s");
        }

        // The second half: two loaders, each taking every other batch; the batches are made before the clock starts.
        var batches = new List<List<PassageRecord>>();
        for (var from = half; from < register.Count; from += Batch)
        {
            batches.Add(BatchAt(register, from));
        }

        var both = Stopwatch.StartNew();
        var loaded = await Task.WhenAll(Enumerable.Range(0, 2).Select(async loader =>
        {
            var count = 0L;
            for (var b = loader; b < batches.Count; b += 2)
            {
                count += await store.AppendManyAsync(batches[b]);
            }

            return count;
        }));
        var twoLoaders = both.Elapsed;
        recorded += loaded.Sum();
        Console.Error.WriteLine($"ingest, two loaders: {register.Count - half:N0} rows, {(register.Count - half) / twoLoaders.TotalSeconds:N0} rows/s");

        if (recorded != register.Count)
        {
            throw new InvalidOperationException($"{register.Count} passages sent, {recorded} recorded.");
        }

        if (half > 0)
        {
            report.Ingest.Add(("PostgreSQL, `AppendManyAsync`, one loader (binary COPY, 100,000 per batch, indexes in place; the register's first half)", half, copying));
        }

        report.Ingest.Add(("PostgreSQL, `AppendManyAsync`, two loaders at once (two gate servers, each its own batches; the second half, wall clock)", register.Count - half, twoLoaders));

        // A retried batch: nothing recorded twice.
        var retry = BatchAt(register, 0);
        var again = Stopwatch.StartNew();
        var twice = await store.AppendManyAsync(retry);
        report.RetriedBatch = (retry.Count, twice, again.Elapsed);
        await Sql.ExecuteAsync(dataSource, "VACUUM ANALYZE communitycontrol.passages");
        report.RegisterSize = (string)(await Sql.ScalarAsync(dataSource, "SELECT pg_size_pretty(sum(pg_total_relation_size(inhrelid))) FROM pg_inherits WHERE inhparent = 'communitycontrol.passages'::regclass"))!;
    }

    private static List<PassageRecord> BatchAt(Register register, long from)
    {
        var batch = new List<PassageRecord>(Batch);
        for (var i = from; i < Math.Min(register.Count, from + Batch); i++)
        {
            batch.Add(register.At(i));
        }

        return batch;
    }
}

/// <summary>Tracing one case over 14 days: the person's passages, then the full co-presence trace (±30 min at each gate).</summary>
internal static class Tracing
{
    public static async Task RunAsync(Report report, IPassageStore store, Register register, string name, NpgsqlDataSource? dataSource)
    {
        var random = new Random(14);
        var period = new Interval(register.End - Duration.FromDays(14), register.End);
        var persons = new List<double>();
        var traces = new List<double>();
        var found = 0L;
        var contacts = 0L;
        for (var i = 0; i < 25; i++)
        {
            var person = PersonId.From($"p-{random.NextInt64(register.Persons)}");
            var watch = Stopwatch.StartNew();
            await foreach (var _ in store.PassagesOfPersonAsync(person, period))
            {
                found++;
            }

            persons.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var trace = await CoPresenceTracing.TraceAsync(store, new CoPresenceQuery { Case = person, InfectiousPeriod = period, Window = Duration.FromMinutes(30) });
            traces.Add(watch.Elapsed.TotalMilliseconds);
            contacts += trace.Contacts.Count;
        }

        string? plan = null;
        if (dataSource is not null)
        {
            await using var command = dataSource.CreateCommand($"EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM communitycontrol.passages WHERE person = 'p-1' AND at >= '{period.Start}' AND at < '{period.End}' ORDER BY at, sequence");
            await using var reader = await command.ExecuteReaderAsync();
            var lines = new List<string>();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }

            // The head of the plan (the first day's scan) and its totals; every day of the interval is scanned the same way.
            var scans = lines.Count(l => l.Contains("Index Scan", StringComparison.Ordinal));
            plan = string.Join(Environment.NewLine, lines.Take(12)) + Environment.NewLine +
                $"        … ({scans} index scans in all, one per day partition of the interval)" + Environment.NewLine +
                string.Join(Environment.NewLine, lines.Skip(Math.Max(12, lines.Count - 2))) + Environment.NewLine;
        }

        report.Tracing.Add(new TracingFigures(name, register.Count, persons.Order().ToArray(), traces.Order().ToArray(), found / 25.0, contacts / 25.0, plan));
    }
}

internal sealed record TracingFigures(string Store, long Register, double[] PersonMs, double[] TraceMs, double PassagesPerCase, double ContactsPerCase, string? Plan);

internal sealed class Report
{
    public string Server { get; set; } = "";

    public string SharedBuffers { get; set; } = "";

    public string LoadBefore { get; set; } = "";

    public string LoadAfter { get; set; } = "";

    public long Passages { get; set; }

    public int Seconds { get; set; }

    public string RegisterSize { get; set; } = "";

    public (int Rows, long Recorded, TimeSpan Elapsed) RetriedBatch { get; set; }

    public List<LedgerFigures> Ledger { get; } = new();

    public List<(TimeSpan Jit, long Methods)> WarmUp { get; } = new();

    public List<(string Scenario, LedgerFigures Figures)> Locks { get; } = new();

    public List<(string Name, long Rows, TimeSpan Elapsed)> Ingest { get; } = new();

    public List<TracingFigures> Tracing { get; } = new();

    public string ToMarkdown()
    {
        var s = new StringBuilder();
        s.AppendLine("# PostgreSQL load (issue 16)");
        s.AppendLine();
        s.AppendLine($"Made by `benchmarks/PostgreSqlLoad` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {Server}, shared_buffers {SharedBuffers}, fsync off (the throwaway server of `.ci/postgres.sh`), client and server on the same machine.");
        s.AppendLine($"Load average (1, 5, 15 min) before: `{LoadBefore}`, after: `{LoadAfter}`. Register: {Passages:N0} passages; ledger phases {Seconds} s (lock comparison {Math.Max(3, Seconds / 2)} s each).");
        s.AppendLine();
        s.AppendLine("## Ledger: 16 concurrent gates, quota 2 per household per 2 days (target ≥ 5,000 grants/s, p99 ≤ 10 ms, 0 over-grants)");
        s.AppendLine();
        LedgerTable(s, Ledger.Select(l => ("100,000 households", l)));
        s.AppendLine();
        s.AppendLine($"Between the cold phase and round 1: {WarmUp.Count} warm-up slices of 1 s (not reported), until the JIT compiled for less than 10 ms in one; JIT time and methods compiled per slice: {string.Join(", ", WarmUp.Select(w => $"{w.Jit.TotalMilliseconds:N0} ms / {w.Methods}"))}.");
        s.AppendLine();
        s.AppendLine("## The lock choice: 16 gates, the same transaction under each (decisions/s include denials; each takes the lock and counts)");
        s.AppendLine();
        LedgerTable(s, Locks);
        s.AppendLine();
        s.AppendLine("## Passage ingest (target ≥ 100,000 rows/s by COPY)");
        s.AppendLine();
        s.AppendLine("| store | rows | seconds | rows/s |");
        s.AppendLine("|---|---:|---:|---:|");
        foreach (var (name, rows, elapsed) in Ingest)
        {
            s.AppendLine($"| {name} | {rows:N0} | {elapsed.TotalSeconds:N1} | **{rows / elapsed.TotalSeconds:N0}** |");
        }

        s.AppendLine();
        s.AppendLine($"A retried batch of {RetriedBatch.Rows:N0} (every key already recorded): {RetriedBatch.Recorded} recorded, {RetriedBatch.Elapsed.TotalSeconds:N1} s. The register on disk, indexes included: {RegisterSize}.");
        s.AppendLine();
        s.AppendLine("## Tracing one case over 14 days (target ≤ 100 ms), 25 random cases");
        s.AppendLine();
        s.AppendLine("| store | register | the case's passages: p50 / max ms | full co-presence trace (±30 min at each gate): p50 / max ms | passages per case | contacts per case |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var t in Tracing)
        {
            s.AppendLine($"| {t.Store} | {t.Register:N0} | **{t.PersonMs[t.PersonMs.Length / 2]:N2}** / {t.PersonMs[^1]:N2} | **{t.TraceMs[t.TraceMs.Length / 2]:N1}** / {t.TraceMs[^1]:N1} | {t.PassagesPerCase:N1} | {t.ContactsPerCase:N1} |");
        }

        foreach (var t in Tracing.Where(t => t.Plan is not null))
        {
            s.AppendLine();
            s.AppendLine($"The plan of the case's query ({t.Store}):");
            s.AppendLine();
            s.AppendLine("```");
            s.Append(t.Plan);
            s.AppendLine("```");
        }

        return s.ToString();
    }

    private static void LedgerTable(StringBuilder s, IEnumerable<(string Scenario, LedgerFigures F)> rows)
    {
        s.AppendLine("| households | ledger | decisions/s | grants/s | p50 ms | p99 ms | max ms | serialization retries | over-grants |");
        s.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (scenario, f) in rows)
        {
            s.AppendLine($"| {scenario} | {f.Name} | {f.DecisionsPerSecond:N0} | **{f.GrantsPerSecond:N0}** | {f.P50Ms:N2} | **{f.P99Ms:N2}** | {f.MaxMs:N1} | {f.Retries:N0} | **{f.OverGrants}** |");
        }
    }
}

internal static class Sql
{
    public static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<object?> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        return await command.ExecuteScalarAsync();
    }
}

internal static class Repository
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CommunityControl.Sdk.sln")))
                {
                    return dir.FullName;
                }
            }

            return Directory.GetCurrentDirectory();
        }
    }

    public static (string Connection, string Directory) StartServer()
    {
        var (code, text) = Run("start");
        if (code != 0)
        {
            throw new InvalidOperationException("No server: set COMMUNITYCONTROL_POSTGRES or install PostgreSQL. .ci/postgres.sh said: " + text);
        }

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (lines.First(l => l.StartsWith("COMMUNITYCONTROL_POSTGRES=", StringComparison.Ordinal))["COMMUNITYCONTROL_POSTGRES=".Length..],
                lines.First(l => l.StartsWith("COMMUNITYCONTROL_POSTGRES_DIR=", StringComparison.Ordinal))["COMMUNITYCONTROL_POSTGRES_DIR=".Length..]);
    }

    public static void StopServer(string directory) => Run("stop", directory);

    private static (int Code, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Root, ".ci", "postgres.sh"));
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, text + error.Result);
    }
}
