using System.Linq;
using CommunityControl.Measures;
using CommunityControl.Serialization;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Serialization;

public class DuplicatePropertyTests
{
    [Fact]
    public void MeasureTableParse_LevelGivenTwice_IsRejectedNotTurnedIntoAnAllow()
    {
        // Last-one-wins would read High as {} (no stay-home), so a resident's shopping exit at High would be an Allow.
        const string json = "{\"scale\":\"cn-low-medium-high\",\"levels\":{\"High\":{\"stayHome\":{}},\"High\":{}}}";

        var ex = FluentActions.Invoking(() => MeasureTableJson.Parse(json)).Should().Throw<DocumentFormatException>().Which;

        ex.Problems.Should().ContainSingle();
        ex.Problems[0].Path.Should().Be("$.levels.High");
        ex.Problems[0].LineNumber.Should().Be(1);
        ex.Problems[0].Message.Should().Contain("'High'").And.Contain("twice");
    }

    [Fact]
    public void MeasureTableParse_LevelGivenTwiceOnLaterLines_ReportsTheLineOfTheSecond()
    {
        const string json = "{\n  \"scale\": \"cn-low-medium-high\",\n  \"levels\": {\n    \"High\": { \"stayHome\": {} },\n    \"High\": {}\n  }\n}";

        var problem = FluentActions.Invoking(() => MeasureTableJson.Parse(json)).Should().Throw<DocumentFormatException>().Which.Problems.Single();

        (problem.Path, problem.LineNumber).Should().Be(("$.levels.High", 5L));
    }

    [Fact]
    public void ZoneTreeParse_TwoZonesArrays_AreRejectedNotMerged()
    {
        const string json = "{\n\"zones\": [ { \"id\": \"A\", \"kind\": \"Community\" } ],\n\"zones\": [ { \"id\": \"B\", \"kind\": \"Community\" } ]\n}";

        var problem = Documents.Rejects("zones", json).Problems.Single();

        (problem.Path, problem.LineNumber).Should().Be(("$.zones", 3L));
    }

    [Fact]
    public void PolicyEditionParse_IdTwice_IsRejected()
    {
        var json = Documents.WithFirstMember(Documents.Valid("edition"), "\"id\": \"cn-2022-06-ninth-edition\"");

        var problem = Documents.Rejects("edition", json).Problems.Single();

        (problem.Path, problem.LineNumber).Should().Be(("$.id", 2L));
    }

    [Theory]
    [InlineData("zones")]
    [InlineData("edition")]
    [InlineData("measures")]
    [InlineData("access")]
    [InlineData("staffing")]
    [InlineData("history")]
    public void Read_PropertyTwiceInANestedObject_IsRejectedWithItsPath(string kind)
    {
        // The same nested duplicate in every kind: the pre-pass rejects it before the document's shape is read.
        const string json = "{\n\"a\": { \"b\": [ { \"c\": 1,\n \"c\": 2 } ] }\n}";

        var problem = Documents.Rejects(kind, json).Problems.Single();

        (problem.Path, problem.LineNumber).Should().Be(("$.a.b[0].c", 3L));
    }

    [Theory]
    [InlineData("zones")]
    [InlineData("edition")]
    [InlineData("measures")]
    [InlineData("access")]
    [InlineData("staffing")]
    [InlineData("history")]
    public void Read_PropertyTwiceInAValidDocument_IsRejected(string kind)
    {
        var valid = Documents.Valid(kind);
        var first = valid.Substring(valid.IndexOf('"'), valid.IndexOf(':') - valid.IndexOf('"'));
        var json = Documents.WithFirstMember(valid, first + ": null");

        var ex = Documents.Rejects(kind, json);

        ex.Problems.Should().ContainSingle().Which.Message.Should().Contain("twice");
    }

    [Fact]
    public void Read_EscapedDuplicateName_IsRejected()
    {
        var problem = Documents.Rejects("measures", "{ \"scale\": \"cn-low-medium-high\", \"\\u0073cale\": \"x\" }").Problems.Single();

        problem.Path.Should().Be("$.scale");
    }

    [Fact]
    public void Read_LargeObjectWithADuplicateAfterManyNames_IsRejected()
    {
        var members = string.Join(",", Enumerable.Range(0, 40).Select(i => $"\"k{i}\": {i}"));
        var json = "{ \"levels\": { " + members + ", \"k3\": 0 } }";

        var problem = Documents.Rejects("measures", json).Problems.Single();

        problem.Path.Should().Be("$.levels.k3");
    }

    [Fact]
    public void Read_SameNameInSiblingObjects_IsNotADuplicate()
    {
        var tree = ZoneTreeJson.Parse("{ \"zones\": [ { \"id\": \"A\", \"kind\": \"Community\" }, { \"id\": \"B\", \"kind\": \"Compound\", \"parent\": \"A\" } ] }");

        tree.Count.Should().Be(2);
    }
}
