using System.Linq;
using CommunityControl.Serialization;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Serialization;

/// <summary><see cref="DocumentLimits.MaxItems"/> counts an object's members once each (not a name and a value).</summary>
public class ItemCountTests
{
    [Fact]
    public void ZoneTreeParse_ZoneWithExactlyMaxItemsMembers_IsRead()
    {
        const string json = """{ "timeZone": "Asia/Shanghai", "zones": [ { "id": "c1", "kind": "Community", "name": "c" } ] }""";

        var tree = ZoneTreeJson.Parse(json, new DocumentLimits { MaxItems = 3 });

        tree.Count.Should().Be(1);
    }

    [Fact]
    public void ZoneTreeParse_ZoneWithOneMemberOverMaxItems_IsRejectedAtTheZone()
    {
        const string json = "{ \"timeZone\": \"Asia/Shanghai\", \"zones\": [\n { \"id\": \"c1\", \"kind\": \"Community\", \"name\": \"c\", \"residents\": 10 } ] }";

        var problem = FluentActions.Invoking(() => ZoneTreeJson.Parse(json, new DocumentLimits { MaxItems = 3 }))
            .Should().Throw<DocumentFormatException>().Which.Problems.Single();

        problem.Path.Should().StartWith("$.zones[0]");
        problem.Message.Should().Contain("more than 3 properties");
    }

    [Fact]
    public void MeasureTableParse_ObjectWithExactlyMaxItemsMembers_PassesTheLimit()
    {
        const string json = """{ "scale": "cn-low-medium-high", "levels": { "High": { "stayHome": {} } } }""";

        var table = MeasureTableJson.Parse(json, limits: new DocumentLimits { MaxItems = 2 });

        table.Scale.Id.Should().Be("cn-low-medium-high");
    }
}
