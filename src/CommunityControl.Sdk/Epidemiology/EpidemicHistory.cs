using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Epidemiology;

/// <summary>
/// What happened in a zone tree, day by day, from <see cref="FirstDay"/> to <see cref="LastDay"/>: cases, cleared
/// suspicions, screening rounds and indicator values. Immutable; <see cref="Append(EpidemicDay)"/> returns a new history
/// one day longer.
/// </summary>
/// <remarks>
/// <para><b>Coverage.</b> A history is complete for the days it covers: every case and screening round of those days is
/// in it, and nothing before <see cref="FirstDay"/> counts (cumulative counts start there, so start a history before the
/// first case). Indicator values are different: a day without a value of a metric is a <em>missing</em> value, and rules
/// that need it say "insufficient data" rather than guess.</para>
/// <para><b>Checks.</b> Unknown zones, repeated case ids (except the one report confirming a suspicion), dates that do not
/// belong to the day, out-of-range indicator values and gaps between days are rejected, every problem at once, with a
/// <see cref="ModelValidationException"/>. Messages name pseudonymous ids and zone ids only.</para>
/// <para>Build a long history at once with <see cref="EpidemicHistoryBuilder"/> or read one with <see cref="Serialization.EpidemicHistoryJson"/>.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable; appending from several threads to the same history is safe and gives independent histories.</threadsafety>
public sealed class EpidemicHistory
{
    /// <summary>
    /// The most days a history may cover: 36,600 (a century). A history is evaluated day by day for every zone, so its
    /// span bounds the work of every evaluation; <see cref="EpidemicHistoryBuilder.Build(LocalDate)"/> and
    /// <see cref="Append(EpidemicDay)"/> refuse a longer one before doing any work.
    /// </summary>
    public const int MaxDays = 36_600;

    private readonly DayEvents[] _days;
    private readonly int _dayCount;
    private readonly int _caseCount;
    private CaseIdRegistry _registry;

    private EpidemicHistory(ZoneTree tree, LocalDate firstDay, DayEvents[] days, int dayCount, int caseCount, CaseIdRegistry registry)
    {
        Tree = tree;
        FirstDay = firstDay;
        _days = days;
        _dayCount = dayCount;
        _caseCount = caseCount;
        _registry = registry;
    }

    /// <summary>Gets the zone tree the events happened in.</summary>
    public ZoneTree Tree { get; }

    /// <summary>Gets the first day the history covers.</summary>
    public LocalDate FirstDay { get; }

    /// <summary>Gets the last day the history covers; the day before <see cref="FirstDay"/> while it covers no day.</summary>
    public LocalDate LastDay => FirstDay.PlusDays(_dayCount - 1);

    /// <summary>Gets the number of days covered.</summary>
    public int DayCount => _dayCount;

    /// <summary>Gets the number of case reports (confirming reports of a suspicion included).</summary>
    public int CaseCount => _caseCount;

    /// <summary>Gets every case report, in date order.</summary>
    public IEnumerable<CaseReport> Cases
    {
        get
        {
            for (var d = 0; d < _dayCount; d++)
            {
                foreach (var c in _days[d].Cases)
                {
                    yield return c;
                }
            }
        }
    }

    /// <summary>Creates a history that covers no day yet; append days from <paramref name="firstDay"/> on.</summary>
    /// <param name="tree">The zone tree.</param>
    /// <param name="firstDay">The first day the history will cover.</param>
    /// <returns>The empty history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tree"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstDay"/> is not a day from 1900-01-01 to 2199-12-31
    /// (the range every document's dates are read in).</exception>
    public static EpidemicHistory Create(ZoneTree tree, LocalDate firstDay)
        => new(Guard.NotNull(tree), CheckFirstDay(firstDay), Array.Empty<DayEvents>(), 0, 0, new CaseIdRegistry());

    /// <summary>Rejects a first day outside the documents' date range, where the rules' look-back windows would run off the calendar.</summary>
    internal static LocalDate CheckFirstDay(LocalDate firstDay)
        => Check.Date(firstDay) is { } problem ? throw new ArgumentOutOfRangeException(nameof(firstDay), problem) : firstDay;

