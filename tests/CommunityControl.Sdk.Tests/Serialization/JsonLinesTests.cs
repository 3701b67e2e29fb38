using System.Linq;
using System.Text;
using CommunityControl.Serialization;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Serialization;

public class JsonLinesTests
{
    private static readonly byte[] Document = Encoding.UTF8.GetBytes("{\n\"zones\": [\n{ \"id\": \"A\" },\n{ \"id\": \"B\",\n\"parent\": \"A\" }\n],\n\"levels\": { \"High\":\n{} }\n}");

    [Fact]
    public void Find_Paths_GivesTheLineOfEachValue()
    {
        var lines = JsonLines.Find(Document, new[] { "$", "$.zones", "$.zones[1].parent", "$.zones[0].id", "$.levels.High" });

        lines.Should().BeEquivalentTo(new System.Collections.Generic.Dictionary<string, long>
        {
            ["$"] = 1, ["$.zones"] = 2, ["$.zones[1].parent"] = 5, ["$.zones[0].id"] = 3, ["$.levels.High"] = 8,
        });
    }

    [Fact]
    public void Find_AbsentProperty_FallsBackToItsNearestAncestor()
    {
        var lines = JsonLines.Find(Document, new[] { "$.zones[0].kind", "$.zones[7].id", "$.nothing.deeper" });

        lines.Should().BeEquivalentTo(new System.Collections.Generic.Dictionary<string, long>
        {
            ["$.zones[0].kind"] = 3, ["$.zones[7].id"] = 2, ["$.nothing.deeper"] = 1,
        });
    }

    [Fact]
    public void Find_NotAJsonPath_IsLeftOut()
    {
        JsonLines.Find(Document, new[] { "row", "kind" }).Should().BeEmpty();
    }

    [Fact]
    public void Find_ManyWantedItemsOfOneArray_FindsEach()
    {
        var json = "{ \"cases\": [\n" + string.Join(",\n", Enumerable.Range(0, 5_000).Select(_ => "{ \"id\": \"x\" }")) + "\n] }";

        var lines = JsonLines.Find(Encoding.UTF8.GetBytes(json), Enumerable.Range(0, 5_000).Select(i => $"$.cases[{i}].id"));

        lines.Should().HaveCount(5_000);
        lines["$.cases[4999].id"].Should().Be(5_001);
    }
}
