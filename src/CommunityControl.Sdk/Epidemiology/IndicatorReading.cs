using System.Globalization;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Epidemiology;

/// <summary>
/// One published value of an area indicator: a zone (usually a county), a local date, a metric name (see
/// <see cref="IndicatorMetrics"/>) and its value, e.g. the 7-day incidence per 100,000 as published that day.
/// </summary>
/// <remarks>
/// Values must be finite and not negative; percentages (<see cref="IndicatorMetrics.IsPercentage(string)"/>) at most 100.
/// Out-of-range values are rejected when the reading is added to an <see cref="EpidemicHistory"/>, never clamped.
/// The value of a day is the value as published that day: later corrections are new readings of later days.
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable once created.</threadsafety>
public sealed class IndicatorReading
{
    /// <summary>Gets the zone the value describes.</summary>
    public required ZoneId Zone { get; init; }

    /// <summary>Gets the local date the value was published for.</summary>
    public required LocalDate Date { get; init; }

    /// <summary>Gets the metric's name, e.g. <see cref="IndicatorMetrics.Incidence7DayPer100K"/>.</summary>
    public required string Metric { get; init; }

    /// <summary>Gets the value.</summary>
    public required double Value { get; init; }

    /// <summary>Returns the zone, date, metric and value.</summary>
    /// <returns>E.g. <c>IndicatorReading 09162 2021-04-20 Incidence7DayPer100K=101.3</c>.</returns>
    public override string ToString() => $"IndicatorReading {Zone} {Date:uuuu'-'MM'-'dd} {Metric}={Value.ToString("R", CultureInfo.InvariantCulture)}";
}