    /// <summary>Tells whether the history covers a day.</summary>
    /// <param name="date">The local date.</param>
    /// <returns>True when <paramref name="date"/> lies in [<see cref="FirstDay"/>, <see cref="LastDay"/>].</returns>
    public bool Covers(LocalDate date) => _dayCount > 0 && date >= FirstDay && date <= LastDay;

    /// <summary>Returns a new history one day longer. The day must be the day after <see cref="LastDay"/>.</summary>
    /// <param name="day">The day's events.</param>
    /// <returns>The longer history; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="day"/> is null.</exception>
    /// <exception cref="ModelValidationException">The day is not the next one, or any event is invalid (every problem is listed).</exception>
    /// <exception cref="InvalidOperationException">The history already covers <see cref="MaxDays"/> days.</exception>
    public EpidemicHistory Append(EpidemicDay day)
    {
        Guard.NotNull(day);
        if (_dayCount >= MaxDays)
        {
            throw new InvalidOperationException($"The history already covers {MaxDays} days (EpidemicHistory.MaxDays), the most a history may cover; start a new one.");
        }

        var problems = new List<(string Path, string Message)>();
        var expected = LastDay.PlusDays(1);
        if (day.Date != expected)
        {
            var covered = _dayCount == 0
                ? "covers no day yet"
                : $"covers {DayValidator.Format(FirstDay)} to {DayValidator.Format(LastDay)}";
            throw new ModelValidationException(typeof(EpidemicDay), new[] { $"date: The day {DayValidator.Format(day.Date)} cannot be appended: the history {covered}, so the next day is {DayValidator.Format(expected)}." });
        }

        var events = AppendCore(
            day.Date,
            Source(day.Cases, "cases"),
            Source(day.Exclusions, "exclusions"),
            Source(day.Screenings, "screenings"),
            Source(day.Indicators, "indicators"),
            problems,
            out var registry);
        if (events is null)
        {
            throw new ModelValidationException(typeof(EpidemicDay), problems.Select(p => p.Path + ": " + p.Message));
        }

        return WithDay(events, registry);
    }

    /// <summary>Gets the cases reported on a day.</summary>
    /// <param name="date">The local date.</param>
    /// <returns>The cases; empty when none or when the day is not covered.</returns>
    public IReadOnlyList<CaseReport> CasesOn(LocalDate date) => TryGetDay(date)?.CaseList ?? Array.Empty<CaseReport>();

    /// <summary>Gets the suspicions cleared on a day.</summary>
    /// <param name="date">The local date.</param>
    /// <returns>The exclusions; empty when none or when the day is not covered.</returns>
    public IReadOnlyList<CaseExclusion> ExclusionsOn(LocalDate date) => TryGetDay(date)?.ExclusionList ?? Array.Empty<CaseExclusion>();

    /// <summary>Gets the screening rounds of a day.</summary>
    /// <param name="date">The local date.</param>
    /// <returns>The rounds; empty when none or when the day is not covered.</returns>
    public IReadOnlyList<ScreeningRound> ScreeningsOn(LocalDate date) => TryGetDay(date)?.ScreeningList ?? Array.Empty<ScreeningRound>();

    /// <summary>Gets the indicator values published on a day.</summary>
    /// <param name="date">The local date.</param>
    /// <returns>The readings; empty when none or when the day is not covered.</returns>
    public IReadOnlyList<IndicatorReading> IndicatorsOn(LocalDate date) => TryGetDay(date)?.ReadingList ?? Array.Empty<IndicatorReading>();

    /// <summary>Gets the value of a metric for a zone on a day, if it was published.</summary>
    /// <param name="zone">The zone.</param>
    /// <param name="metric">The metric's name.</param>
    /// <param name="date">The local date.</param>
    /// <param name="value">The value, or 0.</param>
    /// <returns>True when a value was published; false when it is missing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    public bool TryGetIndicator(ZoneId zone, string metric, LocalDate date, out double value)
    {
        Guard.NotNull(metric);
        value = 0;
        var day = TryGetDay(date);
        var index = Tree.IndexOf(zone);
        return day is not null && index >= 0 && day.ReadingValues.TryGetValue(new ReadingKey(index, metric), out value);
    }

