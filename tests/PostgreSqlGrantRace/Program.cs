using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl;
using CommunityControl.Access;
using CommunityControl.PostgreSql;
using NodaTime;

// Usage: PostgreSqlGrantRace <process> <households> <quota> <threads> <start unix ms>
// The database is COMMUNITYCONTROL_POSTGRES. Each thread asks once for every household (in its own order) for a
// person of its own, half of the threads with a request key; all start at the given instant so the two processes race.
// Prints "granted <n>" (the outings this process was granted) and exits 0, or prints the error and exits 1.
var process = int.Parse(args[0], CultureInfo.InvariantCulture);
var households = int.Parse(args[1], CultureInfo.InvariantCulture);
var quota = int.Parse(args[2], CultureInfo.InvariantCulture);
var threads = int.Parse(args[3], CultureInfo.InvariantCulture);
var start = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(args[4], CultureInfo.InvariantCulture));
var connection = Environment.GetEnvironmentVariable("COMMUNITYCONTROL_POSTGRES") ?? throw new InvalidOperationException("COMMUNITYCONTROL_POSTGRES is not set.");

await using var dataSource = PostgreSqlSchema.CreateDataSource(connection);
var ledger = new PostgreSqlOutingLedger(dataSource);
var noon = Instant.FromUtc(2020, 2, 20, 12, 0);
var window = OutingWindow.Rolling(noon, Duration.FromDays(2));

// Open the pool's connections before the start, so the race is between transactions, not connection set-ups.
await Task.WhenAll(Enumerable.Range(0, threads).Select(async _ => { await using var c = await dataSource.OpenConnectionAsync(); }));
var wait = start - DateTimeOffset.UtcNow;
if (wait > TimeSpan.Zero)
{
    await Task.Delay(wait);
}

try
{
    var grants = await Task.WhenAll(Enumerable.Range(0, threads).Select(thread => Task.Run(async () =>
    {
        var granted = 0;
        for (var i = 0; i < households; i++)
        {
            var household = HouseholdId.From($"h-{(thread + i + process) % households}");
            var person = PersonId.From($"p{process}x{thread}x{i}");
            var key = thread % 2 == 0 ? null : $"gate-{process}-{thread}-{i}";
            if (await ledger.TryStartOutingAsync(household, person, noon, quota, window, key, CancellationToken.None) is not null)
            {
                granted++;
            }
        }

        return granted;
    })));
    Console.WriteLine($"granted {grants.Sum()}");
    return 0;
}
catch (Exception e)
{
    Console.WriteLine(e.GetType().Name + ": " + e.Message);
    return 1;
}
