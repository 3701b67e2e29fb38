using System;
using System.Collections.Generic;
#if NET8_0_OR_GREATER
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
#endif
using System.Threading;
using CommunityControl.Epidemiology;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Risk;

/// <summary>One entry of a zone's chain of designations, newest first. Immutable and shared between forks.</summary>
internal sealed class DesignationRecord
{
    public DesignationRecord(int day, in Designation value, LocalDate since, DesignationRecord? previous)
    {
        Day = day;
        Value = value;
        Since = since;
        Previous = previous;
    }

    public int Day { get; }

    public Designation Value { get; }

    public LocalDate Since { get; }

    public DesignationRecord? Previous { get; }

    public static DesignationRecord? At(DesignationRecord?[]? chains, int zone, int day)
    {
        var record = chains is null ? null : Volatile.Read(ref chains[zone]);
        while (record is not null && record.Day > day)
        {
            record = record.Previous;
        }

        return record;
    }
}

/// <summary>
/// Steps a policy's rules day by day and keeps, per zone, the chain of its designations: the rules' combined designation,
/// the county baseline and the aggregated level. Chains are arrays of immutable records by dense zone index, written
/// with single reference stores, so the timelines that share them read them without locks (each reads only the days it
/// evaluated). Appending hands the stepping state (the rules' evaluators and counters) over to the longer timeline once;
/// a second append from the same timeline evaluates from the start.
/// </summary>
internal sealed class RiskEngine
{
    private const string BaselineRuleId = "baseline";
    private const string AggregationRuleId = "aggregation";

    private readonly RiskPolicy _policy;
    private readonly HolidayCalendar? _holidays;
    private readonly RiskRuleSetup _setup;
    private readonly RiskDesignationWriter _writer;
    private readonly IRiskRuleEvaluator[] _evaluators;
    private readonly Dictionary<int, Designation>[] _ruleCurrent;
    private readonly DesignationRecord?[] _own;
    private readonly DesignationRecord?[]? _baseline;
    private readonly DesignationRecord?[]? _aggregated;
    private readonly Dictionary<int, int> _designatedIn;
    private readonly Dictionary<int, int> _insufficientIn;
    private readonly HashSet<int> _touched = new();
    private readonly HashSet<int> _touchedUnits = new();
    private readonly HashSet<int> _touchedTargets = new();
    private readonly HashSet<int> _changedZones = new();
    private readonly Dictionary<int, Designation> _lifts = new();
    private readonly List<RiskLevelChange> _newChanges = new();
    private readonly List<KeyValuePair<int, RiskLevelChange>> _sortedChanges = new();
    private readonly List<int> _newInherited = new();
    private readonly List<int> _newAggregated = new();
    private readonly List<int> _inheritedUpdated = new();
    private readonly List<byte[]> _newTable = new(1);

    /// <summary>The position of every zone with an own or a baseline chain in the list of such zones (stepping state).</summary>
    private readonly Dictionary<int, int> _positions;

    /// <summary>The zones with an aggregated chain (stepping state).</summary>
    private readonly HashSet<int> _aggregatedListed;

    /// <summary>Today's packed own-and-baseline designation by position (stepping state; copied into each day's table).</summary>
    private byte[] _working;
    private AppendOnlyList<RiskLevelChange> _changes;
    private int _changeCount;
    private AppendOnlyList<int> _inheritedZones;
    private int _inheritedCount;
    private AppendOnlyList<int> _aggregatedZones;
    private int _aggregatedCount;
    private AppendOnlyList<byte[]> _tables;
    private int _tableCount;
    private int _handedOver;

    /// <summary>The index of the first day the policy can set a level (<see cref="RiskPolicy.AppliesFrom"/>); 0 when it applies from the start.</summary>
    private readonly int _appliesFromDay;

