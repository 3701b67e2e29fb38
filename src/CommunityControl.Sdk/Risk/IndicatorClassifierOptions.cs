using System.Collections.Generic;

namespace CommunityControl.Risk;

/// <summary>One classifier of <see cref="IndicatorBandOptions"/>.</summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class IndicatorClassifierOptions
{
    /// <summary>Gets or sets the metric classified. Required.</summary>
    public string? Metric { get; set; }

    /// <summary>Gets or sets the conditions on other metrics under which the classifier applies; empty (the default) for always.</summary>
    public IList<ThresholdConditionOptions> When { get; set; } = new List<ThresholdConditionOptions>();

    /// <summary>Gets or sets the bands, by increasing lower bound; the first band's lower bound is usually 0. Required, not empty.</summary>
    public IList<IndicatorBandLevelOptions> Bands { get; set; } = new List<IndicatorBandLevelOptions>();
}
