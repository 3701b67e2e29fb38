using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Access;
using CommunityControl.PostgreSql;
using CommunityControl.Records;
using CommunityControl.Tests.Access;
using CommunityControl.Tests.Records;
using FluentAssertions;
using NodaTime;
using Npgsql;
using Xunit;
using static CommunityControl.Tests.Access.GateFixture;

namespace CommunityControl.Tests.PostgreSql;

/// <summary>
/// Faults under load (issue 16 item 5): the server restarted during a burst, a statement timeout, two OS processes of
/// eight gates each on the same households. No over-grant, no record lost or recorded twice, a clear exception to the
/// caller (<see cref="NpgsqlException"/>, which the stores document).
/// </summary>
[Collection(PostgreSqlDatabase.Name)]
public sealed class PostgreSqlFaultTests
{
    private const int Quota = 2;

    private readonly PostgreSqlServer _server;

    public PostgreSqlFaultTests(PostgreSqlServer server) => _server = server;

    [Fact]
    public async Task Burst_ServerRestartedMidway_NoOverGrant_NothingLostOrRecordedTwice()
    {
        const int Households = 30;
        const int Gates = 8;
        await using var server = await PostgreSqlServer.StartDedicatedAsync();
        var ledger = new PostgreSqlOutingLedger(server.DataSource);
        var passages = new PostgreSqlPassageStore(server.DataSource);
        var granted = new ConcurrentBag<(HouseholdId Household, PersonId Person)>();
        var failures = new ConcurrentBag<Exception>();
        var done = 0;
        var restartedAfter = -1;

        // The restart comes after a quarter of the burst, while the gates go on; a gate that reaches half waits for it to
        // finish, so that on a slow machine the burst cannot end before the server goes down.
        var restarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var restart = Task.Run(async () =>
        {
            while (Volatile.Read(ref done) < Households * Gates / 4)
            {
                await Task.Delay(5);
            }

            restartedAfter = Volatile.Read(ref done);
            try
            {
                server.Restart();
            }
            finally
            {
                restarted.TrySetResult();
            }
        });

        await Task.WhenAll(Enumerable.Range(0, Gates).Select(gate => Task.Run(async () =>
        {
            for (var i = 0; i < Households; i++)
            {
                var household = HouseholdId.From($"h-{(gate + i) % Households}");
                var person = PersonId.From($"p{gate}x{i}");

                // A gate retries with the same request key and the same passage key until the database answers.
                var outing = await RetryAsync(() => ledger.TryStartOutingAsync(household, person, Noon, Quota, Duration.FromDays(2), $"req-{gate}-{i}").AsTask(), failures);
                if (outing is not null)
                {
                    granted.Add((household, person));
                }

                await RetryAsync(() => passages.AppendAsync(Passages.At($"pass-{gate}-{i}", "c1-a", person.Value, Passages.Start + Duration.FromSeconds(i))).AsTask(), failures);
                if (Interlocked.Increment(ref done) >= Households * Gates / 2)
                {
                    await restarted.Task;
                }
            }
        })));
        await restart;

        restartedAfter.Should().BeInRange(1, Households * Gates - 1, "the server restarted during the burst");
        failures.Should().NotBeEmpty("the restart closed connections the gates were using")
            .And.OnlyContain(e => e is NpgsqlException, "a caller whose connection the restart closed gets the documented exception");
        granted.Should().HaveCount(Households * Quota, "each household's quota is granted exactly, across the restart");
        for (var h = 0; h < Households; h++)
        {
            var household = HouseholdId.From($"h-{h}");
            var recorded = (await ledger.OutingsOfAsync(household)).Select(o => (household, o.Person)).ToList();
            recorded.Should().BeEquivalentTo(granted.Where(g => g.Household == household), "every grant is recorded once and nothing else is");
        }

        await using var count = server.DataSource.CreateCommand("SELECT count(*), count(DISTINCT idempotency_key) FROM communitycontrol.passages");
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        (reader.GetInt64(0), reader.GetInt64(1)).Should().Be(((long)Households * Gates, (long)Households * Gates), "every passage is recorded once");
    }

