using System.Linq;
using CommunityControl.Serialization;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Serialization;

/// <summary>
/// Names in documents may contain dots and brackets, so two problem paths built from them can be spelt differently and
/// name the same place. Finding their lines must not fail.
/// </summary>
public class PathSpellingTests
{
    [Fact]
    public void MeasureTableParse_LevelsNamedWithDotsAndBrackets_GivesTheDocumentedException()
    {
        const string json = """
            {
              "scale": "cn-low-medium-high",
              "levels": { "a.b": {}, "a['b']": {} }
            }
            """;

        var problems = FluentActions.Invoking(() => MeasureTableJson.Parse(json))
            .Should().Throw<DocumentFormatException>().Which.Problems;

        problems.Should().HaveCount(2).And.OnlyContain(p => p.LineNumber == 3);
    }

    [Fact]
    public void Find_TwoSpellingsOfOnePlace_GivesEachItsLine()
    {
        var utf8 = System.Text.Encoding.UTF8.GetBytes("{\n  \"a\": {\n    \"b\": 1\n  }\n}");

        var lines = JsonLines.Find(utf8, new[] { "$.a.b", "$.a['b']" });

        lines.Should().Contain("$.a.b", 3).And.Contain("$.a['b']", 3);
        lines.Keys.Should().HaveCount(2);
    }
}
