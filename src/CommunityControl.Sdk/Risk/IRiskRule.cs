using System;
using System.Collections.Generic;
using CommunityControl.Epidemiology;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Risk;

/// <summary>
/// A rule that designates risk levels to zones from what happened. The built-in families (case-driven ladders, count
/// thresholds, indicator bands, indicator hysteresis, epidemic-free certification) implement it, and so can a vendor's
/// own rule in C#: add it to a policy with <see cref="RiskPolicyBuilder.AddRule(IRiskRule)"/>.
/// </summary>
/// <remarks>
/// <para>A rule is immutable configuration; <see cref="CreateEvaluator(RiskRuleSetup)"/> starts a stateful evaluation that is
/// stepped one day at a time, in date order, from the history's first day. On each day the evaluator reports only the
/// zones whose designation changes; a designation holds until the rule changes it. Levels a rule designates apply to the
/// zone and everything below it; the policy takes the highest of all rules per zone.</para>
/// <para>Appending a day to a timeline hands its evaluators over to the longer timeline, which steps them one more day:
/// appending costs only the work of the new day. An evaluator is therefore stepped by one engine at a time and never
/// needs to copy itself.</para>
/// </remarks>
public interface IRiskRule
{
    /// <summary>Gets the rule's id, unique in its policy (e.g. <c>risk-areas</c>); reasons name it.</summary>
    string Id { get; }

    /// <summary>Starts an evaluation.</summary>
    /// <param name="setup">The tree, scale and calendar of the evaluation.</param>
    /// <returns>An evaluator positioned before the first day.</returns>
    IRiskRuleEvaluator CreateEvaluator(RiskRuleSetup setup);
}

/// <summary>The running state of one <see cref="IRiskRule"/> over one history.</summary>
/// <remarks>Not thread-safe: the engine calls it from one thread at a time.</remarks>
public interface IRiskRuleEvaluator
{
    /// <summary>Evaluates the next day: reads its events and reports the zones whose designation changes that day.</summary>
    /// <param name="day">The day's events and context.</param>
    /// <param name="writer">Where to report changes; for one zone the last report of the day wins.</param>
    void EvaluateDay(RiskDay day, RiskDesignationWriter writer);
}

/// <summary>What a rule's evaluation runs over: the tree, the scale, the first day and the holiday calendar.</summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class RiskRuleSetup
{
    internal RiskRuleSetup(ZoneTree tree, RiskScale scale, LocalDate firstDay, HolidayCalendar? holidays)
    {
        Tree = tree;
        Scale = scale;
        FirstDay = firstDay;
        Holidays = holidays;
    }

    /// <summary>Gets the zone tree.</summary>
    public ZoneTree Tree { get; }

    /// <summary>Gets the policy's scale.</summary>
    public RiskScale Scale { get; }

    /// <summary>Gets the first day that will be evaluated (the history's first day).</summary>
    public LocalDate FirstDay { get; }

    /// <summary>Gets the holiday calendar, or null when none was given.</summary>
    public HolidayCalendar? Holidays { get; }
}

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

/// <summary>Where a rule reports the designations that change on a day. Levels must be named by the policy's scale.</summary>
/// <threadsafety static="true" instance="false"/>
public sealed class RiskDesignationWriter
{
    private readonly RiskScale _scale;
    private readonly int _zoneCount;
    private Dictionary<int, Designation> _pending = new();

    internal RiskDesignationWriter(RiskScale scale, int zoneCount)
    {
        _scale = scale;
        _zoneCount = zoneCount;
    }

