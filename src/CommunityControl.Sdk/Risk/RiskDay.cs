using System;
using System.Collections.Generic;
using CommunityControl.Epidemiology;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Risk;

/// <summary>One day as a rule sees it: the date, the day's events, and the history so far.</summary>
/// <threadsafety static="true" instance="false"/>
public sealed class RiskDay
{
    internal RiskDay(EpidemicHistory history, int dayIndex, HolidayCalendar? holidays)
    {
        History = history;
        DayIndex = dayIndex;
        Events = history.DayAt(dayIndex);
        Holidays = holidays;
    }

    /// <summary>Gets the local date.</summary>
    public LocalDate Date => Events.Date;

    /// <summary>Gets the number of days since the history's first day (0 on the first day).</summary>
    public int DayIndex { get; }

    /// <summary>Gets the zone tree.</summary>
    public ZoneTree Tree => History.Tree;

    /// <summary>Gets the history through this day.</summary>
    public EpidemicHistory History { get; }

    /// <summary>Gets the holiday calendar, or null when none was given.</summary>
    public HolidayCalendar? Holidays { get; }

    /// <summary>Gets the cases reported this day.</summary>
    public IReadOnlyList<CaseReport> Cases => Events.CaseList;

    /// <summary>Gets the suspicions cleared this day.</summary>
    public IReadOnlyList<CaseExclusion> Exclusions => Events.ExclusionList;

    /// <summary>Gets the screening rounds of this day.</summary>
    public IReadOnlyList<ScreeningRound> Screenings => Events.ScreeningList;

    /// <summary>Gets the indicator values published this day.</summary>
    public IReadOnlyList<IndicatorReading> Indicators => Events.ReadingList;

    internal DayEvents Events { get; }

    /// <summary>Gets the dense index of a case's residence, or −1 when it has none in the tree.</summary>
    /// <param name="caseIndex">The case's position in <see cref="Cases"/>.</param>
    /// <returns>The residence's index, or −1.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="caseIndex"/> is outside <see cref="Cases"/>.</exception>
    public int ResidenceIndexOf(int caseIndex) => Events.Residences[caseIndex];

    /// <summary>Gets the value of a metric for a zone published this day.</summary>
    /// <param name="zoneIndex">The zone's dense index.</param>
    /// <param name="metric">The metric's name.</param>
    /// <param name="value">The value, or 0.</param>
    /// <returns>True when a value was published; false when it is missing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    public bool TryGetIndicator(int zoneIndex, string metric, out double value)
        => Events.ReadingValues.TryGetValue(new ReadingKey(zoneIndex, Guard.NotNull(metric)), out value);

    /// <summary>Tells whether an all-negative screening round covered a zone this day (a round of the zone or of an ancestor).</summary>
    /// <param name="zoneIndex">The zone's dense index.</param>
    /// <returns>True when such a round took place.</returns>
    public bool WasScreenedNegative(int zoneIndex) => WasScreenedNegative(Events, Tree, zoneIndex);

    /// <summary>Tells whether this day is a public holiday in a zone (false when no calendar was given).</summary>
    /// <param name="zoneIndex">The zone's dense index.</param>
    /// <returns>True on a holiday.</returns>
    public bool IsHoliday(int zoneIndex) => Holidays is not null && Holidays.IsHoliday(Tree, zoneIndex, Date);

    internal static bool WasScreenedNegative(DayEvents events, ZoneTree tree, int zoneIndex)
    {
        var rounds = events.NegativeScreenings;
        if (rounds is null)
        {
            return false;
        }

        for (var z = zoneIndex; z >= 0; z = tree.ParentIndexAt(z))
        {
            if (rounds.Contains(z))
            {
                return true;
            }
        }

        return false;
    }
}
