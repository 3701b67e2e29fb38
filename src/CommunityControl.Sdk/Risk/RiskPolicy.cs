using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Epidemiology;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Risk;

/// <summary>
/// How an edition decides risk levels: a scale, the rules that designate zones, the county baseline ("the rest of the
/// county is Low while it has a risk zone, else normal") and aggregations up the tree ("a city's urban area takes the
/// highest level of its districts"). Immutable; evaluate it over a history with <see cref="Evaluate(EpidemicHistory, DateInterval, HolidayCalendar?)"/>.
/// </summary>
/// <remarks>
/// Create one from <see cref="RiskPolicyOptions"/> (the <c>risk</c> section of an edition document) and add rules written
/// in C# with <see cref="WithRule"/>; both go through the same validation.
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable; evaluations may run concurrently.</threadsafety>
public sealed class RiskPolicy
{
    internal RiskPolicy(RiskScale scale, IRiskRule[] rules, RiskBaseline? baseline, RiskAggregation[] aggregations, LocalDate? appliesFrom = null, bool earlierDaysCount = false)
    {
        var failures = Validate(scale, rules, baseline, aggregations);
        if (failures.Count > 0)
        {
            throw new ModelValidationException(typeof(RiskPolicy), failures);
        }

        Scale = scale;
        Rules = Array.AsReadOnly(rules);
        Baseline = baseline;
        Aggregations = Array.AsReadOnly(aggregations);
        AppliesFrom = appliesFrom;
        EarlierDaysCount = earlierDaysCount;
    }

    /// <summary>Gets the scale that names the levels.</summary>
    public RiskScale Scale { get; }

    /// <summary>Gets the rules, in order (on equal levels the first rule's reason is reported).</summary>
    public IReadOnlyList<IRiskRule> Rules { get; }

    /// <summary>
    /// Gets the first day the policy can set a level: an edition's policy applies from the edition's <c>effective.from</c>
    /// (its earliest day when only the month or year is confirmed); null (the default for a policy created from options)
    /// when it applies from the history's first day.
    /// </summary>
    /// <value>No zone has a level, and no change is recorded, before this day.</value>
    public LocalDate? AppliesFrom { get; }

    /// <summary>
    /// Gets a value indicating whether the days before <see cref="AppliesFrom"/> count towards a trigger (e.g. §28b IfSG's
    /// three days above the threshold). When false (the default), the rules see no day before <see cref="AppliesFrom"/>; when true,
    /// they are evaluated from the history's first day and a trigger those days complete counts as completed on the day before
    /// <see cref="AppliesFrom"/> at the earliest (the first check, on the first day in force, looks back at the days up to the day before).
    /// </summary>
    public bool EarlierDaysCount { get; }

    /// <summary>Gets the county baseline, or null when the edition has none.</summary>
    internal RiskBaseline? Baseline { get; }

    /// <summary>Gets the aggregations up the tree.</summary>
    internal IReadOnlyList<RiskAggregation> Aggregations { get; }

    /// <summary>Creates a policy from options (e.g. the <c>risk</c> section of an edition document).</summary>
    /// <param name="options">The options.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ModelValidationException">The options are invalid; every problem is listed with its path.</exception>
    public static RiskPolicy FromOptions(RiskPolicyOptions options)
    {
        Guard.NotNull(options);
        var problems = new List<(string Path, string Message)>();
        var policy = RiskPolicyOptionsReader.TryRead(options, "risk", problems);
        if (policy is null)
        {
            throw new ModelValidationException(typeof(RiskPolicy), problems.Select(p => p.Path + ": " + p.Message));
        }

        return policy;
    }

    /// <summary>
    /// Returns a policy with one more rule, e.g. a vendor's own <see cref="IRiskRule"/> added to a built-in edition's policy
    /// or to <c>RiskPolicy.FromOptions(new RiskPolicyOptions { Scale = "cn-low-medium-high" })</c>.
    /// </summary>
    /// <param name="rule">The rule; it runs after the rules already there.</param>
    /// <returns>A new policy; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    /// <exception cref="ModelValidationException">The rule has no id, or its id is already used.</exception>
    public RiskPolicy WithRule(IRiskRule rule)
    {
        Guard.NotNull(rule);
        return new RiskPolicy(Scale, Rules.Concat(new[] { rule }).ToArray(), Baseline, Aggregations.ToArray(), AppliesFrom, EarlierDaysCount);
    }

