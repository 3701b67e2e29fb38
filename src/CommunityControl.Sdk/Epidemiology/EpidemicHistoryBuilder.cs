using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Epidemiology;

/// <summary>
/// Collects events in any order and builds an <see cref="EpidemicHistory"/> at once, with the same checks as
/// <see cref="EpidemicHistory.Append(EpidemicDay)"/> (every problem reported together).
/// </summary>
/// <threadsafety static="true" instance="false">Mutable; use from one thread, then share the history it builds.</threadsafety>
public sealed class EpidemicHistoryBuilder
{
    private readonly List<Sourced<CaseReport>> _cases = new();
    private readonly List<Sourced<CaseExclusion>> _exclusions = new();
    private readonly List<Sourced<ScreeningRound>> _screenings = new();
    private readonly List<Sourced<IndicatorReading>> _readings = new();

    /// <summary>Creates a builder for a history that starts on <paramref name="firstDay"/>.</summary>
    /// <param name="tree">The zone tree.</param>
    /// <param name="firstDay">The first day the history covers.</param>
    /// <exception cref="ArgumentNullException"><paramref name="tree"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstDay"/> is not a day from 1900-01-01 to 2199-12-31
    /// (the range every document's dates are read in).</exception>
    public EpidemicHistoryBuilder(ZoneTree tree, LocalDate firstDay)
    {
        Tree = Guard.NotNull(tree);
        FirstDay = EpidemicHistory.CheckFirstDay(firstDay);
    }

    /// <summary>Gets the zone tree.</summary>
    public ZoneTree Tree { get; }

    /// <summary>Gets the first day the history covers.</summary>
    public LocalDate FirstDay { get; }

    /// <summary>Adds a case report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>This builder.</returns>
    public EpidemicHistoryBuilder Add(CaseReport report) => Add(report, "cases[" + Count(_cases) + "]");

    /// <summary>Adds the clearing of a suspicion.</summary>
    /// <param name="exclusion">The exclusion.</param>
    /// <returns>This builder.</returns>
    public EpidemicHistoryBuilder Add(CaseExclusion exclusion) => Add(exclusion, "exclusions[" + Count(_exclusions) + "]");

    /// <summary>Adds a screening round.</summary>
    /// <param name="round">The round.</param>
    /// <returns>This builder.</returns>
    public EpidemicHistoryBuilder Add(ScreeningRound round) => Add(round, "screenings[" + Count(_screenings) + "]");

    /// <summary>Adds an indicator value.</summary>
    /// <param name="reading">The reading.</param>
    /// <returns>This builder.</returns>
    public EpidemicHistoryBuilder Add(IndicatorReading reading) => Add(reading, "indicators[" + Count(_readings) + "]");

    /// <summary>Builds a history that covers the days up to the latest event (or no day when there is none).</summary>
    /// <returns>The history.</returns>
    /// <exception cref="ModelValidationException">Any event is invalid (every problem is listed).</exception>
    public EpidemicHistory Build() => Build(LatestEventDate() ?? FirstDay.PlusDays(-1));

    /// <summary>Builds a history that covers the days from <see cref="FirstDay"/> to <paramref name="lastDay"/>.</summary>
    /// <param name="lastDay">The last day covered; days without events are days on which nothing was reported.</param>
    /// <returns>The history.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lastDay"/> is more than a day before <see cref="FirstDay"/>,
    /// or the history would cover more than <see cref="EpidemicHistory.MaxDays"/> days.</exception>
    /// <exception cref="ModelValidationException">Any event is invalid or outside the days covered (every problem is listed).</exception>
    public EpidemicHistory Build(LocalDate lastDay)
    {
        var problems = new List<(string Path, string Message)>();
        var history = TryBuild(lastDay, problems);
        if (history is null)
        {
            throw new ModelValidationException(typeof(EpidemicHistory), problems.Select(p => p.Path + ": " + p.Message));
        }

        return history;
    }

    internal EpidemicHistoryBuilder Add(CaseReport? report, string path)
    {
        _cases.Add(new Sourced<CaseReport>(report, path));
        return this;
    }

    internal EpidemicHistoryBuilder Add(CaseExclusion? exclusion, string path)
    {
        _exclusions.Add(new Sourced<CaseExclusion>(exclusion, path));
        return this;
    }

    internal EpidemicHistoryBuilder Add(ScreeningRound? round, string path)
    {
        _screenings.Add(new Sourced<ScreeningRound>(round, path));
        return this;
    }

