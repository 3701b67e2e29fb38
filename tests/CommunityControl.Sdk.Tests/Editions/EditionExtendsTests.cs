using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CommunityControl.Editions;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using CommunityControl.Testing;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Editions;

/// <summary>
/// <c>"extends"</c>: a local edition document is a JSON Merge Patch over its base (a built-in edition or one of a
/// catalogue of documents), and <see cref="PolicyEditions.GetDocument"/>, where a local variant starts.
/// </summary>
public class EditionExtendsTests
{
    private const string Ninth = PolicyEditions.China.NinthEditionId;

    private const string Header = """
          "id": "cn-wh-2022-07-local", "version": "1.0.0", "jurisdiction": "CN-WH",
          "title": { "zh": "本地第九版", "en": "Local 9th edition" },
          "effective": { "from": "2022-07-01" }
        """;

    // The ninth edition's risk rule with the High stage stepping down after 10 days instead of 7 (arrays replace, so the rule is restated).
    private static readonly string TenDayRules = RulesOfTheNinth().Replace("\"stepDownAfterDays\": 7, \"requireNegativeScreening\": true, \"screeningWithinDays\": 1, \"stepDownTo\"", "\"stepDownAfterDays\": 10, \"requireNegativeScreening\": true, \"screeningWithinDays\": 1, \"stepDownTo\"", StringComparison.Ordinal);

    public static IEnumerable<object[]> EditionIds() => PolicyEditions.Ids.Select(id => new object[] { id });

    [Theory]
    [MemberData(nameof(EditionIds))]
    public void GetDocument_EveryBuiltInEdition_ReadsBackToAnEditionThatBehavesTheSame(string id)
    {
        var document = PolicyEditions.GetDocument(id);

        var read = PolicyEditionJson.Parse(document);

        var builtIn = PolicyEditions.Get(id);
        read.Id.Should().Be(id);
        PolicyEditionJson.ToJson(PolicyEditionJson.ParseOptions(document)).Should().Be(PolicyEditionJson.ToJson(PolicyEditionJson.ParseOptions(PolicyEditions.GetDocument(id))));
        MeasureTableJson.ToJson(read.Measures!).Should().Be(MeasureTableJson.ToJson(builtIn.Measures!));
        read.Risk.Scale.Id.Should().Be(builtIn.Risk.Scale.Id);
        EditionVectorRunner.Run(read, File.ReadAllText(Path.Combine(EditionVectors.Folder, id + ".vectors.json"))).Passed.Should().BeTrue("the document read again passes the built-in edition's vectors");
    }