    /// <summary>Gets the published values of one metric for one zone, in date order.</summary>
    /// <param name="zone">The zone.</param>
    /// <param name="metric">The metric's name.</param>
    /// <returns>The series; empty when nothing was published.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="zone"/> is not in the tree.</exception>
    internal IndicatorSeries GetIndicatorSeries(ZoneId zone, string metric)
    {
        Guard.NotNull(metric);
        var index = Tree.GetIndex(zone);
        var points = new List<IndicatorReading>();
        for (var d = 0; d < _dayCount; d++)
        {
            var day = _days[d];
            for (var i = 0; i < day.Readings.Length; i++)
            {
                if (day.ReadingZones[i] == index && string.Equals(day.Readings[i].Metric, metric, StringComparison.Ordinal))
                {
                    points.Add(day.Readings[i]);
                }
            }
        }

        return new IndicatorSeries(zone, metric, points.ToArray());
    }

    /// <summary>Returns the coverage and the number of cases.</summary>
    /// <returns>E.g. <c>EpidemicHistory 2022-07-01..2022-07-31 (31 days, 120 cases)</c>.</returns>
    public override string ToString() => _dayCount == 0
        ? $"EpidemicHistory from {DayValidator.Format(FirstDay)} (no day yet)"
        : $"EpidemicHistory {DayValidator.Format(FirstDay)}..{DayValidator.Format(LastDay)} ({_dayCount.ToString(CultureInfo.InvariantCulture)} days, {_caseCount.ToString(CultureInfo.InvariantCulture)} cases)";

    internal static EpidemicHistory FromDays(ZoneTree tree, LocalDate firstDay, DayEvents[] days, CaseIdRegistry registry)
    {
        var cases = 0;
        foreach (var d in days)
        {
            cases += d.Cases.Length;
        }

        return new EpidemicHistory(tree, firstDay, days, days.Length, cases, registry);
    }

    /// <summary>Gets the events of the day with a 0-based index from <see cref="FirstDay"/> (must be covered).</summary>
    internal DayEvents DayAt(int index) => _days[index];

    internal int DayIndexOf(LocalDate date) => Period.DaysBetween(FirstDay, date);

    internal DayEvents? TryGetDay(LocalDate date)
    {
        if (!Covers(date))
        {
            return null;
        }

        return _days[DayIndexOf(date)];
    }

    private static List<Sourced<T>> Source<T>(IReadOnlyList<T> items, string name)
        where T : class
    {
        var list = new List<Sourced<T>>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            list.Add(new Sourced<T>(items[i], name, i));
        }

        return list;
    }

    private DayEvents? AppendCore(
        LocalDate date,
        List<Sourced<CaseReport>> cases,
        List<Sourced<CaseExclusion>> exclusions,
        List<Sourced<ScreeningRound>> screenings,
        List<Sourced<IndicatorReading>> readings,
        List<(string Path, string Message)> problems,
        out CaseIdRegistry registry)
    {
        registry = _registry;
        lock (registry.Gate)
        {
            if (registry.Days == _dayCount)
            {
                // The validation notes each case's entry in the registry, so committing looks no id up again.
                var reported = new CaseIdEntry?[cases.Count];
                var events = DayValidator.Validate(Tree, registry.Entries, date, cases, exclusions, screenings, readings, problems, reported);
                if (events is not null)
                {
                    registry.Commit(events, _dayCount, reported);
                }

                return events;
            }
        }

        // Another history was appended to this one before: rebuild the ids as of this history's last day.
        registry = CaseIdRegistry.Rebuild(_days, _dayCount);
        var result = DayValidator.Validate(Tree, registry.Entries, date, cases, exclusions, screenings, readings, problems);
        if (result is not null)
        {
            registry.Commit(result, _dayCount);
        }

        return result;
    }

    private EpidemicHistory WithDay(DayEvents events, CaseIdRegistry registry)
    {
        var days = new DayEvents[_dayCount + 1];
        Array.Copy(_days, days, _dayCount);
        days[_dayCount] = events;
        return new EpidemicHistory(Tree, FirstDay, days, _dayCount + 1, _caseCount + events.Cases.Length, registry);
    }
}
