using System;
using System.IO;
using System.Linq;
using CommunityControl.Editions;
using CommunityControl.Risk;
using CommunityControl.Testing;
using CommunityControl.Tests.Editions;
using FluentAssertions;
using Xunit;
using Xunit.Sdk;

namespace CommunityControl.Tests.Testing;

public class EditionVectorRunnerTests
{
    private static readonly PolicyEdition Ninth = PolicyEditions.China.NinthEdition;

    /// <summary>A community of two compounds and the §6.6 #1 vector: High to day 7, a round on day 7, Medium 3 days, then normal.</summary>
    private const string Vectors = """
        {
          "edition": "cn-2022-06-ninth-edition",
          "tree": { "zones": [
            { "id": "d1", "kind": "District" },
            { "id": "c1", "kind": "Community", "parent": "d1" },
            { "id": "c1-a", "kind": "Compound", "parent": "c1" },
            { "id": "c1-a-1", "kind": "Building", "parent": "c1-a", "households": 40 },
            { "id": "c1-b", "kind": "Compound", "parent": "c1" } ] },
          "vectors": [
            {
              "name": "High steps down after day 7",
              "row": "§6.6 #1",
              "history": {
                "firstDay": "2022-07-01", "lastDay": "2022-07-14",
                "cases": [ { "id": "p-0001", "kind": "Confirmed", "reported": "2022-07-01", "residence": "c1-a-1" } ],
                "screenings": [ { "zone": "c1-a", "date": "2022-07-08", "allNegative": true } ]
              },
              "expect": [
                { "zone": "c1-a", "from": "2022-07-01", "to": "2022-07-08", "level": "High", "since": "2022-07-01" },
                { "zone": "c1-a", "from": "2022-07-09", "to": "2022-07-11", "level": "Medium", "reason": "SteppedDown" },
                { "zone": "c1-b", "on": "2022-07-12", "level": "Normal" }
              ]
            },
            {
              "name": "Without a round it stays High",
              "history": { "firstDay": "2022-07-01", "lastDay": "2022-07-10",
                           "cases": [ { "id": "p-0001", "kind": "Confirmed", "reported": "2022-07-01", "residence": "c1-a-1" } ] },
              "expect": [ { "zone": "c1-a", "from": "2022-07-01", "to": "2022-07-10", "level": "High" } ]
            }
          ]
        }
        """;

    [Fact]
    public void BuiltInVectors_AllPass_CheckingTheSameZoneDaysAsTheSdksOwnRunner()
    {
        var files = Directory.EnumerateFiles(EditionVectors.Folder, "*.vectors.json").OrderBy(f => f, StringComparer.Ordinal).ToList();

        files.Should().HaveCount(PolicyEditions.Ids.Count);
        foreach (var file in files)
        {
            var result = EditionVectorRunner.Run(PolicyEditions.Catalog, File.ReadAllText(file));

            result.Should().Pass();
            foreach (var vector in result.Vectors)
            {
                vector.Checks.Should().Be(EditionVectors.Run(Path.GetFileName(file), vector.Name).Checks, "both runners read {0} / {1} alike", Path.GetFileName(file), vector.Name);
            }
        }
    }

    [Fact]
    public void Run_AllExpectationsHold_Passes()
    {
        var result = EditionVectorRunner.Run(Ninth, Vectors);

        result.Passed.Should().BeTrue("every vector of the document matches");
        result.EditionId.Should().Be("cn-2022-06-ninth-edition");
        result.Vectors.Select(v => v.Name).Should().Equal("High steps down after day 7", "Without a round it stays High");
        result.Vectors[0].Row.Should().Be("§6.6 #1");
        result.Vectors[0].Checks.Should().Be(8 + 3 + 1);
        result.Checks.Should().Be(12 + 10);
        result.ToString().Should().Be("cn-2022-06-ninth-edition: 2 vectors, 22 checks, 0 mismatches");
    }

