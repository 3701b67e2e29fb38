using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CommunityControl.PostgreSql;
using CommunityControl.Samples.GateService;
using CommunityControl.Tests.PostgreSql;
using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommunityControl.Tests.GateService;

/// <summary>
/// The gate service given a PostgreSQL connection string (issue 16 item 6): it creates the schema, keeps the outing
/// ledger in the database, so two instances share the households' quotas and a restart forgets nothing, and answers
/// <c>/health/database</c> with the database's state.
/// </summary>
[Collection(PostgreSqlDatabase.Name)]
public sealed class GateServiceOnPostgreSqlTests
{
    private readonly PostgreSqlServer _server;

    public GateServiceOnPostgreSqlTests(PostgreSqlServer server) => _server = server;

    [Fact]
    public async Task TwoInstancesAndARestart_ShareTheQuotaInTheDatabase()
    {
        await using var database = await FreshDatabase.CreateAsync(_server, withSchema: false);
        var connection = database.DataSource.ConnectionString;

        await using (var a = await StartAsync(connection))
        await using (var b = await StartAsync(connection))
        {
            var first = await a.PostAsync("/access/evaluate?record=true", AccessEndpointTests.Exit("h-pg", "p-pg-1").ToJsonString());
            var readOnly = await b.PostAsync("/access/evaluate", AccessEndpointTests.Exit("h-pg", "p-pg-2").ToJsonString());
            var second = await b.PostAsync("/access/evaluate?record=true", AccessEndpointTests.Exit("h-pg", "p-pg-2").ToJsonString());
            var health = await a.Client.GetAsync(new Uri("/health/database", UriKind.Relative));

            first["outingRecorded"]!.GetValue<bool>().Should().BeTrue("instance A records the household's one outing in the database");
            readOnly["allowed"]!.GetValue<bool>().Should().BeFalse("instance B reads the outing A recorded");
            second["allowed"]!.GetValue<bool>().Should().BeFalse();
            second["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Equal("OutingQuotaExhausted");
            ((int)health.StatusCode).Should().Be(200, "the database answers and its schema is current");
            (await health.Content.ReadAsStringAsync()).Should().Be("Healthy");
        }

        await using (var restarted = await StartAsync(connection))
        {
            var third = await restarted.PostAsync("/access/evaluate?record=true", AccessEndpointTests.Exit("h-pg", "p-pg-3").ToJsonString());
            third["allowed"]!.GetValue<bool>().Should().BeFalse("the outing survives the service's restart");
        }

        (await new PostgreSqlOutingLedger(database.DataSource).OutingsOfAsync(HouseholdId.From("h-pg"))).Should().ContainSingle()
            .Which.Person.Should().Be(PersonId.From("p-pg-1"));
    }

    private static async Task<Instance> StartAsync(string connection)
    {
        var app = GateServiceApp.Build(GateServiceFixture.Args("--GateService:PostgreSql=" + connection));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new Instance(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    private sealed class Instance(WebApplication app, HttpClient client) : IAsyncDisposable
    {
        public HttpClient Client => client;

        public async Task<JsonNode> PostAsync(string uri, string json)
        {
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri(uri, UriKind.Relative), content);
            ((int)response.StatusCode).Should().Be(200);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        }

        public async ValueTask DisposeAsync()
        {
            client.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
