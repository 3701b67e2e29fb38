using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.InteropServices;
using CommunityControl.Epidemiology;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Risk;

/// <summary>
/// Every zone's risk level on every day of an interval, explained: <see cref="At(ZoneId, LocalDate)"/> gives a
/// <see cref="RiskAssessment"/>, <see cref="SnapshotOn(LocalDate)"/> the levels of all zones on one day, and
/// <see cref="Changes"/> the list of changes. Immutable; <see cref="Append(EpidemicDay)"/> returns a timeline one day longer
/// at the cost of that day only (appending a second time to the same timeline evaluates the longer history from the start).
/// </summary>
/// <remarks>
/// <para>A zone's level is the highest of its own designation (by the rules, the county baseline or an aggregation) and
/// its ancestors' designations (aggregated levels apply to their zone only). Designations are kept as chains of changes
/// per designated zone, so memory grows with what happened, not with zones × days.</para>
/// <para>Days of the interval the history does not cover are <see cref="RiskAssessmentOutcome.InsufficientData"/>.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable; queries may run concurrently; appending to the same timeline twice gives two independent timelines.</threadsafety>
public sealed class RiskTimeline
{
    private readonly RiskEngine _engine;
    private IReadOnlyList<RiskLevelChange>? _changes;

    internal RiskTimeline(RiskPolicy policy, RiskEngine engine, DateInterval interval)
    {
        Policy = policy;
        _engine = engine;
        Interval = interval;
    }

    /// <summary>Gets the policy evaluated.</summary>
    public RiskPolicy Policy { get; }

    /// <summary>Gets the scale that names the levels.</summary>
    public RiskScale Scale => Policy.Scale;

    /// <summary>Gets the zone tree.</summary>
    public ZoneTree Tree => _engine.Tree;

    /// <summary>Gets the history evaluated.</summary>
    public EpidemicHistory History => _engine.History;

    /// <summary>Gets the days the timeline answers for.</summary>
    public DateInterval Interval { get; }

    /// <summary>Gets the last day evaluated, or null when no day of the history was evaluated.</summary>
    public LocalDate? EvaluatedThrough => _engine.EvaluatedDays == 0 ? null : History.FirstDay.PlusDays(_engine.EvaluatedDays - 1);

    /// <summary>
    /// Gets every change of a zone's designated level (its own level, before inheritance), in date order, from the history's
    /// first day through <see cref="EvaluatedThrough"/>; zones below a designated zone follow it without a change of their own.
    /// </summary>
    public IReadOnlyList<RiskLevelChange> Changes
    {
        get
        {
            if (_changes is null)
            {
                var array = new RiskLevelChange[_engine.ChangeCount];
                for (var i = 0; i < array.Length; i++)
                {
                    array[i] = _engine.ChangeAt(i);
                }

                _changes = Array.AsReadOnly(array);
            }

            return _changes;
        }
    }

    /// <summary>Gets the changes of one zone's designated level, in date order.</summary>
    /// <param name="zone">The zone.</param>
    /// <returns>The zone's changes.</returns>
    /// <exception cref="ArgumentException"><paramref name="zone"/> is not in the tree.</exception>
    public IReadOnlyList<RiskLevelChange> ChangesOf(ZoneId zone)
    {
        Tree.GetIndex(zone);
        var list = new List<RiskLevelChange>();
        for (var i = 0; i < _engine.ChangeCount; i++)
        {
            var change = _engine.ChangeAt(i);
            if (change.Zone == zone)
            {
                list.Add(change);
            }
        }

        return list.AsReadOnly();
    }

    /// <summary>Assesses a zone on a day.</summary>
    /// <param name="zone">The zone.</param>
    /// <param name="date">The day, inside <see cref="Interval"/>.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentException"><paramref name="zone"/> is not in the tree.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside <see cref="Interval"/>.</exception>
    public RiskAssessment At(ZoneId zone, LocalDate date) => At(Tree.GetIndex(zone), date);

