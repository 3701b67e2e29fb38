using System.Collections.Generic;
using CommunityControl.Epidemiology;
using CommunityControl.Zones;

namespace CommunityControl.Risk;

/// <summary>
/// The <c>risk</c> section of an edition document: a mutable DTO that binds to JSON; <see cref="RiskPolicy.FromOptions(RiskPolicyOptions)"/>
/// validates it (every problem at once) and creates the immutable policy.
/// </summary>
/// <remarks>Unknown JSON fields are rejected. Parameters the references mark UNCONFIRMED have no default: they must be stated.</remarks>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class RiskPolicyOptions
{
    /// <summary>Gets or sets the scale's id: a built-in one (see <see cref="RiskScales.All"/>) or the id of the scale defined by <see cref="Levels"/>. Required.</summary>
    public string? Scale { get; set; }

    /// <summary>Gets or sets the levels of a custom scale; null (the default) to use the built-in scale named by <see cref="Scale"/>.</summary>
    public IList<RiskLevelOptions>? Levels { get; set; }

    /// <summary>Gets or sets the rules. The default is an empty list: no zone is ever designated (e.g. China from 2023-01-08).</summary>
    public IList<RiskRuleOptions> Rules { get; set; } = new List<RiskRuleOptions>();

    /// <summary>Gets or sets the county baseline; null (the default) for none.</summary>
    public RiskBaselineOptions? Baseline { get; set; }

    /// <summary>Gets or sets the aggregations up the tree. The default is none.</summary>
    public IList<RiskAggregationOptions> Aggregations { get; set; } = new List<RiskAggregationOptions>();
}

/// <summary>One level of a custom scale.</summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class RiskLevelOptions
{
    /// <summary>Gets or sets the severity, 0–15, strictly increasing along the list. Required.</summary>
    public int? Severity { get; set; }

    /// <summary>Gets or sets the stable PascalCase code. Required.</summary>
    public string? Code { get; set; }

    /// <summary>Gets or sets the Chinese name. Required.</summary>
    public string? NameZh { get; set; }

    /// <summary>Gets or sets the English name. Required.</summary>
    public string? NameEn { get; set; }
}

/// <summary>The county baseline of a policy; see <see cref="RiskBaseline"/>.</summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class RiskBaselineOptions
{
    /// <summary>Gets or sets the kind of the county-level unit, e.g. <see cref="ZoneKind.District"/>. Required.</summary>
    public ZoneKind? Unit { get; set; }

    /// <summary>Gets or sets the code of the level of the rest of the unit while it has a risk zone, e.g. <c>Low</c>. Required.</summary>
    public string? Level { get; set; }
}

/// <summary>An aggregation up the tree; see <see cref="RiskAggregation"/>.</summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class RiskAggregationOptions
{
    /// <summary>Gets or sets the kind of the zones that take the highest level, e.g. <see cref="ZoneKind.City"/>. Required.</summary>
    public ZoneKind? Target { get; set; }

    /// <summary>Gets or sets the kind of the parts, e.g. <see cref="ZoneKind.District"/>. Required.</summary>
    public ZoneKind? From { get; set; }
}

/// <summary>One rule of a policy: an id and exactly one rule family's parameters.</summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class RiskRuleOptions
{
    /// <summary>Gets or sets the rule's id, unique in the policy. Required.</summary>
    public string? Id { get; set; }

    /// <summary>Gets or sets the parameters of a case-driven designation with a step-down ladder.</summary>
    public CaseDesignationOptions? CaseDesignation { get; set; }

    /// <summary>Gets or sets the parameters of a count-driven threshold table.</summary>
    public CountThresholdOptions? CountThresholds { get; set; }

    /// <summary>Gets or sets the parameters of an epidemic-free certification.</summary>
    public EpidemicFreeCertificationOptions? EpidemicFreeCertification { get; set; }

    /// <summary>Gets or sets the parameters of indicator bands (e.g. the US CDC levels).</summary>
    public IndicatorBandOptions? IndicatorBands { get; set; }

    /// <summary>Gets or sets the parameters of indicator thresholds with hysteresis (e.g. Germany's §28b).</summary>
    public IndicatorHysteresisOptions? IndicatorHysteresis { get; set; }
}

