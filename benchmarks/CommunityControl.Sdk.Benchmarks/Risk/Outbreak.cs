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

    /// <summary>
    /// The same day as a caller or a document hands it over: every zone id and case id is a string of its own, not the
    /// tree's (a day read from JSON or built from a database never shares the tree's strings, so looking its zones up
    /// reads both strings).
    /// </summary>
    public static EpidemicDay AsReceived(EpidemicDay day)
    {
        var cases = new CaseReport[day.Cases.Count];
        for (var i = 0; i < cases.Length; i++)
        {
            var c = day.Cases[i];
            var activities = new CaseActivity[c.Activities.Count];
            for (var a = 0; a < activities.Length; a++)
            {
                var activity = c.Activities[a];
                activities[a] = new CaseActivity { Zone = Fresh(activity.Zone), Stay = activity.Stay, HighRisk = activity.HighRisk };
            }

            cases[i] = new CaseReport
            {
                Id = new string(c.Id.AsSpan()),
                Kind = c.Kind,
                Reported = c.Reported,
                Residence = Fresh(c.Residence),
                Activities = activities,
                DrawingUnit = c.DrawingUnit,
                FoundUnder = c.FoundUnder,
                UnknownSource = c.UnknownSource,
            };
        }

        var screenings = new ScreeningRound[day.Screenings.Count];
        for (var i = 0; i < screenings.Length; i++)
        {
            var s = day.Screenings[i];
            screenings[i] = new ScreeningRound { Zone = Fresh(s.Zone), Date = s.Date, AllNegative = s.AllNegative };
        }

        return new EpidemicDay(day.Date) { Cases = cases, Screenings = screenings };

        static ZoneId Fresh(ZoneId id) => ZoneId.From(new string(id.Value.AsSpan()));
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
