using System.Globalization;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Risk;

/// <summary>
/// The risk level of one zone on one day, explained: the level, since when, the rule and evidence that set it, which zone's
/// designation it comes from, and the earliest date it can step down if nothing new happens.
/// </summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class RiskAssessment
{
    internal RiskAssessment(ZoneId zone, LocalDate date, RiskScale scale, RiskLevel level, RiskAssessmentOutcome outcome, LocalDate? since, RiskReason? reason, ZoneId setBy, LocalDate? earliestStepDown, RiskTierState[]? tiers = null)
    {
        Tiers = tiers is null ? System.Array.Empty<RiskTierState>() : System.Array.AsReadOnly(tiers);
        Zone = zone;
        Date = date;
        Scale = scale;
        Level = scale.Named(level);
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

    /// <summary>
    /// Gets the state of every tier when a tiered rule (e.g. §28b IfSG's 100, 150 and 165) sets the level or lifted it: in force
    /// since, lapse date, decided changes; empty for other rules and when the data are insufficient.
    /// </summary>
    public System.Collections.Generic.IReadOnlyList<RiskTierState> Tiers { get; }

    /// <summary>
    /// Gets the levels whose measures are in force: every tier in force when a tiered rule sets the level (a higher tier can
    /// apply while a lower one has lapsed), otherwise <see cref="Level"/> alone; empty at the scale's zero. Look each up in the
    /// edition's measure table: the measures in force are all of theirs.
    /// </summary>
    public System.Collections.Generic.IReadOnlyList<RiskLevel> LevelsInForce
    {
        get
        {
            var levels = new System.Collections.Generic.List<RiskLevel>();
            foreach (var tier in Tiers)
            {
                if (tier.IsInForce)
                {
                    levels.Add(tier.Level);
                }
            }

            if (levels.Count == 0 && !Level.IsNone)
            {
                levels.Add(Level);
            }

            return levels.AsReadOnly();
        }
    }

    /// <summary>Returns the zone, date, level code and reason.</summary>
    /// <returns>E.g. <c>4201-02-001 2022-07-03: High since 2022-07-01 (ResidenceOfCase [risk-areas] case p-0001, 2022-07-01)</c>.</returns>
    public override string ToString()
    {
        var since = Since is { } s ? " since " + s.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture) : string.Empty;
        var outcome = Outcome == RiskAssessmentOutcome.InsufficientData ? " (insufficient data)" : string.Empty;
        return $"{Zone} {Date.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture)}: {LevelDefinition.Code}{since}{outcome}{(Reason is null ? string.Empty : " (" + Reason + ")")}";
    }
}