    public RiskEngine(RiskPolicy policy, EpidemicHistory history, HolidayCalendar? holidays)
    {
        _policy = policy;
        _holidays = holidays;
        History = history;
        _setup = new RiskRuleSetup(history.Tree, policy.Scale, history.FirstDay, holidays, policy.AppliesFrom, policy.EarlierDaysCount);
        _appliesFromDay = policy.AppliesFrom is { } applies ? Math.Max(0, Period.DaysBetween(history.FirstDay, applies)) : 0;
        _writer = new RiskDesignationWriter(policy.Scale, history.Tree.Count);
        _evaluators = new IRiskRuleEvaluator[policy.Rules.Count];
        _ruleCurrent = new Dictionary<int, Designation>[policy.Rules.Count];
        for (var r = 0; r < _evaluators.Length; r++)
        {
            _evaluators[r] = policy.Rules[r].CreateEvaluator(_setup)
                ?? throw new InvalidOperationException($"Rule '{policy.Rules[r].Id}' created no evaluator.");
            _ruleCurrent[r] = new Dictionary<int, Designation>();
        }

        _own = new DesignationRecord?[history.Tree.Count];
        _baseline = policy.Baseline is null ? null : new DesignationRecord?[history.Tree.Count];
        _aggregated = policy.Aggregations.Count == 0 ? null : new DesignationRecord?[history.Tree.Count];
        _designatedIn = new Dictionary<int, int>();
        _insufficientIn = new Dictionary<int, int>();
        _changes = new AppendOnlyList<RiskLevelChange>();
        _positions = new Dictionary<int, int>();
        _aggregatedListed = new HashSet<int>();
        _working = new byte[16];
        _inheritedZones = new AppendOnlyList<int>();
        _aggregatedZones = new AppendOnlyList<int>();
        _tables = new AppendOnlyList<byte[]>();
    }

    private RiskEngine(RiskEngine source, EpidemicHistory history)
    {
        _policy = source._policy;
        _holidays = source._holidays;
        _setup = source._setup;
        _appliesFromDay = source._appliesFromDay;
        History = history;
        _writer = source._writer;
        _evaluators = source._evaluators;
        _ruleCurrent = source._ruleCurrent;
        _own = source._own;
        _baseline = source._baseline;
        _aggregated = source._aggregated;
        _designatedIn = source._designatedIn;
        _insufficientIn = source._insufficientIn;
        _changes = source._changes;
        _changeCount = source._changeCount;
        _positions = source._positions;
        _aggregatedListed = source._aggregatedListed;
        _working = source._working;
        _tables = source._tables;
        _tableCount = source._tableCount;
        _inheritedZones = source._inheritedZones;
        _inheritedCount = source._inheritedCount;
        _aggregatedZones = source._aggregatedZones;
        _aggregatedCount = source._aggregatedCount;
        EvaluatedDays = source.EvaluatedDays;
    }

    public EpidemicHistory History { get; }

    public RiskPolicy Policy => _policy;

    public HolidayCalendar? Holidays => _holidays;

    public ZoneTree Tree => History.Tree;

    /// <summary>Gets the number of days evaluated from the history's first day.</summary>
    public int EvaluatedDays { get; private set; }

    public int ChangeCount => _changeCount;

    public DesignationRecord?[] Own => _own;

    public DesignationRecord?[]? Baseline => _baseline;

    public DesignationRecord?[]? Aggregated => _aggregated;

    public RiskLevelChange ChangeAt(int index) => _changes[index];

    /// <summary>
    /// Gets the number of zones that have had an own or a baseline designation (of any level, lifts included) on a day
    /// evaluated by this engine: the only zones whose levels pass to their subtrees.
    /// </summary>
    public int InheritedZoneCount => _inheritedCount;

    /// <summary>
    /// Gets, for an evaluated day, the own and baseline designations combined of the zones listed by
    /// <see cref="InheritedZoneAt"/> that day, by position, packed in a byte each (see <see cref="UnpackLevel"/> and
    /// <see cref="UnpackInsufficient"/>): what a snapshot needs without walking the chains. Immutable.
    /// </summary>
    public byte[] InheritedOn(int day) => _tables[day];

    /// <summary>Gets the severity of a packed designation of <see cref="InheritedOn"/>.</summary>
    public static byte UnpackLevel(byte packed) => (byte)(packed & 0x0F);

