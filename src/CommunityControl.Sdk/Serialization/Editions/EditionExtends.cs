using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityControl.Editions;

namespace CommunityControl.Serialization;

/// <summary>
/// <c>"extends"</c> in an edition document: the local document is a JSON Merge Patch (RFC 7386) over its base document
/// (objects merge recursively, arrays and scalars replace, <c>null</c> deletes); the merged document is read as usual,
/// and its problems are mapped back to the local document's lines.
/// </summary>
internal static class EditionExtends
{
    private const string Extends = "extends";

    // What a local edition must say for itself: it is another edition, not a copy of its base.
    private static readonly string[] OwnHeader = { "id", "version", "jurisdiction", "title", "effective" };

    private static readonly char[] PathSeparators = { '.', '[' };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>
    /// Returns the merged document when <paramref name="utf8"/> is a JSON object with <c>"extends"</c>, else null (a
    /// document that is not well-formed goes to the plain reader, which reports it).
    /// </summary>
    /// <exception cref="DocumentFormatException">The base is unknown, its chain has a cycle, or the local header is incomplete.</exception>
    public static Merged? TryMerge(ReadOnlySpan<byte> utf8, IReadOnlyDictionary<string, string>? baseDocuments, string documentKind, Limits limits)
    {
        var local = HasTopLevelExtends(utf8) ? TryParseObject(utf8) : null;
        if (local is null || !local.ContainsKey(Extends))
        {
            return null;
        }

        var problems = new List<(string Path, string Message)>();
        foreach (var field in OwnHeader.Where(f => local[f] is null))
        {
            problems.Add(("$." + Extends, $"A document that extends another must give its own '{field}'."));
        }

        var chain = new List<string> { local["id"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : "(this document)" };
        var merged = Resolve(local, baseDocuments, chain, problems, documentKind, limits, out var baseId);
        if (merged is null || problems.Count > 0)
        {
            var report = new ProblemReport(documentKind, limits);
            report.AddRange(problems);
            throw report.ToException(utf8);
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            merged.WriteTo(writer);
        }

        return new Merged(stream.ToArray(), baseId!);
    }

    /// <summary>
    /// Maps the problems of the merged document back to the local one: a path the local document has gets its line there;
    /// any other comes from the base and keeps its path alone, with no line.
    /// </summary>
    public static DocumentFormatException Remap(ReadOnlySpan<byte> localUtf8, DocumentFormatException merged, string baseId, string documentKind)
    {
        using var local = JsonDocument.Parse(localUtf8.ToArray(), Lenient);
        // A path the local document has is its own; so is one under an array element it has (arrays replace the base's
        // whole, so a field missing there is missing in the local document), reported at the nearest line it has.
        var owners = merged.Problems.Select(p => p.Path).Distinct(StringComparer.Ordinal)
            .ToDictionary(p => p, p => LocalOwner(local.RootElement, p), StringComparer.Ordinal);
        var lines = JsonLines.Find(localUtf8, owners.Values.Where(o => o is not null)!);
        var problems = merged.Problems
            .Select(p => owners[p.Path] is { } owner && lines.TryGetValue(owner, out var line)
                ? new DocumentProblem(p.Path, line, p.Message)
                : new DocumentProblem(p.Path, null, p.Message + $" (This comes from the base edition '{baseId}'.)"))
            .OrderBy(p => p.LineNumber ?? long.MaxValue)
            .ToList();
        return new DocumentFormatException(documentKind, problems, merged.TotalProblemCount, merged);
    }

    private static string? LocalOwner(JsonElement root, string path)
    {
        if (Has(root, path))
        {
            return path;
        }

        for (var end = path.LastIndexOf(']'); end > 0; end = path.LastIndexOf(']', end - 1))
        {
            var element = path.Substring(0, end + 1);
            if (Has(root, element))
            {
                return element;
            }
        }

        return null;
    }

    /// <summary>Applies a JSON Merge Patch (RFC 7386) to <paramref name="target"/> and returns the result.</summary>
    internal static JsonNode? MergePatch(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : new JsonObject();
        foreach (var pair in patchObject)
        {
            if (pair.Value is null)
            {
                result.Remove(pair.Key);
            }
            else
            {
                var merged = MergePatch(result[pair.Key], pair.Value);
                result.Remove(pair.Key);
                result[pair.Key] = merged;
            }
        }

        return result;
    }

    private static JsonObject? Resolve(JsonObject document, IReadOnlyDictionary<string, string>? baseDocuments, List<string> chain, List<(string Path, string Message)> problems, string documentKind, Limits limits, out string? baseId)
    {
        baseId = null;
        var path = "$." + Extends;
        if (document[Extends] is not JsonValue value || !value.TryGetValue<string>(out var id) || id.Length == 0)
        {
            problems.Add((path, "'extends' is the id of the base edition, e.g. \"cn-2022-06-ninth-edition\"."));
            return null;
        }

        baseId = id;
        if (chain.Contains(id, StringComparer.Ordinal))
        {
            problems.Add((path, $"'{Shorten(id)}' extends itself through {string.Join(" → ", chain.Select(Shorten).Concat(new[] { Shorten(id) }))}: a cycle."));
            return null;
        }

        string? text = null;
        if (baseDocuments?.TryGetValue(id, out text) != true && !PolicyEditions.TryGetDocument(id, out text))
        {
            var known = (baseDocuments?.Keys ?? Enumerable.Empty<string>()).Concat(PolicyEditions.Ids);
            problems.Add((path, $"The id is not a known edition; known: {string.Join(", ", known)}."));
            return null;
        }

        // A base is held to the same strict reading as the local document: valid UTF-8, no repeated names, the limits.
        if (!TryStrictBytes(text!, documentKind, limits, out var baseUtf8, out var why))
        {
            problems.Add((path, $"The base edition '{Shorten(id)}' cannot be read: {why}"));
            return null;
        }

        var baseObject = TryParseObject(baseUtf8);
        if (baseObject is null)
        {
            problems.Add((path, $"The base edition '{Shorten(id)}' is not a well-formed JSON object."));
            return null;
        }

        if (baseObject.ContainsKey(Extends))
        {
            chain.Add(id);
            baseObject = Resolve(baseObject, baseDocuments, chain, problems, documentKind, limits, out _);
            if (baseObject is null)
            {
                return null;
            }
        }

        var patch = (JsonObject)document.DeepClone();
        patch.Remove(Extends);
        return (JsonObject)MergePatch(baseObject, patch)!;
    }

    // One forward pass over the top-level names, skipping values: a document without "extends" builds no node tree.
    private static bool HasTopLevelExtends(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(Extends))
                {
                    return true;
                }

                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not well-formed: the plain reader reports it with its line.
        }

