using System.Linq;
using CommunityControl.Measures;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using FluentAssertions;
using Xunit;
using static CommunityControl.Tests.Risk.SmallCity;

namespace CommunityControl.Tests.Serialization;

/// <summary>
/// An enum value in any document is exactly one defined name. <c>Enum.TryParse</c> accepts "A, B" and ORs the two values,
/// which for <c>OutingPurpose</c> and <c>CaseKind</c> lands on a third, valid value: these documents once read that way.
/// </summary>
public class StrictEnumNameTests
{
    [Theory]
    [InlineData("Shopping, SupplyPickup")]   // Shopping | SupplyPickup == MedicalCare
    [InlineData("Shopping,SupplyPickup")]
    [InlineData("shopping")]
    [InlineData(" Shopping")]
    [InlineData("3")]
    public void MeasureTable_ExitPurposeNotExactlyOneName_IsRejectedAtItsPath(string purpose)
    {
        var json = """
            {
              "scale": "cn-low-medium-high",
              "levels": { "High": { "stayHome": { "exitPurposes": ["MedicalCare", "PURPOSE"] } } }
            }
            """.Replace("PURPOSE", purpose, System.StringComparison.Ordinal);

        var problem = FluentActions.Invoking(() => MeasureTableJson.Parse(json))
            .Should().Throw<DocumentFormatException>().Which.Problems.Single();

        problem.Path.Should().Be("$.levels.High.stayHome.exitPurposes[1]");
        problem.LineNumber.Should().Be(3);
        problem.Message.Should().NotContain("'" + purpose, "a rejected value is never echoed");
    }

    [Fact]
    public void MeasureTable_ExitPurposeOneName_IsRead()
    {
        const string json = """{ "scale": "cn-low-medium-high", "levels": { "High": { "stayHome": { "exitPurposes": ["Shopping"] } } } }""";

        var table = MeasureTableJson.Parse(json);

        table.For(RiskScales.ChinaLowMediumHigh["High"]).StayHome!.ExitPurposes.Should().Equal(OutingPurpose.Shopping);
    }

    [Theory]
    [InlineData("Confirmed, Asymptomatic")]  // Confirmed | Asymptomatic == Suspected
    [InlineData("Confirmed,Asymptomatic")]
    [InlineData("confirmed")]
    public void History_CaseKindNotExactlyOneName_IsRejectedAtItsPath(string kind)
    {
        var json = "{ \"firstDay\": \"2022-07-01\", \"cases\": [ { \"id\": \"p-1\", \"kind\": \"KIND\", \"reported\": \"2022-07-01\" } ] }"
            .Replace("KIND", kind, System.StringComparison.Ordinal);

        var problem = FluentActions.Invoking(() => EpidemicHistoryJson.Parse(json, Tree))
            .Should().Throw<DocumentFormatException>().Which.Problems.Single();

        problem.Path.Should().Be("$.cases[0].kind");
    }

    [Theory]
    [InlineData("CommunityWorker, GridWorker")]   // CommunityWorker | GridWorker == PropertyStaff
    [InlineData("1")]
    public void Staffing_CoverageOrderNotExactlyOneName_IsRejectedAtItsPath(string source)
    {
        var json = """{ "scale": "cn-low-medium-high", "planningUnit": "Compound", "coverageOrder": ["SOURCE"] }"""
            .Replace("SOURCE", source, System.StringComparison.Ordinal);

        var problems = FluentActions.Invoking(() => StaffingPolicyJson.Parse(json, RiskScales.ChinaLowMediumHigh))
            .Should().Throw<DocumentFormatException>().Which.Problems;

        problems.Should().Contain(p => p.Path == "$.coverageOrder[0]");
    }
}