    [Fact]
    public void Run_WrongExpectation_ListsEachZoneDayWithItsLine()
    {
        // A variant's author expects the 9th edition to keep c1-a High through day 8 (2022-07-09): one day is wrong.
        var wrong = Vectors.Replace("\"to\": \"2022-07-08\", \"level\": \"High\"", "\"to\": \"2022-07-09\", \"level\": \"High\"", StringComparison.Ordinal);

        var result = EditionVectorRunner.Run(Ninth, wrong);

        result.Passed.Should().BeFalse();
        var mismatch = result.Mismatches.Should().ContainSingle().Which;
        mismatch.Vector.Should().Be("High steps down after day 7");
        mismatch.Zone.Value.Should().Be("c1-a");
        mismatch.Date.Should().Be(new NodaTime.LocalDate(2022, 7, 9));
        mismatch.ExpectedLevel.Should().Be("High");
        mismatch.ExpectedSince.Should().Be(new NodaTime.LocalDate(2022, 7, 1));
        mismatch.Actual.LevelDefinition.Code.Should().Be("Medium");
        mismatch.Path.Should().Be("$.vectors[0].expect[0]");
        mismatch.LineNumber.Should().Be(19);
        mismatch.ToString().Should().Be(
            "c1-a 2022-07-09: expected High/Determined since 2022-07-01, got Medium/Determined/SteppedDown since 2022-07-09 (SteppedDown [risk-areas], 2022-07-08 (7 days without a new infection in 'High')) at $.vectors[0].expect[0] (line 19)");
        result.Vectors[0].Passed.Should().BeFalse();
        result.Vectors[1].Passed.Should().BeTrue("the second vector matches even though the first does not");
    }

    [Fact]
    public void ShouldPass_WithMismatches_FailsListingThem()
    {
        var result = EditionVectorRunner.Run(Ninth, Vectors.Replace("\"level\": \"Normal\"", "\"level\": \"Low\"", StringComparison.Ordinal));

        var act = () => result.Should().Pass();

        act.Should().Throw<XunitException>().WithMessage(
            "Expected the vectors of edition cn-2022-06-ninth-edition to pass, but cn-2022-06-ninth-edition: 2 vectors, 22 checks, 1 mismatch*c1-b 2022-07-12: expected Low/Determined, got Normal/Determined/NoRiskZoneLeft*(line 21).");
    }

    [Fact]
    public void VectorNames_AndRunOne_ForADataDrivenTest()
    {
        var names = EditionVectorRunner.VectorNames(Vectors);

        names.Should().Equal("High steps down after day 7", "Without a round it stays High");
        var one = EditionVectorRunner.Run(Ninth, Vectors, names[1]);
        one.Vectors.Should().ContainSingle().Which.Checks.Should().Be(10);
        one.Should().Pass();
    }

    [Fact]
    public void Run_UnknownVectorName_ThrowsListingTheNames()
    {
        var act = () => EditionVectorRunner.Run(Ninth, Vectors, "No such vector");

        act.Should().Throw<ArgumentException>().WithParameterName("vectorName").WithMessage("*No such vector*High steps down after day 7; Without a round it stays High*");
    }

    [Fact]
    public void Run_AnotherEdition_IsADocumentProblem()
    {
        var act = () => EditionVectorRunner.Run(PolicyEditions.China.TwentyMeasures, Vectors);

        act.Should().Throw<DocumentFormatException>().Which.Problems.Should().ContainSingle()
            .Which.Should().Be(new DocumentProblem("$.edition", 2, "The vectors are for edition 'cn-2022-06-ninth-edition', but they were given edition 'cn-2022-11-twenty-measures'."));
    }

    [Fact]
    public void Run_ByCatalog_UnknownEdition_IsADocumentProblem()
    {
        var act = () => EditionVectorRunner.Run(PolicyEditions.Catalog, Vectors.Replace("cn-2022-06-ninth-edition", "my-city", StringComparison.Ordinal));

        act.Should().Throw<DocumentFormatException>().WithMessage("*$.edition (line 2): No edition with id 'my-city' is known.*");
    }