    /// <summary>Returns a policy that applies from a day (see <see cref="AppliesFrom"/> and <see cref="EarlierDaysCount"/>).</summary>
    /// <param name="appliesFrom">The first day the policy can set a level; null to apply from the history's first day.</param>
    /// <param name="earlierDaysCount">Whether the days before <paramref name="appliesFrom"/> count towards a trigger.</param>
    /// <returns>A new policy; this one is unchanged.</returns>
    internal RiskPolicy WithApplicability(LocalDate? appliesFrom, bool earlierDaysCount)
        => new(Scale, Rules.ToArray(), Baseline, Aggregations.ToArray(), appliesFrom, earlierDaysCount);

    /// <summary>
    /// Evaluates the policy over a history: every zone's level on every day of <paramref name="interval"/>. Rules run from
    /// the history's first day (earlier events shape later levels); days of the interval the history does not cover are
    /// reported as <see cref="RiskAssessmentOutcome.InsufficientData"/>.
    /// </summary>
    /// <param name="history">What happened.</param>
    /// <param name="interval">The days wanted.</param>
    /// <param name="holidays">The public holidays, for rules that count working days; null when none was given.</param>
    /// <returns>The timeline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> or <paramref name="interval"/> is null.</exception>
    /// <exception cref="ArgumentException">A case of <paramref name="history"/> chooses a drawing unit
    /// (<see cref="CaseReport.DrawingUnit"/>) that a case-designation rule does not allow (checked before any day is evaluated).</exception>
    public RiskTimeline Evaluate(EpidemicHistory history, DateInterval interval, HolidayCalendar? holidays = null)
    {
        Guard.NotNull(history);
        Guard.NotNull(interval);
        foreach (var rule in Rules)
        {
            if (rule is CaseDesignationRule designation)
            {
                designation.CheckDrawingUnits(history);
            }
        }

        var through = interval.End < history.LastDay ? interval.End : history.LastDay;
        var telemetry = RiskTelemetry.Start(Scale, through < history.FirstDay ? 0 : Period.DaysBetween(history.FirstDay, through) + 1, history.Tree.Count);
        try
        {
            var engine = new RiskEngine(this, history, holidays);
            engine.EvaluateThrough(through);
            var timeline = new RiskTimeline(this, engine, interval);
            telemetry.Stop();
            return timeline;
        }
        catch (Exception e)
        {
            telemetry.Stop(e);
            throw;
        }
    }

    /// <summary>Returns the scale and the rules' ids.</summary>
    /// <returns>E.g. <c>RiskPolicy cn-low-medium-high [risk-areas]</c>.</returns>
    public override string ToString() => $"RiskPolicy {Scale.Id} [{string.Join(", ", Rules.Select(r => r.Id))}]";

    private static List<string> Validate(RiskScale scale, IRiskRule[] rules, RiskBaseline? baseline, RiskAggregation[] aggregations)
    {
        var failures = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Length; i++)
        {
            if (rules[i] is null)
            {
                failures.Add($"Rule #{i + 1} is null.");
            }
            else if (string.IsNullOrWhiteSpace(rules[i].Id))
            {
                failures.Add($"Rule #{i + 1} has no id.");
            }
            else if (!ids.Add(rules[i].Id))
            {
                failures.Add($"Rule id '{rules[i].Id}' is used twice.");
            }
        }

        if (baseline is not null && !baseline.Level.IsNone && !scale.Defines(baseline.Level))
        {
            failures.Add($"The baseline level (severity {baseline.Level.Severity}) is not on scale '{scale.Id}'.");
        }

        for (var i = 0; i < aggregations.Length; i++)
        {
            if (aggregations[i] is null)
            {
                failures.Add($"Aggregation #{i + 1} is null.");
            }
        }

        return failures;
    }
}

/// <summary>
/// The county baseline: while any zone inside a unit of kind <see cref="Unit"/> (e.g. a district/county) is designated,
/// the rest of that unit is at <see cref="Level"/> (e.g. Low, 防范区); when none is left it returns to normal (常态化).
/// </summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
internal sealed class RiskBaseline
{
    /// <summary>Creates a baseline.</summary>
    /// <param name="unit">The kind of the county-level unit.</param>
    /// <param name="level">The level of the rest of the unit while it has a risk zone.</param>
    /// <exception cref="ArgumentException"><paramref name="unit"/> is not a defined kind, or <paramref name="level"/> is None.</exception>
    public RiskBaseline(ZoneKind unit, RiskLevel level)
    {
        if (!ZoneKinds.IsDefined(unit))
        {
            throw new ArgumentException($"'{unit}' is not a zone kind.", nameof(unit));
        }

        if (level.IsNone)
        {
            throw new ArgumentException("The baseline level must be above None.", nameof(level));
        }

        Unit = unit;
        Level = level;
    }