/// <summary>
/// Parameters of <see cref="CaseDesignationRule"/>: a case designates its residence and activity places (lifted to the
/// drawing unit) at a stage of a step-down ladder; a stage steps down after N consecutive days without a new infection,
/// optionally only after an all-negative screening round.
/// </summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class CaseDesignationOptions
{
    /// <summary>Gets or sets the drawing unit, e.g. <see cref="ZoneKind.Compound"/> (9th edition) or <see cref="ZoneKind.Building"/>. Required.</summary>
    public ZoneKind? DrawingUnit { get; set; }

    /// <summary>Gets or sets the case kinds that count as infections, e.g. Confirmed and Asymptomatic. Required, not empty.</summary>
    public IList<CaseKind> Infections { get; set; } = new List<CaseKind>();

    /// <summary>Gets or sets the stage a residence enters. Required.</summary>
    public string? ResidenceStage { get; set; }

    /// <summary>Gets or sets the stage an activity place enters; null (the default) when activity places designate nothing.</summary>
    public string? ActivityStage { get; set; }

    /// <summary>Gets or sets the stage a high-risk activity place enters; null (the default) to use <see cref="ActivityStage"/>.</summary>
    public string? HighRiskActivityStage { get; set; }

    /// <summary>Gets or sets the settings in which a found infection designates nothing and restarts no count. The default is none.</summary>
    public IList<ControlSetting> NotDesignatingWhenFoundUnder { get; set; } = new List<ControlSetting>();

    /// <summary>Gets or sets the stages of the ladder. Required, not empty.</summary>
    public IList<CaseStageOptions> Stages { get; set; } = new List<CaseStageOptions>();
}

/// <summary>One stage of a step-down ladder.</summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class CaseStageOptions
{
    /// <summary>Gets or sets the stage's id, e.g. <c>High</c> or <c>MediumFromHigh</c>. Required.</summary>
    public string? Id { get; set; }

    /// <summary>Gets or sets the code of the stage's level on the scale. Required.</summary>
    public string? Level { get; set; }

    /// <summary>Gets or sets N: the stage steps down after N consecutive days without a new infection (the day of the last infection, or of entering the stage by a step-down, is day 0 and day 1 respectively). Required, at least 1.</summary>
    public int? StepDownAfterDays { get; set; }

    /// <summary>Gets or sets whether stepping down also needs an all-negative screening round of the zone (or an ancestor). Required: the references dispute it, so there is no default.</summary>
    public bool? RequireNegativeScreening { get; set; }

    /// <summary>Gets or sets how many days, ending on the day the run of N days is complete (or a later day of the run), the round may lie in: 1 = on that day. Required when <see cref="RequireNegativeScreening"/> is true.</summary>
    public int? ScreeningWithinDays { get; set; }

    /// <summary>Gets or sets the stage entered on stepping down; null (the default) when the designation is lifted.</summary>
    public string? StepDownTo { get; set; }

    /// <summary>Gets or sets the stage entered when a new infection hits a zone in this stage; null (the default) to restart this stage's count.</summary>
    public string? OnNewInfection { get; set; }
}

/// <summary>
/// Parameters of <see cref="CountThresholdRule"/>: counts over windows per zone of a unit kind, and a table of rows
/// mapping the counts to a level (the first row whose conditions all hold wins).
/// </summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class CountThresholdOptions
{
    /// <summary>Gets or sets the kind of the zones graded, e.g. <see cref="ZoneKind.District"/>. Required.</summary>
    public ZoneKind? Unit { get; set; }

    /// <summary>Gets or sets the counts the rows test. Required, not empty.</summary>
    public IList<CaseCountOptions> Counts { get; set; } = new List<CaseCountOptions>();

    /// <summary>Gets or sets the rows, tried in order. Required, not empty; the last row usually has no conditions.</summary>
    public IList<CountLevelOptions> Levels { get; set; } = new List<CountLevelOptions>();
}

