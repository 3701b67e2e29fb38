using System;
using System.Collections.Generic;

namespace CommunityControl.Editions;

/// <summary>Where an edition's rules come from.</summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class EditionSource
{
    internal EditionSource(string reference, string[] documents, string[] urls)
    {
        Reference = reference;
        Documents = Array.AsReadOnly(documents);
        Urls = Array.AsReadOnly(urls);
    }

    /// <summary>Gets the reference section, e.g. <c>cn-policy.md E5, §1d, §6.6</c>.</summary>
    public string Reference { get; }

    /// <summary>Gets the ids of the source documents in the reference's index.</summary>
    public IReadOnlyList<string> Documents { get; }

    /// <summary>Gets URLs of the sources.</summary>
    public IReadOnlyList<string> Urls { get; }

    /// <summary>Returns the reference and documents.</summary>
    /// <returns>E.g. <c>cn-policy.md E5, §1d, §6.6 [S7, S8, S9]</c>.</returns>
    public override string ToString() => Documents.Count == 0 ? Reference : $"{Reference} [{string.Join(", ", Documents)}]";
}
