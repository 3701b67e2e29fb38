using System.IO;
using System.Text;
using CommunityControl.Serialization;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Serialization;

public class SchemaPropertyTests
{
    [Theory]
    [InlineData("zones")]
    [InlineData("edition")]
    [InlineData("measures")]
    [InlineData("access")]
    [InlineData("staffing")]
    [InlineData("history")]
    public void Read_TopLevelSchema_IsAcceptedAndIgnored(string kind)
    {
        var json = Documents.WithFirstMember(Documents.Valid(kind), "\"$schema\": \"https://example.org/schemas/" + kind + ".json\"");

        var read = Documents.Read(kind, json);

        read.Should().NotBeNull();
    }

    [Fact]
    public void ZoneTreeParse_SchemaAsTheLastMember_IsAccepted()
    {
        var tree = ZoneTreeJson.Parse("{ \"zones\": [ { \"id\": \"A\", \"kind\": \"Community\" } ],\n \"$schema\": \"x\" /* last */ }");

        tree.Count.Should().Be(1);
    }

    [Fact]
    public void ZoneTreeParse_SchemaThenAProblem_KeepsTheProblemsLine()
    {
        var json = "{ \"$schema\": \"x\",\n \"zones\": [\n { \"id\": \"A\", \"kind\": \"Nope\" } ] }";

        var problem = FluentActions.Invoking(() => ZoneTreeJson.Parse(json)).Should().Throw<DocumentFormatException>().Which.Problems.Should().ContainSingle().Subject;

        (problem.Path, problem.LineNumber).Should().Be(("$.zones[0].kind", 3L));
    }

    [Fact]
    public void Read_SchemaNotAString_IsAnUnknownProperty()
    {
        FluentActions.Invoking(() => Documents.Read("measures", "{ \"$schema\": 1, \"scale\": \"cn-low-medium-high\" }"))
            .Should().Throw<DocumentFormatException>().Which.Problems[0].Path.Should().Contain("$schema");
    }

    [Fact]
    public void Read_NestedSchema_IsNotIgnored()
    {
        FluentActions.Invoking(() => ZoneTreeJson.Parse("{ \"zones\": [ { \"$schema\": \"x\", \"id\": \"A\", \"kind\": \"Community\" } ] }"))
            .Should().Throw<DocumentFormatException>().Which.Problems.Should().ContainSingle().Which.Path.Should().Be("$.zones[0].$schema");
    }

    [Fact]
    public void ZoneTreeRead_StreamWithSchema_IsAccepted()
    {
        var json = Documents.WithFirstMember(Documents.Valid("zones"), "\"$schema\": \"s\"");

        var tree = ZoneTreeJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        tree.Count.Should().Be(Documents.Tree.Count);
    }
}
