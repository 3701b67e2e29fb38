using System;
using System.Linq;
using System.Threading.Tasks;
using CommunityControl.PostgreSql;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.PostgreSql;

/// <summary>The schema is created by the package, once, whatever the number of concurrent callers.</summary>
[Collection(PostgreSqlDatabase.Name)]
public sealed class PostgreSqlSchemaTests
{
    private readonly PostgreSqlServer _server;

    public PostgreSqlSchemaTests(PostgreSqlServer server) => _server = server;

    [Fact]
    public async Task EnsureSchemaAsync_EightConcurrentCallersOnAnEmptyDatabase_ApplyEachVersionOnce()
    {
        var name = "cc_schema_" + Guid.NewGuid().ToString("N");
        await using var dataSource = PostgreSqlSchema.CreateDataSource(await _server.CreateDatabaseAsync(name));

        var before = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => PostgreSqlSchema.EnsureSchemaAsync(dataSource))));
        var again = await PostgreSqlSchema.EnsureSchemaAsync(dataSource);

        before.Count(v => v == 0).Should().Be(1, "one caller finds the database empty and creates the schema");
        before.Where(v => v != 0).Should().OnlyContain(v => v == PostgreSqlSchema.CurrentVersion);
        again.Should().Be(PostgreSqlSchema.CurrentVersion);
        await using var versions = dataSource.CreateCommand("SELECT version FROM communitycontrol.schema_version ORDER BY version");
        await using var reader = await versions.ExecuteReaderAsync();
        var applied = new System.Collections.Generic.List<int>();
        while (await reader.ReadAsync())
        {
            applied.Add(reader.GetInt32(0));
        }

        applied.Should().Equal(Enumerable.Range(1, PostgreSqlSchema.CurrentVersion));
    }

    [Fact]
    public void CreateDataSource_BadConnectionString_NamesTheArgument()
    {
        FluentActions.Invoking(() => PostgreSqlSchema.CreateDataSource(" ")).Should().Throw<ArgumentException>().WithParameterName("connectionString");
        FluentActions.Invoking(() => PostgreSqlSchema.CreateDataSource("Nonsense Key=1")).Should().Throw<ArgumentException>().WithParameterName("connectionString");
    }
}
