using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Samples.GateService.Http;
using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommunityControl.Tests.GateService;

/// <summary>The safety net, called directly with the exceptions an endpoint's own checks should never let through.</summary>
[Collection(RunningGateService.Name)]
public sealed class BadRequestExceptionHandlerTests(GateServiceFixture service)
{
    [Fact]
    public async Task TryHandle_ArgumentException_Is400NamedByItsParameter()
    {
        var (handled, status, body) = await HandleAsync(new ArgumentException("The household id is empty.", "household"));

        handled.Should().BeTrue("the handler answers bad input itself");
        status.Should().Be(400);
        body!["errors"]!["household"]![0]!.GetValue<string>().Should().StartWith("The household id is empty.");
    }

    [Fact]
    public async Task TryHandle_DocumentFormatException_ListsEveryProblemByPath()
    {
        var exception = new DocumentFormatException("epidemic history", new[]
        {
            new DocumentProblem("$.cases[0].residence", 4, "Unknown zone."),
            new DocumentProblem("$.cases[1].reported", 9, "The report date is required."),
        });

        var (_, status, body) = await HandleAsync(exception);

        status.Should().Be(400);
        body!["errors"]!["$.cases[0].residence"]![0]!.GetValue<string>().Should().Be("Unknown zone.");
        body["errors"]!["$.cases[1].reported"]![0]!.GetValue<string>().Should().Be("The report date is required.");
    }

    [Fact]
    public async Task TryHandle_JsonException_IsKeyedByItsPath()
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<int[]>("[1, \"two\"]"));

        var (_, status, body) = await HandleAsync(exception);

        status.Should().Be(400);
        body!["errors"]!["$[1]"].Should().NotBeNull();
    }

    [Fact]
    public async Task TryHandle_AnyOtherException_IsLeftToTheFrameworksServerError()
    {
        var (handled, _, _) = await HandleAsync(new InvalidOperationException("A bug, not the client's mistake."));

        handled.Should().BeFalse();
    }

    private async Task<(bool Handled, int Status, JsonNode? Body)> HandleAsync(Exception exception)
    {
        var handler = ActivatorUtilities.CreateInstance<BadRequestExceptionHandler>(service.App.Services);
        var context = new DefaultHttpContext { RequestServices = service.App.Services };
        context.Response.Body = new MemoryStream();

        var handled = await handler.TryHandleAsync(context, exception, CancellationToken.None);

        context.Response.Body.Position = 0;
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return (handled, context.Response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
