using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CommunityControl.Access;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommunityControl.Tests.GateService;

/// <summary>
/// <c>POST /access/evaluate</c> with the sample's local table for the ninth edition: temperature (above 37.3 °C) and a
/// green code on entry at every level; Medium keeps residents in the area but lets one person per household out every
/// 2 days to the supply point. On 2022-07-08 滨江花园 (500101-001-02) is Medium and 香炉山小区 (500101-001-01) is High.
/// </summary>
[Collection(RunningGateService.Name)]
public sealed class AccessEndpointTests(GateServiceFixture service)
{
    private const string MediumCompound = "500101-001-02";
    private const string HighCompound = "500101-001-01";

    [Fact]
    public async Task Evaluate_SupplyPickupAtMedium_AllowsWithObligationsInBothLanguages()
    {
        var (status, _, body, _) = await service.PostAsync("/access/evaluate", Exit("h-pickup", "p-pickup").ToJsonString());

        status.Should().Be(200);
        body["outcome"]!.GetValue<string>().Should().Be("AllowWithObligations");
        body["allowed"]!.GetValue<bool>().Should().BeTrue("a resident at 36.5 °C with a green code passes");
        body["level"]!["code"]!.GetValue<string>().Should().Be("Medium");
        Strings(body["reasons"]).Should().BeEmpty();
        Strings(body["obligations"]).Should().Equal("EscortToPickupPoint", "RecordOuting");
        var messages = body["messages"]!.AsArray();
        messages.Select(m => m!["code"]!.GetValue<string>()).Should().Equal("EscortToPickupPoint", "RecordOuting");
        messages[0]!["zh"]!.GetValue<string>().Should().Be("引导至取物点");
        messages[0]!["en"]!.GetValue<string>().Should().Be("Escort to the pickup point");
        body["summary"]!["zh"]!.GetValue<string>().Should().StartWith("附条件放行");
        body["summary"]!["en"]!.GetValue<string>().Should().StartWith("Allow with obligations");
        body["outingRecorded"]!.GetValue<bool>().Should().BeFalse("record=true was not asked for");
    }

    [Theory]
    [InlineData("37.3", "Allow", null)] // the threshold itself is not a fever: "above 37.3 °C" (cn-policy §2 [S18])
    [InlineData("37.4", "Deny", "FeverAboveThreshold")]
    [InlineData("\"NaN\"", "Deny", "TemperatureImplausible")] // a faulty thermometer: a domain outcome, not a 400
    [InlineData("12.0", "Deny", "TemperatureImplausible")]
    [InlineData("null", "Deny", "TemperatureNotMeasured")]
    public async Task Evaluate_TemperatureOnEntry_FollowsTheThresholdAndAsksToRemeasureBadReadings(string reading, string outcome, string? reason)
    {
        var json = Entry(MediumCompound, "h-fever", "p-fever").ToJsonString().Replace("\"temperatureCelsius\":36.6", $"\"temperatureCelsius\":{reading}", StringComparison.Ordinal);

        var (status, _, body, _) = await service.PostAsync("/access/evaluate", json);

        status.Should().Be(200);
        body["outcome"]!.GetValue<string>().Should().Be(outcome);
        if (reason is null)
        {
            Strings(body["reasons"]).Should().BeEmpty();
        }
        else
        {
            Strings(body["reasons"]).Should().Equal(reason);
            Strings(body["obligations"]).Should().Contain(reason == "FeverAboveThreshold" ? "ReportFeverToCommunity" : "Remeasure");
        }
    }

    [Fact]
    public async Task Evaluate_ExitFromHighCompound_IsDeniedByTheStayHomeOrder()
    {
        var request = Exit("h-high", "p-high");
        request["gateZoneId"] = HighCompound;

        var (_, _, body, _) = await service.PostAsync("/access/evaluate", request.ToJsonString());

        body["outcome"]!.GetValue<string>().Should().Be("Deny");
        body["level"]!["code"]!.GetValue<string>().Should().Be("High");
        Strings(body["reasons"]).Should().Equal("StayHomeOrder");
        body["summary"]!["zh"]!.GetValue<string>().Should().StartWith("不予通行");
    }