/// <summary>One count of a <see cref="CountThresholdOptions"/>: cases by residence in the graded zone, or an indicator's value.</summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class CaseCountOptions
{
    /// <summary>Gets or sets the count's id, used by the rows' conditions. Required.</summary>
    public string? Id { get; set; }

    /// <summary>Gets or sets the case kinds counted (by residence in the graded zone). Required unless <see cref="Metric"/> is set.</summary>
    public IList<CaseKind> Cases { get; set; } = new List<CaseKind>();

    /// <summary>Gets or sets the window in days ending on the day graded; null (the default) for all days since the history's first day.</summary>
    public int? WindowDays { get; set; }

    /// <summary>Gets or sets a smaller zone kind: count per zone of that kind inside the graded zone and take the largest ("≥2 cases in one building unit"); null (the default) to count the whole zone.</summary>
    public ZoneKind? LargestPer { get; set; }

    /// <summary>Gets or sets whether only cases of unknown source count. The default is false.</summary>
    public bool UnknownSourceOnly { get; set; }

    /// <summary>Gets or sets a metric whose value that day is the count (e.g. <c>Cluster14Day</c>); a missing value is insufficient data. Excludes <see cref="Cases"/>.</summary>
    public string? Metric { get; set; }

    /// <summary>
    /// Gets or sets the value a metric count takes on a day without a published value; null (the default) makes such a day
    /// insufficient data. Set it only where the edition says what an absent finding means (e.g. "no sustained transmission
    /// unless the investigation reports it").
    /// </summary>
    public double? WhenMissing { get; set; }
}

/// <summary>One row of a count threshold table.</summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class CountLevelOptions
{
    /// <summary>Gets or sets the code of the row's level. Required.</summary>
    public string? Level { get; set; }

    /// <summary>Gets or sets the conditions, all of which must hold; empty (the default) for "otherwise".</summary>
    public IList<ThresholdConditionOptions> When { get; set; } = new List<ThresholdConditionOptions>();
}

/// <summary>A condition on a count or a metric: set at least one bound.</summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class ThresholdConditionOptions
{
    /// <summary>Gets or sets the id of the count tested (count tables only).</summary>
    public string? Count { get; set; }

    /// <summary>Gets or sets the metric tested (indicator bands only).</summary>
    public string? Metric { get; set; }

    /// <summary>Gets or sets the inclusive lower bound (value ≥ this).</summary>
    public double? AtLeast { get; set; }

    /// <summary>Gets or sets the exclusive lower bound (value &gt; this).</summary>
    public double? GreaterThan { get; set; }

    /// <summary>Gets or sets the inclusive upper bound (value ≤ this).</summary>
    public double? AtMost { get; set; }

    /// <summary>Gets or sets the exclusive upper bound (value &lt; this).</summary>
    public double? LessThan { get; set; }
}

/// <summary>Parameters of <see cref="EpidemicFreeCertificationRule"/> (Wuhan 2020's 无疫情小区).</summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class EpidemicFreeCertificationOptions
{
    /// <summary>Gets or sets the kind of the zones certified, e.g. <see cref="ZoneKind.Compound"/>. Required.</summary>
    public ZoneKind? Unit { get; set; }

    /// <summary>Gets or sets the case kinds that revoke a certification and restart the count, e.g. Confirmed. Required, not empty.</summary>
    public IList<CaseKind> Infections { get; set; } = new List<CaseKind>();

    /// <summary>Gets or sets the number of consecutive days without an infection before certification (14 in Wuhan). Required, at least 1.</summary>
    public int? DaysWithoutInfection { get; set; }

    /// <summary>Gets or sets a yes/no metric that must be 1 on the day the run completes (e.g. <c>SixInPlace</c>); null (the default) when nothing else is needed.</summary>
    public string? ReadinessMetric { get; set; }

    /// <summary>Gets or sets the code of the certified level. Required.</summary>
    public string? Certified { get; set; }

    /// <summary>Gets or sets the code of the suspended level. Required.</summary>
    public string? Suspended { get; set; }

    /// <summary>Gets or sets the code of the not-certified (or revoked) level. Required.</summary>
    public string? NotCertified { get; set; }
}

/// <summary>
/// Parameters of <see cref="IndicatorBandRule"/>: each classifier maps one metric to a level by bands (each band's lower
/// bound belongs to it), optionally only when other metrics meet conditions; the level is the highest classifier's.
/// </summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class IndicatorBandOptions
{
    /// <summary>Gets or sets the kind of the zones graded (a US county is a <see cref="ZoneKind.District"/>). Required.</summary>
    public ZoneKind? Unit { get; set; }

    /// <summary>Gets or sets how many days a published value stays valid (7 for weekly data). Required, at least 1.</summary>
    public int? ValueValidDays { get; set; }

    /// <summary>Gets or sets the classifiers. Required, not empty.</summary>
    public IList<IndicatorClassifierOptions> Classifiers { get; set; } = new List<IndicatorClassifierOptions>();
}