    /// <summary>Tells whether a packed designation of <see cref="InheritedOn"/> rests on insufficient data.</summary>
    public static bool UnpackInsufficient(byte packed) => (packed & 0x10) != 0;

    /// <summary>Gets the number of zones that have had an aggregated designation on a day evaluated by this engine.</summary>
    public int AggregatedZoneCount => _aggregatedCount;

    /// <summary>Gets one of the zones counted by <see cref="InheritedZoneCount"/> (in the order they were first designated).</summary>
    public int InheritedZoneAt(int index) => _inheritedZones[index];

    /// <summary>Gets one of the zones counted by <see cref="AggregatedZoneCount"/>.</summary>
    public int AggregatedZoneAt(int index) => _aggregatedZones[index];

    /// <summary>
    /// Hands the stepping state over to an engine for a longer history, once: the chains are shared (this engine keeps
    /// reading the days it evaluated), the evaluators move. Returns null when it was handed over before.
    /// </summary>
    public RiskEngine? TryHandOver(EpidemicHistory history)
        => Interlocked.Exchange(ref _handedOver, 1) == 0 ? new RiskEngine(this, history) : null;

    public void EvaluateThrough(LocalDate through)
    {
        var last = Math.Min(History.DayCount - 1, Period.DaysBetween(History.FirstDay, through));
        while (EvaluatedDays <= last)
        {
            Step(EvaluatedDays);
            RecordTable(EvaluatedDays);
            EvaluatedDays++;
        }
    }

    /// <summary>Gets a zone's designated level (own, baseline and aggregated combined, before inheritance) on a day.</summary>
    public Designation DesignatedAt(int zone, int day)
    {
        var own = DesignationRecord.At(_own, zone, day);
        var baseline = DesignationRecord.At(_baseline, zone, day);
        var aggregated = DesignationRecord.At(_aggregated, zone, day);
        return Combine(Combine(own?.Value ?? default, baseline?.Value ?? default), aggregated?.Value ?? default);
    }

    private Designation Combine(in Designation a, in Designation b)
    {
        if (b.IsEmpty)
        {
            return a;
        }

        if (a.IsEmpty)
        {
            return b;
        }

        var highest = _policy.Scale.Highest;
        Designation det = default, ins = default;
        Pick(a, ref det, ref ins);
        Pick(b, ref det, ref ins);
        if (ins.Insufficient && det.Level < highest)
        {
            return new Designation(RiskLevel.Max(det.Level, ins.Level), true, ins.Reason, null, null, ins.ContainsRiskZone || !det.Level.IsNone);
        }

        return det;

        static void Pick(in Designation d, ref Designation det, ref Designation ins)
        {
            if (d.Insufficient)
            {
                if (!ins.Insufficient || d.Level > ins.Level)
                {
                    ins = d;
                }
            }
            else if (det.Reason is null || d.Level > det.Level)
            {
                det = d;
            }
        }
    }

    private void Step(int dayIndex)
    {
        var day = new RiskDay(History, dayIndex, _holidays);
        var date = day.Date;
        _touched.Clear();
        _touchedUnits.Clear();
        _touchedTargets.Clear();
        _changedZones.Clear();
        _newChanges.Clear();
        _lifts.Clear();
        if (dayIndex < _appliesFromDay)
        {
            // Before the policy applies: its rules see the day only when earlier days count towards a trigger, and what they
            // designate is held back until the first day in force.
            if (_policy.EarlierDaysCount)
            {
                EvaluateRules(day);
            }

            return;
        }

        EvaluateRules(day);
        if (dayIndex == _appliesFromDay && dayIndex > 0)
        {
            foreach (var current in _ruleCurrent)
            {
                _touched.UnionWith(current.Keys);
            }
        }

        RecordDay(dayIndex, date);
    }

