using System;
using CommunityControl.Internal;
using CommunityControl.Measures;
using NodaTime;

namespace CommunityControl.Access;

/// <summary>
/// The outings that count against an outing quota at one instant: those that started strictly after
/// <see cref="After"/> and strictly before <see cref="Before"/>. Built from the quota's reading of its interval
/// (<see cref="OutingWindowKind"/>) by <see cref="For"/>, <see cref="Rolling"/> or <see cref="CalendarDays"/>.
/// </summary>
/// <remarks>Both bounds are exclusive, so a ledger counts with two comparisons (<c>started_at &gt; after AND started_at
/// &lt; before</c>). The calendar window's lower bound is one nanosecond before the first day's start: a store that keeps
/// coarser instants (PostgreSQL keeps microseconds) floors it, and counts from that start exactly.</remarks>
/// <threadsafety static="true" instance="true"/>
public readonly struct OutingWindow : IEquatable<OutingWindow>
{
    private OutingWindow(Instant after, Instant before)
    {
        After = after;
        Before = before;
    }

    /// <summary>Gets the exclusive lower bound: outings that started at or before it do not count.</summary>
    public Instant After { get; }

    /// <summary>Gets the exclusive upper bound: outings that started at or after it do not count.</summary>
    public Instant Before { get; }

    /// <summary>The rolling window of <see cref="OutingWindowKind.Rolling"/>: outings that started less than
    /// <paramref name="interval"/> before or after <paramref name="at"/> (counting on both sides keeps the quota when gates
    /// report out of order).</summary>
    /// <param name="at">The instant asked about.</param>
    /// <param name="interval">The quota's interval (positive).</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is not positive, or the window would
    /// run past the first or last instant NodaTime represents.</exception>
    public static OutingWindow Rolling(Instant at, Duration interval)
    {
        if (interval <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval must be positive.");
        }

        if (at - Instant.MinValue < interval || Instant.MaxValue - at < interval)
        {
            throw new ArgumentOutOfRangeException(nameof(at), "The window around this instant runs past the instants NodaTime represents.");
        }

        return new OutingWindow(at - interval, at + interval);
    }

    /// <summary>The rolling window of an interval already known positive (a validated measure table's): no check.</summary>
    internal static OutingWindow RollingTrusted(Instant at, Duration interval) => new(at - interval, at + interval);

    /// <summary>The calendar window of <see cref="OutingWindowKind.CalendarDays"/>: outings whose local date is less than
    /// <paramref name="days"/> days before or after <paramref name="date"/> (with 2 days: the day before, the day itself
    /// and the day after).</summary>
    /// <param name="date">The local date asked about.</param>
    /// <param name="days">The quota's interval in days (1 to 366).</param>
    /// <param name="zone">The time zone the dates are in (the zone tree's).</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is not 1 to 366, or the window would run
    /// past the first or last day NodaTime represents.</exception>
    public static OutingWindow CalendarDays(LocalDate date, int days, DateTimeZone zone)
    {
        Guard.NotNull(zone);
        if (days < 1 || days > 366)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, "The interval must be 1 to 366 days.");
        }

        try
        {
            var first = zone.AtStartOfDay(date.PlusDays(1 - days)).ToInstant();
            var end = zone.AtStartOfDay(date.PlusDays(days)).ToInstant();
            return new OutingWindow(first - Duration.Epsilon, end);
        }
        catch (OverflowException)
        {
            throw new ArgumentOutOfRangeException(nameof(date), "The window around this date runs past the days NodaTime represents.");
        }
    }

    /// <summary>The window of a quota at an instant, by the quota's <see cref="OutingQuota.Window"/>.</summary>
    /// <param name="quota">The quota.</param>
    /// <param name="at">The instant asked about.</param>
    /// <param name="zone">The zone tree's time zone (for calendar days).</param>
    /// <returns>The window; null when the quota has no interval (it then limits the outings still open).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="quota"/> or <paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentException">The quota has an interval but no valid reading (a quota from a validated
    /// measure table always has one).</exception>
    public static OutingWindow? For(OutingQuota quota, Instant at, DateTimeZone zone)
    {
        Guard.NotNull(quota);
        Guard.NotNull(zone);
        if (quota.Interval is not { } interval)
        {
            return null;
        }

        return quota.Window switch
        {
            OutingWindowKind.Rolling => Rolling(at, interval),
            OutingWindowKind.CalendarDays => CalendarDays(at.InZone(zone).Date, (int)interval.TotalDays, zone),
            _ => throw new ArgumentException("The quota has an interval but does not state how it is counted (Window).", nameof(quota)),
        };
    }

    /// <summary>Tells whether an outing that started at an instant counts.</summary>
    /// <param name="start">When the outing started.</param>
    /// <returns>True when <paramref name="start"/> is strictly between the bounds.</returns>
    public bool Contains(Instant start) => start > After && start < Before;

    /// <inheritdoc/>
    public bool Equals(OutingWindow other) => After == other.After && Before == other.Before;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is OutingWindow other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => unchecked((After.GetHashCode() * 397) ^ Before.GetHashCode());

    /// <summary>Returns the bounds.</summary>
    /// <returns>E.g. <c>(2020-02-01T16:00:00Z, 2020-02-03T16:00:00Z)</c>.</returns>
    public override string ToString() => $"({After}, {Before})";

    /// <summary>Compares two windows.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(OutingWindow left, OutingWindow right) => left.Equals(right);

    /// <summary>Compares two windows.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(OutingWindow left, OutingWindow right) => !left.Equals(right);
}
