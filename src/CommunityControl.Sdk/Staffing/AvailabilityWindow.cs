using System;
using CommunityControl.Internal;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// A weekly window in which a person can work: a weekday and a time of day from <see cref="Start"/> to <see cref="End"/>,
/// running past midnight into the next day when <see cref="End"/> is not after <see cref="Start"/> (20:00–08:00), and
/// the whole day when they are equal (00:00–00:00 is 24 hours).
/// </summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public readonly struct AvailabilityWindow : IEquatable<AvailabilityWindow>
{
    private const int MinutesPerDay = 24 * 60;
    private const int MinutesPerWeek = 7 * MinutesPerDay;

    /// <summary>Creates a window.</summary>
    /// <param name="day">The weekday the window starts on.</param>
    /// <param name="start">The time of day it starts (whole minutes).</param>
    /// <param name="end">The time of day it ends: on the next day when not after <paramref name="start"/>; equal to it for 24 hours.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not a weekday (Monday to Sunday), or
    /// <paramref name="start"/> or <paramref name="end"/> has seconds.</exception>
    public AvailabilityWindow(IsoDayOfWeek day, LocalTime start, LocalTime end)
    {
        if (day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
        {
            throw new ArgumentOutOfRangeException(nameof(day), "The day must be Monday to Sunday.");
        }

        if (start.Second != 0 || start.NanosecondOfSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(start), "The start must be in whole minutes.");
        }

        if (end.Second != 0 || end.NanosecondOfSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(end), "The end must be in whole minutes.");
        }

        Day = day;
        Start = start;
        End = end;
    }

    /// <summary>Gets the weekday the window starts on.</summary>
    public IsoDayOfWeek Day { get; }

    /// <summary>Gets the time of day the window starts.</summary>
    public LocalTime Start { get; }

    /// <summary>Gets the time of day the window ends (on the next day when not after <see cref="Start"/>).</summary>
    public LocalTime End { get; }

    /// <summary>Gets the window's length: more than 0 and at most 24 hours.</summary>
    public Duration Length => Duration.FromMinutes(LengthMinutes);

    private int StartMinute => (Start.Hour * 60) + Start.Minute;

    private int LengthMinutes
    {
        get
        {
            var end = (End.Hour * 60) + End.Minute;
            var length = end - StartMinute;
            return length <= 0 ? length + MinutesPerDay : length;
        }
    }

    /// <summary>Tests whether a piece of work falls wholly within this window (in any week).</summary>
    /// <param name="start">When the work starts (local date and time; the weekday is taken from it).</param>
    /// <param name="length">How long it lasts.</param>
    /// <returns>True when the work starts and ends inside the window, including at its edges.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public bool Covers(LocalDateTime start, Duration length)
    {
        if (length < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "The length must not be negative.");
        }

        return Covers(MinuteOfWeek(start), length.TotalMinutes);
    }

    /// <summary>Returns e.g. <c>Monday 20:00–08:00</c>.</summary>
    /// <returns>The window in words.</returns>
    public override string ToString() => $"{Day} {ShiftPattern.Time(Start)}–{ShiftPattern.Time(End)}";

    /// <inheritdoc/>
    public bool Equals(AvailabilityWindow other) => Day == other.Day && Start == other.Start && End == other.End;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AvailabilityWindow other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => unchecked(((int)Day * 397) ^ (StartMinute * 1447) ^ LengthMinutes);

    /// <summary>Compares two windows for equality.</summary>
    /// <param name="left">The first window.</param>
    /// <param name="right">The second window.</param>
    /// <returns>True when they are equal.</returns>
    public static bool operator ==(AvailabilityWindow left, AvailabilityWindow right) => left.Equals(right);

    /// <summary>Compares two windows for inequality.</summary>
    /// <param name="left">The first window.</param>
    /// <param name="right">The second window.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(AvailabilityWindow left, AvailabilityWindow right) => !left.Equals(right);

    internal static int MinuteOfWeek(LocalDateTime at) => (((int)at.DayOfWeek - 1) * MinutesPerDay) + (at.Hour * 60) + at.Minute;

    internal bool Covers(int startMinuteOfWeek, double lengthMinutes)
    {
        var from = (((int)Day - 1) * MinutesPerDay) + StartMinute;
        var length = LengthMinutes;
        for (var week = -1; week <= 0; week++)
        {
            var s = from + (week * MinutesPerWeek);
            if (s <= startMinuteOfWeek && startMinuteOfWeek + lengthMinutes <= s + length)
            {
                return true;
            }
        }

        return false;
    }

    internal bool IsDefined => Day is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday;

    internal static AvailabilityWindow Checked(AvailabilityWindow window, string parameterName)
        => window.IsDefined ? window : throw new ArgumentException("An availability window is the default value (no weekday).", Guard.NotNull(parameterName));
}