    private void EvaluateRules(RiskDay day)
    {
        for (var r = 0; r < _evaluators.Length; r++)
        {
            _evaluators[r].EvaluateDay(day, _writer);
            var pending = _writer.TakePending();
            var current = _ruleCurrent[r];
            foreach (var pair in pending)
            {
                var des = pair.Value;
#if NET8_0_OR_GREATER
                // One lookup for a zone the rule designated before (most of a busy day's): its slot is overwritten in place.
                ref var cur = ref CollectionsMarshal.GetValueRefOrNullRef(current, pair.Key);
                var exists = !Unsafe.IsNullRef(ref cur);
#else
                var exists = current.TryGetValue(pair.Key, out var cur);
#endif
                if (exists ? des.SameAs(cur) : des.IsEmpty)
                {
                    continue;
                }

                if (des.IsEmpty)
                {
                    current.Remove(pair.Key);
                    _lifts[pair.Key] = des;
                }
#if NET8_0_OR_GREATER
                else if (exists)
                {
                    cur = des;
                }
#endif
                else
                {
                    current[pair.Key] = des;
                }

                _touched.Add(pair.Key);
            }

            _writer.Reset(pending);
        }
    }

    private void RecordDay(int dayIndex, LocalDate date)
    {
        RecordOwn(dayIndex, date);
        if (_policy.Baseline is not null)
        {
            RecordBaseline(_policy.Baseline, dayIndex, date);
        }

        foreach (var target in _touchedTargets)
        {
            UpdateAggregate(target, dayIndex, date);
        }

        RecordChanges(dayIndex, date);
    }

    /// <summary>Lists a zone whose own or baseline chain was just written, the first time, and marks it for today's table.</summary>
    private void MarkInherited(int zone)
    {
        if (!_positions.ContainsKey(zone))
        {
            _positions.Add(zone, _positions.Count);
            _newInherited.Add(zone);
        }

        _inheritedUpdated.Add(zone);
    }

    /// <summary>Lists a zone whose aggregated chain was just written, the first time.</summary>
    private void MarkAggregated(int zone)
    {
        if (_aggregatedListed.Add(zone))
        {
            _newAggregated.Add(zone);
        }
    }

    /// <summary>
    /// Publishes the day's lists of designated zones and its table of packed own-and-baseline designations: yesterday's
    /// table with today's updates (a copy, so that the timelines reading earlier days are unaffected).
    /// </summary>
    private void RecordTable(int dayIndex)
    {
        var count = _positions.Count;
        if (_working.Length < count)
        {
            Array.Resize(ref _working, Math.Max(count, _working.Length * 2));
        }

        foreach (var zone in _inheritedUpdated)
        {
            var own = DesignationRecord.At(_own, zone, dayIndex)?.Value ?? default;
            var baseline = DesignationRecord.At(_baseline, zone, dayIndex)?.Value ?? default;
            var severity = RiskLevel.Max(own.Level, baseline.Level).Severity;
            _working[_positions[zone]] = (byte)(severity | (own.Insufficient || baseline.Insufficient ? 0x10 : 0));
        }

        _inheritedUpdated.Clear();
        _newTable.Clear();
        _newTable.Add(_working.AsSpan(0, count).ToArray());
        (_tables, _tableCount) = AppendOnlyList<byte[]>.Append(_tables, _tableCount, _newTable);
        (_inheritedZones, _inheritedCount) = AppendOnlyList<int>.Append(_inheritedZones, _inheritedCount, _newInherited);
        (_aggregatedZones, _aggregatedCount) = AppendOnlyList<int>.Append(_aggregatedZones, _aggregatedCount, _newAggregated);
        _newInherited.Clear();
        _newAggregated.Clear();
    }

    /// <summary>Records the combined designation of every zone a rule touched today, and counts risk zones per baseline unit.</summary>
    private void RecordOwn(int dayIndex, LocalDate date)
    {
        var baseline = _policy.Baseline;
        foreach (var zone in _touched)
        {
            var combined = default(Designation);
            for (var r = 0; r < _ruleCurrent.Length; r++)
            {
                if (_ruleCurrent[r].TryGetValue(zone, out var d))
                {
                    combined = Combine(combined, d);
                }
            }

            if (combined.IsEmpty && _lifts.TryGetValue(zone, out var lifted))
            {
                combined = lifted; // keeps why the designation was lifted
            }

            var before = DesignationRecord.At(_own, zone, dayIndex)?.Value ?? default;
            if (!Update(_own, zone, dayIndex, date, combined))
            {
                continue;
            }

            MarkInherited(zone);
            _changedZones.Add(zone);
            if (baseline is not null)
            {
                var unit = AncestorOfKind(zone, baseline.Unit);
                if (unit >= 0)
                {
                    Count(_designatedIn, unit, IsRisk(before), IsRisk(combined));
                    Count(_insufficientIn, unit, before.Insufficient && !IsRisk(before), combined.Insufficient && !IsRisk(combined));
                    _touchedUnits.Add(unit);
                }
            }

            MarkTargets(zone);
        }
    }

