using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// Limits on one person's work that every plan respects: hours per day and per week, night shifts per week, and the rest
/// between two shifts. Each is optional (null = not limited); the reference gives no national figure, so none is built in.
/// </summary>
/// <remarks>A person's own <see cref="StaffMember.HoursPerWeek"/> and <see cref="StaffMember.MaxHoursPerDay"/> apply
/// as well; the stricter wins. Hours are paid hours: shift length plus handover.</remarks>
/// <threadsafety static="true" instance="true">Immutable once built.</threadsafety>
public sealed class WorkLimits
{
    /// <summary>Gets limits that limit nothing.</summary>
    public static WorkLimits None { get; } = new();

    /// <summary>Gets the most paid hours one person may work on one day (shifts count on the day they start), or null.</summary>
    public double? MaxHoursPerDay { get; init; }

    /// <summary>Gets the most paid hours one person may work in one ISO week (Monday to Sunday), or null.</summary>
    public double? MaxHoursPerWeek { get; init; }

    /// <summary>Gets the most night shifts one person may work in one ISO week, or null.</summary>
    public int? MaxNightShiftsPerWeek { get; init; }

    /// <summary>Gets the least time between the end of one shift (after handover) and the start of the next (0 to 168 hours), or null.</summary>
    public Duration? MinimumRest { get; init; }

    /// <summary>Returns the limits in words, e.g. <c>≤ 12 h/day, ≤ 60 h/week</c>.</summary>
    /// <returns>The limits, or <c>no limits</c>.</returns>
    public override string ToString()
    {
        var parts = new List<string>();
        if (MaxHoursPerDay is { } d)
        {
            parts.Add($"≤ {d.ToString("0.##", CultureInfo.InvariantCulture)} h/day");
        }

        if (MaxHoursPerWeek is { } w)
        {
            parts.Add($"≤ {w.ToString("0.##", CultureInfo.InvariantCulture)} h/week");
        }

        if (MaxNightShiftsPerWeek is { } n)
        {
            parts.Add($"≤ {n} night shifts/week");
        }

        if (MinimumRest is { } r)
        {
            parts.Add($"rest ≥ {r.TotalHours.ToString("0.##", CultureInfo.InvariantCulture)} h");
        }

        return parts.Count == 0 ? "no limits" : string.Join(", ", parts);
    }

    internal void Validate(string path, List<PolicyProblem> problems)
    {
        if (MaxHoursPerDay is { } d && (double.IsNaN(d) || d <= 0 || d > 24))
        {
            problems.Add(new(path + ".maxHoursPerDay", $"must be more than 0 and at most 24; it was {d.ToString(CultureInfo.InvariantCulture)}."));
        }

        if (MaxHoursPerWeek is { } w && (double.IsNaN(w) || w <= 0 || w > 168))
        {
            problems.Add(new(path + ".maxHoursPerWeek", $"must be more than 0 and at most 168; it was {w.ToString(CultureInfo.InvariantCulture)}."));
        }

        if (MaxNightShiftsPerWeek is { } n && n < 0)
        {
            problems.Add(new(path + ".maxNightShiftsPerWeek", $"must not be negative; it was {n}."));
        }

        if (MinimumRest is { } r && (r < Duration.Zero || r > Duration.FromDays(7)))
        {
            problems.Add(new(path + ".minimumRestHours", "must be from 0 to 168 hours (a week)."));
        }
    }
}

/// <summary>One problem in a policy: where (a JSON-style path) and what.</summary>
internal readonly record struct PolicyProblem(string Path, string Message)
{
    public override string ToString() => (Path.StartsWith("$.", System.StringComparison.Ordinal) ? Path.Substring(2) : Path) + ": " + Message;
}
