using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Access;
using CommunityControl.Editions;
using CommunityControl.Epidemiology;
using CommunityControl.Internal;
using CommunityControl.Measures;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Testing;

/// <summary>
/// A policy test in a few lines: given an edition and a community, the cases, screening rounds and indicator values on
/// their dates; <see cref="Evaluate(LocalDate)"/> runs the edition's risk rules and gives an <see cref="EditionScenarioResult"/>
/// to ask for levels on dates, decisions at gates and a staffing plan.
/// </summary>
/// <remarks>
/// <para>Gate decisions use the edition's own <see cref="PolicyEdition.Access"/>, or else the library's measure table for
/// its id (the <c>measures</c> of the built-in edition with that id: <c>PolicyEditions.Get(edition.Id).Measures</c>); <see cref="WithAccess"/> names another.</para>
/// <para>The history starts on the earliest event (or <see cref="StartingOn"/>) and runs through the last day asked for.</para>
/// </remarks>
/// <example>
/// <code>
/// var result = EditionScenario.For(PolicyEditions.China.NinthEdition, tree)
///     .Case("p-0001", day1, residence: ZoneId.From("c1-a-1-1"))
///     .ScreeningRound(ZoneId.From("c1-a"), day1.PlusDays(7), allNegative: true)
///     .Evaluate(through: day1.PlusDays(14));
/// result.Timeline.Should().HaveLevel("Medium").On(ZoneId.From("c1-a"), day1.PlusDays(8));
/// result.GateDecision(ZoneId.From("c1-a"), day1.PlusDays(1).At(new LocalTime(9, 0)), GateRequests.ResidentExit())
///     .Should().BeDenied().WithReason(AccessReasons.StayHomeOrder);
/// </code>
/// </example>
/// <threadsafety static="true" instance="false">A builder: fill it on one thread. Its results are immutable.</threadsafety>
public sealed class EditionScenario
{
    private readonly List<CaseReport> _cases = new();
    private readonly List<ScreeningRound> _screenings = new();
    private readonly List<IndicatorReading> _readings = new();
    private LocalDate? _start;
    private HolidayCalendar? _holidays;
    private AccessPolicy? _access;
    private string? _noAccess;

    private EditionScenario(PolicyEdition edition, ZoneTree tree)
    {
        Edition = edition;
        Tree = tree;
        if (edition.Access is { } own)
        {
            _access = own;
        }
        else if (!PolicyEditions.Catalog.TryGet(edition.Id, out var builtIn) || builtIn.Measures is not { } table)
        {
            _noAccess = $"Edition {edition.Id} has no access policy and the library has no measure table for it";
        }
        else if (!SameScale(table.Scale, edition.Risk.Scale))
        {
            _noAccess = $"The built-in measure table of edition {edition.Id} is on scale {table.Scale.Id}, its risk levels on {edition.Risk.Scale.Id}";
        }
        else
        {
            _access = AccessPolicy.Create(table);
        }
    }

    /// <summary>Gets the edition under test.</summary>
    public PolicyEdition Edition { get; }

    /// <summary>Gets the community.</summary>
    public ZoneTree Tree { get; }

    /// <summary>Starts a scenario.</summary>
    /// <param name="edition">The edition under test: a built-in one, or one read with <see cref="PolicyEditionJson"/>.</param>
    /// <param name="tree">The community (e.g. from <see cref="TestCommunities"/>).</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static EditionScenario For(PolicyEdition edition, ZoneTree tree) => new(Guard.NotNull(edition), Guard.NotNull(tree));

    /// <summary>Starts the history on a day before the first event (rules then run, quietly, from that day).</summary>
    /// <param name="firstDay">The first day of the history.</param>
    /// <returns>This scenario.</returns>
    public EditionScenario StartingOn(LocalDate firstDay)
    {
        _start = firstDay;
        return this;
    }

    /// <summary>Adds an infection reported on a day.</summary>
    /// <param name="id">The case's pseudonymous id, e.g. <c>p-0001</c>.</param>
    /// <param name="reported">The day reported.</param>
    /// <param name="residence">Where the person lives; empty when outside the tree or unknown.</param>
    /// <param name="kind">What was reported; <see cref="CaseKind.Confirmed"/> by default.</param>
    /// <param name="activities">Work or activity places where the person stayed (not high-risk), if any.</param>
    /// <returns>This scenario.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    public EditionScenario Case(string id, LocalDate reported, ZoneId residence = default, CaseKind kind = CaseKind.Confirmed, params ZoneId[] activities)
    {
        Guard.NotNullOrWhiteSpace(id);
        return Case(new CaseReport
        {
            Id = id,
            Kind = kind,
            Reported = reported,
            Residence = residence,
            Activities = (activities ?? Array.Empty<ZoneId>()).Select(z => new CaseActivity { Zone = z }).ToArray(),
        });
    }

    /// <summary>Adds a case report with every detail (high-risk places, where it was found, unknown source).</summary>
    /// <param name="report">The report.</param>
    /// <returns>This scenario.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public EditionScenario Case(CaseReport report)
    {
        _cases.Add(Guard.NotNull(report));
        return this;
    }

