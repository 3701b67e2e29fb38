using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using CommunityControl.PostgreSql;
using Npgsql;
using Xunit;

namespace CommunityControl.Tests.PostgreSql;

/// <summary>
/// The PostgreSQL server of the tests: the one named by <c>COMMUNITYCONTROL_POSTGRES</c> (CI starts one with
/// .ci/postgres.sh), otherwise a throwaway one started with the same script (when PostgreSQL is installed), otherwise a
/// failure saying how to get one. The tests fail, never skip, without a server.
/// </summary>
public sealed class PostgreSqlServer : IAsyncLifetime
{
    public const string Variable = "COMMUNITYCONTROL_POSTGRES";

    private string? _startedIn;

    public string ConnectionString { get; private set; } = string.Empty;

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    private bool _dedicated;

    /// <summary>
    /// Starts a throwaway server of the test's own, whatever <c>COMMUNITYCONTROL_POSTGRES</c> says (a fault test
    /// restarts it: the shared server must stay up), with the schema created; dispose it to stop it.
    /// </summary>
    public static async Task<PostgreSqlServer> StartDedicatedAsync()
    {
        var server = new PostgreSqlServer { _dedicated = true };
        await server.InitializeAsync();
        return server;
    }

    /// <summary>Restarts a dedicated server (fast shutdown: open connections are closed, committed work kept).</summary>
    public void Restart()
    {
        var (code, output) = Run("restart", _startedIn ?? throw new InvalidOperationException("Only a server the tests started can be restarted."));
        if (code != 0)
        {
            throw new InvalidOperationException($"The server did not restart:{Environment.NewLine}{output}");
        }
    }

    public async Task InitializeAsync()
    {
        var connectionString = _dedicated ? null : Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = StartThrowawayServer();
        }

        ConnectionString = connectionString;
        DataSource = PostgreSqlSchema.CreateDataSource(connectionString);
        await PostgreSqlSchema.EnsureSchemaAsync(DataSource);
    }

    public async Task DisposeAsync()
    {
        if (DataSource is not null)
        {
            await DataSource.DisposeAsync();
        }

        if (_startedIn is not null)
        {
            Run("stop", _startedIn);
        }
    }

    /// <summary>Creates an empty database on the server and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var command = DataSource.CreateCommand($"CREATE DATABASE {name}");
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    private string StartThrowawayServer()
    {
        var (code, output) = Run("start");
        if (code != 0)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL tests need a server and none was given: set {Variable} to an Npgsql connection string, " +
                "or install PostgreSQL (Debian/Ubuntu: apt-get install postgresql) so that the tests start a throwaway " +
                $"one with .ci/postgres.sh. The script said:{Environment.NewLine}{output}");
        }

        string? connectionString = null;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith(Variable + "_DIR=", StringComparison.Ordinal))
            {
                _startedIn = line.Substring(Variable.Length + 5);
            }
            else if (line.StartsWith(Variable + "=", StringComparison.Ordinal))
            {
                connectionString = line.Substring(Variable.Length + 1);
            }
        }

        return connectionString ?? throw new InvalidOperationException($".ci/postgres.sh start printed no connection string:{Environment.NewLine}{output}");
    }

    private static (int Code, string Output) Run(params string[] arguments)
    {
        var script = RepositoryRoot.Combine(".ci", "postgres.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout + stderr.Result);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException)
        {
            return (-1, e.Message);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlDatabase : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "PostgreSQL";
}
