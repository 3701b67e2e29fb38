namespace CommunityControl.Risk;

/// <summary>A condition on a count or a metric: set at least one bound.</summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class ThresholdConditionOptions
{
    /// <summary>Gets or sets the id of the count tested (count tables only).</summary>
    public string? Count { get; set; }

    /// <summary>Gets or sets the metric tested (indicator bands only).</summary>
    public string? Metric { get; set; }

    /// <summary>Gets or sets the inclusive lower bound (value ≥ this).</summary>
    public double? AtLeast { get; set; }

    /// <summary>Gets or sets the exclusive lower bound (value &gt; this).</summary>
    public double? GreaterThan { get; set; }

    /// <summary>Gets or sets the inclusive upper bound (value ≤ this).</summary>
    public double? AtMost { get; set; }

    /// <summary>Gets or sets the exclusive upper bound (value &lt; this).</summary>
    public double? LessThan { get; set; }
}
