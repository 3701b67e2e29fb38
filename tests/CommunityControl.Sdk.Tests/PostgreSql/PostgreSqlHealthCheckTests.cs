using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using CommunityControl.PostgreSql;
using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit;

namespace CommunityControl.Tests.PostgreSql;

/// <summary>The database's health check: healthy at the package's schema version; unhealthy without a server or with an old schema; served over HTTP.</summary>
[Collection(PostgreSqlDatabase.Name)]
public sealed class PostgreSqlHealthCheckTests
{
    private readonly PostgreSqlServer _server;

    public PostgreSqlHealthCheckTests(PostgreSqlServer server) => _server = server;

    [Fact]
    public async Task Registered_OnTheContainersDataSource_HealthyAtTheCurrentVersion()
    {
        await using var provider = new ServiceCollection()
            .AddLogging()
            .AddCommunityControlPostgreSql(_server.DataSource)
            .AddHealthChecks().AddCommunityControlPostgreSql(tags: new[] { "ready" }).Services
            .BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        report.Status.Should().Be(HealthStatus.Healthy);
        var entry = report.Entries[PostgreSqlHealthChecksBuilderExtensions.DefaultName];
        entry.Data["schemaVersion"].Should().Be(PostgreSqlSchema.CurrentVersion);
        entry.Tags.Should().Equal("ready");
    }

    [Fact]
    public async Task NoSchema_IsUnhealthy_AndSaysToCallEnsureSchema_ThenHealthyAfterIt()
    {
        await using var database = await FreshDatabase.CreateAsync(_server, withSchema: false);
        var check = new PostgreSqlHealthCheck(database.DataSource);

        var before = await check.CheckHealthAsync(Context(check, HealthStatus.Degraded));
        await PostgreSqlSchema.EnsureSchemaAsync(database.DataSource);
        var after = await check.CheckHealthAsync(Context(check, HealthStatus.Unhealthy));

        before.Status.Should().Be(HealthStatus.Degraded, "the registration's failure status is reported");
        before.Description.Should().Contain("version 0").And.Contain("EnsureSchemaAsync");
        before.Data["schemaVersion"].Should().Be(0);
        after.Status.Should().Be(HealthStatus.Healthy);
    }

    [Fact]
    public async Task NewerSchema_IsUnhealthy_AndSaysToUpdateThePackage()
    {
        await using var database = await FreshDatabase.CreateAsync(_server);
        await using (var command = database.DataSource.CreateCommand($"INSERT INTO communitycontrol.schema_version (version) VALUES ({PostgreSqlSchema.CurrentVersion + 1})"))
        {
            await command.ExecuteNonQueryAsync();
        }

        var check = new PostgreSqlHealthCheck(database.DataSource);
        var result = await check.CheckHealthAsync(Context(check, HealthStatus.Unhealthy));

        result.Status.Should().Be(HealthStatus.Unhealthy);
        result.Description.Should().Contain("update the package");
    }

    [Fact]
    public async Task NoServer_IsUnhealthy_WithTheException_AndNoConnectionString()
    {
        var missing = "/tmp/cc-no-server-" + Guid.NewGuid().ToString("N");
        await using var dataSource = PostgreSqlSchema.CreateDataSource($"Host={missing};Port=5432;Username=postgres;Database=communitycontrol;Timeout=3");
        var check = new PostgreSqlHealthCheck(dataSource);

        var result = await check.CheckHealthAsync(Context(check, HealthStatus.Unhealthy));

        result.Status.Should().Be(HealthStatus.Unhealthy);
        result.Exception.Should().BeAssignableTo<NpgsqlException>();
        result.Description.Should().NotContain(missing);
        FluentActions.Invoking(() => new PostgreSqlHealthCheck(null!)).Should().Throw<ArgumentNullException>().WithParameterName("dataSource");
    }

    [Fact]
    public async Task Served_ByMapHealthChecks_OnKestrel()
    {
        var builder = WebApplication.CreateSlimBuilder(new[] { "--urls", "http://127.0.0.1:0" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddCommunityControlPostgreSql(_server.ConnectionString);
        builder.Services.AddHealthChecks().AddCommunityControlPostgreSql();
        await using var app = builder.Build();
        app.MapHealthChecks("/health");
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient();

            var response = await http.GetAsync(new Uri(new Uri(address), "/health"));

            response.IsSuccessStatusCode.Should().BeTrue();
            (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static HealthCheckContext Context(IHealthCheck check, HealthStatus failureStatus)
        => new() { Registration = new HealthCheckRegistration("db", check, failureStatus, null) };
}