    [Fact]
    public async Task Evaluate_RefusedIsolation_EscalatesToThePolice()
    {
        var request = Exit("h-isolated", "p-isolated");
        request["status"] = "HomeIsolation";
        request["refusesOrder"] = true;
        request["purpose"] = "MedicalCare";

        var (_, _, body, _) = await service.PostAsync("/access/evaluate", request.ToJsonString());

        body["outcome"]!.GetValue<string>().Should().Be("Escalate");
        Strings(body["reasons"]).Should().Contain("RefusesIsolation");
        Strings(body["missingPermissions"]).Should().Contain("CompelIsolation");
        Strings(body["escalateTo"]).Should().Contain("Police");
        var escalation = body["messages"]!.AsArray().Last()!;
        escalation["kind"]!.GetValue<string>().Should().Be("Escalation");
        escalation["zh"]!.GetValue<string>().Should().Contain("公安民警");
        escalation["en"]!.GetValue<string>().Should().Contain("police");
    }

    [Fact]
    public async Task Evaluate_WithoutRecord_OnlyReadsTheLedger()
    {
        var first = await service.PostAsync("/access/evaluate", Exit("h-read-only", "p-ro-1").ToJsonString());
        var second = await service.PostAsync("/access/evaluate", Exit("h-read-only", "p-ro-2").ToJsonString());

        first.Body["allowed"]!.GetValue<bool>().Should().BeTrue("the household's first outing is within its quota");
        second.Body["allowed"]!.GetValue<bool>().Should().BeTrue("nothing was recorded, so the quota is untouched");
        Ledger.OutingsOf(HouseholdId.From("h-read-only")).Should().BeEmpty();
    }

    [Fact]
    public async Task Evaluate_RecordedOutings_CountAgainstTheQuotaForTwoDays()
    {
        const string household = "h-two-days";
        var first = await service.PostAsync("/access/evaluate?record=true", Exit(household, "p-2d-1", "2022-07-05T09:00:00+08:00").ToJsonString());
        var sameDay = await service.PostAsync("/access/evaluate?record=true", Exit(household, "p-2d-2", "2022-07-05T15:00:00+08:00").ToJsonString());
        var justUnderTwoDays = await service.PostAsync("/access/evaluate?record=true", Exit(household, "p-2d-2", "2022-07-07T08:59:00+08:00").ToJsonString());
        var twoDaysLater = await service.PostAsync("/access/evaluate?record=true", Exit(household, "p-2d-2", "2022-07-07T09:00:00+08:00").ToJsonString());

        first.Body["outingRecorded"]!.GetValue<bool>().Should().BeTrue("record=true records the granted outing");
        sameDay.Body["outcome"]!.GetValue<string>().Should().Be("Deny");
        Strings(sameDay.Body["reasons"]).Should().Equal("OutingQuotaExhausted");
        justUnderTwoDays.Body["allowed"]!.GetValue<bool>().Should().BeFalse();
        twoDaysLater.Body["allowed"]!.GetValue<bool>().Should().BeTrue("exactly two days later the quota allows another outing");
        Ledger.OutingsOf(HouseholdId.From(household)).Should().HaveCount(2);
    }

    [Fact]
    public async Task Evaluate_ConcurrentExitsOfOneHousehold_NeverGrantMoreThanTheQuota()
    {
        const string household = "h-concurrent";
        var requests = Enumerable.Range(1, 24)
            .Select(i => service.PostAsync("/access/evaluate?record=true", Exit(household, $"p-c-{i:00}").ToJsonString()))
            .ToArray();

        var responses = await Task.WhenAll(requests);

        responses.Should().OnlyContain(r => r.Status == 200);
        responses.Count(r => r.Body["allowed"]!.GetValue<bool>()).Should().Be(1, "the quota is one person per household every 2 days");
        responses.Where(r => !r.Body["allowed"]!.GetValue<bool>())
            .Should().OnlyContain(r => Strings(r.Body["reasons"]).SequenceEqual(new[] { "OutingQuotaExhausted" }));
        Ledger.OutingsOf(HouseholdId.From(household)).Should().ContainSingle();
    }

