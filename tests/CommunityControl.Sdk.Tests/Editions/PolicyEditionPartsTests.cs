using System;
using System.IO;
using System.Linq;
using CommunityControl.Access;
using CommunityControl.Editions;
using CommunityControl.Measures;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using CommunityControl.Staffing;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Editions;

/// <summary>An edition's optional parts: measures, access and staffing, in code and in its document.</summary>
public class PolicyEditionPartsTests
{
    private const string Staffing = """
        {
          "scale": "cn-low-medium-high",
          "shifts": { "preset": "TwoTwelveHour", "firstStart": "08:00", "handoverMinutes": 30 },
          "checkSeconds": { "CodeScan": 10 },
          "levels": {
            "High": { "gate": { "check": "CodeScan", "serviceLevel": 0.8, "answerWithinSeconds": 20, "minimumOnDuty": 2 } }
          }
        }
        """;

    [Fact]
    public void BuiltInEditions_CarryTheirMeasuresAndAccess_ButNoStaffing()
    {
        foreach (var edition in PolicyEditions.All)
        {
            edition.Measures.Should().NotBeNull(edition.Id);
            edition.Measures!.Edition.Should().Be(edition.Id);
            edition.Measures.Scale.Id.Should().Be(edition.Risk.Scale.Id, edition.Id);
            edition.Access.Should().NotBeNull(edition.Id);
            edition.Access!.Measures.Should().BeSameAs(edition.Measures);
            edition.Staffing.Should().BeNull("the references give no national staffing figures ({0})", edition.Id);
        }
    }

    [Fact]
    public void WithStaffing_AttachesAndLeavesTheOriginalUnchanged()
    {
        var ninth = PolicyEditions.China.NinthEdition;
        var staffing = StaffingPolicyJson.Parse(Staffing, RiskScales.ChinaLowMediumHigh);

        var local = ninth.WithStaffing(staffing);

        local.Staffing!.Levels.Should().BeEquivalentTo(staffing.Levels);
        local.Staffing.Measures.Should().BeSameAs(ninth.Measures, "an edition's staffing follows the edition's measures");
        staffing.Measures.Should().BeNull("the policy given is unchanged");
        local.Access.Should().BeSameAs(ninth.Access);
        local.Id.Should().Be(ninth.Id);
        ninth.Staffing.Should().BeNull();
    }

    [Fact]
    public void WithParts_OnAnotherScale_AreRejectedNamingTheArgument()
    {
        var ninth = PolicyEditions.China.NinthEdition;

        FluentActions.Invoking(() => ninth.WithMeasures(PolicyEditions.Get("cn-2022-three-zones").Measures!)).Should().Throw<ArgumentException>().WithParameterName("measures").WithMessage("*cn-three-zones*");
        FluentActions.Invoking(() => ninth.WithAccess(AccessPolicy.Create(PolicyEditions.Get("cn-2022-three-zones").Measures!))).Should().Throw<ArgumentException>().WithParameterName("access");
        FluentActions.Invoking(() => ninth.WithStaffing(StaffingPolicyJson.Parse(Staffing.Replace("cn-low-medium-high", "cn-three-zones", StringComparison.Ordinal).Replace("\"High\"", "\"Sealed\"", StringComparison.Ordinal), RiskScales.ChinaThreeZones)))
            .Should().Throw<ArgumentException>().WithParameterName("staffing");
    }

    [Fact]
    public void Document_WithMeasuresAndStaffingSections_CarriesThem()
    {
        var json = WithSections(("measures", MeasureTableJson.ToJson(PolicyEditions.China.NinthEdition.Measures!)), ("staffing", Staffing));

        var edition = PolicyEditionJson.Parse(json);

        edition.Measures!.Levels.Count.Should().Be(PolicyEditions.China.NinthEdition.Measures!.Levels.Count);
        edition.Access!.Measures.Should().BeSameAs(edition.Measures);
        edition.Staffing!.Scale.Id.Should().Be("cn-low-medium-high");
    }

    [Fact]
    public void Document_WithAccessSection_CarriesItsMeasures()
    {
        var json = WithSections(("access", AccessPolicyJson.ToJson(AccessPolicy.Create(PolicyEditions.China.NinthEdition.Measures!))));

        var edition = PolicyEditionJson.Parse(json);

        edition.Access.Should().NotBeNull();
        edition.Measures.Should().BeSameAs(edition.Access!.Measures);
    }

    [Fact]
    public void Document_ProblemsInsideASection_CarryTheSectionPathAndTheDocumentLine()
    {
        var staffing = Staffing.Replace("\"minimumOnDuty\": 2", "\"minimumOnDuty\": 2, \"colour\": \"red\"", StringComparison.Ordinal);
        var json = WithSections(("staffing", staffing));
        var expectedLine = json.Split('\n').Select((line, i) => (line, i)).First(t => t.line.Contains("\"colour\"", StringComparison.Ordinal)).i + 1;

        var problem = FluentActions.Invoking(() => PolicyEditionJson.Parse(json)).Should().Throw<DocumentFormatException>().Which.Problems.Single();

        problem.Path.Should().StartWith("$.staffing.").And.EndWith("colour");
        problem.LineNumber.Should().Be(expectedLine);
    }

    [Fact]
    public void Document_WithBothMeasuresAndAccess_IsRejected()
    {
        var json = WithSections(
            ("measures", MeasureTableJson.ToJson(PolicyEditions.China.NinthEdition.Measures!)),
            ("access", AccessPolicyJson.ToJson(AccessPolicy.Create(PolicyEditions.China.NinthEdition.Measures!))));

        FluentActions.Invoking(() => PolicyEditionJson.Parse(json)).Should().Throw<DocumentFormatException>()
            .Which.Problems.Single().Path.Should().Be("$.access");
    }

    [Fact]
    public void Document_SectionOnAnotherScale_IsRejected()
    {
        var json = WithSections(("measures", MeasureTableJson.ToJson(PolicyEditions.China.ThreeZones2022.Measures!)));

        FluentActions.Invoking(() => PolicyEditionJson.Parse(json)).Should().Throw<DocumentFormatException>()
            .Which.Problems.Should().Contain(p => p.Path.StartsWith("$.measures", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_RoundTrip_KeepsTheSections()
    {
        var json = WithSections(("staffing", Staffing));

        var again = PolicyEditionJson.Parse(PolicyEditionJson.ToJson(PolicyEditionJson.ParseOptions(json)));

        again.Staffing.Should().NotBeNull();
    }

    private static string WithSections(params (string Name, string Json)[] sections)
    {
        // The ninth edition's document without its own measures section (its last member), so the test's sections are the only ones.
        var document = File.ReadAllText(RepositoryRoot.Combine("src", "CommunityControl.Sdk", "Editions", "cn-2022-06-ninth-edition.edition.json"));
        document = document.Substring(0, document.LastIndexOf(",\n  \"measures\":", StringComparison.Ordinal)) + "\n}\n";
        var open = document.IndexOf('{', StringComparison.Ordinal);
        var inserted = string.Concat(sections.Select(s => $"\n  \"{s.Name}\": {s.Json},"));
        return document.Insert(open + 1, inserted);
    }
}
