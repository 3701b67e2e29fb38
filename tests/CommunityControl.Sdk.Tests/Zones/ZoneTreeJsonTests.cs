using System;
using System.IO;
using System.Linq;
using System.Text;
using CommunityControl.Serialization;
using CommunityControl.Zones;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Zones;

public class ZoneTreeJsonTests
{
    [Fact]
    public void Parse_Document_BuildsTheTree()
    {
        var tree = ZoneTreeJson.Parse(TestTrees.SmallCommunityJson);

        tree.Count.Should().Be(8);
        tree[ZoneId.From("C1")].Households.Should().Be(90);
        tree[ZoneId.From("C1-01")].Gates.Should().Be(2);
        tree[ZoneId.From("C1-01")].Name.Should().Be("香炉山小区");
        tree.TimeZone.Id.Should().Be("Asia/Shanghai");
    }

    [Fact]
    public void ToJson_RoundTrips()
    {
        var tree = TestTrees.SmallCommunity().Build();

        var again = ZoneTreeJson.Parse(ZoneTreeJson.ToJson(tree));

        again.All.Select(z => (z.Id, z.Kind, z.Name, z.Households, z.Residents, z.Gates, z.Depth))
            .Should().Equal(tree.All.Select(z => (z.Id, z.Kind, z.Name, z.Households, z.Residents, z.Gates, z.Depth)));
    }

    [Fact]
    public void Read_Stream_Works()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(TestTrees.SmallCommunityJson));

        ZoneTreeJson.Read(stream).Count.Should().Be(8);
    }

    [Fact]
    public void Parse_UnknownField_IsRejectedWithPathAndLine()
    {
        var json = "{\n  \"zones\": [\n    { \"id\": \"A\", \"kind\": \"Community\", \"colour\": \"red\" }\n  ]\n}";

        var problem = Parse(json).Problems.Should().ContainSingle().Subject;

        problem.Path.Should().Be("$.zones[0].colour");
        problem.LineNumber.Should().Be(3);
    }

    [Fact]
    public void Parse_NumericKind_IsRejected()
    {
        var json = "{ \"zones\": [ { \"id\": \"A\", \"kind\": 4 } ] }";

        var problem = Parse(json).Problems.Should().ContainSingle().Subject;

        problem.Path.Should().Be("$.zones[0].kind");
        problem.Message.Should().Contain("Community");
    }

    [Fact]
    public void Parse_EmptyKind_IsRejected()
    {
        Parse("{ \"zones\": [ { \"id\": \"A\", \"kind\": \"\" } ] }")
            .Problems.Single().Path.Should().Be("$.zones[0].kind");
    }

    [Fact]
    public void ToJson_WritesChineseNamesUnescaped()
    {
        ZoneTreeJson.ToJson(TestTrees.SmallCommunity().Build()).Should().Contain("\"香炉山社区\"");
    }

    [Fact]
    public void Parse_UnknownKindName_IsRejected()
    {
        Parse("{ \"zones\": [ { \"id\": \"A\", \"kind\": \"Village\" } ] }")
            .Problems.Single().Message.Should().Contain("The value is not one of").And.NotContain("Village");
    }

    [Fact]
    public void Parse_SyntaxError_ReportsItsLine()
    {
        var json = "{\n  \"zones\": [\n    { \"id\": \"A\", \"kind\": \"Community\" },\n    { \"id\": \"B\" \"kind\": \"Compound\" }\n  ]\n}";

        var problem = Parse(json).Problems.Single();

        problem.LineNumber.Should().Be(4);
    }

    [Fact]
    public void Parse_SemanticProblems_AreAllReportedWithTheirLines()
    {
        var json = """
            {
              "timeZone": "Mars/Olympus",
              "zones": [
                { "id": "C1", "kind": "Community" },
                { "id": "C1", "kind": "Community" },
                { "id": "K", "kind": "Compound", "parent": "NOPE" },
                { "id": "B", "kind": "Building", "parent": "C1", "gates": 3 },
                { "id": "X", "parent": "C1" },
                null
              ]
            }
            """;

        var problems = Parse(json).Problems;

        problems.Select(p => (p.Path, p.LineNumber)).Should().Equal(
            ("$.timeZone", 2L),
            ("$.zones[1].id", 5L),
            ("$.zones[2].parent", 6L),
            ("$.zones[3].gates", 7L),
            ("$.zones[4].kind", 8L),
            ("$.zones[5]", 9L));
    }

    [Fact]
    public void Parse_TypeErrors_AreAllReportedNotOnlyTheFirst()
    {
        var json = "{\n\"zones\": [\n{ \"id\": \"A\", \"kind\": \"Community\", \"households\": \"many\" },\n{ \"id\": 7, \"kind\": \"Compound\", \"parent\": \"A\" },\n{ \"id\": \"B\", \"kind\": \"Compound\", \"parent\": \"A\", \"gates\": 99999999999, \"size\": 3 }\n]\n}";

        var problems = Parse(json).Problems;

        problems.Select(p => (p.Path, p.LineNumber)).Should().Equal(
            ("$.zones[0].households", 3L),
            ("$.zones[1].id", 4L),
            ("$.zones[1].id", 4L),
            ("$.zones[2].gates", 5L),
            ("$.zones[2].size", 5L));
        problems[1].Message.Should().Contain("zone id is required");
        problems[2].Message.Should().Contain("Expected a string, found a number");
        problems[3].Message.Should().Contain("whole number");
    }

    [Fact]
    public void Parse_DuplicateProperty_IsReported()
    {
        Parse("{ \"zones\": [ { \"id\": \"A\", \"kind\": \"Community\", \"id\": \"B\" } ] }")
            .Problems.Single().Message.Should().Contain("appears twice");
    }

    [Fact]
    public void Parse_MissingZones_IsReported()
    {
        Parse("{ \"timeZone\": \"Asia/Shanghai\" }").Problems.Single().Path.Should().Be("$.zones");
    }

    [Fact]
    public void Parse_NullDocument_IsReported()
    {
        Parse("null").Problems.Single().Message.Should().Contain("null");
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNull()
    {
        var act = () => ZoneTreeJson.Parse(null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("json");
    }

    [Fact]
    public void Exception_Message_ListsEveryProblem()
    {
        var ex = Parse("{ \"zones\": [ { \"id\": \"A\", \"kind\": \"Building\", \"parent\": \"Q\" }, { \"id\": \"A\", \"kind\": \"Building\" } ] }");

        ex.Problems.Should().HaveCount(2);
        ex.Message.Should().StartWith("The zone tree document is invalid (2 problems)");
        ex.DocumentKind.Should().Be("zone tree");
    }

    [Fact]
    public void SampleCommunity_LoadsWithAbout2000Households()
    {
        var path = RepositoryRoot.Combine("samples", "Quickstart", "community.json");

        var tree = ZoneTreeJson.Read(File.OpenRead(path));

        tree.OfKind(ZoneKind.Compound).Count.Should().Be(4);
        tree.Roots.Single().Kind.Should().Be(ZoneKind.District);
        tree.Roots.Single().Households.Should().Be(2000);
        tree.OfKind(ZoneKind.Compound).Should().OnlyContain(c => c.Gates == 1);
    }

    private static DocumentFormatException Parse(string json)
    {
        var act = () => ZoneTreeJson.Parse(json);
        return act.Should().Throw<DocumentFormatException>().Which;
    }
}
