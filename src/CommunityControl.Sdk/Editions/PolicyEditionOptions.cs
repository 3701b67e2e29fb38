using System.Collections.Generic;
using CommunityControl.Risk;

namespace CommunityControl.Editions;

/// <summary>
/// An edition document as a mutable DTO that binds to JSON: metadata and the rule sections. <see cref="PolicyEdition.FromOptions(PolicyEditionOptions)"/>
/// validates it (every problem at once, with its path) and creates the immutable edition.
/// </summary>
/// <remarks>
/// A document may also carry the optional sections <c>measures</c>, <c>access</c> and <c>staffing</c>, read by
/// <see cref="Serialization.PolicyEditionJson"/> with the measure, access and staffing readers; in code, attach those parts with
/// <see cref="PolicyEdition.WithMeasures"/>, <see cref="PolicyEdition.WithAccess"/> and <see cref="PolicyEdition.WithStaffing"/>.
/// Unknown fields are rejected.
/// </remarks>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class PolicyEditionOptions
{
    /// <summary>Gets or sets the id, lower-case letters, digits and hyphens, e.g. <c>cn-2022-06-ninth-edition</c>. Required.</summary>
    public string? Id { get; set; }

    /// <summary>Gets or sets the semantic version of this encoding of the edition, e.g. <c>1.0.0</c>. Required.</summary>
    public string? Version { get; set; }

    /// <summary>Gets or sets where the edition applies: <c>CN</c>, <c>US</c>, <c>DE</c>, or a local code such as <c>CN-Wuhan</c>. Required.</summary>
    public string? Jurisdiction { get; set; }

    /// <summary>Gets or sets the title in Chinese and English. Required.</summary>
    public LocalizedTextOptions? Title { get; set; }

    /// <summary>Gets or sets the issuer in Chinese and English. Required.</summary>
    public LocalizedTextOptions? Issuer { get; set; }

    /// <summary>Gets or sets where the rules come from. Required.</summary>
    public EditionSourceOptions? Source { get; set; }

    /// <summary>Gets or sets when the edition is in force. Required.</summary>
    public EditionEffectiveOptions? Effective { get; set; }

    /// <summary>Gets or sets notes on how the document's rules were encoded (flags, UNCONFIRMED items). The default is none.</summary>
    public IList<string> Notes { get; set; } = new List<string>();

    /// <summary>Gets or sets the risk rules. Required.</summary>
    public RiskPolicyOptions? Risk { get; set; }

    /// <summary>
    /// Gets or sets the optional <c>measures</c> section of a document: a measure table in the format of
    /// <see cref="Serialization.MeasureTableJson"/>. Read by <see cref="Serialization.PolicyEditionJson"/>; kept raw here so that an options
    /// round trip preserves it.
    /// </summary>
    internal byte[]? MeasuresSection { get; set; }

    /// <summary>Gets or sets the optional <c>access</c> section: an access policy in the format of <see cref="Serialization.AccessPolicyJson"/>.</summary>
    internal byte[]? AccessSection { get; set; }

    /// <summary>Gets or sets the optional <c>staffing</c> section: a staffing policy in the format of <see cref="Serialization.StaffingPolicyJson"/>.</summary>
    internal byte[]? StaffingSection { get; set; }
}
