using System;
using System.IO;
using System.Linq;
using CommunityControl.Editions;
using CommunityControl.Epidemiology;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using CommunityControl.Tests.Risk;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Editions;

public class PolicyEditionJsonTests
{
    private const string Minimal = """
        {
          "id": "local-test",
          "version": "1.0.0",
          "jurisdiction": "CN-Test",
          "title": { "zh": "测试", "en": "Test" },
          "issuer": { "zh": "测试", "en": "Test" },
          "source": { "reference": "cn-policy.md §6.6" },
          "effective": { "from": "2022-07-01" },
          "risk": { "scale": "cn-low-medium-high", "rules": [] }
        }
        """;

    [Fact]
    public void Parse_MinimalDocument_ReadsTheMetadata()
    {
        var edition = PolicyEditionJson.Parse(Minimal);

        edition.Id.Should().Be("local-test");
        edition.Jurisdiction.Should().Be("CN-Test");
        edition.EffectiveFrom.Should().Be(EditionDate.FromDate(new LocalDate(2022, 7, 1)));
        edition.EffectiveUntil.Should().BeNull();
        edition.Risk.Rules.Should().BeEmpty();
        edition.ToString().Should().Be("local-test 1.0.0 (from 2022-07-01)");
    }

    [Fact]
    public void Parse_UnknownField_IsRejectedWithPathAndLine()
    {
        var json = Minimal.Replace("\"rules\": []", "\"rules\": [], \"measures\": {}", StringComparison.Ordinal);

        var problem = FluentActions.Invoking(() => PolicyEditionJson.Parse(json)).Should().Throw<DocumentFormatException>().Which.Problems.Single();

        problem.Path.Should().StartWith("$.risk");
        problem.LineNumber.Should().Be(9);
    }

    [Fact]
    public void Parse_EnumAsNumber_IsRejected()
    {
        var json = Minimal.Replace("\"rules\": []", "\"rules\": [], \"baseline\": { \"unit\": 2, \"level\": \"Low\" }", StringComparison.Ordinal);

        FluentActions.Invoking(() => PolicyEditionJson.Parse(json)).Should().Throw<DocumentFormatException>()
            .Which.Problems.Single().Message.Should().Contain("District");
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEveryOneWithItsPathAndLine()
    {
        const string json = """
            {
              "id": "Local Test",
              "version": "1",
              "jurisdiction": "CN-Test",
              "title": { "zh": "测试" },
              "issuer": { "zh": "测试", "en": "Test" },
              "source": { "reference": "cn-policy.md §6.6" },
              "effective": { "from": "2022-13-01" },
              "risk": {
                "scale": "cn-low-medium-high",
                "rules": [
                  {
                    "id": "risk-areas",
                    "caseDesignation": {
                      "drawingUnit": "Compound",
                      "infections": [ "Confirmed" ],
                      "residenceStage": "High",
                      "stages": [
                        { "id": "High", "level": "Severe", "stepDownAfterDays": 7, "stepDownTo": "Medium" }
                      ]
                    }
                  }
                ]
              }
            }
            """;

        var problems = FluentActions.Invoking(() => PolicyEditionJson.Parse(json)).Should().Throw<DocumentFormatException>().Which.Problems;

        problems.Select(p => (p.Path, p.LineNumber)).Should().Equal(
            ("$.id", 2),
            ("$.version", 3),
            ("$.title.en", 5),
            ("$.effective.from", 8),
            ("$.risk.rules[0].caseDesignation.stages[0].level", 19),
            ("$.risk.rules[0].caseDesignation.stages[0].requireNegativeScreening", 19),
            ("$.risk.rules[0].caseDesignation.stages[0].stepDownTo", 19));
        problems.Should().Contain(p => p.Message.Contains("no default"));
    }

    [Fact]
    public void ParseOptions_ChangedParameter_MakesALocalVariant()
    {
        var options = PolicyEditionJson.ParseOptions(File.ReadAllText(BuiltIn("cn-2022-06-ninth-edition")));
        options.Id = "cn-2022-06-ninth-edition-press-summary";
        options.Risk!.Rules[0].CaseDesignation!.Stages[0].RequireNegativeScreening = false;
        options.Risk.Rules[0].CaseDesignation!.Stages[0].ScreeningWithinDays = null;

        var variant = PolicyEditionJson.Parse(PolicyEditionJson.ToJson(options));
        var history = SmallCity.History(8, new[] { SmallCity.Case("p-1", 0, "c1-a-1-1") });
        var interval = new DateInterval(SmallCity.Day0, SmallCity.Day(8));

        variant.Risk.Evaluate(history, interval).At(SmallCity.Z("c1-a"), SmallCity.Day(8)).LevelDefinition.Code.Should().Be("Medium");
        PolicyEditions.China.NinthEdition.Risk.Evaluate(history, interval).At(SmallCity.Z("c1-a"), SmallCity.Day(8)).LevelDefinition.Code.Should().Be("High");
    }

    [Fact]
    public void FromOptions_Invalid_ReportsPathsWithoutTheDollar()
    {
        var options = PolicyEditionJson.ParseOptions(Minimal);
        options.Effective = null;
        options.Risk = null;

        FluentActions.Invoking(() => PolicyEdition.FromOptions(options)).Should().Throw<ModelValidationException>()
            .Which.Failures.Select(f => f.Substring(0, f.IndexOf(':', StringComparison.Ordinal))).Should().Equal("effective", "risk");
    }

    [Fact]
    public void Parse_EndBeforeStart_IsRejected()
    {
        var json = Minimal.Replace("\"from\": \"2022-07-01\"", "\"from\": \"2022-07-01\", \"until\": \"2022-06\"", StringComparison.Ordinal);

        FluentActions.Invoking(() => PolicyEditionJson.Parse(json)).Should().Throw<DocumentFormatException>()
            .Which.Problems.Single().Path.Should().Be("$.effective.until");
    }

    private static string BuiltIn(string id) => RepositoryRoot.Combine("src", "CommunityControl.Sdk", "Editions", id + ".edition.json");
}
