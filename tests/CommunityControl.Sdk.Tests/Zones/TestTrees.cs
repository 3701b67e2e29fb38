using CommunityControl.Zones;

namespace CommunityControl.Tests.Zones;

/// <summary>Small trees shared by the zone tests.</summary>
internal static class TestTrees
{
    /// <summary>
    /// One community with two compounds: compound 01 has buildings 01 (units 1: 20 households, 2: 28) and 02 (30);
    /// compound 02 has building 01 (12). 90 households in all.
    /// </summary>
    public static ZoneTreeBuilder SmallCommunity() => new ZoneTreeBuilder()
        .Add("C1", ZoneKind.Community, "香炉山社区")
        .Add("C1-01", ZoneKind.Compound, "香炉山小区", parent: "C1", gates: 2)
        .Add("C1-01-01", ZoneKind.Building, "1栋", parent: "C1-01")
        .Add("C1-01-01-1", ZoneKind.Unit, "1单元", parent: "C1-01-01", households: 20, residents: 50)
        .Add("C1-01-01-2", ZoneKind.Unit, "2单元", parent: "C1-01-01", households: 28, residents: 61)
        .Add("C1-01-02", ZoneKind.Building, "2栋", parent: "C1-01", households: 30, residents: 70)
        .Add("C1-02", ZoneKind.Compound, "滨江花园", parent: "C1", gates: 1)
        .Add("C1-02-01", ZoneKind.Building, "1栋", parent: "C1-02", households: 12, residents: 30);

    public const string SmallCommunityJson = """
        {
          "timeZone": "Asia/Shanghai",
          "zones": [
            { "id": "C1", "kind": "Community", "name": "香炉山社区" },
            { "id": "C1-01", "kind": "Compound", "name": "香炉山小区", "parent": "C1", "gates": 2 },
            { "id": "C1-01-01", "kind": "Building", "name": "1栋", "parent": "C1-01" },
            { "id": "C1-01-01-1", "kind": "Unit", "name": "1单元", "parent": "C1-01-01", "households": 20, "residents": 50 },
            { "id": "C1-01-01-2", "kind": "Unit", "name": "2单元", "parent": "C1-01-01", "households": 28, "residents": 61 },
            { "id": "C1-01-02", "kind": "Building", "name": "2栋", "parent": "C1-01", "households": 30, "residents": 70 },
            { "id": "C1-02", "kind": "Compound", "name": "滨江花园", "parent": "C1", "gates": 1 },
            { "id": "C1-02-01", "kind": "Building", "name": "1栋", "parent": "C1-02", "households": 12, "residents": 30 }
          ]
        }
        """;
}