    /// <summary>Designates a zone (and so its subtree) at a level from this day on.</summary>
    /// <param name="zoneIndex">The zone's dense index.</param>
    /// <param name="level">The level; <see cref="RiskLevel.None"/> lifts the designation.</param>
    /// <param name="reason">Why.</param>
    /// <param name="earliestStepDown">The earliest date the level can step down if nothing new happens, if known.</param>
    /// <param name="since">The first day of the designation when it is earlier than this day (e.g. a restored certification); null for "this day, unless the level is unchanged".</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="zoneIndex"/> is outside the tree.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="level"/> is not on the policy's scale.</exception>
    public void Designate(int zoneIndex, RiskLevel level, RiskReason reason, LocalDate? earliestStepDown = null, LocalDate? since = null)
    {
        Check(zoneIndex, level, reason);
        _pending[zoneIndex] = new Designation(level, false, reason, earliestStepDown, since);
    }

    /// <summary>Lifts a zone's designation from this day on.</summary>
    /// <param name="zoneIndex">The zone's dense index.</param>
    /// <param name="reason">Why.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="zoneIndex"/> is outside the tree.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null.</exception>
    public void Lift(int zoneIndex, RiskReason reason) => Designate(zoneIndex, RiskLevel.None, reason);

    /// <summary>Says that the rule cannot decide a zone's level from this day on, because an input is missing.</summary>
    /// <param name="zoneIndex">The zone's dense index.</param>
    /// <param name="atLeast">The least level the zone is known to have (<see cref="RiskLevel.None"/> when nothing is known).</param>
    /// <param name="reason">Which input is missing.</param>
    /// <param name="containsRiskZone">
    /// True when the rule knows that some zone inside is designated, only not which (e.g. a case known only by its compound
    /// when the edition draws buildings): the county baseline then applies to the rest of the county.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="zoneIndex"/> is outside the tree.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="atLeast"/> is not on the policy's scale.</exception>
    public void MarkInsufficientData(int zoneIndex, RiskLevel atLeast, RiskReason reason, bool containsRiskZone = false)
    {
        Check(zoneIndex, atLeast, reason);
        _pending[zoneIndex] = new Designation(atLeast, true, reason, null, null, containsRiskZone);
    }

    internal Dictionary<int, Designation> TakePending()
    {
        var taken = _pending;
        _pending = new Dictionary<int, Designation>();
        return taken;
    }

    internal void Reset(Dictionary<int, Designation> reuse)
    {
        reuse.Clear();
        _pending = reuse;
    }

    private void Check(int zoneIndex, RiskLevel level, RiskReason reason)
    {
        if (zoneIndex < 0 || zoneIndex >= _zoneCount)
        {
            throw new ArgumentOutOfRangeException(nameof(zoneIndex), zoneIndex, $"Value should be in range [0-{_zoneCount - 1}].");
        }

        Guard.NotNull(reason);
        if (!level.IsNone && !_scale.Defines(level))
        {
            throw new ArgumentException($"Scale '{_scale.Id}' names no level of severity {level.Severity}.", nameof(level));
        }
    }
}

/// <summary>A designation as the engine keeps it.</summary>
internal readonly struct Designation
{
    public Designation(RiskLevel level, bool insufficient, RiskReason? reason, LocalDate? earliestStepDown, LocalDate? since, bool containsRiskZone = false)
    {
        Level = level;
        Insufficient = insufficient;
        Reason = reason;
        EarliestStepDown = earliestStepDown;
        Since = since;
        ContainsRiskZone = containsRiskZone;
    }

    /// <summary>Gets a value indicating whether an undecided zone is known to contain a designated zone.</summary>
    public bool ContainsRiskZone { get; }

    public RiskLevel Level { get; }

    public bool Insufficient { get; }

    public RiskReason? Reason { get; }

    public LocalDate? EarliestStepDown { get; }

    public LocalDate? Since { get; }

    /// <summary>Gets a value indicating whether the designation says nothing (lifted and decided).</summary>
    public bool IsEmpty => Level.IsNone && !Insufficient;

    public bool SameAs(in Designation other)
        => Level == other.Level && Insufficient == other.Insufficient && ReferenceEquals(Reason, other.Reason)
        && EarliestStepDown == other.EarliestStepDown && Since == other.Since && ContainsRiskZone == other.ContainsRiskZone;
}
