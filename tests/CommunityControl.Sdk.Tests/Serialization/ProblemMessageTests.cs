using System.Linq;
using CommunityControl.Serialization;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Serialization;

public class ProblemMessageTests
{
    private static readonly string HugeName = new('x', 1_000_000);

    [Theory]
    [InlineData("zones")]
    [InlineData("edition")]
    [InlineData("measures")]
    [InlineData("access")]
    [InlineData("staffing")]
    [InlineData("history")]
    public void Read_OneMegabyteUnknownPropertyName_GivesAShortMessage(string kind)
    {
        var json = Documents.WithFirstMember(Documents.Valid(kind), "\"" + HugeName + "\": 1");

        var ex = Documents.Rejects(kind, json);

        ex.Message.Length.Should().BeLessThan(2_000);
        ex.Problems.Should().OnlyContain(p => p.Path.Length < 200 && p.Message.Length < 1_000);
        ex.Message.Should().Contain(new string('x', 64) + "…");
    }

    [Fact]
    public void ZoneTreeParse_LongUnknownKind_IsNotEchoed()
    {
        var ex = FluentActions.Invoking(() => ZoneTreeJson.Parse("{ \"zones\": [ { \"id\": \"A\", \"kind\": \"" + new string('K', 5000) + "\" } ] }"))
            .Should().Throw<DocumentFormatException>().Which;

        ex.Problems.Single().Message.Should().Contain("not one of").And.NotContain("KKK");
        ex.Message.Length.Should().BeLessThan(2_000);
    }

    [Fact]
    public void ZoneTreeCsvParse_TwoHundredThousandBadRows_ListsTheFirstHundredAndTheTotal()
    {
        var csv = "id,kind\n" + string.Concat(Enumerable.Range(0, 200_000).Select(i => "z" + i + ",Nope\n"));

        var ex = FluentActions.Invoking(() => ZoneTreeCsv.Parse(csv)).Should().Throw<DocumentFormatException>().Which;

        ex.TotalProblemCount.Should().BeGreaterThanOrEqualTo(200_000);
        ex.Problems.Should().HaveCount(100);
        ex.Problems.Select(p => p.LineNumber).Should().BeInAscendingOrder();
        ex.Problems[0].LineNumber.Should().Be(2);
        ex.Message.Length.Should().BeLessThan(20_000);
    }

    [Fact]
    public void DocumentFormatException_PublicConstructor_ListsEveryProblem()
    {
        var problems = Enumerable.Range(1, 150).Select(i => new DocumentProblem("$", i, "m")).ToArray();

        var ex = new DocumentFormatException("test", problems);

        ex.Problems.Should().HaveCount(150);
        ex.TotalProblemCount.Should().Be(150);
        ex.Message.Should().StartWith("The test document is invalid (150 problems)");
    }
}
