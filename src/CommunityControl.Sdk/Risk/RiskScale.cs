using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CommunityControl.Internal;

namespace CommunityControl.Risk;

/// <summary>
/// The named levels of one grading system, in order of severity: e.g. Low / Medium / High (China 2020 and 2022),
/// 防范区 / 管控区 / 封控区 (2022), or the CDC's Low / Moderate / Substantial / High.
/// </summary>
/// <remarks>
/// A scale may or may not name severity 0: the Chinese risk-area scales call it "no risk areas" (常态化); the CDC scales
/// start at Low = 1 and leave 0 as "no level yet". Codes are stable PascalCase strings used in edition documents.
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class RiskScale
{
    // The scales levels remember (RiskLevel's second byte is the slot, 1 to 255): one slot per distinct id and levels.
    private static readonly object SlotsLock = new();
    private static RiskScale?[] _slots = new RiskScale?[1];

    private readonly RiskLevelDefinition[] _levels;

    private RiskScale(string id, RiskLevelDefinition[] levels)
    {
        Id = id;
        _levels = levels; // compared by Register (codes and severities), then replaced by the levels that remember the slot
        var slot = Register(id, levels);
        _levels = levels.Select(l => l with { Level = l.Level.OnScale(slot) }).ToArray();
        Levels = Array.AsReadOnly(_levels);
    }

    /// <summary>Gets the scale's id, e.g. <c>cn-low-medium-high</c>.</summary>
    public string Id { get; }

    /// <summary>Gets the named levels, from the least to the most severe.</summary>
    public IReadOnlyList<RiskLevelDefinition> Levels { get; }

    /// <summary>Gets the most severe level of the scale.</summary>
    public RiskLevel Highest => _levels[_levels.Length - 1].Level;

    /// <summary>Gets the level with a code, e.g. <c>High</c>.</summary>
    /// <param name="code">The level's code (ordinal, case-sensitive).</param>
    /// <exception cref="KeyNotFoundException">The scale has no level with that code.</exception>
    public RiskLevel this[string code] => TryGetLevel(code, out var level)
        ? level
        : throw new KeyNotFoundException($"Risk scale '{Id}' has no level '{code}'; it has {string.Join(", ", _levels.Select(l => l.Code))}.");

    /// <summary>Creates a scale.</summary>
    /// <param name="id">The scale's id.</param>
    /// <param name="levels">The levels; severities strictly increasing, codes unique.</param>
    /// <returns>The scale.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ModelValidationException">The levels are empty, out of order, or repeat a code.</exception>
    public static RiskScale Create(string id, IEnumerable<RiskLevelDefinition> levels)
    {
        Guard.NotNullOrWhiteSpace(id);
        var array = Guard.NotNull(levels).ToArray();
        var failures = new List<string>();
        if (array.Length == 0)
        {
            failures.Add("A scale needs at least one level.");
        }

        for (var i = 0; i < array.Length; i++)
        {
            if (array[i] is null)
            {
                failures.Add($"Level #{i + 1} is null.");
                continue;
            }

            if (i > 0 && array[i - 1] is { } previous && previous.Level >= array[i].Level)
            {
                failures.Add($"Level '{array[i].Code}' must be more severe than '{previous.Code}'.");
            }

            if (array.Take(i).Any(l => l is not null && l.Code == array[i].Code))
            {
                failures.Add($"Level code '{array[i].Code}' is used twice.");
            }
        }

        if (failures.Count > 0)
        {
            throw new ModelValidationException(typeof(RiskScale), failures);
        }

        return new RiskScale(id, array);
    }

    /// <summary>Gets the level with a code, if the scale has one.</summary>
    /// <param name="code">The level's code.</param>
    /// <param name="level">The level, or <see cref="RiskLevel.None"/>.</param>
    /// <returns>True when found.</returns>
    public bool TryGetLevel(string? code, out RiskLevel level)
    {
        foreach (var l in _levels)
        {
            if (string.Equals(l.Code, code, StringComparison.Ordinal))
            {
                level = l.Level;
                return true;
            }
        }

        level = RiskLevel.None;
        return false;
    }

    /// <summary>Tells whether the scale names a level.</summary>
    /// <param name="level">The level.</param>
    /// <returns>True when one of <see cref="Levels"/> has that severity.</returns>
    public bool Defines(RiskLevel level)
    {
        foreach (var l in _levels)
        {
            if (l.Level == level)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets the definition (code and names) of a level.</summary>
    /// <param name="level">The level.</param>
    /// <returns>The level's definition; for a severity the scale does not name, a definition with code <c>Severity{N}</c>.</returns>
    public RiskLevelDefinition Describe(RiskLevel level)
    {
        foreach (var l in _levels)
        {
            if (l.Level == level)
            {
                return l;
            }
        }

        return level.IsNone
            ? new RiskLevelDefinition(level, "None", "无风险区", "No risk designation")
            : new RiskLevelDefinition(level, "Severity" + level.Severity, "等级" + level.Severity, "Severity " + level.Severity);
    }

    /// <summary>Gets the scale a level remembers, or null.</summary>
    internal static RiskScale? InSlot(int slot)
    {
        var slots = Volatile.Read(ref _slots);
        return slot < slots.Length ? slots[slot] : null;
    }

    /// <summary>Gets the level as the scale names it (remembering the scale), or the level itself when the scale does not name it.</summary>
    internal RiskLevel Named(RiskLevel level)
    {
        foreach (var l in _levels)
        {
            if (l.Level == level)
            {
                return l.Level;
            }
        }

        return level;
    }

    /// <summary>Gets the code of a level the scale names, or null.</summary>
    internal string? CodeOf(RiskLevel level)
    {
        foreach (var l in _levels)
        {
            if (l.Level == level)
            {
                return l.Code;
            }
        }

        return null;
    }

    /// <summary>Returns the scale's id and codes.</summary>
    /// <returns>E.g. <c>cn-low-medium-high (Low, Medium, High)</c>.</returns>
    public override string ToString() => $"{Id} ({string.Join(", ", _levels.Select(l => l.Code))})";

    /// <summary>Finds the slot of a scale with the same id and levels, or takes the next free one (0 when all 255 are taken).</summary>
    private byte Register(string id, RiskLevelDefinition[] levels)
    {
        lock (SlotsLock)
        {
            for (var i = 1; i < _slots.Length; i++)
            {
                if (_slots[i] is { } known && known.Id == id && known._levels.Length == levels.Length
                    && known._levels.Zip(levels, (a, b) => a.Level == b.Level && a.Code == b.Code).All(same => same))
                {
                    return (byte)i;
                }
            }

            if (_slots.Length > byte.MaxValue)
            {
                return 0;
            }

            var grown = new RiskScale?[_slots.Length + 1];
            Array.Copy(_slots, grown, _slots.Length);
            grown[_slots.Length] = this;
            Volatile.Write(ref _slots, grown);
            return (byte)(grown.Length - 1);
        }
    }
}
