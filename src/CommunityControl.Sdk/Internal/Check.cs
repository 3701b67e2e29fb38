using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace CommunityControl.Internal;

/// <summary>
/// Range checks shared by the validation of every document and options object: each returns the problem's message
/// (null when the value is valid), so that any problem list can take it; the overloads that take a path add it to a
/// list of (path, message) pairs. The grammar is one sentence that names the allowed range,
/// e.g. "Must be between 0 and 1,440 minutes."; a value is never echoed (it could be personal).
/// </summary>
internal static class Check
{
    /// <summary>The first day a document may name (the built-in editions start in 2020; editions from 1900 are accepted).</summary>
    public static readonly LocalDate FirstDate = new(1900, 1, 1);

    /// <summary>The last day a document may name.</summary>
    public static readonly LocalDate LastDate = new(2199, 12, 31);

    /// <summary>The longest duration a document may give (100 years); anything beyond cannot be a policy's duration.</summary>
    public static readonly Duration LongestDuration = Duration.FromDays(36_500);

    /// <summary>Tells why an integer is out of [<paramref name="minimum"/>, <paramref name="maximum"/>], or null when it is in range.</summary>
    public static string? Range(long value, long minimum, long maximum, string unit)
        => value < minimum || value > maximum ? Between(minimum, maximum, unit) : null;

    /// <summary>Tells why a number is not finite or out of [<paramref name="minimum"/>, <paramref name="maximum"/>], or null when it is in range.</summary>
    public static string? Range(double value, double minimum, double maximum, string unit)
        => double.IsNaN(value) || value < minimum || value > maximum ? Between(minimum, maximum, unit) : null;

    /// <summary>Tells why a number is not finite, not above <paramref name="exclusiveMinimum"/> or above <paramref name="maximum"/>, or null when it is in range.</summary>
    public static string? RangeAbove(double value, double exclusiveMinimum, double maximum, string unit)
        => double.IsNaN(value) || value <= exclusiveMinimum || value > maximum
            ? $"Must be more than {Number(exclusiveMinimum)} and at most {Number(maximum)}{Unit(unit)}."
            : null;

    /// <summary>Tells why a date is outside [<see cref="FirstDate"/>, <see cref="LastDate"/>], or null when it is in range.</summary>
    public static string? Date(LocalDate value)
        => value < FirstDate || value > LastDate ? $"Must be a date between {Format(FirstDate)} and {Format(LastDate)}." : null;

    /// <summary>Tells why an instant's UTC date is outside [<see cref="FirstDate"/>, <see cref="LastDate"/>], or null when it is in range.</summary>
    public static string? Instant(Instant value) => Date(value.InUtc().Date);

    /// <summary>Adds a problem when an integer is present and out of range; returns whether the value is usable (present and in range).</summary>
    public static bool Range(long? value, long minimum, long maximum, string unit, string path, List<(string Path, string Message)> problems)
        => value is { } v && Add(Range(v, minimum, maximum, unit), path, problems);

    /// <summary>Adds a problem when a number is present and out of range; returns whether the value is usable (present and in range).</summary>
    public static bool Range(double? value, double minimum, double maximum, string unit, string path, List<(string Path, string Message)> problems)
        => value is { } v && Add(Range(v, minimum, maximum, unit), path, problems);

    /// <summary>Adds a problem when a date is present and out of range; returns whether the value is usable (present and in range).</summary>
    public static bool Date(LocalDate? value, string path, List<(string Path, string Message)> problems)
        => value is { } v && Add(Date(v), path, problems);

    /// <summary>The sentence of a range: "Must be between 1 and 1,440 minutes."</summary>
    public static string Between(double minimum, double maximum, string unit) => $"Must be between {Number(minimum)} and {Number(maximum)}{Unit(unit)}.";

    /// <summary>Formats a number for a message: thousands separated, at most three decimals, invariant.</summary>
    public static string Number(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);

    private static string Format(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static string Unit(string unit) => unit.Length == 0 ? string.Empty : " " + unit;

    private static bool Add(string? message, string path, List<(string Path, string Message)> problems)
    {
        if (message is null)
        {
            return true;
        }

        problems.Add((path, message));
        return false;
    }
}
