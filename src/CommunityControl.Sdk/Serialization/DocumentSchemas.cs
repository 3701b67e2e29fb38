using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text;
using System.Threading;
using CommunityControl.Internal;

namespace CommunityControl.Serialization;

/// <summary>
/// The JSON Schemas (draft 2020-12) of the documents the library reads: zone trees, epidemic histories, policy
/// editions, measure tables, access policies, staffing policies, subsidy policies and edition test vectors.
/// </summary>
/// <remarks>
/// <para>The schemas are embedded in the assembly; the same files are in the repository's <c>schemas/</c> folder and
/// are published under <c>https://communitycontrol.github.io/schemas/0.2/</c>, each named <c>&lt;name&gt;.schema.json</c>.
/// A schema refers to the others by relative <c>$ref</c> (an edition's <c>measures</c> section to the measure table's
/// schema, for instance), so a validator needs every schema registered under its <c>$id</c>.</para>
/// <para>A schema describes the shape of a document: property names, types, enum names, required properties and
/// numeric ranges. The readers check more (that a parent zone exists, that a level code belongs to the scale), so a
/// document a schema accepts can still be rejected by its reader.</para>
/// </remarks>
/// <threadsafety static="true" instance="true"/>
public static class DocumentSchemas
{
    private const string ResourcePrefix = "CommunityControl.Schemas.";
    private const string ResourceSuffix = ".schema.json";

    private static readonly ReadOnlyCollection<string> AllNames = new(new[]
    {
        "access-policy",
        "edition-vectors",
        "epidemic-history",
        "measure-table",
        "policy-edition",
        "staffing-policy",
        "subsidy-policy",
        "zone-tree",
    });

    private static readonly Lazy<Dictionary<string, string>> Texts = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Gets the names of the schemas, in ordinal order: <c>access-policy</c>, <c>edition-vectors</c>,
    /// <c>epidemic-history</c>, <c>measure-table</c>, <c>policy-edition</c>, <c>staffing-policy</c>, <c>subsidy-policy</c> and <c>zone-tree</c>.</summary>
    /// <value>The names; each is the file name of its schema without <c>.schema.json</c>.</value>
    public static IReadOnlyList<string> Names => AllNames;

    /// <summary>Gets the text of a schema.</summary>
    /// <param name="name">The schema's name, one of <see cref="Names"/> (ordinal, case-sensitive), e.g. <c>zone-tree</c>.</param>
    /// <returns>The schema as JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not one of <see cref="Names"/>.</exception>
    public static string Get(string name)
    {
        Guard.NotNull(name);
        if (TryGet(name, out var schema))
        {
            return schema;
        }

        throw new ArgumentException($"The name is not a document schema; the schemas are {string.Join(", ", AllNames)}.", nameof(name));
    }

    /// <summary>Gets the text of a schema if there is one by that name.</summary>
    /// <param name="name">The schema's name (ordinal, case-sensitive), e.g. <c>zone-tree</c>; null finds nothing.</param>
    /// <param name="schema">The schema as JSON text, or null when there is none by that name.</param>
    /// <returns><see langword="true"/> if <paramref name="name"/> is one of <see cref="Names"/>.</returns>
    public static bool TryGet(string? name, [NotNullWhen(true)] out string? schema)
    {
        schema = null;
        return name is not null && Texts.Value.TryGetValue(name, out schema);
    }

    private static Dictionary<string, string> Load()
    {
        var assembly = typeof(DocumentSchemas).Assembly;
        var texts = new Dictionary<string, string>(AllNames.Count, StringComparer.Ordinal);
        foreach (var name in AllNames)
        {
            using var stream = assembly.GetManifestResourceStream(ResourcePrefix + name + ResourceSuffix)
                ?? throw new InvalidOperationException($"The schema '{name}' is not embedded in {assembly.GetName().Name}.");
            using var reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
            texts.Add(name, reader.ReadToEnd());
        }

        return texts;
    }
}
