using System;
using System.Globalization;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>One day of a <see cref="TransitionPlan"/>.</summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public readonly struct TransitionDay
{
    internal TransitionDay(LocalDate date, int departed, long gapPeople, double gapPersonHours, double gapIfStayed, double requiredPersonHours)
    {
        Date = date;
        Departed = departed;
        GapPeople = gapPeople;
        GapPersonHours = gapPersonHours;
        GapPersonHoursIfCadresStayed = gapIfStayed;
        RequiredPersonHours = requiredPersonHours;
    }

    /// <summary>Gets the day.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets how many deployed cadres have left by this day.</summary>
    public int Departed { get; }

    /// <summary>Gets the paid person-hours required on the day.</summary>
    public double RequiredPersonHours { get; }

    /// <summary>Gets the person-shifts missing on the day.</summary>
    public long GapPeople { get; }

    /// <summary>Gets the paid person-hours missing on the day.</summary>
    public double GapPersonHours { get; }

    /// <summary>Gets the paid person-hours that would be missing had every cadre stayed.</summary>
    public double GapPersonHoursIfCadresStayed { get; }

    /// <summary>Gets the part of the gap due to the departures (never below zero).</summary>
    public double GapFromDeparturesPersonHours => Math.Max(0, GapPersonHours - GapPersonHoursIfCadresStayed);

    /// <summary>Returns e.g. <c>2020-02-24: 4 departed, gap 2 (25 h), 0 h had they stayed</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0:uuuu'-'MM'-'dd}: {1} departed, gap {2} ({3:0.##} h), {4:0.##} h had they stayed", Date, Departed, GapPeople, GapPersonHours, GapPersonHoursIfCadresStayed);
}
