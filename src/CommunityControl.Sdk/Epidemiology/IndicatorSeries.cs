using System;
using System.Collections.Generic;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Epidemiology;

/// <summary>The published values of one metric for one zone, in date order (days without a value are missing, not zero).</summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
internal sealed class IndicatorSeries
{
    private readonly IndicatorReading[] _points;

    internal IndicatorSeries(ZoneId zone, string metric, IndicatorReading[] points)
    {
        Zone = zone;
        Metric = metric;
        _points = points;
        Points = Array.AsReadOnly(points);
    }

    /// <summary>Gets the zone.</summary>
    public ZoneId Zone { get; }

    /// <summary>Gets the metric's name.</summary>
    public string Metric { get; }

    /// <summary>Gets the readings, in date order.</summary>
    public IReadOnlyList<IndicatorReading> Points { get; }

    /// <summary>Gets the value published on a day, if any.</summary>
    /// <param name="date">The local date.</param>
    /// <param name="value">The value, or 0.</param>
    /// <returns>True when a value was published that day.</returns>
    public bool TryGetValue(LocalDate date, out double value)
    {
        int lo = 0, hi = _points.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            var d = _points[mid].Date;
            if (d == date)
            {
                value = _points[mid].Value;
                return true;
            }

            if (d < date)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        value = 0;
        return false;
    }

    /// <summary>Returns the zone, metric and number of values.</summary>
    /// <returns>E.g. <c>IndicatorSeries 09162 Incidence7DayPer100K (69 values)</c>.</returns>
    public override string ToString() => $"IndicatorSeries {Zone} {Metric} ({_points.Length} values)";
}
