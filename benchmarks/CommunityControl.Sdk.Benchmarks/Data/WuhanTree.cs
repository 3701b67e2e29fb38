using System.Collections.Generic;
using CommunityControl.Zones;

namespace CommunityControl.Benchmarks.Data;

/// <summary>
/// A Wuhan-sized zone tree generated deterministically: 1 city, 13 districts, 150 subdistricts, 1,100 communities,
/// 7,148 compounds (Wuhan's closed residential compounds, Xinhua, 2020-03-11:
/// http://xinhuanet.com/english/2020-03/11/c_138867074.htm), 100,000 buildings and 400,000 units (illustrative). See <see cref="TreeShape"/> for how it is spread.
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

    /// <summary>The shape: the counts above under the city "4201" (武汉市).</summary>
    public static readonly TreeShape Shape = new("4201", "武汉市", Districts, Subdistricts, Communities, Compounds, Buildings, Units);

    public static List<ZoneRow> Rows(int seed = 2020) => Shape.Rows(seed);

    public static ZoneTree Build(int seed = 2020) => Shape.Build(seed);
}