    /// <summary>Assesses the zone at a dense index on a day.</summary>
    /// <param name="index">The zone's dense index.</param>
    /// <param name="date">The day, inside <see cref="Interval"/>.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the tree, or <paramref name="date"/> outside <see cref="Interval"/>.</exception>
    public RiskAssessment At(int index, LocalDate date)
    {
        CheckIndex(index);
        CheckDate(date);
        var zoneId = Tree.IdAt(index);
        if (!IsEvaluated(date, out var day))
        {
            return new RiskAssessment(zoneId, date, Scale, RiskLevel.None, RiskAssessmentOutcome.InsufficientData, null, new RiskReason(RiskReasonCodes.DateNotCovered, "timeline") { EvidenceDate = date }, default, null);
        }

        var highest = Scale.Highest;
        DesignationRecord? best = null, unknown = null, lift = null;
        var bestZone = -1;
        var liftZone = -1;
        for (var z = index; z >= 0; z = Tree.ParentIndexAt(z))
        {
            Consider(DesignationRecord.At(_engine.Own, z, day), z);
            Consider(DesignationRecord.At(_engine.Baseline, z, day), z);
            if (z == index)
            {
                Consider(DesignationRecord.At(_engine.Aggregated, z, day), z);
            }
        }

        if (unknown is not null && (best is null || best.Value.Level < highest))
        {
            var atLeast = RiskLevel.Max(best?.Value.Level ?? RiskLevel.None, unknown.Value.Level);
            return new RiskAssessment(zoneId, date, Scale, atLeast, RiskAssessmentOutcome.InsufficientData, unknown.Since, unknown.Value.Reason, default, null);
        }

        if (best is null)
        {
            // Nothing designates the zone: it has been at the scale's zero since the latest lifting (with its reason), or since the start.
            return lift is null
                ? new RiskAssessment(zoneId, date, Scale, RiskLevel.None, RiskAssessmentOutcome.Determined, History.FirstDay, null, default, null)
                : new RiskAssessment(zoneId, date, Scale, RiskLevel.None, RiskAssessmentOutcome.Determined, lift.Since, lift.Value.Reason, Tree.IdAt(liftZone), null, lift.Value.Tiers);
        }

        return new RiskAssessment(zoneId, date, Scale, best.Value.Level, RiskAssessmentOutcome.Determined, best.Since, best.Value.Reason, Tree.IdAt(bestZone), best.Value.EarliestStepDown, best.Value.Tiers);

        void Consider(DesignationRecord? record, int z)
        {
            if (record is null)
            {
                return;
            }

            var value = record.Value;
            if (value.Insufficient)
            {
                if (unknown is null || value.Level > unknown.Value.Level)
                {
                    unknown = record;
                }
            }
            else if (value.Level.IsNone)
            {
                if (lift is null || record.Day > lift.Day)
                {
                    lift = record;
                    liftZone = z;
                }
            }
            else if (best is null || value.Level > best.Value.Level)
            {
                best = record;
                bestZone = z;
            }
        }
    }

    /// <summary>Gets a zone's effective level on a day (the level of <see cref="At(ZoneId, LocalDate)"/>).</summary>
    /// <param name="zone">The zone.</param>
    /// <param name="date">The day, inside <see cref="Interval"/>.</param>
    /// <returns>The level.</returns>
    /// <exception cref="ArgumentException"><paramref name="zone"/> is not in the tree.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside <see cref="Interval"/>.</exception>
    public RiskLevel LevelOf(ZoneId zone, LocalDate date) => At(Tree.GetIndex(zone), date).Level;

    /// <summary>Gets the effective level of every zone on one day, by dense index.</summary>
    /// <param name="date">The day, inside <see cref="Interval"/>.</param>
    /// <returns>The snapshot; zones whose level rests on insufficient data are flagged (<see cref="RiskSnapshot.IsInsufficientDataAt(int)"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside <see cref="Interval"/>.</exception>
    public RiskSnapshot SnapshotOn(LocalDate date)
    {
        CheckDate(date);
        var count = Tree.Count;
        var levels = new RiskLevel[count];
        if (!IsEvaluated(date, out var day))
        {
            var unknownAll = new bool[count];
            unknownAll.AsSpan().Fill(true);
            return new RiskSnapshot(Tree, date, Scale, levels, unknownAll);
        }

        // Only zones that have ever been designated can raise a level: each raises its whole subtree (a contiguous range of
        // dense indexes), so the order does not matter and untouched zones stay at the scale's zero. The day's own and
        // baseline designations come packed in one table, without walking the chains.
        // Severities are raised a byte each (a vector at a time), then named on the scale in one pass: a RiskLevel also
        // remembers the scale that names it, so it is not a byte to raise in place.
        var severities = new byte[count];
        var table = _engine.InheritedOn(day);
        bool[]? unknown = null;
        for (var i = 0; i < table.Length; i++)
        {
            var packed = table[i];
            if (packed == 0)
            {
                continue;
            }

            var zone = _engine.InheritedZoneAt(i);
            var length = Tree.SubtreeEnd(zone) - zone;
            var severity = RiskEngine.UnpackLevel(packed);
            if (severity != 0)
            {
                Raise(severities.AsSpan(zone, length), severity);
            }

            if (RiskEngine.UnpackInsufficient(packed))
            {
                (unknown ??= new bool[count]).AsSpan(zone, length).Fill(true);
            }
        }

        NameOnScale(severities, levels);
        for (var i = 0; i < _engine.AggregatedZoneCount; i++)
        {
            // Aggregated levels apply to their zone only, after inheritance.
            var zone = _engine.AggregatedZoneAt(i);
            if (DesignationRecord.At(_engine.Aggregated, zone, day) is { } record)
            {
                levels[zone] = RiskLevel.Max(levels[zone], record.Value.Level);
                if (record.Value.Insufficient)
                {
                    (unknown ??= new bool[count])[zone] = true;
                }
            }
        }

        if (unknown is not null)
        {
            var highest = Scale.Highest;
            for (var i = 0; i < count; i++)
            {
                if (unknown[i] && levels[i] >= highest)
                {
                    unknown[i] = false;
                }
            }
        }

        return new RiskSnapshot(Tree, date, Scale, levels, unknown);
    }