    /// <summary>Gets the kind of the county-level unit.</summary>
    public ZoneKind Unit { get; }

    /// <summary>Gets the level of the rest of the unit while it has a risk zone.</summary>
    public RiskLevel Level { get; }

    /// <summary>Returns the unit and level.</summary>
    /// <returns>E.g. <c>Baseline District: Low</c>.</returns>
    public override string ToString() => $"Baseline {Unit}: {Level}";
}

/// <summary>
/// An aggregation up the tree: each zone of kind <see cref="Target"/> takes the highest designated level of the zones of
/// kind <see cref="From"/> below it (Hubei 2020: a city's urban area takes the highest level of its districts). The
/// aggregated level applies to the target zone itself, not to the zones below it.
/// </summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
internal sealed class RiskAggregation
{
    /// <summary>Creates an aggregation.</summary>
    /// <param name="target">The kind of the zones that take the highest level, e.g. <see cref="ZoneKind.City"/>.</param>
    /// <param name="from">The kind of the parts, e.g. <see cref="ZoneKind.District"/>; smaller than <paramref name="target"/>.</param>
    /// <exception cref="ArgumentException">A kind is undefined, or <paramref name="from"/> is not smaller than <paramref name="target"/>.</exception>
    public RiskAggregation(ZoneKind target, ZoneKind from)
    {
        if (!ZoneKinds.IsDefined(target) || !ZoneKinds.IsDefined(from))
        {
            throw new ArgumentException($"'{target}' and '{from}' must both be zone kinds.", nameof(target));
        }

        if (from <= target)
        {
            throw new ArgumentException($"The parts ({from}) must be smaller than the target ({target}).", nameof(from));
        }

        Target = target;
        From = from;
    }

    /// <summary>Gets the kind of the zones that take the highest level.</summary>
    public ZoneKind Target { get; }

    /// <summary>Gets the kind of the parts.</summary>
    public ZoneKind From { get; }

    /// <summary>Returns the kinds.</summary>
    /// <returns>E.g. <c>City = highest of District</c>.</returns>
    public override string ToString() => $"{Target} = highest of {From}";
}

/// <summary>Builds a <see cref="RiskPolicy"/> in code, e.g. with a vendor's own <see cref="IRiskRule"/>.</summary>
/// <threadsafety static="true" instance="false">Mutable; use from one thread.</threadsafety>
internal sealed class RiskPolicyBuilder
{
    private readonly List<IRiskRule> _rules = new();
    private readonly List<RiskAggregation> _aggregations = new();
    private RiskBaseline? _baseline;

    /// <summary>Creates a builder for a policy on a scale.</summary>
    /// <param name="scale">The scale that names the levels.</param>
    /// <exception cref="ArgumentNullException"><paramref name="scale"/> is null.</exception>
    public RiskPolicyBuilder(RiskScale scale) => Scale = Guard.NotNull(scale);

    /// <summary>Gets the scale.</summary>
    public RiskScale Scale { get; }

    /// <summary>Adds a rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    public RiskPolicyBuilder AddRule(IRiskRule rule)
    {
        _rules.Add(Guard.NotNull(rule));
        return this;
    }

    /// <summary>Sets the county baseline.</summary>
    /// <param name="unit">The kind of the county-level unit.</param>
    /// <param name="level">The level of the rest of the unit while it has a risk zone.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">See <see cref="RiskBaseline(ZoneKind, RiskLevel)"/>.</exception>
    public RiskPolicyBuilder WithBaseline(ZoneKind unit, RiskLevel level)
    {
        _baseline = new RiskBaseline(unit, level);
        return this;
    }

    /// <summary>Adds an aggregation up the tree.</summary>
    /// <param name="target">The kind of the zones that take the highest level.</param>
    /// <param name="from">The kind of the parts.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">See <see cref="RiskAggregation(ZoneKind, ZoneKind)"/>.</exception>
    public RiskPolicyBuilder AddAggregation(ZoneKind target, ZoneKind from)
    {
        _aggregations.Add(new RiskAggregation(target, from));
        return this;
    }

    /// <summary>Builds the policy.</summary>
    /// <returns>The policy.</returns>
    /// <exception cref="ModelValidationException">Rule ids repeat or are empty, or the baseline level is not on the scale.</exception>
    public RiskPolicy Build() => new(Scale, _rules.ToArray(), _baseline, _aggregations.ToArray());
}
