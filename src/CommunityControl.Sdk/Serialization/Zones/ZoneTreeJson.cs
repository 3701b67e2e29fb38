using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Serialization;

/// <summary>
/// Reads and writes a <see cref="ZoneTree"/> as JSON: a flat list of zones with parent ids.
/// </summary>
/// <remarks>
/// <para>The document:</para>
/// <code language="json">
/// {
///   "timeZone": "Asia/Shanghai",
///   "zones": [
///     { "id": "500101-001", "kind": "Community", "name": "香炉山社区" },
///     { "id": "500101-001-01", "kind": "Compound", "name": "香炉山小区", "parent": "500101-001", "gates": 1, "households": 48 },
///     { "id": "500101-001-01-05", "kind": "Building", "name": "5栋", "parent": "500101-001-01", "households": 48 }
///   ]
/// }
/// </code>
/// <para><c>timeZone</c> (a TZDB id) is optional and defaults to Asia/Shanghai. <c>kind</c> is a <see cref="ZoneKind"/>
/// name, never a number. Unknown and repeated fields are rejected; a top-level <c>"$schema"</c> is ignored. Every problem is reported at once in a
/// <see cref="DocumentFormatException"/>, with its JSON path and line; nothing is half-loaded.</para>
/// </remarks>
/// <threadsafety static="true" instance="true"/>
public static class ZoneTreeJson
{
    /// <summary>Reads a tree from a JSON string.</summary>
    /// <param name="json">The document.</param>
    /// <param name="limits">The limits the document must keep within; null for <see cref="DocumentLimits.Default"/>.</param>
    /// <returns>The validated tree.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="limits"/> is out of its documented range.</exception>
    /// <exception cref="DocumentFormatException">The document is malformed, beyond a limit, or describes an invalid tree.</exception>
    public static ZoneTree Parse(string json, DocumentLimits? limits = null)
    {
        Guard.NotNull(json);
        var l = DocumentLimits.Resolve(limits);
        return ZoneTreeJsonReader.Read(JsonDocumentReader.Utf8(json, ZoneTreeJsonReader.DocumentKind, l), l);
    }

    /// <summary>Reads a tree from a UTF-8 JSON stream (read to its end, or to the size limit; not closed).</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="limits">The limits the document must keep within; null for <see cref="DocumentLimits.Default"/>.</param>
    /// <returns>The validated tree.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="limits"/> is out of its documented range.</exception>
    /// <exception cref="DocumentFormatException">The document is malformed, beyond a limit, or describes an invalid tree.</exception>
    public static ZoneTree Read(Stream utf8Json, DocumentLimits? limits = null)
    {
        Guard.NotNull(utf8Json);
        var l = DocumentLimits.Resolve(limits);
        return ZoneTreeJsonReader.Read(JsonDocumentReader.ReadAll(utf8Json, ZoneTreeJsonReader.DocumentKind, l), l);
    }

    /// <summary>Reads a tree from UTF-8 JSON bytes.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="limits">The limits the document must keep within; null for <see cref="DocumentLimits.Default"/>.</param>
    /// <returns>The validated tree.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="limits"/> is out of its documented range.</exception>
    /// <exception cref="DocumentFormatException">The document is malformed, beyond a limit, or describes an invalid tree.</exception>
    public static ZoneTree Read(ReadOnlySpan<byte> utf8Json, DocumentLimits? limits = null) => ZoneTreeJsonReader.Read(utf8Json, DocumentLimits.Resolve(limits));

    /// <summary>Writes a tree as an indented JSON document that <see cref="Parse(string, DocumentLimits?)"/> reads back to an equal tree.</summary>
    /// <param name="tree">The tree.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tree"/> is null.</exception>
    public static string ToJson(ZoneTree tree)
    {
        using var stream = new MemoryStream();
        Write(tree, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes a tree as an indented UTF-8 JSON document to a stream (not closed).</summary>
    /// <param name="tree">The tree.</param>
    /// <param name="utf8Json">The stream.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(ZoneTree tree, Stream utf8Json)
    {
        Guard.NotNull(tree);
        Guard.NotNull(utf8Json);
        var document = new ZoneTreeDocument
        {
            TimeZone = tree.TimeZone.Id,
            Zones = new List<ZoneDocument?>(tree.Count),
        };

        // Stated counts are not kept apart from rolled-up ones, so only leaves and zones whose count differs from the
        // sum of their children write one; reading the document back gives the same roll-ups.
        foreach (var zone in tree.All)
        {
            document.Zones.Add(new ZoneDocument
            {
                Id = zone.Id.Value,
                Kind = zone.Kind,
                Name = zone.Name.Length == 0 ? null : zone.Name,
                Parent = zone.HasParent ? zone.Parent.Id.Value : null,
                Households = StatedCount(zone, z => z.Households),
                Residents = StatedCount(zone, z => z.Residents),
                Gates = zone.Gates == 0 ? null : zone.Gates,
            });
        }

        // Chinese names are written as themselves, not as \u escapes: the documents are meant to be read by people.
        using var writer = new Utf8JsonWriter(utf8Json, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });
        JsonSerializer.Serialize(writer, document, DocumentJsonContext.Default.ZoneTreeDocument);
    }

    private static int? StatedCount(Zone zone, Func<Zone, int> count)
    {
        var value = count(zone);
        long sum = 0;
        var any = false;
        foreach (var child in zone.Children)
        {
            sum += count(child);
            any = true;
        }

        if (any && sum == value)
        {
            return null;
        }

        return value == 0 && !any ? null : value;
    }
}

/// <summary>The JSON shape of a zone tree document, for writing (reading is done by <see cref="ZoneTreeJsonReader"/>).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class ZoneTreeDocument
{
    [JsonPropertyName("timeZone")]
    public string? TimeZone { get; set; }

    [JsonPropertyName("zones")]
    public List<ZoneDocument?>? Zones { get; set; }
}

/// <summary>The JSON shape of one zone in the flat list.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class ZoneDocument
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("kind")]
    [JsonConverter(typeof(StrictEnumConverter<ZoneKind>))]
    public ZoneKind? Kind { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("parent")]
    public string? Parent { get; set; }

    [JsonPropertyName("households")]
    public int? Households { get; set; }

    [JsonPropertyName("residents")]
    public int? Residents { get; set; }

    [JsonPropertyName("gates")]
    public int? Gates { get; set; }
}
