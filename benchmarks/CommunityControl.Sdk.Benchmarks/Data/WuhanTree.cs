using System;
using System.Collections.Generic;
using System.Globalization;
using CommunityControl.Zones;

namespace CommunityControl.Benchmarks.Data;

/// <summary>
/// A Wuhan-sized zone tree generated deterministically: 1 city, 13 districts, 150 subdistricts, 1,100 communities,
/// 7,148 compounds (cn-policy.md §3: Wuhan's closed compounds, 2020-03-11), 100,000 buildings and 400,000 units.
/// Children are spread evenly over their parents; units state 6–14 households and 2–3 residents per household;
/// compounds have 1–3 gates. Same seed, same tree.
/// </summary>
public static class WuhanTree
{
    public const int Districts = 13;
    public const int Subdistricts = 150;
    public const int Communities = 1_100;
    public const int Compounds = 7_148;
    public const int Buildings = 100_000;
    public const int Units = 400_000;
    public const int ZoneCount = 1 + Districts + Subdistricts + Communities + Compounds + Buildings + Units;

    /// <summary>One row of the flat list, as a community's spreadsheet would hold it.</summary>
    public readonly record struct Row(string Id, ZoneKind Kind, string Name, string? Parent, int? Households, int? Residents, int? Gates);

    public static List<Row> Rows(int seed = 2020)
    {
        var random = new Random(seed);
        var rows = new List<Row>(ZoneCount) { new("4201", ZoneKind.City, "武汉市", null, null, null, null) };
        var districts = Level(rows, new List<string> { "4201" }, Districts, ZoneKind.District, i => (i + 2).ToString("00", CultureInfo.InvariantCulture), i => $"区{i + 1}", random);
        var subdistricts = Level(rows, districts, Subdistricts, ZoneKind.Subdistrict, i => i.ToString("000", CultureInfo.InvariantCulture), i => $"街道{i + 1}", random);
        var communities = Level(rows, subdistricts, Communities, ZoneKind.Community, i => i.ToString("000", CultureInfo.InvariantCulture), i => $"社区{i + 1}", random);
        var compounds = Level(rows, communities, Compounds, ZoneKind.Compound, i => i.ToString("00", CultureInfo.InvariantCulture), i => $"小区{i + 1}", random, gates: true);
        var buildings = Level(rows, compounds, Buildings, ZoneKind.Building, i => i.ToString("00", CultureInfo.InvariantCulture), i => $"{i + 1}栋", random);
        Level(rows, buildings, Units, ZoneKind.Unit, i => (i + 1).ToString(CultureInfo.InvariantCulture), i => $"{i + 1}单元", random, leaves: true);
        return rows;
    }

    public static ZoneTree Build(int seed = 2020)
    {
        var builder = new ZoneTreeBuilder();
        foreach (var r in Rows(seed))
        {
            builder.Add(r.Id, r.Kind, r.Name, r.Parent, r.Households, r.Residents, r.Gates);
        }

        return builder.Build();
    }

    private static List<string> Level(List<Row> rows, List<string> parents, int count, ZoneKind kind, Func<int, string> code, Func<int, string> name, Random random, bool gates = false, bool leaves = false)
    {
        var ids = new List<string>(count);
        var previousParent = -1;
        var ordinal = 0;
        for (var i = 0; i < count; i++)
        {
            var p = (int)((long)i * parents.Count / count);
            ordinal = p == previousParent ? ordinal + 1 : 0;
            previousParent = p;
            var id = parents[p] + "-" + code(ordinal);
            int? households = null, residents = null;
            if (leaves)
            {
                households = random.Next(6, 15);
                residents = households * random.Next(2, 4);
            }

            rows.Add(new Row(id, kind, name(ordinal), parents[p], households, residents, gates ? random.Next(1, 4) : null));
            ids.Add(id);
        }

        return ids;
    }
}
