using System.Collections.Generic;

namespace CommunityControl.Risk;

/// <summary>One row of a count threshold table.</summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class CountLevelOptions
{
    /// <summary>Gets or sets the code of the row's level. Required.</summary>
    public string? Level { get; set; }

    /// <summary>Gets or sets the conditions, all of which must hold; empty (the default) for "otherwise".</summary>
    public IList<ThresholdConditionOptions> When { get; set; } = new List<ThresholdConditionOptions>();
}
