using System;
using System.Collections.Generic;
using System.Globalization;
using CommunityControl.Zones;

namespace CommunityControl.Benchmarks.Data;

/// <summary>
/// The size of a generated city: how many zones of each kind, from districts down to units. <see cref="Rows"/>
/// generates the flat list deterministically: children are spread evenly over their parents; units state 6–14
/// households and 2–3 residents per household; compounds have 1–3 gates. Same shape and seed, same tree.
/// </summary>
public sealed record TreeShape(
    string RootId,
    string RootName,
    int Districts,
    int Subdistricts,
    int Communities,
    int Compounds,
    int Buildings,
    int Units)
{
    /// <summary>Every zone, the city included.</summary>
    public int ZoneCount => 1 + Districts + Subdistricts + Communities + Compounds + Buildings + Units;

    /// <summary>The same city scaled by <paramref name="factor"/> at every level (at least one zone of each kind).</summary>
    public TreeShape Scaled(double factor) => this with
    {
        Districts = Scale(Districts, factor),
        Subdistricts = Scale(Subdistricts, factor),
        Communities = Scale(Communities, factor),
        Compounds = Scale(Compounds, factor),
        Buildings = Scale(Buildings, factor),
        Units = Scale(Units, factor),
    };

    /// <summary>The flat list, as a city's spreadsheet would hold it.</summary>
    public List<ZoneRow> Rows(int seed)
    {
        var random = new Random(seed);
        var rows = new List<ZoneRow>(ZoneCount) { new(RootId, ZoneKind.City, RootName, null, null, null, null) };
        var districts = Level(rows, new List<string> { RootId }, Districts, ZoneKind.District, i => (i + 2).ToString("00", CultureInfo.InvariantCulture), i => $"区{i + 1}", random);
        var subdistricts = Level(rows, districts, Subdistricts, ZoneKind.Subdistrict, i => i.ToString("000", CultureInfo.InvariantCulture), i => $"街道{i + 1}", random);
        var communities = Level(rows, subdistricts, Communities, ZoneKind.Community, i => i.ToString("000", CultureInfo.InvariantCulture), i => $"社区{i + 1}", random);
        var compounds = Level(rows, communities, Compounds, ZoneKind.Compound, i => i.ToString("00", CultureInfo.InvariantCulture), i => $"小区{i + 1}", random, gates: true);
        var buildings = Level(rows, compounds, Buildings, ZoneKind.Building, i => i.ToString("00", CultureInfo.InvariantCulture), i => $"{i + 1}栋", random);
        Level(rows, buildings, Units, ZoneKind.Unit, i => (i + 1).ToString(CultureInfo.InvariantCulture), i => $"{i + 1}单元", random, leaves: true);
        return rows;
    }

    /// <summary>The tree of <see cref="Rows"/>.</summary>
    public ZoneTree Build(int seed) => BuildFrom(Rows(seed));

    /// <summary>Builds a tree from a flat list, row by row, as a host reading a spreadsheet would.</summary>
    public static ZoneTree BuildFrom(List<ZoneRow> rows)
    {
        var builder = new ZoneTreeBuilder();
        foreach (var r in rows)
        {
            builder.Add(r.Id, r.Kind, r.Name, r.Parent, r.Households, r.Residents, r.Gates);
        }

        return builder.Build();
    }

    private static int Scale(int count, double factor) => Math.Max(1, (int)Math.Round(count * factor));

    private static List<string> Level(List<ZoneRow> rows, List<string> parents, int count, ZoneKind kind, Func<int, string> code, Func<int, string> name, Random random, bool gates = false, bool leaves = false)
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

            rows.Add(new ZoneRow(id, kind, name(ordinal), parents[p], households, residents, gates ? random.Next(1, 4) : null));
            ids.Add(id);
        }

        return ids;
    }
}

/// <summary>One row of a generated city's flat list.</summary>
public readonly record struct ZoneRow(string Id, ZoneKind Kind, string Name, string? Parent, int? Households, int? Residents, int? Gates);