    [Theory]
    [InlineData("""{"gateZoneId": }""", "$.gateZoneId", "invalid")]
    [InlineData("""{"direction": "Sideways"}""", "$.direction", "Entry, Exit")]
    [InlineData("""{"direction": 2}""", "$.direction", "Entry, Exit")]
    [InlineData("""{"category": "resident"}""", "$.category", "Resident, Visitor, Courier, Staff")]
    [InlineData("""{"at": "2022-07-08T09:30:00"}""", "$.at", "offset")]
    [InlineData("""{"tempreature": 36.6}""", "$.tempreature", "could not be mapped")]
    [InlineData("""{"temperatureCelsius": "warm"}""", "$.temperatureCelsius", "could not be converted")]
    [InlineData("""{"hasPass": "yes"}""", "$.hasPass", "could not be converted")]
    [InlineData("""[1, 2]""", "$", "could not be converted")]
    [InlineData("null", "$", "required")]
    public async Task Evaluate_UnreadableBody_Returns400NamingThePath(string json, string path, string fragment)
    {
        var (status, contentType, body, _) = await service.PostAsync("/access/evaluate", json);

        status.Should().Be(400);
        contentType.Should().Be("application/problem+json");
        body["errors"]![path]![0]!.GetValue<string>().Should().Contain(fragment);
    }

    [Fact]
    public async Task Evaluate_EmptyObject_ListsEveryMissingField()
    {
        var (status, _, body, _) = await service.PostAsync("/access/evaluate", "{}");

        status.Should().Be(400);
        body["errors"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo("$.gateZoneId", "$.direction", "$.at", "$.personId", "$.category", "$.operator");
    }

    [Fact]
    public async Task Evaluate_PhoneNumberAsPersonId_IsRejectedWithoutEchoingIt()
    {
        var request = Exit("h-phone", "p-phone");
        request["personId"] = "13812345678";

        var (status, _, body, text) = await service.PostAsync("/access/evaluate", request.ToJsonString());

        status.Should().Be(400);
        body["errors"]!["$.personId"]![0]!.GetValue<string>().Should().Contain("phone or resident ID number");
        text.Should().NotContain("13812345678");
    }

    [Theory]
    [InlineData("gateZoneId", "\"500101-009\"", "$.gateZoneId", "no zone")]
    [InlineData("gateZoneId", "\"not a zone id!\"", "$.gateZoneId", "no zone")]
    [InlineData("at", "\"2023-03-01T09:00:00+08:00\"", "$.at", "2022-07-01 to 2022-08-30")]
    [InlineData("direction", "\"Unknown\"", "$.direction", "Entry or Exit")]
    [InlineData("operator", "\"Unknown\"", "$.operator", "required")]
    [InlineData("householdId", "null", "$.householdId", "household id is required")]
    [InlineData("householdId", "\"110101199003071234\"", "$.householdId", "phone or resident ID number")]
    public async Task Evaluate_InvalidField_Returns400NamingIt(string field, string value, string path, string fragment)
    {
        var request = Exit("h-invalid", "p-invalid");
        request[field] = JsonNode.Parse(value);

        var (status, _, body, _) = await service.PostAsync("/access/evaluate", request.ToJsonString());

        status.Should().Be(400);
        body["errors"]!.AsObject().Select(p => p.Key).Should().Equal(path);
        body["errors"]![path]![0]!.GetValue<string>().Should().Contain(fragment);
    }

    [Fact]
    public async Task Evaluate_RecordNotABoolean_Returns400NamingTheParameter()
    {
        var (status, _, body, _) = await service.PostAsync("/access/evaluate?record=maybe", Exit("h-maybe", "p-maybe").ToJsonString());

        status.Should().Be(400);
        body["errors"]!["record"]![0]!.GetValue<string>().Should().Contain("true or false");
    }

    private IOutingLedger Ledger => service.App.Services.GetRequiredService<IOutingLedger>();

    private static string[] Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    /// <summary>A resident of <see cref="MediumCompound"/> going out to the supply point on 2022-07-08.</summary>
    internal static JsonObject Exit(string household, string person, string at = "2022-07-08T09:30:00+08:00") => new()
    {
        ["gateZoneId"] = MediumCompound,
        ["direction"] = "Exit",
        ["at"] = at,
        ["personId"] = person,
        ["householdId"] = household,
        ["category"] = "Resident",
        ["operator"] = "PropertyStaff",
        ["purpose"] = "SupplyPickup",
        ["healthCode"] = "Green",
    };

    /// <summary>A resident coming back in on 2022-07-08 with a normal reading.</summary>
    private static JsonObject Entry(string zone, string household, string person) => new()
    {
        ["gateZoneId"] = zone,
        ["direction"] = "Entry",
        ["at"] = "2022-07-08T18:00:00+08:00",
        ["personId"] = person,
        ["householdId"] = household,
        ["category"] = "Resident",
        ["operator"] = "PropertyStaff",
        ["temperatureCelsius"] = 36.6,
        ["healthCode"] = "Green",
    };
}
