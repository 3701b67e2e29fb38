using System.Collections.Generic;
using CommunityControl.Epidemiology;
using CommunityControl.Zones;

namespace CommunityControl.Risk;

/// <summary>One count of a <see cref="CountThresholdOptions"/>: cases by residence in the graded zone, or an indicator's value.</summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class CaseCountOptions
{
    /// <summary>Gets or sets the count's id, used by the rows' conditions. Required.</summary>
    public string? Id { get; set; }

    /// <summary>Gets or sets the case kinds counted (by residence in the graded zone). Required unless <see cref="Metric"/> is set.</summary>
    public IList<CaseKind> Cases { get; set; } = new List<CaseKind>();

    /// <summary>Gets or sets the window in days ending on the day graded; null (the default) for all days since the history's first day.</summary>
    public int? WindowDays { get; set; }

    /// <summary>Gets or sets a smaller zone kind: count per zone of that kind inside the graded zone and take the largest ("≥2 cases in one building unit"); null (the default) to count the whole zone.</summary>
    public ZoneKind? LargestPer { get; set; }

    /// <summary>Gets or sets whether only cases of unknown source count. The default is false.</summary>
    public bool UnknownSourceOnly { get; set; }

    /// <summary>
    /// Gets or sets the metric that gives a cumulative count's cases before the history, read on the history's first day per
    /// graded zone (e.g. <c>ConfirmedBeforeHistory</c>: the confirmed cases reported up to the day before), so a history that
    /// starts mid-outbreak does not undercount to a lower level. Only for a count of cases with no window and no
    /// <see cref="LargestPer"/>. A zone with no such value on the first day starts from 0; a value is rounded down, and a
    /// negative one counts as 0. Null (the default) for none.
    /// </summary>
    public string? BeforeHistoryMetric { get; set; }

    /// <summary>Gets or sets a metric whose value that day is the count (e.g. <c>Cluster14Day</c>); a missing value is insufficient data. Excludes <see cref="Cases"/>.</summary>
    public string? Metric { get; set; }

    /// <summary>
    /// Gets or sets the value a metric count takes on a day without a published value; null (the default) makes such a day
    /// insufficient data. Set it only where the edition says what an absent finding means (e.g. "no sustained transmission
    /// unless the investigation reports it").
    /// </summary>
    public double? WhenMissing { get; set; }
}
