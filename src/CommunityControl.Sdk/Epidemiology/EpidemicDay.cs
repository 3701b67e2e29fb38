using System;
using System.Collections.Generic;
using NodaTime;

namespace CommunityControl.Epidemiology;

/// <summary>
/// Everything that happened on one local date: the cases reported, the suspicions cleared, the screening rounds and the
/// indicator values published. Appended to an <see cref="EpidemicHistory"/> with <see cref="EpidemicHistory.Append(EpidemicDay)"/>.
/// </summary>
/// <remarks>An empty day is a statement too: nothing was reported that day (which is not the same as no data).</remarks>
/// <threadsafety static="true" instance="true">Immutable once created.</threadsafety>
public sealed class EpidemicDay
{
    private readonly IReadOnlyList<CaseReport> _cases = Array.Empty<CaseReport>();
    private readonly IReadOnlyList<CaseExclusion> _exclusions = Array.Empty<CaseExclusion>();
    private readonly IReadOnlyList<ScreeningRound> _screenings = Array.Empty<ScreeningRound>();
    private readonly IReadOnlyList<IndicatorReading> _indicators = Array.Empty<IndicatorReading>();

    /// <summary>Creates an empty day.</summary>
    /// <param name="date">The local date.</param>
    public EpidemicDay(LocalDate date) => Date = date;

    /// <summary>Gets the local date.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the cases reported that day (each with <see cref="CaseReport.Reported"/> equal to <see cref="Date"/>).</summary>
    public IReadOnlyList<CaseReport> Cases
    {
        get => _cases;
        init => _cases = Copy(value);
    }

    /// <summary>Gets the suspicions cleared that day.</summary>
    public IReadOnlyList<CaseExclusion> Exclusions
    {
        get => _exclusions;
        init => _exclusions = Copy(value);
    }

    /// <summary>Gets the screening rounds of that day.</summary>
    public IReadOnlyList<ScreeningRound> Screenings
    {
        get => _screenings;
        init => _screenings = Copy(value);
    }

    /// <summary>Gets the indicator values published that day.</summary>
    public IReadOnlyList<IndicatorReading> Indicators
    {
        get => _indicators;
        init => _indicators = Copy(value);
    }

    /// <summary>Returns the date and the number of events.</summary>
    /// <returns>E.g. <c>EpidemicDay 2022-07-01 (3 cases, 1 screening, 0 indicators)</c>.</returns>
    public override string ToString()
        => $"EpidemicDay {Date:uuuu'-'MM'-'dd} ({Cases.Count} cases, {Screenings.Count} screenings, {Indicators.Count} indicators)";

    /// <summary>Copies a caller's list, so changing it afterwards changes nothing here.</summary>
    private static IReadOnlyList<T> Copy<T>(IReadOnlyList<T>? value)
        => value is null || value.Count == 0 ? Array.Empty<T>() : Array.AsReadOnly(System.Linq.Enumerable.ToArray(value));
}
