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

/// <summary>The names of the metrics the built-in editions read. Any other non-empty name may be used by a custom edition.</summary>
/// <threadsafety static="true" instance="true"/>
public static class IndicatorMetrics
{
    /// <summary>New cases per 100,000 population, 7-day total (US CDC community levels and transmission levels).</summary>
    public const string CasesPer100K7Day = "CasesPer100K7Day";

    /// <summary>New COVID-19 hospital admissions per 100,000 population, 7-day total (US CDC community levels).</summary>
    public const string AdmissionsPer100K7Day = "AdmissionsPer100K7Day";

    /// <summary>Percent of staffed inpatient beds occupied by COVID-19 patients, 7-day average (US CDC community levels).</summary>
    public const string CovidBedsPercent = "CovidBedsPercent";

    /// <summary>NAAT test positivity in percent over the last 7 days (US CDC transmission levels).</summary>
    public const string TestPositivityPercent7Day = "TestPositivityPercent7Day";

    /// <summary>The 7-day incidence per 100,000 as published that day (Germany §28b IfSG: the RKI value).</summary>
    public const string Incidence7DayPer100K = "Incidence7DayPer100K";

    /// <summary>1 when a cluster (聚集性疫情) occurred in the zone within the last 14 days, else 0 (China 2020 county grading; the term is not defined in the sources, so it is an input).</summary>
    public const string Cluster14Day = "Cluster14Day";

    /// <summary>1 when the community is in sustained transmission by many or large outbreaks, else 0 (China 2020 community types, an investigation finding).</summary>
    public const string SustainedTransmission = "SustainedTransmission";

    /// <summary>1 when a compound meets Wuhan 2020's "六个到位" (publicity, closed management, screening, disinfection, supply, organisation), else 0.</summary>
    public const string SixInPlace = "SixInPlace";

    /// <summary>Tells whether a metric is a percentage (its values must lie in [0, 100]).</summary>
    /// <param name="metric">The metric's name.</param>
    /// <returns>True for the built-in percentage metrics.</returns>
    public static bool IsPercentage(string? metric)
        => string.Equals(metric, CovidBedsPercent, System.StringComparison.Ordinal) || string.Equals(metric, TestPositivityPercent7Day, System.StringComparison.Ordinal);

    /// <summary>Tells whether a metric is a yes/no flag (its values must be 0 or 1).</summary>
    /// <param name="metric">The metric's name.</param>
    /// <returns>True for the built-in flag metrics.</returns>
    public static bool IsFlag(string? metric)
        => string.Equals(metric, Cluster14Day, System.StringComparison.Ordinal)
        || string.Equals(metric, SustainedTransmission, System.StringComparison.Ordinal)
        || string.Equals(metric, SixInPlace, System.StringComparison.Ordinal);
}