    /// <summary>Adds a screening round (全员核酸) of a zone on a day.</summary>
    /// <param name="zone">The zone screened (a round of an ancestor covers the zones under it).</param>
    /// <param name="date">The day.</param>
    /// <param name="allNegative">Whether every result was negative; true by default.</param>
    /// <returns>This scenario.</returns>
    public EditionScenario ScreeningRound(ZoneId zone, LocalDate date, bool allNegative = true)
    {
        _screenings.Add(new ScreeningRound { Zone = zone, Date = date, AllNegative = allNegative });
        return this;
    }

    /// <summary>Adds an indicator value published for a zone on a day (e.g. <see cref="IndicatorMetrics.Incidence7DayPer100K"/>).</summary>
    /// <param name="zone">The zone described.</param>
    /// <param name="date">The day.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="value">The value.</param>
    /// <returns>This scenario.</returns>
    /// <exception cref="ArgumentException"><paramref name="metric"/> is null or empty.</exception>
    public EditionScenario Indicator(ZoneId zone, LocalDate date, string metric, double value)
    {
        _readings.Add(new IndicatorReading { Zone = zone, Date = date, Metric = Guard.NotNullOrWhiteSpace(metric), Value = value });
        return this;
    }

    /// <summary>Gives the public holidays, for rules that count working days.</summary>
    /// <param name="holidays">The calendar.</param>
    /// <returns>This scenario.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="holidays"/> is null.</exception>
    public EditionScenario WithHolidays(HolidayCalendar holidays)
    {
        _holidays = Guard.NotNull(holidays);
        return this;
    }

    /// <summary>Names the access policy for gate decisions (needed for an edition without a built-in measure table, such as a local variant).</summary>
    /// <param name="access">The policy, e.g. <c>PolicyEditions.China.NinthEdition.Access</c>.</param>
    /// <returns>This scenario.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="access"/> is null.</exception>
    /// <exception cref="ArgumentException">The policy's scale is not the edition's.</exception>
    public EditionScenario WithAccess(AccessPolicy access)
    {
        Guard.NotNull(access);
        if (!SameScale(access.Measures.Scale, Edition.Risk.Scale))
        {
            throw new ArgumentException($"The access policy is on scale {access.Measures.Scale.Id}; the edition's levels are on {Edition.Risk.Scale.Id}.", nameof(access));
        }

        _access = access;
        _noAccess = null;
        return this;
    }

    /// <summary>Runs the edition's risk rules from the first day of the history through <paramref name="through"/>.</summary>
    /// <param name="through">The last day to evaluate.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="through"/> is before the first day.</exception>
    /// <exception cref="ModelValidationException">An event is invalid (an unknown zone, a duplicate case id …), with every problem.</exception>
    public EditionScenarioResult Evaluate(LocalDate through)
    {
        var first = FirstDay(through);
        if (through < first)
        {
            throw new ArgumentOutOfRangeException(nameof(through), through, $"The last day is before the history's first day, {first:uuuu'-'MM'-'dd}.");
        }

        return Evaluate(new DateInterval(first, through));
    }

    /// <summary>Runs the edition's risk rules and answers for the days of <paramref name="interval"/>; rules run from the history's first day.</summary>
    /// <param name="interval">The days to answer for.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="interval"/> is null.</exception>
    /// <exception cref="ModelValidationException">An event is invalid (an unknown zone, a duplicate case id …), with every problem.</exception>
    public EditionScenarioResult Evaluate(DateInterval interval)
    {
        Guard.NotNull(interval);
        var first = FirstDay(interval.Start);
        if (interval.Start < first)
        {
            first = interval.Start;
        }

        var last = interval.End;
        foreach (var d in EventDates())
        {
            last = d > last ? d : last;
        }

        var builder = new EpidemicHistoryBuilder(Tree, first);
        _cases.ForEach(c => builder.Add(c));
        _screenings.ForEach(s => builder.Add(s));
        _readings.ForEach(r => builder.Add(r));
        var history = builder.Build(last);
        var timeline = Edition.Risk.Evaluate(history, interval, _holidays);
        return new EditionScenarioResult(Edition, timeline, _access, _noAccess);
    }

    /// <summary>The same scale: the same instance, or the same id and the same levels (severity, code, names), as the gate compares them.</summary>
    private static bool SameScale(RiskScale a, RiskScale b)
        => ReferenceEquals(a, b)
            || (string.Equals(a.Id, b.Id, StringComparison.Ordinal) && a.Levels.Count == b.Levels.Count && a.Levels.Zip(b.Levels, (x, y) => x == y).All(same => same));

    private LocalDate FirstDay(LocalDate fallback)
    {
        if (_start is { } start)
        {
            return start;
        }

        var first = fallback;
        var any = false;
        foreach (var d in EventDates())
        {
            first = !any || d < first ? d : first;
            any = true;
        }

        return first;
    }

    private IEnumerable<LocalDate> EventDates()
        => _cases.Select(c => c.Reported).Concat(_screenings.Select(s => s.Date)).Concat(_readings.Select(r => r.Date));
}
