using System.Collections.Generic;
using CommunityControl.Zones;

namespace CommunityControl.Risk;

/// <summary>
/// Parameters of the built-in count-threshold rule family (<c>countThresholds</c> in a rule of an edition document): counts over windows per zone of a unit kind, and a table of rows
/// mapping the counts to a level (the first row whose conditions all hold wins).
/// </summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class CountThresholdOptions
{
    /// <summary>Gets or sets the kind of the zones graded, e.g. <see cref="ZoneKind.District"/>. Required.</summary>
    public ZoneKind? Unit { get; set; }

    /// <summary>Gets or sets the counts the rows test. Required, not empty.</summary>
    public IList<CaseCountOptions> Counts { get; set; } = new List<CaseCountOptions>();

    /// <summary>Gets or sets the rows, tried in order. Required, not empty; the last row usually has no conditions.</summary>
    public IList<CountLevelOptions> Levels { get; set; } = new List<CountLevelOptions>();
}