        return false;
    }

    private static bool TryStrictBytes(string text, string documentKind, Limits limits, out byte[] utf8, out string why)
    {
        utf8 = Array.Empty<byte>();
        try
        {
            utf8 = StrictUtf8.GetBytes(text);
            utf8 = StrictJson.Check(utf8, documentKind, limits).ToArray();
            why = string.Empty;
            return true;
        }
        catch (EncoderFallbackException)
        {
            why = "it holds text that is not valid Unicode (a lone surrogate).";
            return false;
        }
        catch (DocumentFormatException ex)
        {
            var first = ex.Problems[0];
            why = $"{first.Path}{(first.LineNumber is { } line ? $" (line {line} of the base)" : string.Empty)}: {first.Message}";
            return false;
        }
    }

    private static JsonObject? TryParseObject(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var node = JsonNode.Parse(utf8, documentOptions: Lenient) as JsonObject;
            Materialize(node); // every object now, so a repeated name fails here rather than later
            return node;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static void Materialize(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            foreach (var pair in o)
            {
                Materialize(pair.Value);
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var item in a)
            {
                Materialize(item);
            }
        }
    }

    /// <summary>Whether <paramref name="root"/> has the exact path (<c>$.a.b[2]['c d']</c>).</summary>
    private static bool Has(JsonElement root, string path)
    {
        if (!path.StartsWith("$", StringComparison.Ordinal))
        {
            return false;
        }

        var at = root;
        var i = 1;
        while (i < path.Length)
        {
            string? name = null;
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(PathSeparators, i + 1);
                end = end < 0 ? path.Length : end;
                name = path.Substring(i + 1, end - i - 1);
                i = end;
            }
            else if (i + 1 < path.Length && path[i] == '[' && path[i + 1] == '\'')
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return false;
                }

                name = path.Substring(i + 2, end - i - 2);
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0 || !int.TryParse(path.Substring(i + 1, end - i - 1), out var index)
                    || at.ValueKind != JsonValueKind.Array || index < 0 || index >= at.GetArrayLength())
                {
                    return false;
                }

                at = at[index];
                i = end + 1;
                continue;
            }
            else
            {
                return false;
            }

            if (at.ValueKind != JsonValueKind.Object || !at.TryGetProperty(name, out at))
            {
                return false;
            }
        }

        return true;
    }

    private static string Shorten(string text) => text.Length > 64 ? text.Substring(0, 64) + "…" : text;

    /// <summary>A merged document and the id of the base it extends.</summary>
    internal sealed class Merged
    {
        public Merged(byte[] utf8, string baseId) => (Utf8, BaseId) = (utf8, baseId);

        public byte[] Utf8 { get; }

        public string BaseId { get; }
    }
}
