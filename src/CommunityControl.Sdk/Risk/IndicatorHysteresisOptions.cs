using System.Collections.Generic;
using CommunityControl.Zones;

namespace CommunityControl.Risk;

/// <summary>
/// Parameters of the built-in indicator-hysteresis rule family (<c>indicatorHysteresis</c> in a rule of an edition document): per tier, a level comes into force after the metric is strictly
/// above the threshold on N consecutive days and lapses after it is strictly below on M consecutive (working) days,
/// each with its own delay; each tier has its own state machine; the level is the highest tier in force.
/// </summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class IndicatorHysteresisOptions
{
    /// <summary>Gets or sets the kind of the zones graded (a German Landkreis is a <see cref="ZoneKind.District"/>). Required.</summary>
    public ZoneKind? Unit { get; set; }

    /// <summary>Gets or sets the metric, e.g. <c>Incidence7DayPer100K</c>. Required.</summary>
    public string? Metric { get; set; }

    /// <summary>Gets or sets the tiers, by increasing threshold and level. Required, not empty.</summary>
    public IList<HysteresisTierOptions> Tiers { get; set; } = new List<HysteresisTierOptions>();
}