    /// <summary>Re-derives the county baseline of every unit whose count of risk zones changed today.</summary>
    private void RecordBaseline(RiskBaseline baseline, int dayIndex, LocalDate date)
    {
        foreach (var unit in _touchedUnits)
        {
            _designatedIn.TryGetValue(unit, out var risky);
            _insufficientIn.TryGetValue(unit, out var unknown);
            Designation value;
            if (risky > 0)
            {
                value = new Designation(baseline.Level, false, new RiskReason(RiskReasonCodes.CountyBaseline, BaselineRuleId) { Zone = Tree.IdAt(unit), EvidenceDate = date }, null, null);
            }
            else if (unknown > 0)
            {
                value = new Designation(RiskLevel.None, true, new RiskReason(RiskReasonCodes.CountyBaseline, BaselineRuleId) { Zone = Tree.IdAt(unit), EvidenceDate = date, Detail = "a zone of the unit has insufficient data" }, null, null);
            }
            else
            {
                value = _baseline![unit] is not null
                    ? new Designation(RiskLevel.None, false, new RiskReason(RiskReasonCodes.NoRiskZoneLeft, BaselineRuleId) { Zone = Tree.IdAt(unit), EvidenceDate = date }, null, null)
                    : default;
            }

            var current = DesignationRecord.At(_baseline, unit, dayIndex)?.Value ?? default;
            if (current.Level == value.Level && current.Insufficient == value.Insufficient && (current.Reason is not null || value.IsEmpty))
            {
                continue;
            }

            if (Update(_baseline!, unit, dayIndex, date, value))
            {
                MarkInherited(unit);
                _changedZones.Add(unit);
                MarkTargets(unit);
            }
        }
    }

    /// <summary>Appends today's changes of designated levels, in zone order.</summary>
    private void RecordChanges(int dayIndex, LocalDate date)
    {
        foreach (var zone in _changedZones)
        {
            var before = dayIndex == 0 ? default : DesignatedAt(zone, dayIndex - 1);
            var after = DesignatedAt(zone, dayIndex);
            if (before.Level != after.Level || before.Insufficient != after.Insufficient)
            {
                _sortedChanges.Add(new KeyValuePair<int, RiskLevelChange>(zone, new RiskLevelChange(
                    Tree.IdAt(zone),
                    date,
                    before.Level,
                    after.Level,
                    after.Insufficient ? RiskAssessmentOutcome.InsufficientData : RiskAssessmentOutcome.Determined,
                    after.Reason)));
            }
        }

        _sortedChanges.Sort((x, y) => x.Key.CompareTo(y.Key));
        foreach (var pair in _sortedChanges)
        {
            _newChanges.Add(pair.Value);
        }

        _sortedChanges.Clear();

        (_changes, _changeCount) = AppendOnlyList<RiskLevelChange>.Append(_changes, _changeCount, _newChanges);
    }

    /// <summary>A zone is a risk zone when its designation is above None, or when it is known to contain one.</summary>
    private static bool IsRisk(in Designation d) => !d.Level.IsNone || (d.Insufficient && d.ContainsRiskZone);

    private static void Count(Dictionary<int, int> counts, int unit, bool before, bool after)
    {
        if (before == after)
        {
            return;
        }

        counts.TryGetValue(unit, out var n);
        n += after ? 1 : -1;
        if (n == 0)
        {
            counts.Remove(unit);
        }
        else
        {
            counts[unit] = n;
        }
    }

