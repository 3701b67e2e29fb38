using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.GateService;

/// <summary>
/// <c>GET /staffing/plan</c> with the sample's staffing policy and team: 24 deployed cadres carry the outbreak until they
/// leave on 2022-07-13; from that day on the plan shows gaps, each explained.
/// </summary>
[Collection(RunningGateService.Name)]
public sealed class StaffingEndpointTests(GateServiceFixture service)
{
    [Fact]
    public async Task Get_TwoWeeks_GivesTotalsPerDayAndRoleThatAddUp()
    {
        var (status, _, body, _) = await service.GetAsync("/staffing/plan?from=2022-07-04&days=14");

        status.Should().Be(200);
        body["from"]!.GetValue<string>().Should().Be("2022-07-04");
        body["through"]!.GetValue<string>().Should().Be("2022-07-17");
        var days = body["days"]!.AsArray();
        days.Should().HaveCount(14);
        foreach (var day in days)
        {
            var roles = day!["roles"]!.AsObject().Select(r => r.Value!).ToArray();
            roles.Sum(r => Long(r, "requiredPeople")).Should().Be(Long(day["totals"]!, "requiredPeople"));
            roles.Sum(r => Long(r, "gapPeople")).Should().Be(Long(day["totals"]!, "gapPeople"));
        }

        days.Sum(d => Long(d!["totals"]!, "requiredPeople")).Should().Be(Long(body["totals"]!, "requiredPeople"));
    }

    [Fact]
    public async Task Get_OutbreakDay_NeedsDoorToDoorOnlyWhereTheCompoundIsHigh()
    {
        var (_, _, body, _) = await service.GetAsync("/staffing/plan?from=2022-07-04&days=1");

        var day = body["days"]![0]!;
        day["levels"]!.AsArray().Select(l => (l!["code"]!.GetValue<string>(), l["units"]!.GetValue<int>()))
            .Should().BeEquivalentTo(new[] { ("Normal", 2), ("Medium", 1), ("High", 1) });
        day["roles"]!.AsObject().Select(r => r.Key).Should().BeEquivalentTo("Gate", "DoorToDoor", "Disinfection", "GridWork", "Patrol");
        Long(day["roles"]!["Gate"]!, "requiredPeople").Should().Be(8, "2 staffed gates (High, Medium) × 2 shifts × the policy's minimum of 2 on duty; Normal compounds need none");
    }

    [Fact]
    public async Task Get_FromTheDayTheCadresLeave_ShowsGapsWithExplanations()
    {
        var (_, _, body, _) = await service.GetAsync("/staffing/plan?from=2022-07-04&days=14");

        var days = body["days"]!.AsArray();
        days.Where(d => string.CompareOrdinal(d!["date"]!.GetValue<string>(), "2022-07-13") < 0)
            .Should().OnlyContain(d => Long(d!["totals"]!, "gapPeople") == 0);
        Long(days.Single(d => d!["date"]!.GetValue<string>() == "2022-07-13")!["totals"]!, "gapPeople").Should().BePositive();

        var gaps = body["gaps"]!.AsArray();
        gaps.Should().NotBeEmpty();
        gaps.Should().OnlyContain(g => string.CompareOrdinal(g!["date"]!.GetValue<string>(), "2022-07-13") >= 0);
        foreach (var gap in gaps)
        {
            (Long(gap!, "requiredPeople") - Long(gap!, "assignedPeople")).Should().Be(Long(gap!, "gapPeople"));
            gap!["explanation"]!.GetValue<string>().Should().Contain(gap["zone"]!.GetValue<string>()).And.Contain("gap");
        }
    }

    [Theory]
    [InlineData("/staffing/plan", "from", "required")]
    [InlineData("/staffing/plan?from=2022-02-30", "from", "yyyy-MM-dd")]
    [InlineData("/staffing/plan?from=2022-07-04&days=0", "days", "from 1 to 31")]
    [InlineData("/staffing/plan?from=2022-07-04&days=32", "days", "from 1 to 31")]
    [InlineData("/staffing/plan?from=2022-07-04&days=-3", "days", "from 1 to 31")]
    [InlineData("/staffing/plan?from=2022-07-04&days=seven", "days", "from 1 to 31")]
    [InlineData("/staffing/plan?from=2022-08-25&days=10", "days", "must lie within")]
    [InlineData("/staffing/plan?from=2022-06-01&days=3", "from", "must lie within")]
    public async Task Get_BadInput_Returns400NamingTheParameter(string uri, string field, string fragment)
    {
        var (status, contentType, body, _) = await service.GetAsync(uri);

        status.Should().Be(400);
        contentType.Should().Be("application/problem+json");
        body["errors"]![field]![0]!.GetValue<string>().Should().Contain(fragment);
    }

    private static long Long(JsonNode node, string name) => node[name]!.GetValue<long>();
}
