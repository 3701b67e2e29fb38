using System.Collections.Generic;
using System.IO;
using System.Linq;
using CommunityControl.Editions;
using CommunityControl.Serialization;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Editions;

/// <summary>
/// The measure tables of the built-in editions, pinned: TestData/Editions/Tables/&lt;id&gt;.measures.json is what
/// <see cref="MeasureTableJson.ToJson"/> wrote for each table when the tables were still C# (MeasureTables.cs, 0.1.0).
/// The tables now come from the editions' own documents and must write exactly the same JSON. An edition added since
/// (cn-2020-04-precision) pins the table it first shipped with.
/// </summary>
public class BuiltInMeasuresTests
{
    public static IEnumerable<object[]> EditionIds() => PolicyEditions.Ids.Select(id => new object[] { id });

    [Theory]
    [MemberData(nameof(EditionIds))]
    public void Get_EveryBuiltInEdition_HasTheMeasureTableOfVersion010(string id)
    {
        var expected = File.ReadAllText(Path.Combine(EditionVectors.Folder, "Tables", id + ".measures.json")).TrimEnd('\n');

        var table = PolicyEditions.Get(id).Measures;

        table.Should().NotBeNull($"{id} had a measure table in 0.1.0");
        MeasureTableJson.ToJson(table!).Should().Be(expected);
    }

    [Fact]
    public void TablesFolder_HasOneExpectedTablePerBuiltInEdition()
    {
        var files = Directory.EnumerateFiles(Path.Combine(EditionVectors.Folder, "Tables"), "*.measures.json")
            .Select(f => Path.GetFileName(f)!.Replace(".measures.json", string.Empty))
            .OrderBy(n => n, System.StringComparer.Ordinal);

        files.Should().Equal(PolicyEditions.Ids.OrderBy(n => n, System.StringComparer.Ordinal));
    }
}
