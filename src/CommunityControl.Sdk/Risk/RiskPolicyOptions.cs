using System.Collections.Generic;

namespace CommunityControl.Risk;

/// <summary>
/// The <c>risk</c> section of an edition document: a mutable DTO that binds to JSON; <see cref="RiskPolicy.FromOptions(RiskPolicyOptions)"/>
/// validates it (every problem at once) and creates the immutable policy.
/// </summary>
/// <remarks>Unknown JSON fields are rejected. Parameters the references mark UNCONFIRMED have no default: they must be stated.</remarks>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class RiskPolicyOptions
{
    /// <summary>Gets or sets the scale's id: a built-in one (see <see cref="RiskScales.All"/>) or the id of the scale defined by <see cref="Levels"/>. Required.</summary>
    public string? Scale { get; set; }

    /// <summary>Gets or sets the levels of a custom scale; null (the default) to use the built-in scale named by <see cref="Scale"/>.</summary>
    public IList<RiskLevelOptions>? Levels { get; set; }

    /// <summary>Gets or sets the rules. The default is an empty list: no zone is ever designated (e.g. China from 2023-01-08).</summary>
    public IList<RiskRuleOptions> Rules { get; set; } = new List<RiskRuleOptions>();

    /// <summary>Gets or sets the county baseline; null (the default) for none.</summary>
    public RiskBaselineOptions? Baseline { get; set; }

    /// <summary>Gets or sets the aggregations up the tree. The default is none.</summary>
    public IList<RiskAggregationOptions> Aggregations { get; set; } = new List<RiskAggregationOptions>();
}
