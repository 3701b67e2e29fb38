using System.Linq;
using System.Threading.Tasks;
using CommunityControl.Risk;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.GateService;

/// <summary>
/// <c>GET /zones/{id}/risk</c> against the sample's history under the ninth edition (cn-policy.md §6.6): c-0001 (07-04),
/// c-0002 (07-06) and c-0003 (07-08) live in 香炉山小区 (500101-001-01); c-0001 spent 45 minutes in 滨江花园
/// (500101-001-02); 滨江花园 is screened all-negative on 07-11, 香炉山小区 on 07-15.
/// </summary>
[Collection(RunningGateService.Name)]
public sealed class RiskEndpointTests(GateServiceFixture service)
{
    private const string Residence = "500101-001-01";
    private const string ActivityPlace = "500101-001-02";

    [Theory]
    // Residence of a case → High from the report day; the count restarts with each case (§6.6 #5).
    [InlineData(Residence, "2022-07-03", "Normal")]
    [InlineData(Residence, "2022-07-04", "High")]
    // 7 days without a new infection after c-0003 (07-09..07-15) and a negative round on day 7: Medium from the day after.
    [InlineData(Residence, "2022-07-15", "High")]
    [InlineData(Residence, "2022-07-16", "Medium")]
    // A Medium that came from High steps down after 3 more days (07-16..07-18), with no screening condition (§6.6 #3).
    [InlineData(Residence, "2022-07-18", "Medium")]
    [InlineData(Residence, "2022-07-19", "Normal")]
    // Activity place → Medium; 7 days (07-05..07-11) and a negative round on day 7 lift it the next day (§6.6 #4).
    [InlineData(ActivityPlace, "2022-07-04", "Medium")]
    [InlineData(ActivityPlace, "2022-07-11", "Medium")]
    [InlineData(ActivityPlace, "2022-07-12", "Normal")]
    // A unit inherits its compound's level.
    [InlineData("500101-001-01-02-1", "2022-07-10", "High")]
    [InlineData("500101-001-03", "2022-07-10", "Normal")]
    public async Task Get_DayOfTheOutbreak_GivesTheLevelOfTheNinthEdition(string zone, string date, string code)
    {
        var (status, _, body, _) = await service.GetAsync($"/zones/{zone}/risk?date={date}");

        status.Should().Be(200);
        body["level"]!["code"]!.GetValue<string>().Should().Be(code);
        body["outcome"]!.GetValue<string>().Should().Be("Determined");
        body["date"]!.GetValue<string>().Should().Be(date);
        body["edition"]!.GetValue<string>().Should().Be("cn-2022-06-ninth-edition");
    }

    [Fact]
    public async Task Get_HighCompound_ExplainsTheCaseSinceAndStepDown()
    {
        var (_, _, body, _) = await service.GetAsync($"/zones/{Residence}/risk?date=2022-07-10");

        body["name"]!.GetValue<string>().Should().Be("香炉山小区");
        body["kind"]!.GetValue<string>().Should().Be("Compound");
        body["level"]!["nameZh"]!.GetValue<string>().Should().Be("高风险");
        body["level"]!["nameEn"]!.GetValue<string>().Should().Be("High risk");
        body["since"]!.GetValue<string>().Should().Be("2022-07-04");
        body["setBy"]!.GetValue<string>().Should().Be(Residence);
        body["reason"]!["code"]!.GetValue<string>().Should().Be("ResidenceOfCase");
        body["reason"]!["ruleId"]!.GetValue<string>().Should().Be("risk-areas");
        body["reason"]!["caseId"]!.GetValue<string>().Should().Be(Redacted("c-0003"), "the latest case restarts the count");
        body["earliestStepDown"]!.GetValue<string>().Should().Be("2022-07-16");
    }

    [Fact]
    public async Task Get_ActivityPlace_NamesTheCaseAndThePlace()
    {
        var (_, _, body, _) = await service.GetAsync($"/zones/{ActivityPlace}/risk?date=2022-07-05");

        body["reason"]!["code"]!.GetValue<string>().Should().Be("ActivityPlaceOfCase");
        body["reason"]!["caseId"]!.GetValue<string>().Should().Be(Redacted("c-0001"));
        body["reason"]!["zone"]!.GetValue<string>().Should().Be(ActivityPlace);
        body["earliestStepDown"]!.GetValue<string>().Should().Be("2022-07-12");
    }

    [Fact]
    public async Task Get_DayAfterTheHistory_IsInsufficientDataNotAGuess()
    {
        var (status, _, body, _) = await service.GetAsync($"/zones/{Residence}/risk?date=2022-08-20");

        status.Should().Be(200);
        body["outcome"]!.GetValue<string>().Should().Be("InsufficientData");
        body["reason"]!["code"]!.GetValue<string>().Should().Be("DateNotCovered");
    }

    [Theory]
    [InlineData("/zones/500101-001-01/risk", "date", "required")]
    [InlineData("/zones/500101-001-01/risk?date=2022-13-01", "date", "yyyy-MM-dd")]
    [InlineData("/zones/500101-001-01/risk?date=10.07.2022", "date", "yyyy-MM-dd")]
    [InlineData("/zones/500101-001-01/risk?date=2023-01-01", "date", "from 2022-07-01 to 2022-08-30")]
    public async Task Get_BadInput_Returns400NamingTheParameter(string uri, string field, string fragment)
    {
        var (status, contentType, body, _) = await service.GetAsync(uri);

        status.Should().Be(400);
        contentType.Should().Be("application/problem+json");
        body["errors"]![field]![0]!.GetValue<string>().Should().Contain(fragment);
    }

    [Fact]
    public async Task Get_UnknownZoneAndBadDate_Is404ListingBothProblems()
    {
        var (status, _, body, _) = await service.GetAsync("/zones/nowhere/risk?date=July");

        status.Should().Be(404);
        body["errors"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo("id", "date");
    }

    /// <summary>How the service shows a case id: the library's redacted form (a prefix and a short keyed hash).</summary>
    private static string Redacted(string caseId) => new RiskReason("ResidenceOfCase", "risk-areas") { CaseId = caseId }.RedactedCaseId!;
}