    [Fact]
    public void Run_BadDocument_ReportsEveryProblemWithPathAndLine()
    {
        const string bad = """
            {
              "edition": "cn-2022-06-ninth-edition",
              "author": "someone",
              "tree": { "zones": [
                { "id": "c1", "kind": "Community" },
                { "id": "c1-a", "kind": "Compound", "parent": "c1" } ] },
              "vectors": [
                {
                  "name": "one",
                  "history": {
                    "firstDay": "2022-07-01", "lastDay": "2022-07-05",
                    "cases": [ { "id": "p-0001", "kind": "Confirmed", "reported": "2022-07-01", "residence": "c9" } ]
                  },
                  "expect": [ { "zone": "c1-a", "on": "2022-07-01", "level": "High" } ]
                },
                {
                  "name": "one",
                  "history": { "firstDay": "2022-07-01", "lastDay": "2022-07-05" },
                  "expect": [
                    { "zone": "c1-x", "on": "2022-07-01", "level": "High" },
                    { "zone": "c1-a", "on": "2022-07-09", "level": "High" },
                    { "zone": "c1-a", "on": "2022-07-01", "level": "Sealed", "outcome": "Maybe" },
                    { "zone": "c1-a", "from": "2022-07-03", "to": "2022-07-02", "level": "High", "colour": "red" }
                  ]
                }
              ]
            }
            """;

        var act = () => EditionVectorRunner.Run(Ninth, bad);

        var problems = act.Should().Throw<DocumentFormatException>().Which.Problems;
        problems.Select(p => (p.Path, p.LineNumber)).Should().Equal(
            ("$.author", 3),
            ("$.vectors[0].history.cases[0].residence", 12),
            ("$.vectors[1].name", 17),
            ("$.vectors[1].expect[0].zone", 20),
            ("$.vectors[1].expect[1].on", 21),
            ("$.vectors[1].expect[2].level", 22),
            ("$.vectors[1].expect[2].outcome", 22),
            ("$.vectors[1].expect[3].colour", 23),
            ("$.vectors[1].expect[3].to", 23));
        problems.Single(p => p.Path.EndsWith(".level", StringComparison.Ordinal)).Message.Should().Contain("Normal, Low, Medium, High");
        problems.Single(p => p.Path.EndsWith(".on", StringComparison.Ordinal)).Message.Should().Contain("2022-07-09 is outside the history (2022-07-01 to 2022-07-05)");
        problems.Single(p => p.Path.EndsWith(".residence", StringComparison.Ordinal)).Message.Should().Contain("c9");
    }

    [Fact]
    public void Run_MalformedJson_ReportsTheLine()
    {
        var act = () => EditionVectorRunner.Run(Ninth, "{\n  \"edition\": \"cn-2022-06-ninth-edition\",\n  \"vectors\": [ }\n}");

        act.Should().Throw<DocumentFormatException>().Which.Problems.Should().ContainSingle().Which.LineNumber.Should().Be(3);
    }

    [Fact]
    public void Run_MissingParts_AreEachReported()
    {
        var act = () => EditionVectorRunner.Run(Ninth, """{ "vectors": [ { "name": "x", "expect": [] } ] }""");

        act.Should().Throw<DocumentFormatException>().Which.Problems.Select(p => p.Path).Should().BeEquivalentTo(
            "$.edition", "$.vectors[0].tree", "$.vectors[0].history", "$.vectors[0].expect");
    }

    [Fact]
    public void Run_InsufficientDataAndHolidays_AreRead()
    {
        // §28b counts working days: without a calendar (null) the lapse cannot be counted; the format carries both.
        var json = File.ReadAllText(Path.Combine(EditionVectors.Folder, "de-28b-emergency-brake-2021.vectors.json"));

        var result = EditionVectorRunner.Run(PolicyEditions.Germany.EmergencyBrake2021, json);

        result.Should().Pass();
        result.Vectors.Should().Contain(v => v.Name.StartsWith("Without a holiday calendar", StringComparison.Ordinal) && v.Checks > 0);
    }

    [Fact]
    public void Arguments_AreChecked()
    {
        var edition = () => EditionVectorRunner.Run((PolicyEdition)null!, Vectors);
        var json = () => EditionVectorRunner.Run(Ninth, null!);

        edition.Should().Throw<ArgumentNullException>().WithParameterName("edition");
        json.Should().Throw<ArgumentNullException>().WithParameterName("vectorsJson");
    }
}
