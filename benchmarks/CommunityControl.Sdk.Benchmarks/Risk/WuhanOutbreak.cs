using System;
using System.Collections.Generic;
using CommunityControl.Epidemiology;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Benchmarks.Risk;

/// <summary>
/// The outbreak of the 9th-edition benchmarks over the Wuhan-sized tree: the cases spread evenly over the days, all
/// confirmed (see <see cref="Outbreak"/>); each case's residence puts its compound High under the 9th edition, and a
/// visited building its compound Medium.
/// </summary>
public static class WuhanOutbreak
{
    public static readonly LocalDate FirstDay = new(2022, 7, 1);

    public static List<EpidemicDay> Days(ZoneTree tree, int days, int cases, int seed = 2022)
        => Outbreak.Days(tree, FirstDay, Even(days, cases), seed);

    public static EpidemicDay Day(ZoneTree tree, LocalDate date, int count, Random random, ref int next)
        => Outbreak.Day(tree, date, count, random, ref next);

    public static EpidemicHistory History(ZoneTree tree, List<EpidemicDay> days) => Outbreak.History(tree, FirstDay, days);

    /// <summary><paramref name="cases"/> spread over <paramref name="days"/> as evenly as whole numbers allow.</summary>
    public static int[] Even(int days, int cases)
    {
        var counts = new int[days];
        for (var d = 0; d < days; d++)
        {
            counts[d] = (int)(((long)(d + 1) * cases / days) - ((long)d * cases / days));
        }

        return counts;
    }
}
