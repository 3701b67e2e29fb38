using System;
using System.Collections.Generic;
using System.Globalization;
using CommunityControl.Epidemiology;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Benchmarks.Risk;

/// <summary>
/// A deterministic outbreak over the Wuhan-sized tree: cases spread evenly over the days, each living in a random unit
/// (so its compound is drawn High under the 9th edition); a third also visited a random building (its compound Medium);
/// every district screens everybody every day, all negative, so areas step down as the rules allow.
/// </summary>
public static class WuhanOutbreak
{
    public static readonly LocalDate FirstDay = new(2022, 7, 1);

    public static List<EpidemicDay> Days(ZoneTree tree, int days, int cases, int seed = 2022)
    {
        var random = new Random(seed);
        var units = tree.OfKind(ZoneKind.Unit);
        var buildings = tree.OfKind(ZoneKind.Building);
        var districts = tree.OfKind(ZoneKind.District);
        var result = new List<EpidemicDay>(days);
        var next = 0;
        for (var d = 0; d < days; d++)
        {
            var date = FirstDay.PlusDays(d);
            var count = (int)(((long)(d + 1) * cases / days) - ((long)d * cases / days));
            result.Add(Day(tree, date, count, random, units, buildings, districts, ref next));
        }

        return result;
    }

    public static EpidemicDay Day(ZoneTree tree, LocalDate date, int count, Random random, ref int next)
        => Day(tree, date, count, random, tree.OfKind(ZoneKind.Unit), tree.OfKind(ZoneKind.Building), tree.OfKind(ZoneKind.District), ref next);

    public static EpidemicHistory History(ZoneTree tree, List<EpidemicDay> days)
    {
        var builder = new EpidemicHistoryBuilder(tree, FirstDay);
        foreach (var day in days)
        {
            foreach (var c in day.Cases)
            {
                builder.Add(c);
            }

            foreach (var s in day.Screenings)
            {
                builder.Add(s);
            }
        }

        return builder.Build(FirstDay.PlusDays(days.Count - 1));
    }

    private static EpidemicDay Day(ZoneTree tree, LocalDate date, int count, Random random, ZoneList units, ZoneList buildings, ZoneList districts, ref int next)
    {
        var cases = new CaseReport[count];
        for (var i = 0; i < count; i++)
        {
            var residence = units[random.Next(units.Count)].Id;
            var activities = random.Next(3) == 0
                ? new[] { new CaseActivity { Zone = buildings[random.Next(buildings.Count)].Id, Stay = Duration.FromMinutes(60) } }
                : Array.Empty<CaseActivity>();
            cases[i] = new CaseReport
            {
                Id = "p-" + (next++).ToString("D6", CultureInfo.InvariantCulture),
                Kind = CaseKind.Confirmed,
                Reported = date,
                Residence = residence,
                Activities = activities,
            };
        }

        var screenings = new ScreeningRound[districts.Count];
        for (var i = 0; i < screenings.Length; i++)
        {
            screenings[i] = new ScreeningRound { Zone = districts[i].Id, Date = date, AllNegative = true };
        }

        return new EpidemicDay(date) { Cases = cases, Screenings = screenings };
    }
}