/// <summary>One classifier of <see cref="IndicatorBandOptions"/>.</summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class IndicatorClassifierOptions
{
    /// <summary>Gets or sets the metric classified. Required.</summary>
    public string? Metric { get; set; }

    /// <summary>Gets or sets the conditions on other metrics under which the classifier applies; empty (the default) for always.</summary>
    public IList<ThresholdConditionOptions> When { get; set; } = new List<ThresholdConditionOptions>();

    /// <summary>Gets or sets the bands, by increasing lower bound; the first band's lower bound is usually 0. Required, not empty.</summary>
    public IList<IndicatorBandLevelOptions> Bands { get; set; } = new List<IndicatorBandLevelOptions>();
}

/// <summary>One band: values from <see cref="AtLeast"/> (inclusive) up to the next band's lower bound are at <see cref="Level"/>.</summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class IndicatorBandLevelOptions
{
    /// <summary>Gets or sets the inclusive lower bound. Required.</summary>
    public double? AtLeast { get; set; }

    /// <summary>Gets or sets the code of the band's level. Required.</summary>
    public string? Level { get; set; }
}

/// <summary>
/// Parameters of <see cref="IndicatorHysteresisRule"/>: per tier, a level comes into force after the metric is strictly
/// above the threshold on N consecutive days and lapses after it is strictly below on M consecutive (working) days,
/// each with its own delay; each tier has its own state machine; the level is the highest tier in force.
/// </summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class IndicatorHysteresisOptions
{
    /// <summary>Gets or sets the kind of the zones graded (a German Landkreis is a <see cref="ZoneKind.District"/>). Required.</summary>
    public ZoneKind? Unit { get; set; }

    /// <summary>Gets or sets the metric, e.g. <c>Incidence7DayPer100K</c>. Required.</summary>
    public string? Metric { get; set; }

    /// <summary>Gets or sets the tiers, by increasing threshold and level. Required, not empty.</summary>
    public IList<HysteresisTierOptions> Tiers { get; set; } = new List<HysteresisTierOptions>();
}

/// <summary>One tier of <see cref="IndicatorHysteresisOptions"/>.</summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class HysteresisTierOptions
{
    /// <summary>Gets or sets the code of the tier's level. Required.</summary>
    public string? Level { get; set; }

    /// <summary>Gets or sets the threshold T: strictly above to enter, strictly below to leave (a value equal to T does neither). Required.</summary>
    public double? Threshold { get; set; }

    /// <summary>Gets or sets the number of consecutive calendar days above T that bring the tier into force (3 under §28b). Required, at least 1.</summary>
    public int? EnterAfterDays { get; set; }

    /// <summary>Gets or sets the delay from the last of those days to the first day in force (2: "ab dem übernächsten Tag"). Required, at least 1.</summary>
    public int? EnterTakesEffectAfterDays { get; set; }

    /// <summary>Gets or sets the number of consecutive counted days below T that make the tier lapse (5 under §28b). Required, at least 1.</summary>
    public int? ExitAfterDays { get; set; }

    /// <summary>Gets or sets which days count towards lapsing: calendar days, or working days (Sundays and public holidays skipped without resetting). Required.</summary>
    public DayCountKind? ExitCounts { get; set; }

    /// <summary>Gets or sets the delay from the last of those days to the first day no longer in force (2 under §28b). Required, at least 1.</summary>
    public int? ExitTakesEffectAfterDays { get; set; }
}

/// <summary>Which days a count of consecutive days counts.</summary>
/// <remarks>Values never change between versions.</remarks>
public enum DayCountKind
{
    /// <summary>Not set; rejected.</summary>
    Unknown = 0,

    /// <summary>Every calendar day, Sundays and holidays included.</summary>
    CalendarDays = 1,

    /// <summary>Working days (Werktage): Monday to Saturday except public holidays. Sundays and public holidays neither count nor reset the run.</summary>
    WorkingDays = 2,
}