    [Fact]
    public void GetDocument_UnknownId_ThrowsKeyNotFoundNamingTheKnownOnes()
    {
        FluentActions.Invoking(() => PolicyEditions.GetDocument("cn-2021-05-eighth-edition")).Should().Throw<KeyNotFoundException>().WithMessage("*cn-2022-06-ninth-edition*");
        FluentActions.Invoking(() => PolicyEditions.GetDocument(null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void TryGetDocument_KnownAndUnknown_SaysWhichItHas()
    {
        PolicyEditions.TryGetDocument(Ninth, out var document).Should().BeTrue("the ninth edition is built in");
        document.Should().Contain("\"measures\"");
        PolicyEditions.TryGetDocument("nowhere", out var none).Should().BeFalse();
        none.Should().BeNull();
        PolicyEditions.TryGetDocument(null, out _).Should().BeFalse();
    }

    [Fact]
    public void Extends_HeaderOnly_IsTheBaseUnderItsOwnIdentity()
    {
        var local = PolicyEditionJson.Parse($$"""{ "extends": "{{Ninth}}", {{Header}} }""");

        local.Id.Should().Be("cn-wh-2022-07-local");
        local.Jurisdiction.Should().Be("CN-WH");
        local.Title.En.Should().Be("Local 9th edition");
        MeasureTableJson.ToJson(local.Measures!).Should().Be(MeasureTableJson.ToJson(PolicyEditions.China.NinthEdition.Measures!), "the measures come from the base");
        local.Notes.Should().Equal(PolicyEditions.China.NinthEdition.Notes, "what the local document does not say comes from the base");
    }

    [Fact]
    public void Extends_OneStepDownDayCountOverridden_VectorsDifferExactlyThere()
    {
        var local = PolicyEditionJson.Parse($$"""{ "extends": "{{Ninth}}", {{Header}}, "risk": { "rules": {{TenDayRules}} } }""");
        var vectors = File.ReadAllText(Path.Combine(EditionVectors.Folder, Ninth + ".vectors.json"));

        var ninth = EditionVectorRunner.Run(PolicyEditions.China.NinthEdition, vectors);
        var mine = EditionVectorRunner.Run(local, vectors.Replace($"\"edition\": \"{Ninth}\"", "\"edition\": \"cn-wh-2022-07-local\"", StringComparison.Ordinal));

        ninth.Passed.Should().BeTrue("the unchanged ninth edition passes its own vectors");
        mine.Vectors.Where(v => !v.Passed).Select(v => v.Name).Should().BeEquivalentTo(
            new[]
            {
                "High steps down to Medium after 7 days and a negative round on day 7, then to Low after 3 more days",
                "High without a screening round stays High",
                "Day 6 vs day 7: a round on day 6 does not count, a later round closes the run",
                "A round of a larger zone covers the compound",
                "A new infection on day 7 restarts the count",
                "A case on the day the area would step down keeps it High",
                "3 vs 4: a residence case on the third Medium day puts the area back to High",
                "Activity places are Medium; Medium steps down after 7 days and a day-7 round, to Low while the county has a risk area",
            },
            "only the vectors with a High area still there after day 7 change; those without one (Medium only, no outbreak, …) still pass");
        mine.Vectors.Should().Contain(v => v.Passed && v.Name == "A county without a local outbreak draws no risk areas");
        var high = RiskScales.ChinaLowMediumHigh["High"];
        var low = RiskScales.ChinaLowMediumHigh["Low"];
        mine.Mismatches.Should().OnlyContain(
            m => m.Actual.Level == high || (m.Actual.Level == low && m.ExpectedLevel == "Normal"),
            "a High area stays High (waiting for day 10), and while it does the rest of the county stays Low");
    }

    [Fact]
    public void Extends_NullForAnOptionalSection_DeletesIt()
    {
        var local = PolicyEditionJson.Parse($$"""{ "extends": "{{Ninth}}", {{Header}}, "measures": null }""");

        local.Measures.Should().BeNull();
        local.Access.Should().BeNull();
    }

    [Fact]
    public void Extends_ObjectsMergeMemberByMember_ArraysReplace()
    {
        var local = PolicyEditionJson.Parse($$"""
            { "extends": "{{Ninth}}", {{Header}},
              "notes": [ "Only this note." ],
              "measures": { "levels": { "Low": { "actions": [ "AvoidGatherings" ] } } } }
            """);

        local.Notes.Should().Equal("Only this note.");
        var low = local.Measures!.For(RiskScales.ChinaLowMediumHigh["Low"]);
        low.Actions.Should().Equal(CommunityControl.Measures.CommunityAction.AvoidGatherings);
        low.LeaveCityTest.Should().NotBeNull("the Low level's other members come from the base");
        local.Measures.For(RiskScales.ChinaLowMediumHigh["High"]).StayHome.Should().NotBeNull();
    }

    [Fact]
    public void Extends_UnknownBase_IsAProblemAtExtendsWithItsLine()
    {
        var json = $$"""
            {
              {{Header}},
              "extends": "cn-2021-05-eighth-edition"
            }
            """;

        var problem = FluentActions.Invoking(() => PolicyEditionJson.Parse(json)).Should().Throw<DocumentFormatException>().Which.Problems.Single();

        problem.Path.Should().Be("$.extends");
        problem.LineNumber.Should().Be(json.Split('\n').ToList().FindIndex(l => l.Contains("\"extends\"", StringComparison.Ordinal)) + 1);
        problem.Message.Should().Contain("The id is not a known edition").And.Contain(Ninth).And.NotContain("cn-2021-05-eighth-edition");
    }

    [Fact]
    public void Extends_CycleThroughACatalogue_IsAProblemAtExtends()
    {
        var catalogue = new Dictionary<string, string>
        {
            ["a"] = """{ "extends": "b", "id": "a" }""",
            ["b"] = """{ "extends": "a", "id": "b" }""",
        };

        var problem = FluentActions.Invoking(() => PolicyEditionJson.Parse($$"""{ "extends": "a", {{Header}} }""", catalogue))
            .Should().Throw<DocumentFormatException>().Which.Problems.Single();

        problem.Path.Should().Be("$.extends");
        problem.Message.Should().Contain("a cycle").And.Contain("a → b → a");
    }

    [Fact]
    public void Extends_ABaseFromACatalogue_ThatItselfExtendsABuiltIn_Chains()
    {
        var catalogue = new Dictionary<string, string> { ["cn-hb-2022-07"] = $$"""{ "extends": "{{Ninth}}", "id": "cn-hb-2022-07", "notes": [ "Province." ] }""" };

        var city = PolicyEditionJson.Parse($$"""{ "extends": "cn-hb-2022-07", {{Header}} }""", catalogue);

        city.Notes.Should().Equal("Province.");
        city.Measures.Should().NotBeNull();
    }

    [Fact]
    public void Extends_WithoutItsOwnHeader_IsAProblemNamingEachMissingField()
    {
        var problems = FluentActions.Invoking(() => PolicyEditionJson.Parse($$"""{ "extends": "{{Ninth}}", "id": "x" }"""))
            .Should().Throw<DocumentFormatException>().Which.Problems;

        problems.Should().OnlyContain(p => p.Path == "$.extends");
        problems.Select(p => p.Message).Should().BeEquivalentTo(
            new[] { "version", "jurisdiction", "title", "effective" }.Select(f => $"A document that extends another must give its own '{f}'."));
    }

    [Fact]
    public void Extends_ProblemInTheLocalDocument_CarriesItsLocalLine()
    {
        var json = $$"""
            {
              "extends": "{{Ninth}}",
              {{Header}},
              "measures": {
                "levels": {
                  "High": { "outingQuota": { "preset": "nowhere" } }
                }
              }
            }
            """;

        var problem = FluentActions.Invoking(() => PolicyEditionJson.Parse(json)).Should().Throw<DocumentFormatException>().Which.Problems.Single();

        problem.Path.Should().Be("$.measures.levels.High.outingQuota.preset");
        problem.LineNumber.Should().Be(json.Split('\n').ToList().FindIndex(l => l.Contains("nowhere", StringComparison.Ordinal)) + 1);
    }

    [Fact]
    public void Extends_ProblemOnlyInTheBase_HasItsPathNoLineAndSaysSo()
    {
        var catalogue = new Dictionary<string, string>
        {
            ["broken"] = PolicyEditions.GetDocument(Ninth).Replace("\"stepDownAfterDays\": 3,", "\"stepDownAfterDays\": -3,", StringComparison.Ordinal),
        };

        var problem = FluentActions.Invoking(() => PolicyEditionJson.Parse($$"""{ "extends": "broken", {{Header}} }""", catalogue))
            .Should().Throw<DocumentFormatException>().Which.Problems.Single();

        problem.Path.Should().StartWith("$.risk.rules[0].caseDesignation.stages[1]");
        problem.LineNumber.Should().BeNull();
        problem.Message.Should().Contain("comes from the base edition 'broken'");
    }

    [Fact]
    public void Extends_InADocumentWithARepeatedName_IsNeverReadAsAStandaloneEdition()
    {
        var json = $$"""{ "extends": "{{Ninth}}", {{Header}}, "version": "1.0.1" }""";

        FluentActions.Invoking(() => PolicyEditionJson.Parse(json)).Should().Throw<DocumentFormatException>()
            .Which.Problems.Should().Contain(p => p.Path == "$.extends" || p.Path == "$.version");
    }

    [Fact]
    public void MergePatch_Rfc7386Examples_GiveTheRfcsResults()
    {
        // RFC 7386 §3: the example document and patch.
        var target = System.Text.Json.Nodes.JsonNode.Parse("""{ "a": "b", "c": { "d": "e", "f": "g" } }""");
        var patch = System.Text.Json.Nodes.JsonNode.Parse("""{ "a": "z", "c": { "f": null } }""");

        var result = EditionExtends.MergePatch(target, patch);

        result!.ToJsonString().Should().Be("""{"a":"z","c":{"d":"e"}}""");
        EditionExtends.MergePatch(System.Text.Json.Nodes.JsonNode.Parse("""{"a":[1,2]}"""), System.Text.Json.Nodes.JsonNode.Parse("""{"a":[3]}"""))!.ToJsonString().Should().Be("""{"a":[3]}""");
    }

    private static string RulesOfTheNinth()
    {
        var document = PolicyEditions.GetDocument(Ninth);
        var start = document.IndexOf("\"rules\": [", StringComparison.Ordinal) + "\"rules\": ".Length;
        var end = document.IndexOf("\n  \"measures\"", StringComparison.Ordinal);
        var risk = document.Substring(start, end - start);
        return risk.Substring(0, risk.LastIndexOf(']') + 1);
    }
}
