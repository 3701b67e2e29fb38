using CommunityControl.Zones;

namespace CommunityControl.Risk;

/// <summary>The county baseline of a policy; see <see cref="RiskBaseline"/>.</summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class RiskBaselineOptions
{
    /// <summary>Gets or sets the kind of the county-level unit, e.g. <see cref="ZoneKind.District"/>. Required.</summary>
    public ZoneKind? Unit { get; set; }

    /// <summary>Gets or sets the code of the level of the rest of the unit while it has a risk zone, e.g. <c>Low</c>. Required.</summary>
    public string? Level { get; set; }
}
