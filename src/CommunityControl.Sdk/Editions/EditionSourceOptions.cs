using System.Collections.Generic;

namespace CommunityControl.Editions;

/// <summary>Where an edition's rules come from.</summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class EditionSourceOptions
{
    /// <summary>Gets or sets the reference section, e.g. <c>cn-policy.md E5, §1d, §6.6</c>. Required.</summary>
    public string? Reference { get; set; }

    /// <summary>Gets or sets the ids of the source documents in the reference's index, e.g. <c>S7</c>. The default is none.</summary>
    public IList<string> Documents { get; set; } = new List<string>();

    /// <summary>Gets or sets URLs of the sources. The default is none.</summary>
    public IList<string> Urls { get; set; } = new List<string>();
}