    private void MarkTargets(int zone)
    {
        var aggregations = _policy.Aggregations;
        for (var a = 0; a < aggregations.Count; a++)
        {
            if (Tree.KindAt(zone) != aggregations[a].From)
            {
                continue;
            }

            var target = AncestorOfKind(Tree.ParentIndexAt(zone), aggregations[a].Target);
            if (target >= 0)
            {
                _touchedTargets.Add(target);
            }
        }
    }

    private void UpdateAggregate(int target, int dayIndex, LocalDate date)
    {
        var highest = _policy.Scale.Highest;
        Designation best = default;
        var bestZone = -1;
        var unknown = false;
        var unknownLevel = RiskLevel.None;
        RiskReason? unknownReason = null;
        foreach (var aggregation in _policy.Aggregations)
        {
            if (aggregation.Target != Tree.KindAt(target))
            {
                continue;
            }

            var parts = Tree.DescendantsOfKind(target, aggregation.From);
            for (var p = 0; p < parts.Count; p++)
            {
                var part = parts.IndexAt(p);
                var own = DesignationRecord.At(_own, part, dayIndex)?.Value ?? default;
                var baseline = DesignationRecord.At(_baseline, part, dayIndex)?.Value ?? default;
                var d = Combine(own, baseline);
                if (d.Insufficient)
                {
                    unknown = true;
                    unknownLevel = RiskLevel.Max(unknownLevel, d.Level);
                    unknownReason ??= d.Reason;
                }
                else if (!d.IsEmpty && (bestZone < 0 || d.Level > best.Level))
                {
                    best = d;
                    bestZone = part;
                }
            }
        }

        Designation value;
        if (unknown && best.Level < highest)
        {
            value = new Designation(RiskLevel.Max(best.Level, unknownLevel), true, new RiskReason(RiskReasonCodes.HighestOfParts, AggregationRuleId) { Detail = "a part has insufficient data: " + unknownReason?.Code }, null, null);
        }
        else if (bestZone >= 0)
        {
            value = new Designation(best.Level, false, new RiskReason(RiskReasonCodes.HighestOfParts, AggregationRuleId) { Zone = Tree.IdAt(bestZone), EvidenceDate = date }, best.EarliestStepDown, null);
        }
        else
        {
            value = default;
        }

        var current = DesignationRecord.At(_aggregated, target, dayIndex)?.Value ?? default;
        if (current.Level == value.Level && current.Insufficient == value.Insufficient && current.EarliestStepDown == value.EarliestStepDown && (current.Reason is not null || value.IsEmpty))
        {
            return;
        }

        if (Update(_aggregated!, target, dayIndex, date, value))
        {
            MarkAggregated(target);
            _changedZones.Add(target);
        }
    }

    /// <summary>Appends a designation to a zone's chain; false when it says nothing new.</summary>
    private static bool Update(DesignationRecord?[] chains, int zone, int dayIndex, LocalDate date, in Designation value)
    {
        var head = chains[zone];
        var previous = head is not null && head.Day == dayIndex ? head.Previous : head;
        var prior = previous?.Value ?? default;
        if (head is null && value.IsEmpty)
        {
            return false;
        }

        if (head is not null && head.Day < dayIndex && head.Value.SameAs(value))
        {
            return false;
        }

        if (head is not null && head.Day == dayIndex && previous is not null && prior.SameAs(value))
        {
            Volatile.Write(ref chains[zone], previous);
            return true;
        }

        var since = value.Since
            ?? (previous is not null && !prior.IsEmpty && prior.Level == value.Level && prior.Insufficient == value.Insufficient ? previous.Since : date);
        if (previous is null && value.IsEmpty)
        {
            Volatile.Write(ref chains[zone], null);
            return true;
        }

        Volatile.Write(ref chains[zone], new DesignationRecord(dayIndex, value, since, previous));
        return true;
    }

    /// <summary>Gets a zone's ancestor-or-self of a kind, or −1 (also for zone −1, a root's parent).</summary>
    private int AncestorOfKind(int zone, ZoneKind kind) => zone < 0 ? -1 : Tree.AncestorOfKind(zone, kind);
}