    [Fact]
    public async Task StatementTimeout_WhileTheHouseholdIsHeld_ThrowsPostgresException57014_RecordsNothing_RetryRecordsOnce()
    {
        var household = HouseholdId.From("h" + Guid.NewGuid().ToString("N"));
        var connection = new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Options = "-c statement_timeout=300" }.ConnectionString;
        await using var timed = PostgreSqlSchema.CreateDataSource(connection);
        var ledger = new PostgreSqlOutingLedger(timed);
        await using var holder = await _server.DataSource.OpenConnectionAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", holder, transaction))
        {
            hold.Parameters.Add(new NpgsqlParameter<string> { TypedValue = household.Value });
            await hold.ExecuteNonQueryAsync();
        }

        var timeout = await FluentActions.Awaiting(() => ledger.TryStartOutingAsync(household, Person, Noon, 1, Duration.FromDays(2), "request-1").AsTask())
            .Should().ThrowAsync<PostgresException>("the statement waited for the household longer than the server allows");
        timeout.Which.SqlState.Should().Be(PostgresErrorCodes.QueryCanceled);
        timeout.Which.Message.Should().NotContain(household.Value).And.NotContain(Person.Value);
        await transaction.RollbackAsync();
        (await ledger.OutingsOfAsync(household)).Should().BeEmpty("the cancelled transaction recorded nothing");

        var retry = await ledger.TryStartOutingAsync(household, Person, Noon, 1, Duration.FromDays(2), "request-1");
        var again = await ledger.TryStartOutingAsync(household, Person, Noon, 1, Duration.FromDays(2), "request-1");
        var other = await ledger.TryStartOutingAsync(household, PersonId.From("p-other"), Noon, 1, Duration.FromDays(2), "request-2");

        retry.Should().NotBeNull();
        again.Should().Be(retry, "the retry after the timeout records once");
        other.Should().BeNull("the quota of one is used");
        (await ledger.OutingsOfAsync(household)).Should().ContainSingle();
    }

    [Fact]
    public async Task TwoProcessesOfEightGates_OnTheSameHouseholds_GrantExactlyTheQuota()
    {
        const int Households = 40;
        await using var database = await FreshDatabase.CreateAsync(_server);
        var start = DateTimeOffset.UtcNow.AddSeconds(6).ToUnixTimeMilliseconds();

        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(process => RunGateProcessAsync(database.DataSource.ConnectionString, process, Households, start)));

        runs.Should().OnlyContain(r => r.Code == 0 && r.Output.StartsWith("granted ", StringComparison.Ordinal), "both processes ran: {0}", string.Join(" | ", runs.Select(r => r.Output)));
        runs.Sum(r => int.Parse(r.Output.Substring("granted ".Length), System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(Households * Quota, "16 gates in two processes ask 16 times for each household; the quota of 2 is granted exactly");
        var ledger = new PostgreSqlOutingLedger(database.DataSource);
        for (var h = 0; h < Households; h++)
        {
            (await ledger.OutingsOfAsync(HouseholdId.From($"h-{h}"))).Should().HaveCount(Quota);
        }
    }

    private static async Task<T> RetryAsync<T>(Func<Task<T>> call, ConcurrentBag<Exception> failures)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (NpgsqlException e) when (attempt < 600)
            {
                failures.Add(e);
                await Task.Delay(50);
            }
        }
    }

    private static async Task<(int Code, string Output)> RunGateProcessAsync(string connectionString, int process, int households, long start)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        // The program's own output folder, in this build's configuration (…/bin/<configuration>/<framework>/).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        info.ArgumentList.Add(RepositoryRoot.Combine("tests", "PostgreSqlGrantRace", "bin", configuration, "net10.0", "PostgreSqlGrantRace.dll"));
        foreach (var argument in new[] { process, households, Quota, 8 }.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(start.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment[PostgreSqlServer.Variable] = connectionString;
        using var child = Process.Start(info)!;
        var stderr = child.StandardError.ReadToEndAsync();
        var stdout = await child.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await child.WaitForExitAsync(timeout.Token);
        return (child.ExitCode, (stdout + await stderr).Trim());
    }
}
