using System;
using System.Collections.Generic;
using System.Globalization;
using CommunityControl.Epidemiology;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Benchmarks.Risk;

/// <summary>
/// A deterministic outbreak over a generated tree, with a given number of cases per day: each case lives in a random
/// unit; a third also visited a random building for an hour; every district screens everybody every day, all negative,
/// so areas step down as the rules allow. With <c>confirmedEvery</c> = n &gt; 0, every n-th case is confirmed and the
/// others asymptomatic; with 0, all are confirmed.
/// </summary>
public static class Outbreak
{
    public static List<EpidemicDay> Days(ZoneTree tree, LocalDate firstDay, IReadOnlyList<int> casesPerDay, int seed, int confirmedEvery = 0)
    {
        var random = new Random(seed);
        var units = tree.OfKind(ZoneKind.Unit);
        var buildings = tree.OfKind(ZoneKind.Building);
        var districts = tree.OfKind(ZoneKind.District);
        var result = new List<EpidemicDay>(casesPerDay.Count);
        var next = 0;
        for (var d = 0; d < casesPerDay.Count; d++)
        {
            result.Add(Day(firstDay.PlusDays(d), casesPerDay[d], random, units, buildings, districts, ref next, confirmedEvery));
        }

        return result;
    }

    public static EpidemicDay Day(ZoneTree tree, LocalDate date, int count, Random random, ref int next, int confirmedEvery = 0)
        => Day(date, count, random, tree.OfKind(ZoneKind.Unit), tree.OfKind(ZoneKind.Building), tree.OfKind(ZoneKind.District), ref next, confirmedEvery);

    public static EpidemicHistory History(ZoneTree tree, LocalDate firstDay, List<EpidemicDay> days)
    {
        var builder = new EpidemicHistoryBuilder(tree, firstDay);
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

        return builder.Build(firstDay.PlusDays(days.Count - 1));
    }

    private static EpidemicDay Day(LocalDate date, int count, Random random, ZoneList units, ZoneList buildings, ZoneList districts, ref int next, int confirmedEvery)
    {
        var cases = new CaseReport[count];
        for (var i = 0; i < count; i++)
        {
            var residence = units[random.Next(units.Count)].Id;
            var activities = random.Next(3) == 0
                ? new[] { new CaseActivity { Zone = buildings[random.Next(buildings.Count)].Id, Stay = Duration.FromMinutes(60) } }
                : Array.Empty<CaseActivity>();
            var ordinal = next++;
            cases[i] = new CaseReport
            {
                Id = "p-" + ordinal.ToString("D6", CultureInfo.InvariantCulture),
                Kind = confirmedEvery > 0 && ordinal % confirmedEvery != 0 ? CaseKind.Asymptomatic : CaseKind.Confirmed,
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