    /// <summary>
    /// Returns a timeline that also covers the next day of the history: the history is appended with
    /// <paramref name="day"/> and only that day is evaluated (the rules' states continue from this timeline). The interval
    /// grows to include the day.
    /// </summary>
    /// <param name="day">The next day's events; its date must be the day after the history's last day.</param>
    /// <returns>The longer timeline; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="day"/> is null.</exception>
    /// <exception cref="ModelValidationException">The day is not the next one or holds invalid events.</exception>
    public RiskTimeline Append(EpidemicDay day)
    {
        Guard.NotNull(day);
        var history = History.Append(day);
        var engine = _engine.TryHandOver(history) ?? new RiskEngine(Policy, history, _engine.Holidays);
        engine.EvaluateThrough(day.Date);
        var interval = day.Date > Interval.End ? new DateInterval(Interval.Start, day.Date) : Interval;
        return new RiskTimeline(Policy, engine, interval);
    }

    /// <summary>Returns the interval and the number of changes.</summary>
    /// <returns>E.g. <c>RiskTimeline 2022-07-01..2022-08-29 (1,204 changes)</c>.</returns>
    public override string ToString()
        => $"RiskTimeline {Interval.Start:uuuu'-'MM'-'dd}..{Interval.End:uuuu'-'MM'-'dd} ({_engine.ChangeCount:N0} changes)";

    /// <summary>Sets each level to its severity as the scale names it (severity 0 stays <see cref="RiskLevel.None"/>).</summary>
    private void NameOnScale(byte[] severities, RiskLevel[] levels)
    {
        var named = new RiskLevel[RiskLevel.MaxSeverity + 1];
        for (var s = 1; s < named.Length; s++)
        {
            named[s] = Scale.Named(RiskLevel.FromSeverity(s));
        }

        for (var i = 0; i < severities.Length; i++)
        {
            levels[i] = named[severities[i]];
        }
    }

    /// <summary>Sets every severity of a range to at least a value, a vector at a time.</summary>
    private static void Raise(Span<byte> severities, byte severity)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && severities.Length >= Vector<byte>.Count)
        {
            // Whole vectors in place (MemoryMarshal.Cast: the Span constructor of Vector<T> is not on netstandard2.0).
            var floor = new Vector<byte>(severity);
            var vectors = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Vector<byte>>(severities);
            for (var v = 0; v < vectors.Length; v++)
            {
                vectors[v] = Vector.Max(vectors[v], floor);
            }

            i = vectors.Length * Vector<byte>.Count;
        }

        for (; i < severities.Length; i++)
        {
            if (severities[i] < severity)
            {
                severities[i] = severity;
            }
        }
    }

    private bool IsEvaluated(LocalDate date, out int day)
    {
        day = Period.DaysBetween(History.FirstDay, date);
        return day >= 0 && day < _engine.EvaluatedDays;
    }

    private void CheckDate(LocalDate date)
    {
        if (!Interval.Contains(date))
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"The timeline answers for {Interval.Start:uuuu'-'MM'-'dd} to {Interval.End:uuuu'-'MM'-'dd}.");
        }
    }

    private void CheckIndex(int index)
    {
        if (index < 0 || index >= Tree.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Value should be in range [0-{Tree.Count - 1}].");
        }
    }
}
