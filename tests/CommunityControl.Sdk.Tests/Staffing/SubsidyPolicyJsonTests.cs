using System;
using System.IO;
using System.Linq;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using CommunityControl.Staffing;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Staffing;

public class SubsidyPolicyJsonTests
{
    private static readonly RiskScale Scale = RiskScales.ChinaLowMediumHigh;

    [Fact]
    public void Parse_TheSichuanFigures_GivesThePresetsRates()
    {
        const string json = """
            {
              "id": "sichuan-2020-04-10",
              "scale": "cn-low-medium-high",
              "dailyByLevel": { "Low": 30, "Medium": 50, "High": 70 },
              "eligibleSources": [ "CommunityWorker" ]
            }
            """;

        var policy = SubsidyPolicyJson.Parse(json, Scale);

        policy.DailyByLevel.Should().BeEquivalentTo(SubsidyPolicy.Sichuan2020.DailyByLevel);
        policy.Currency.Should().Be("CNY");
        policy.DecimalPlaces.Should().Be(2);
        policy.OvertimeDayRate.Should().BeNull();
        policy.TransportPerDay.Should().BeNull("absent means none: no national amount is published");
        policy.MealPerDay.Should().BeNull();
    }

    [Fact]
    public void ToJson_RoundTrips()
    {
        var policy = SubsidyPolicy.Sichuan2020.WithOvertimeDayRate(150m).WithAllowances(10.5m, 15m).WithEligibleSources(WorkforceSource.CommunityWorker, WorkforceSource.Volunteer);

        var back = SubsidyPolicyJson.Parse(SubsidyPolicyJson.ToJson(policy), Scale);

        back.Id.Should().Be(policy.Id);
        back.Source.Should().Be(policy.Source);
        back.DailyByLevel.Should().BeEquivalentTo(policy.DailyByLevel);
        (back.OvertimeDayRate, back.TransportPerDay, back.MealPerDay).Should().Be((150m, 10.5m, 15m));
        back.EligibleSources.Should().Equal(policy.EligibleSources);
        SubsidyPolicyJson.ToJson(back).Should().Be(SubsidyPolicyJson.ToJson(policy));
        SubsidyPolicyJson.ToJson(SubsidyPolicy.Xiamen2020).Should().NotContain("dailyByLevel").And.NotContain("scale");
    }

    [Fact]
    public void Parse_EveryProblemAtOnce_WithPathAndLine()
    {
        const string json = """
            {
              "id": "x",
              "scale": "cn-low-medium-high",
              "dailyByLevel": { "Severe": 30, "High": -1 },
              "currency": "RMB1",
              "eligibleSources": [ "CommunityWorker", "Robot" ]
            }
            """;

        var problems = FluentActions.Invoking(() => SubsidyPolicyJson.Parse(json, Scale)).Should().Throw<DocumentFormatException>().Which.Problems;

        problems.Select(p => (p.Path, p.LineNumber)).Should().BeEquivalentTo(new (string, long?)[]
        {
            ("$.dailyByLevel.Severe", 4), ("$.dailyByLevel.High", 4), ("$.currency", 5), ("$.eligibleSources[1]", 6),
        });
    }

    [Fact]
    public void Parse_UnknownPropertyOrScale_IsRejected()
    {
        FluentActions.Invoking(() => SubsidyPolicyJson.Parse("""{ "id": "x", "eligibleSources": [ "Volunteer" ], "bonus": 1 }""", Scale))
            .Should().Throw<DocumentFormatException>().Which.Problems.Single().Path.Should().Contain("bonus");
        FluentActions.Invoking(() => SubsidyPolicyJson.Parse("""{ "id": "x", "scale": "us-cdc", "eligibleSources": [ "Volunteer" ] }""", Scale))
            .Should().Throw<DocumentFormatException>().Which.Problems.Single().Path.Should().Be("$.scale");
        FluentActions.Invoking(() => SubsidyPolicyJson.Parse(null!, Scale)).Should().Throw<ArgumentNullException>().WithParameterName("json");
        FluentActions.Invoking(() => SubsidyPolicyJson.Parse("{}", null!)).Should().Throw<ArgumentNullException>().WithParameterName("scale");
    }

    [Fact]
    public void QuickstartSubsidyDocument_Reads()
    {
        using var stream = File.OpenRead(RepositoryRoot.Combine("samples", "Quickstart", "subsidy.json"));

        var policy = SubsidyPolicyJson.Read(stream, Scale);

        policy.DailyByLevel[Scale["High"]].Should().Be(70m);
        policy.OvertimeDayRate.Should().Be(150m);
        policy.TransportPerDay.Should().BeNull();
    }
}
