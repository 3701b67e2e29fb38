using CommunityControl.Zones;

namespace CommunityControl.Risk;

/// <summary>An aggregation up the tree; see <see cref="RiskAggregation"/>.</summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class RiskAggregationOptions
{
    /// <summary>Gets or sets the kind of the zones that take the highest level, e.g. <see cref="ZoneKind.City"/>. Required.</summary>
    public ZoneKind? Target { get; set; }

    /// <summary>Gets or sets the kind of the parts, e.g. <see cref="ZoneKind.District"/>. Required.</summary>
    public ZoneKind? From { get; set; }
}
