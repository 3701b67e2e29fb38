using System.Globalization;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Risk;

/// <summary>Whether a risk level could be decided from the inputs.</summary>
/// <remarks>Values never change between versions.</remarks>
public enum RiskAssessmentOutcome
{
    /// <summary>Not assessed.</summary>
    Unknown = 0,

    /// <summary>The level was decided from the inputs.</summary>
    Determined = 1,

    /// <summary>
    /// An input the rules need is missing (an indicator value not published, a day the history does not cover, a case
    /// located only coarser than the drawing unit). The level is then the least level the zone is known to have, never a guess.
    /// </summary>
    InsufficientData = 2,
}

/// <summary>
/// The risk level of one zone on one day, explained: the level, since when, the rule and evidence that set it, which zone's
/// designation it comes from, and the earliest date it can step down if nothing new happens.
/// </summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class RiskAssessment
{
    internal RiskAssessment(ZoneId zone, LocalDate date, RiskScale scale, RiskLevel level, RiskAssessmentOutcome outcome, LocalDate? since, RiskReason? reason, ZoneId setBy, LocalDate? earliestStepDown)
    {
        Zone = zone;
        Date = date;
        Scale = scale;
        Level = level;
        Outcome = outcome;
        Since = since;
        Reason = reason;
        SetBy = setBy;
        EarliestStepDown = earliestStepDown;
    }

    /// <summary>Gets the zone assessed.</summary>
    public ZoneId Zone { get; }

    /// <summary>Gets the local date assessed.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the scale that names the level.</summary>
    public RiskScale Scale { get; }

    /// <summary>Gets the effective level: the highest of the zone's own designation and its ancestors'.</summary>
    /// <value>When <see cref="Outcome"/> is <see cref="RiskAssessmentOutcome.InsufficientData"/>, the least level the zone is known to have.</value>
    public RiskLevel Level { get; }

    /// <summary>Gets the level's code and names on <see cref="Scale"/>.</summary>
    public RiskLevelDefinition LevelDefinition => Scale.Describe(Level);

    /// <summary>Gets whether the level could be decided.</summary>
    public RiskAssessmentOutcome Outcome { get; }

    /// <summary>Gets the first day of the designation that sets the level (the start of the history when nothing ever did), or null when the date is not covered.</summary>
    public LocalDate? Since { get; }

    /// <summary>Gets why the zone is at this level; null when no designation covers it (the level is the scale's zero).</summary>
    public RiskReason? Reason { get; }

    /// <summary>Gets the zone whose designation sets the level: the zone itself, an ancestor, or its county-level unit; empty when none does.</summary>
    public ZoneId SetBy { get; }

    /// <summary>Gets the earliest date the level can step down if nothing new happens (conditions such as a negative screening round still apply); null when no step-down is scheduled.</summary>
    public LocalDate? EarliestStepDown { get; }

    /// <summary>Returns the zone, date, level code and reason.</summary>
    /// <returns>E.g. <c>4201-02-001 2022-07-03: High since 2022-07-01 (ResidenceOfCase [risk-areas] case p-0001, 2022-07-01)</c>.</returns>
    public override string ToString()
    {
        var since = Since is { } s ? " since " + s.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture) : string.Empty;
        var outcome = Outcome == RiskAssessmentOutcome.InsufficientData ? " (insufficient data)" : string.Empty;
        return $"{Zone} {Date.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture)}: {LevelDefinition.Code}{since}{outcome}{(Reason is null ? string.Empty : " (" + Reason + ")")}";
    }
}

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

    /// <summary>Returns the zone, date and severities.</summary>
    /// <returns>E.g. <c>4201-02-001 2022-07-09: Severity 3 → Severity 2</c>.</returns>
    public override string ToString()
        => $"{Zone} {Date.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture)}: {From} → {To}{(Outcome == RiskAssessmentOutcome.InsufficientData ? " (insufficient data)" : string.Empty)}";
}
