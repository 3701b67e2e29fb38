using System;
using System.Collections.Generic;

namespace CommunityControl.Measures;

/// <summary>
/// One typed measure with its parameters, e.g. an outing quota of one person per household every two days. A
/// <see cref="MeasureSet"/> holds the measures of one risk level; a <see cref="MeasureTable"/> maps levels to sets.
/// </summary>
/// <remarks>
/// Measures are created with object initializers or read from JSON; a <see cref="MeasureTable"/> validates them all
/// at once (every problem is reported) and keeps a frozen copy, so a measure in a table never changes.
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable once initialized.</threadsafety>
public abstract class ControlMeasure
{
    private protected ControlMeasure()
    {
    }

    /// <summary>Gets the kind of measure.</summary>
    public abstract MeasureKind Kind { get; }

    /// <summary>Gets the measure's Chinese name, e.g. <c>足不出户、上门服务</c>.</summary>
    public abstract string NameZh { get; }

    /// <summary>Gets the measure's English name.</summary>
    public abstract string NameEn { get; }

    /// <summary>Gets the measure's name in a culture's language.</summary>
    /// <param name="culture">Simplified Chinese (<see cref="NameZh"/>) for any <c>zh</c> culture, zh-Hans and zh-Hant alike; English otherwise.</param>
    /// <returns>The name.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string NameIn(System.Globalization.CultureInfo culture) => Internal.Bilingual.Pick(culture, NameZh, NameEn);

    /// <summary>Gets where the measure and its parameters come from, e.g. <c>cn-policy §6.4 [S19]</c>.</summary>
    /// <value>The default is null (not stated).</value>
    public string? Source { get; init; }

    /// <summary>Returns the English name and the source.</summary>
    /// <returns>E.g. <c>Outing quota (cn-policy §6.4 [S19])</c>.</returns>
    public override string ToString() => Source is null ? NameEn : $"{NameEn} ({Source})";

    internal abstract void Validate(string path, List<(string Path, string Message)> problems);

    internal abstract ControlMeasure Freeze();

    private protected static IReadOnlyList<T> FreezeList<T>(IReadOnlyList<T>? list)
    {
        if (list is null)
        {
            return Array.AsReadOnly(Array.Empty<T>());
        }

        var copy = new T[list.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = list[i];
        }

        return Array.AsReadOnly(copy);
    }

    private protected static void CheckPurposes(IReadOnlyList<OutingPurpose>? purposes, string path, List<(string Path, string Message)> problems, bool allowNull = false)
    {
        if (purposes is null)
        {
            if (!allowNull)
            {
                problems.Add((path, "The list of purposes must not be null; use [] for none."));
            }

            return;
        }

        for (var i = 0; i < purposes.Count; i++)
        {
            if (purposes[i] < OutingPurpose.Unstated || purposes[i] > OutingPurpose.Delivery)
            {
                problems.Add(($"{path}[{i}]", $"{(int)purposes[i]} is not an outing purpose."));
            }
        }
    }

    private protected static void CheckDuration(NodaTime.Duration? value, string path, NodaTime.Duration max, List<(string Path, string Message)> problems)
    {
        if (value is { } d && (d <= NodaTime.Duration.Zero || d > max))
        {
            problems.Add((path, $"The duration must be positive and at most {max.TotalHours:0} hours; it was {d.TotalHours:0.##} hours."));
        }
    }

    private protected static void CheckDirections(bool onEntry, bool onExit, string path, List<(string Path, string Message)> problems)
    {
        if (!onEntry && !onExit)
        {
            problems.Add((path, "A check must apply on entry, on exit, or both."));
        }
    }
}
