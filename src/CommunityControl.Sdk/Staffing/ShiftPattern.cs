using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CommunityControl.Internal;
using NodaTime;
using NodaTime.Text;

namespace CommunityControl.Staffing;

/// <summary>
/// The shifts that cover a day, e.g. 3 × 8 h or 2 × 12 h, and the handover time each person adds to their shift.
/// </summary>
/// <remarks>
/// <para>The shifts tile the 24 hours: each starts where the previous ends, in whole minutes, and they add up to one day.
/// A shift that runs past midnight belongs to the day on which it starts. A person on a shift is paid for its length
/// plus the handover (<see cref="PaidHours"/>).</para>
/// <para>The factories' start times are the caller's choice; the reference gives none nationally (Wuhan's deployed
/// cadres were on duty 08:30–20:30, cn-policy.md §3 S24b).</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class ShiftPattern
{
    private static readonly LocalTime NightMarker = new(3, 0);
    private readonly ShiftDefinition[] _shifts;

    private ShiftPattern(ShiftDefinition[] shifts, Duration handover)
    {
        _shifts = shifts;
        Shifts = Array.AsReadOnly(shifts);
        Handover = handover;
    }

    /// <summary>Gets the shifts, in order of start time from the first one.</summary>
    public IReadOnlyList<ShiftDefinition> Shifts { get; }

    /// <summary>Gets the handover time added to every shift a person works.</summary>
    public Duration Handover { get; }

    /// <summary>Creates three 8-hour shifts, the first starting at <paramref name="firstStart"/>; the one that covers 03:00 is the night shift.</summary>
    /// <param name="firstStart">The start of the first shift, in whole minutes.</param>
    /// <param name="handover">The handover time each person adds to a shift; zero or more, less than 8 h.</param>
    /// <returns>The pattern.</returns>
    /// <exception cref="ArgumentException">An argument is outside its range.</exception>
    public static ShiftPattern ThreeEightHour(LocalTime firstStart, Duration handover) => Even(3, firstStart, handover);

    /// <summary>Creates two 12-hour shifts, the first starting at <paramref name="firstStart"/>; the one that covers 03:00 is the night shift.</summary>
    /// <param name="firstStart">The start of the first shift, in whole minutes.</param>
    /// <param name="handover">The handover time each person adds to a shift; zero or more, less than 12 h.</param>
    /// <returns>The pattern.</returns>
    /// <exception cref="ArgumentException">An argument is outside its range.</exception>
    public static ShiftPattern TwoTwelveHour(LocalTime firstStart, Duration handover) => Even(2, firstStart, handover);

    /// <summary>Creates a pattern from its shifts.</summary>
    /// <param name="shifts">The shifts; consecutive, in whole minutes, adding up to 24 hours.</param>
    /// <param name="handover">The handover time each person adds to a shift; zero or more, shorter than every shift.</param>
    /// <returns>The pattern.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ModelValidationException">The shifts do not tile the day, or the handover is out of range.</exception>
    public static ShiftPattern Create(IEnumerable<ShiftDefinition> shifts, Duration handover)
    {
        var array = Guard.NotNull(shifts).ToArray();
        var failures = new List<string>();
        Validate(array, handover, failures);
        if (failures.Count > 0)
        {
            throw new ModelValidationException(typeof(ShiftPattern), failures);
        }

        return new ShiftPattern(array, handover);
    }

    /// <summary>Gets the paid hours of one person on one shift: its length plus the handover.</summary>
    /// <param name="shiftIndex">The shift's index in <see cref="Shifts"/>.</param>
    /// <returns>The hours.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shiftIndex"/> is outside the pattern.</exception>
    public double PaidHours(int shiftIndex)
    {
        Guard.InRange(shiftIndex, 0, _shifts.Length - 1);
        return (_shifts[shiftIndex].Length + Handover).TotalHours;
    }

    /// <summary>Returns e.g. <c>Day 08:00–20:00, Night 20:00–08:00 (night); handover 15 min</c>.</summary>
    /// <returns>The pattern in words.</returns>
    public override string ToString()
        => string.Join(", ", _shifts.Select(s => s.ToString())) + "; handover " + Handover.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture) + " min";

    internal static ShiftPattern? TryCreate(ShiftDefinition[] shifts, Duration handover, List<string> failures)
    {
        var before = failures.Count;
        Validate(shifts, handover, failures);
        return failures.Count == before ? new ShiftPattern(shifts, handover) : null;
    }

    internal static ShiftPattern? TryEven(int count, LocalTime firstStart, Duration handover, List<string> failures)
    {
        var length = Duration.FromHours(24 / count);
        var starts = new LocalTime[count];
        var night = 0;
        for (var i = 0; i < count; i++)
        {
            starts[i] = firstStart.PlusMinutes(i * (int)length.TotalMinutes);
            if (Contains(starts[i], length, NightMarker))
            {
                night = i;
            }
        }

        // Named from the night shift on: Night, Day (, Evening).
        var names = count == 2 ? new[] { "Night", "Day" } : new[] { "Night", "Day", "Evening" };
        var shifts = new ShiftDefinition[count];
        for (var i = 0; i < count; i++)
        {
            var fromNight = (i - night + count) % count;
            shifts[i] = new ShiftDefinition(names[fromNight], starts[i], length, fromNight == 0);
        }

        return TryCreate(shifts, handover, failures);
    }

    internal static bool Contains(LocalTime start, Duration length, LocalTime time)
    {
        var s = MinuteOfDay(start);
        var t = MinuteOfDay(time);
        var offset = ((t - s) % 1440 + 1440) % 1440;
        return offset < length.TotalMinutes;
    }

    internal static int MinuteOfDay(LocalTime time) => (time.Hour * 60) + time.Minute;

    private static ShiftPattern Even(int count, LocalTime firstStart, Duration handover)
    {
        var failures = new List<string>();
        var pattern = TryEven(count, firstStart, handover, failures);
        if (pattern is null)
        {
            throw new ArgumentException(string.Join(" ", failures), failures[0].StartsWith("handover", StringComparison.Ordinal) ? nameof(handover) : nameof(firstStart));
        }

        return pattern;
    }

    private static void Validate(ShiftDefinition[] shifts, Duration handover, List<string> failures)
    {
        if (shifts.Length == 0)
        {
            failures.Add("shifts: a pattern needs at least one shift.");
            return;
        }

        var total = 0L;
        var shortest = long.MaxValue;
        for (var i = 0; i < shifts.Length; i++)
        {
            var s = shifts[i];
            if (s is null)
            {
                failures.Add($"shifts[{i}]: the shift is null.");
                return;
            }

            var minutes = s.Length.TotalMinutes;
            if (s.Length <= Duration.Zero || minutes != Math.Floor(minutes) || s.Start.Second != 0 || s.Start.NanosecondOfSecond != 0)
            {
                failures.Add($"shifts[{i}]: shift '{s.Name}' must start on a whole minute and last a positive whole number of minutes.");
                return;
            }

            if (string.IsNullOrWhiteSpace(s.Name))
            {
                failures.Add($"shifts[{i}].name: a shift needs a name.");
            }

            total += (long)minutes;
            shortest = Math.Min(shortest, (long)minutes);
            var next = shifts[(i + 1) % shifts.Length];
            if (next is not null && i + 1 < shifts.Length && s.Start.PlusMinutes((int)minutes) != next.Start)
            {
                failures.Add($"shifts[{i + 1}]: shift '{next.Name}' must start at {Time(s.Start.PlusMinutes((int)minutes))}, where '{s.Name}' ends.");
            }
        }

        if (total != 1440)
        {
            failures.Add($"shifts: the shifts must add up to 24 hours; they add up to {(total / 60.0).ToString("0.##", CultureInfo.InvariantCulture)} h.");
        }

        if (handover < Duration.Zero || (shortest != long.MaxValue && handover.TotalMinutes >= shortest))
        {
            failures.Add($"handover: the handover must be zero or more and shorter than every shift; it was {handover.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture)} min.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in shifts)
        {
            if (!string.IsNullOrWhiteSpace(s.Name) && !names.Add(s.Name))
            {
                failures.Add($"shifts: the shift name '{s.Name}' is used twice.");
            }
        }
    }

    internal static string Time(LocalTime time) => LocalTimePattern.CreateWithInvariantCulture("HH':'mm").Format(time);
}
