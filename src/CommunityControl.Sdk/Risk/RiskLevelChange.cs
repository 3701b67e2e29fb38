using System.Globalization;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Risk;

/// <summary>A change of a zone's designated level (its own level, before inheritance) on a day.</summary>
/// <remarks>Zones below a designated zone follow it by inheritance and get no change of their own.</remarks>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class RiskLevelChange
{
    internal RiskLevelChange(ZoneId zone, LocalDate date, RiskLevel from, RiskLevel to, RiskAssessmentOutcome outcome, RiskReason? reason)
    {
        Zone = zone;
        Date = date;
        From = from;
        To = to;
        Outcome = outcome;
        Reason = reason;
    }

    /// <summary>Gets the zone whose designated level changed.</summary>
    public ZoneId Zone { get; }

    /// <summary>Gets the first day at the new level.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the level before.</summary>
    public RiskLevel From { get; }

    /// <summary>Gets the level from <see cref="Date"/> on.</summary>
    public RiskLevel To { get; }

    /// <summary>Gets whether the new level was decided or rests on insufficient data.</summary>
    public RiskAssessmentOutcome Outcome { get; }

    /// <summary>Gets why the level changed.</summary>
    public RiskReason? Reason { get; }

    /// <summary>Returns the zone, the date and the levels' codes.</summary>
    /// <returns>E.g. <c>4201-02-001 2022-07-09: High → Medium</c>.</returns>
    public override string ToString()
        => $"{Zone} {Date.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture)}: {From} → {To}{(Outcome == RiskAssessmentOutcome.InsufficientData ? " (insufficient data)" : string.Empty)}";
}
