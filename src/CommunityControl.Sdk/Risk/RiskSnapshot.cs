using System;
using System.Collections.Generic;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Risk;

/// <summary>
/// The effective risk level of every zone of a tree on one local date: what a gate, a staffing plan or a map reads.
/// </summary>
/// <remarks>
/// A zone's effective level is the highest of its own designation and its ancestors' (a building inside a sealed
/// compound is sealed). Levels are kept in one array by dense zone index, so <see cref="LevelAt(int)"/> is an array read.
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class RiskSnapshot
{
    private readonly RiskLevel[] _levels;
    private readonly bool[]? _insufficient;

    internal RiskSnapshot(ZoneTree tree, LocalDate date, RiskScale scale, RiskLevel[] levels)
        : this(tree, date, scale, levels, null)
    {
    }

    internal RiskSnapshot(ZoneTree tree, LocalDate date, RiskScale scale, RiskLevel[] levels, bool[]? insufficient)
    {
        Tree = tree;
        Date = date;
        Scale = scale;
        _levels = levels;
        if (insufficient is not null && Array.IndexOf(insufficient, true) >= 0)
        {
            _insufficient = insufficient;
        }
    }

    /// <summary>Gets the tree the levels belong to.</summary>
    public ZoneTree Tree { get; }

    /// <summary>Gets the local date (in the tree's time zone) the levels hold for.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the scale that names the levels.</summary>
    public RiskScale Scale { get; }

    /// <summary>Gets the highest effective level of any zone.</summary>
    public RiskLevel Highest
    {
        get
        {
            var max = RiskLevel.None;
            foreach (var level in _levels)
            {
                max = RiskLevel.Max(max, level);
            }

            return max;
        }
    }

    /// <summary>
    /// Creates a snapshot from designations: each designated zone and its whole subtree take at least the designated level;
    /// every other zone is at <paramref name="baseline"/>.
    /// </summary>
    /// <param name="tree">The zone tree.</param>
    /// <param name="date">The local date.</param>
    /// <param name="scale">The scale naming the levels.</param>
    /// <param name="designations">Zones and their designated levels.</param>
    /// <param name="baseline">The level of zones that no designation covers, e.g. Low in a county with risk areas.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A designated zone is not in <paramref name="tree"/>; or a designated level or
    /// <paramref name="baseline"/> is neither <see cref="RiskLevel.None"/> nor a level <paramref name="scale"/> defines.</exception>
    public static RiskSnapshot Create(ZoneTree tree, LocalDate date, RiskScale scale, IEnumerable<KeyValuePair<ZoneId, RiskLevel>> designations, RiskLevel baseline = default)
    {
        Guard.NotNull(tree);
        Guard.NotNull(scale);
        Guard.NotNull(designations);
        CheckOnScale(scale, baseline, nameof(baseline));
        var own = new RiskLevel[tree.Count];
        foreach (var pair in designations)
        {
            var index = tree.IndexOf(pair.Key);
            if (index < 0)
            {
                throw new ArgumentException($"The zone tree has no zone '{pair.Key}'.", nameof(designations));
            }

            CheckOnScale(scale, pair.Value, nameof(designations));

            own[index] = RiskLevel.Max(own[index], pair.Value);
        }

        return new RiskSnapshot(tree, date, scale, Propagate(tree, own, baseline));
    }

    /// <summary>Creates a snapshot in which every zone is at the same level.</summary>
    /// <param name="tree">The zone tree.</param>
    /// <param name="date">The local date.</param>
    /// <param name="scale">The scale naming the levels.</param>
    /// <param name="level">The level of every zone.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="level"/> is neither <see cref="RiskLevel.None"/> nor a level <paramref name="scale"/> defines.</exception>
    public static RiskSnapshot Uniform(ZoneTree tree, LocalDate date, RiskScale scale, RiskLevel level)
    {
        Guard.NotNull(tree);
        Guard.NotNull(scale);
        CheckOnScale(scale, level, nameof(level));
        var levels = new RiskLevel[tree.Count];
        levels.AsSpan().Fill(level);
        return new RiskSnapshot(tree, date, scale, levels);
    }

    /// <summary>
    /// Gets a value indicating whether the level of any zone rests on insufficient data (an indicator not published, a day
    /// the history does not cover). Such a zone's level is the least it is known to have: treat it with care.
    /// </summary>
    public bool HasInsufficientData => _insufficient is not null;

    /// <summary>Tells whether the level of the zone at a dense index rests on insufficient data.</summary>
    /// <param name="index">The zone's dense index in <see cref="Tree"/>.</param>
    /// <returns>True when the level is only a lower bound.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the tree.</exception>
    public bool IsInsufficientDataAt(int index)
    {
        _ = _levels[index]; // throws IndexOutOfRangeException outside the tree, like LevelAt
        return _insufficient is not null && _insufficient[index];
    }

    /// <summary>Gets the effective level of the zone at a dense index.</summary>
    /// <param name="index">The zone's dense index in <see cref="Tree"/>.</param>
    /// <returns>The level.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the tree.</exception>
    public RiskLevel LevelAt(int index) => _levels[index];

    /// <summary>Gets the effective level of a zone.</summary>
    /// <param name="id">The zone's id.</param>
    /// <returns>The level.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not in the tree.</exception>
    public RiskLevel LevelOf(ZoneId id) => _levels[Tree.GetIndex(id)];

    /// <summary>Returns the date and the highest level, e.g. <c>RiskSnapshot 2022-07-01 (highest: High)</c>.</summary>
    /// <returns>A short summary.</returns>
    public override string ToString() => $"RiskSnapshot {Date:uuuu'-'MM'-'dd} (highest: {Scale.Describe(Highest).Code})";

    private static void CheckOnScale(RiskScale scale, RiskLevel level, string paramName)
    {
        if (!level.IsNone && !scale.Defines(level))
        {
            throw new ArgumentException($"Severity {level.Severity} is not a level of scale '{scale.Id}'.", paramName);
        }
    }

    /// <summary>Raises each zone to at least its parent's level (pre-order guarantees parents come first).</summary>
    internal static RiskLevel[] Propagate(ZoneTree tree, RiskLevel[] own, RiskLevel baseline)
    {
        for (var i = 0; i < own.Length; i++)
        {
            var parent = tree.ParentIndexAt(i);
            var inherited = parent >= 0 ? own[parent] : baseline;
            own[i] = RiskLevel.Max(own[i], inherited);
        }

        return own;
    }
}
