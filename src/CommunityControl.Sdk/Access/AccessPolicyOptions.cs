using CommunityControl.Authority;
using CommunityControl.Measures;

namespace CommunityControl.Access;

/// <summary>
/// The JSON binding shape of an <see cref="AccessPolicy"/>: a measure table and, optionally, the authority policy.
/// </summary>
/// <remarks>
/// <code language="json">
/// {
///   "measures": { "edition": "local", "scale": "cn-low-medium-high", "levels": { "High": { "stayHome": {} } } },
///   "authority": { "base": "cn-infectious-disease-law-2013", "grants": [] }
/// }
/// </code>
/// </remarks>
/// <threadsafety static="true" instance="false">Mutable binding type.</threadsafety>
public sealed class AccessPolicyOptions
{
    /// <summary>The measure table.</summary>
    /// <value>The default is null, which is rejected.</value>
    public MeasureTableOptions? Measures { get; set; }

    /// <summary>The authority policy.</summary>
    /// <value>The default is null: <see cref="AuthorityPolicy.ChinaInfectiousDiseaseLaw2013"/>.</value>
    public AuthorityPolicyOptions? Authority { get; set; }
}