    internal EpidemicHistoryBuilder Add(IndicatorReading? reading, string path)
    {
        _readings.Add(new Sourced<IndicatorReading>(reading, path));
        return this;
    }

    internal LocalDate? LatestEventDate()
    {
        LocalDate? latest = null;
        void See(LocalDate d) => latest = latest is null || d > latest ? d : latest;
        foreach (var c in _cases)
        {
            if (c.Item is not null)
            {
                See(c.Item.Reported);
            }
        }

        foreach (var x in _exclusions)
        {
            if (x.Item is not null)
            {
                See(x.Item.Date);
            }
        }

        foreach (var s in _screenings)
        {
            if (s.Item is not null)
            {
                See(s.Item.Date);
            }
        }

        foreach (var r in _readings)
        {
            if (r.Item is not null)
            {
                See(r.Item.Date);
            }
        }

        return latest is { } l && l >= FirstDay ? l : null;
    }

    internal EpidemicHistory? TryBuild(LocalDate lastDay, List<(string Path, string Message)> problems)
    {
        var dayCount = Period.DaysBetween(FirstDay, lastDay) + 1;
        if (dayCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(lastDay), lastDay, $"The last day must not be before the first day {DayValidator.Format(FirstDay)}.");
        }

        if (dayCount > EpidemicHistory.MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(lastDay), lastDay, $"The history would cover {dayCount} days from its first day {DayValidator.Format(FirstDay)}; at most {EpidemicHistory.MaxDays} (EpidemicHistory.MaxDays) are allowed.");
        }

        var before = problems.Count;
        var cases = Bucket(_cases, c => c.Reported, "reported", dayCount, problems);
        var exclusions = Bucket(_exclusions, x => x.Date, "date", dayCount, problems);
        var screenings = Bucket(_screenings, s => s.Date, "date", dayCount, problems);
        var readings = Bucket(_readings, r => r.Date, "date", dayCount, problems);

        var registry = new CaseIdRegistry(_cases.Count + (_cases.Count / 4) + 16); // room to append days without rehashing
        var days = new DayEvents[dayCount];
        for (var d = 0; d < dayCount; d++)
        {
            var date = FirstDay.PlusDays(d);
            if (cases[d] is null && exclusions[d] is null && screenings[d] is null && readings[d] is null)
            {
                days[d] = DayEvents.Empty(date);
                registry.Days = d + 1;
                continue;
            }

            var dayCases = cases[d] ?? new List<Sourced<CaseReport>>();
            var reported = new CaseIdEntry?[dayCases.Count];
            var events = DayValidator.Validate(
                Tree,
                registry.Entries,
                date,
                dayCases,
                exclusions[d] ?? new List<Sourced<CaseExclusion>>(),
                screenings[d] ?? new List<Sourced<ScreeningRound>>(),
                readings[d] ?? new List<Sourced<IndicatorReading>>(),
                problems,
                reported);
            days[d] = events ?? DayEvents.Empty(date);
            if (events is null)
            {
                registry.CommitIds(dayCases, date, d);
            }
            else
            {
                registry.Commit(events, d, reported);
            }
        }

        return problems.Count > before ? null : EpidemicHistory.FromDays(Tree, FirstDay, days, registry);
    }

    private static string Count<T>(List<T> list) => list.Count.ToString(CultureInfo.InvariantCulture);

    private List<Sourced<T>>?[] Bucket<T>(List<Sourced<T>> items, Func<T, LocalDate> dateOf, string field, int dayCount, List<(string Path, string Message)> problems)
        where T : class
    {
        var buckets = new List<Sourced<T>>?[dayCount];
        foreach (var s in items)
        {
            if (s.Item is null)
            {
                problems.Add((s.Path, "An event must not be null."));
                continue;
            }

            var date = dateOf(s.Item);
            if (date < FirstDay)
            {
                problems.Add((s.Path + "." + field, $"The date {DayValidator.Format(date)} is before the history's first day {DayValidator.Format(FirstDay)}."));
                continue;
            }

            var d = Period.DaysBetween(FirstDay, date);
            if (d >= dayCount)
            {
                problems.Add((s.Path + "." + field, $"The date {DayValidator.Format(date)} is after the history's last day {DayValidator.Format(FirstDay.PlusDays(dayCount - 1))}."));
                continue;
            }

            (buckets[d] ??= new List<Sourced<T>>()).Add(s);
        }

        return buckets;
    }
}
