namespace CommunityControl.Epidemiology;

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
