using System;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CommunityControl.Samples.GateService;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommunityControl.Tests.GateService;

/// <summary>
/// Starts the sample in-process on real Kestrel, on a free loopback port (the ASP.NET test host is not available here),
/// and stops it when the tests of the class are done. The documents come from the sample's output copied next to the tests.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit disposes the client and the app in DisposeAsync (IAsyncLifetime).")]
public sealed class GateServiceFixture : IAsyncLifetime
{
    private WebApplication? _app;
    private HttpClient? _client;

    public WebApplication App => _app ?? throw new InvalidOperationException("The service is not started.");

    public HttpClient Client => _client ?? throw new InvalidOperationException("The service is not started.");

    public async Task InitializeAsync()
    {
        _app = GateServiceApp.Build(Args());
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _client = new HttpClient { BaseAddress = new Uri(address) };
    }

    /// <summary>A free loopback port, quiet logs, no file watchers; then the test's own settings.</summary>
    public static string[] Args(params string[] more) =>
        new[] { "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--hostBuilder:reloadConfigOnChange=false" }.Concat(more).ToArray();

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    public async Task<(int Status, string? ContentType, JsonNode Body, string Text)> GetAsync(string uri)
    {
        using var response = await Client.GetAsync(new Uri(uri, UriKind.Relative));
        return await ReadAsync(response);
    }

    public async Task<(int Status, string? ContentType, JsonNode Body, string Text)> PostAsync(string uri, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync(new Uri(uri, UriKind.Relative), content);
        return await ReadAsync(response);
    }

    private static async Task<(int Status, string? ContentType, JsonNode Body, string Text)> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonNode.Parse(text)!, text);
    }
}
