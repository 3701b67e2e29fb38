using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Access;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// Counts from the passage register: the measured hourly arrivals at a gate, which a staffing plan's Erlang C takes
/// instead of an illustrative profile (<c>ArrivalProfile.PerGate(name, hourly)</c>).
/// </summary>
/// <threadsafety static="true" instance="true">Stateless; safe to call concurrently.</threadsafety>
public static class PassageStatistics
{
    /// <summary>
    /// Averages the passages at a gate per local hour of the day over a range of days (optionally one weekday only, and
    /// one direction only).
    /// </summary>
    /// <param name="store">The passage register.</param>
    /// <param name="gate">The gate's zone.</param>
    /// <param name="days">The local days to average over (inclusive).</param>
    /// <param name="timeZone">The time zone of the local hours (the zone tree's).</param>
    /// <param name="weekday">Only the days of this weekday; null for every day.</param>
    /// <param name="direction">Only passages in this direction; null for both.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>24 values: the mean number of passages in each local hour (0 = 00:00–01:00) per day counted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/>, <paramref name="days"/> or <paramref name="timeZone"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> reaches outside 1900-01-01 to 2199-12-31.</exception>
    /// <exception cref="ArgumentException"><paramref name="gate"/> is empty, <paramref name="weekday"/> or <paramref name="direction"/>
    /// is undefined, or no day of the range is of <paramref name="weekday"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async ValueTask<IReadOnlyList<double>> HourlyArrivalsAsync(
        IPassageStore store,
        ZoneId gate,
        DateInterval days,
        DateTimeZone timeZone,
        IsoDayOfWeek? weekday = null,
        GateDirection? direction = null,
        CancellationToken cancellationToken = default)
    {
        Guard.NotNull(store);
        Guard.NotNull(days);
        Guard.NotNull(timeZone);
        if ((Check.Date(days.Start) ?? Check.Date(days.End)) is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(days), "The range's days: " + problem);
        }

        if (gate.IsEmpty)
        {
            throw new ArgumentException("The gate's zone id must not be empty.", nameof(gate));
        }

        if (weekday is { } w && (w < IsoDayOfWeek.Monday || w > IsoDayOfWeek.Sunday))
        {
            throw new ArgumentException("The weekday must be Monday to Sunday.", nameof(weekday));
        }

        if (direction is { } d && d is not (GateDirection.Entry or GateDirection.Exit))
        {
            throw new ArgumentException("The direction must be Entry or Exit.", nameof(direction));
        }

        var counted = 0;
        foreach (var day in days)
        {
            counted += weekday is null || day.DayOfWeek == weekday ? 1 : 0;
        }

        if (counted == 0)
        {
            throw new ArgumentException("No day of the range is of the weekday asked for.", nameof(weekday));
        }

        var interval = new Interval(days.Start.AtStartOfDayInZone(timeZone).ToInstant(), days.End.PlusDays(1).AtStartOfDayInZone(timeZone).ToInstant());
        var sums = new long[24];
        await foreach (var p in store.PassagesAtGateAsync(gate, interval, cancellationToken).ConfigureAwait(false))
        {
            var local = p.At.InZone(timeZone);
            if ((weekday is null || local.DayOfWeek == weekday) && (direction is null || p.Direction == direction))
            {
                sums[local.Hour]++;
            }
        }

        var hourly = new double[24];
        for (var h = 0; h < 24; h++)
        {
            hourly[h] = sums[h] / (double)counted;
        }

        return Array.AsReadOnly(hourly);
    }
}
