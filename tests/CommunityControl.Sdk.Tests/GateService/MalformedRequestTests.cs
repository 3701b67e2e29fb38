using System;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CommunityControl.Risk;
using CommunityControl.Samples.GateService;
using CommunityControl.Samples.GateService.Http;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.GateService;

/// <summary>Malformed requests get a 4xx problem body, never a 500 or a reset; the service binds loopback only, however configured.</summary>
[Collection(RunningGateService.Name)]
public sealed class MalformedRequestTests(GateServiceFixture service)
{
    private const string Body = """
        {"gateZoneId":"500101-001-02","direction":"Exit","at":"2022-07-08T09:30:00+08:00","personId":"p-malformed","householdId":"h-malformed",
         "category":"Resident","operator":"PropertyStaff","purpose":"SupplyPickup","healthCode":"Green"}
        """;

    [Theory]
    [InlineData("application/json; charset=bogus")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Evaluate_BodyThatIsNotUtf8Json_Is415(string contentType)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await service.Client.PostAsync(new Uri("/access/evaluate", UriKind.Relative), content);

        ((int)response.StatusCode).Should().Be(415);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Evaluate_Utf8JsonWithCharset_IsRead()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=UTF-8");

        using var response = await service.Client.PostAsync(new Uri("/access/evaluate", UriKind.Relative), content);

        ((int)response.StatusCode).Should().Be(200);
    }

    [Fact]
    public async Task Evaluate_BodyAboveTheLimit_Is413()
    {
        var padding = new string(' ', (int)RequestBodyGuard.MaxBodyBytes);
        var (status, contentType, _, _) = await service.PostAsync("/access/evaluate", Body + padding);

        status.Should().Be(413);
        contentType.Should().Be("application/problem+json");
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59-18:00")]
    [InlineData("0001-01-01T00:00:00+18:00")]
    [InlineData("-9998-01-01T00:00:00Z")]
    public async Task Evaluate_InstantAtTheEndsOfTime_Is400NamingAt(string at)
    {
        var body = JsonNode.Parse(Body)!;
        body["at"] = at;

        var (status, _, problem, _) = await service.PostAsync("/access/evaluate", body.ToJsonString());

        status.Should().Be(400);
        problem["errors"]!["$.at"]!.Should().NotBeNull();
    }

    [Fact]
    public async Task Risk_UnknownZone_Is404()
    {
        var (status, contentType, body, _) = await service.GetAsync("/zones/500101-009/risk?date=2022-07-10");

        status.Should().Be(404);
        contentType.Should().Be("application/problem+json");
        body["errors"]!["id"]![0]!.GetValue<string>().Should().Contain("no zone");
    }

    [Fact]
    public async Task Risk_CaseId_IsShownOnlyRedacted()
    {
        var (_, _, body, text) = await service.GetAsync("/zones/500101-001-01/risk?date=2022-07-10");

        var shown = body["reason"]!["caseId"]!.GetValue<string>();
        shown.Should().Be(new RiskReason("ResidenceOfCase", "risk-areas") { CaseId = "c-0003" }.RedactedCaseId);
        shown.Should().StartWith("case#");
        text.Should().NotContain("c-0003");
    }

    [Theory]
    [InlineData("--Kestrel:Endpoints:Http:Url=http://0.0.0.0:5084")]
    [InlineData("--Kestrel:Endpoints:Http:Url=http://localhost:5084")]
    [InlineData("--Kestrel:Endpoints:Other:Protocols=Http1")]
    [InlineData("--http_ports=5084")]
    [InlineData("--https_ports=5085")]
    public void Build_NonLoopbackEndpointConfiguredAnyWay_IsRefused(string setting)
    {
        var build = () => GateServiceApp.Build(GateServiceFixture.Args(setting));

        build.Should().Throw<InvalidOperationException>().WithMessage("*loopback*");
    }
}
