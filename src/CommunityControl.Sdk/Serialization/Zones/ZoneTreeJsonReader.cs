using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Serialization;

/// <summary>
/// Reads a zone tree document straight into a <see cref="ZoneTreeBuilder"/> with a <see cref="Utf8JsonReader"/>: no
/// intermediate objects, and, unlike the serializer, it goes on after a wrong field or type so that every problem is
/// reported together. (Writing uses the source-generated contract in <see cref="DocumentJsonContext"/>.) A syntax error
/// stops the read, since nothing after it can be trusted.
/// </summary>
internal static class ZoneTreeJsonReader
{
    internal const string DocumentKind = "zone tree";

    private static readonly string KindNames = string.Join(", ", Enum.GetNames(typeof(ZoneKind)).Where(n => n != nameof(ZoneKind.Unknown)));

    /// <summary>The depth of a zone tree document: the root object, the <c>zones</c> array, a zone object.</summary>
    private const int DocumentDepth = 3;

    /// <summary>Reads and checks a zone tree document.</summary>
    /// <remarks>
    /// <para>
    /// This reader is the one exception to "every document goes through the strict pre-pass first"
    /// (<see cref="JsonDocumentReader.Check"/>). Zone trees are the largest documents by far (a Wuhan-sized city is
    /// 508,412 zones, ~75 MB), and a second full token pass cost as much as a third of the read. So the pre-pass rules
    /// are checked here, during the one pass this reader makes anyway, for a document of the only shape it accepts
    /// without a problem (a root object of <c>timeZone</c>/<c>zones</c>, an array of flat zone objects):
    /// </para>
    /// <list type="bullet">
    /// <item>the size limit, before anything;</item>
    /// <item>UTF-8: the whole buffer once (vectorized on .NET 8 and later), and the <c>\u</c> escapes of every
    /// escaped name and string (unpaired surrogates);</item>
    /// <item>repeated names: at the root by bits for <c>timeZone</c>, <c>zones</c> and <c>"$schema"</c> (any other name is
    /// already a problem), and in a zone by the bits of its seven fields (any other name is a problem);</item>
    /// <item>items: the root's and each zone's members, and the <c>zones</c> array, counted as the pre-pass counts them;</item>
    /// <item>depth: fixed at 3 by the shape (a nested value anywhere else is a problem), so it is enough that
    /// <see cref="Limits.MaxDepth"/> allows 3;</item>
    /// <item>a top-level <c>"$schema"</c> string is skipped, as the pre-pass would have blanked it.</item>
    /// </list>
    /// <para>
    /// The first thing that is not clean (any problem of the reader during the pass, a syntax error, or a pre-pass rule
    /// broken) abandons that pass, and the document is read again the general way: the strict pre-pass, then this
    /// reader on its output. So a document with a problem is reported exactly as it always was, and only a clean
    /// document takes the single pass.
    /// </para>
    /// </remarks>
    public static ZoneTree Read(ReadOnlySpan<byte> utf8, in Limits limits)
    {
        if (utf8.Length > limits.MaxDocumentBytes)
        {
            throw StrictJson.TooLarge(DocumentKind, limits);
        }

        if (limits.MaxDepth >= DocumentDepth && Utf8Text.IsValid(utf8))
        {
            try
            {
                return Read(utf8, limits, strict: true);
            }
            catch (NotCleanException)
            {
                // Read it again the general way below, which reports what was found.
            }
        }

        return Read(JsonDocumentReader.Check(utf8, DocumentKind, limits), limits, strict: false);
    }

    /// <summary>Reads a document the general way only: the strict pre-pass, then the reader (for tests of the single pass).</summary>
    internal static ZoneTree ReadThroughPrePass(ReadOnlySpan<byte> utf8, in Limits limits)
    {
        if (utf8.Length > limits.MaxDocumentBytes)
        {
            throw StrictJson.TooLarge(DocumentKind, limits);
        }

        return Read(JsonDocumentReader.Check(utf8, DocumentKind, limits), limits, strict: false);
    }

    /// <summary>
    /// Reads a document; with <paramref name="strict"/>, also checks the pre-pass rules (see above) and throws
    /// <see cref="NotCleanException"/> at the first problem of the pass instead of collecting it.
    /// </summary>
    private static ZoneTree Read(ReadOnlySpan<byte> utf8, in Limits limits, bool strict)
    {
        var problems = new Problems(strict);
        var builder = new ZoneTreeBuilder();
        var zoneOffsets = new List<int>();
        var placeholders = new HashSet<int>();
        var missingKind = new HashSet<int>();
        string? timeZoneId = null;
        var timeZoneOffset = 0;
        var sawZones = false;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var at = new Location("$", -1, null);
        try
        {
            if (!reader.Read() || reader.TokenType == JsonTokenType.Null)
            {
                RequireClean(!strict);
                var empty = new ProblemReport(DocumentKind, limits);
                empty.AddAtLine("$", 1, reader.TokenType == JsonTokenType.Null ? "The document is the JSON value null." : "The document is empty.");
                throw empty.ToException();
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                problems.Add(new Problem("$", (int)reader.TokenStartIndex, "The document must be a JSON object with a \"zones\" list."));
                reader.Skip();
            }
            else
            {
                var rootSeen = 0;
                var rootCount = 0L;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var propertyOffset = (int)reader.TokenStartIndex;
                    if (strict)
                    {
                        // The pre-pass counts an object's members (one per name).
                        rootCount++;
                        RequireClean(rootCount <= limits.MaxItems && EscapesAreValid(ref reader));
                    }

                    if (reader.ValueTextEquals("timeZone"u8))
                    {
                        RequireClean(!strict || Once(ref rootSeen, 1));
                        at = new Location("$.timeZone", -1, null);
                        reader.Read();
                        RequireClean(!strict || EscapesAreValid(ref reader));
                        if (reader.TokenType == JsonTokenType.String)
                        {
                            timeZoneId = reader.GetString();
                            timeZoneOffset = propertyOffset;
                        }
                        else if (reader.TokenType != JsonTokenType.Null)
                        {
                            problems.Add(new Problem(at.Render(), (int)reader.TokenStartIndex, "Expected a TZDB time zone id as a string, e.g. \"Asia/Shanghai\"."));
                            reader.Skip();
                        }
                    }
                    else if (reader.ValueTextEquals("zones"u8))
                    {
                        RequireClean(!strict || Once(ref rootSeen, 2));
                        at = new Location("$.zones", -1, null);
                        reader.Read();
                        if (reader.TokenType == JsonTokenType.StartArray)
                        {
                            sawZones = true;
                            ReadZones(ref reader, builder, problems, zoneOffsets, placeholders, missingKind, ref at, limits);
                        }
                        else if (reader.TokenType != JsonTokenType.Null)
                        {
                            problems.Add(new Problem(at.Render(), (int)reader.TokenStartIndex, "Expected the list of zones as a JSON array."));
                            reader.Skip();
                            sawZones = true;
                        }
                    }
                    else if (strict && reader.ValueTextEquals("$schema"u8))
                    {
                        // The pre-pass blanks a top-level "$schema" string; anything else there is a problem.
                        RequireClean(Once(ref rootSeen, 4));
                        reader.Read();
                        RequireClean(reader.TokenType == JsonTokenType.String && EscapesAreValid(ref reader));
                    }
                    else
                    {
                        at = new Location("$." + reader.GetString(), -1, null);
                        problems.Add(new Problem(at.Render(), propertyOffset, $"Unknown property '{Shorten(reader.GetString()!)}'; a zone tree document has \"timeZone\" and \"zones\"."));
                        reader.Read();
                        reader.Skip();
                    }

                    at = new Location("$", -1, null);
                }
            }

            if (reader.Read())
            {
                problems.Add(new Problem("$", (int)reader.TokenStartIndex, "Unexpected content after the document's end."));
            }
        }
        catch (JsonException ex)
        {
            RequireClean(!strict);
            var report = Report(problems, limits);
            report.AddAtLine(at.Render(), ex.LineNumber is { } l ? l + 1 : null, CleanMessage(ex.Message));
            throw report.ToException(utf8, ex);
        }

        // Past the pass: every pre-pass rule has been checked, and what is left is reported the usual way.
        problems.Strict = false;
        var timeZone = ZoneTreeBuilder.DefaultTimeZone;
        if (timeZoneId is not null)
        {
            var found = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId);
            if (found is null)
            {
                problems.Add(new Problem("$.timeZone", timeZoneOffset, $"The value is not a TZDB time zone id (e.g. Asia/Shanghai)."));
            }
            else
            {
                timeZone = found;
            }
        }

        if (!sawZones)
        {
            problems.Add(new Problem("$.zones", 0, "The list of zones is required."));
        }

        builder.WithTimeZone(timeZone);
        var treeProblems = new List<ZoneTreeProblem>();
        var tree = problems.Count == 0 ? builder.TryBuild(treeProblems) : null;
        if (problems.Count > 0)
        {
            // Run the structural checks too, so a document's type errors and tree errors come together.
            builder.TryBuild(treeProblems);
        }

        foreach (var p in treeProblems)
        {
            if (p.Ordinal >= 0 && (placeholders.Contains(p.Ordinal) || (p.Field == "kind" && missingKind.Contains(p.Ordinal))))
            {
                continue;
            }

            problems.Add(new Problem(p.Ordinal < 0 ? "$" : $"$.zones[{p.Ordinal}].{p.Field}", p.Ordinal < 0 ? 0 : zoneOffsets[p.Ordinal], p.Message));
        }

        if (problems.Count == 0 && tree is not null)
        {
            return tree;
        }

        throw Report(problems, limits).ToException(utf8);
    }

    private static void ReadZones(ref Utf8JsonReader reader, ZoneTreeBuilder builder, Problems problems, List<int> zoneOffsets, HashSet<int> placeholders, HashSet<int> missingKind, ref Location at, in Limits limits)
    {
        var strict = problems.Strict;
        var index = 0;
        var names = new NameCache();
        string? lastParent = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            at = new Location("$.zones", index, null);
            RequireClean(!strict || index < limits.MaxItems);
            zoneOffsets.Add((int)reader.TokenStartIndex);
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                problems.Add(new Problem(at.Render(), (int)reader.TokenStartIndex, reader.TokenType == JsonTokenType.Null ? "A zone must be an object, not null." : "A zone must be a JSON object."));
                reader.Skip();
                placeholders.Add(index);
                builder.Add("-", ZoneKind.Unknown);
                index++;
                continue;
            }

            string? id = null, name = null, parent = null;
            ZoneKind? kind = null;
            int? households = null, residents = null, gates = null;
            var seen = 0;
            var count = 0L;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var offset = (int)reader.TokenStartIndex;
                if (strict)
                {
                    // The pre-pass counts an object's members (one per name). Repeated and unknown names are problems below.
                    count++;
                    RequireClean(count <= limits.MaxItems && EscapesAreValid(ref reader));
                }

                var field = FieldOf(ref reader);
                var propertyName = field < 0 ? reader.GetString()! : FieldNames[field];
                at = new Location("$.zones", index, propertyName);
                reader.Read();
                RequireClean(!strict || EscapesAreValid(ref reader));
                if (field < 0)
                {
                    problems.Add(new Problem(at.Render(), offset, $"Unknown property '{Shorten(propertyName)}'; a zone has id, kind, name, parent, households, residents and gates."));
                    reader.Skip();
                    continue;
                }

                if ((seen & (1 << field)) != 0)
                {
                    problems.Add(new Problem(at.Render(), offset, $"Property '{propertyName}' appears twice in one zone."));
                }

                seen |= 1 << field;
                switch (field)
                {
                    case 0:
                        id = ReadString(ref reader, problems, at);
                        break;
                    case 1:
                        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                        {
                            problems.Add(new Problem(at.Render(), (int)reader.TokenStartIndex, $"Expected one of {KindNames} as a string, found {Describe(reader.TokenType)}."));
                            reader.Skip();
                            kind = ZoneKind.Unknown;
                            break;
                        }

                        if (reader.TokenType == JsonTokenType.String && TryMatchKind(ref reader, out var matched))
                        {
                            kind = matched;
                            break;
                        }

                        var text = ReadString(ref reader, problems, at);
                        if (text is not null)
                        {
                            if (StrictEnumConverter<ZoneKind>.TryParseName(text, out var parsed) && parsed != ZoneKind.Unknown)
                            {
                                kind = parsed;
                            }
                            else
                            {
                                problems.Add(new Problem(at.Render(), (int)reader.TokenStartIndex, $"The value is not one of {KindNames}."));
                                kind = ZoneKind.Unknown;
                            }
                        }
                        break;
                    case 2:
                        name = reader.TokenType == JsonTokenType.String ? names.Get(ref reader) : ReadString(ref reader, problems, at);
                        break;
                    case 3:
                        // Siblings are usually listed together: reuse the previous zone's parent string when the text is the same.
                        parent = reader.TokenType == JsonTokenType.String && lastParent is not null && !reader.ValueIsEscaped && reader.ValueTextEquals(lastParent)
                            ? lastParent
                            : ReadString(ref reader, problems, at);
                        lastParent = parent ?? lastParent;
                        break;
                    case 4:
                        households = ReadCount(ref reader, problems, at);
                        break;
                    case 5:
                        residents = ReadCount(ref reader, problems, at);
                        break;
                    default:
                        gates = ReadCount(ref reader, problems, at);
                        break;
                }
            }

            if (kind is null)
            {
                problems.Add(new Problem(new Location("$.zones", index, "kind").Render(), zoneOffsets[index], "The zone's kind is required."));
                missingKind.Add(index);
            }
            else if (kind == ZoneKind.Unknown)
            {
                missingKind.Add(index); // already reported with the text that failed
            }

            builder.Add(id!, kind ?? ZoneKind.Unknown, name, parent, households, residents, gates);
            index++;
        }
    }

    private static readonly string[] FieldNames = { "id", "kind", "name", "parent", "households", "residents", "gates" };

    private static int FieldOf(ref Utf8JsonReader reader)
    {
        // Dispatch on the name's length first: one comparison per property instead of up to seven.
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            var name = reader.GetString();
            return Array.IndexOf(FieldNames, name);
        }

        var span = reader.ValueSpan;
        return span.Length switch
        {
            2 => span.SequenceEqual("id"u8) ? 0 : -1,
            4 => span.SequenceEqual("kind"u8) ? 1 : span.SequenceEqual("name"u8) ? 2 : -1,
            5 => span.SequenceEqual("gates"u8) ? 6 : -1,
            6 => span.SequenceEqual("parent"u8) ? 3 : -1,
            9 => span.SequenceEqual("residents"u8) ? 5 : -1,
            10 => span.SequenceEqual("households"u8) ? 4 : -1,
            _ => -1,
        };
    }

    /// <summary>Matches a kind name without allocating; anything unusual falls back to the checked path.</summary>
    private static bool TryMatchKind(ref Utf8JsonReader reader, out ZoneKind kind)
    {
        kind = ZoneKind.Unknown;
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return false;
        }

        var span = reader.ValueSpan;
        for (var i = 0; i < KindNamesUtf8.Length; i++)
        {
            if (span.SequenceEqual(KindNamesUtf8[i]))
            {
                kind = KindValues[i];
                return true;
            }
        }

        return false;
    }

    private static readonly ZoneKind[] KindValues = Enumerable.Range(1, ZoneKinds.MaxValue).Select(i => (ZoneKind)i).ToArray();

    private static readonly byte[][] KindNamesUtf8 = KindValues.Select(k => System.Text.Encoding.UTF8.GetBytes(k.ToString())).ToArray();

    private static string? ReadString(ref Utf8JsonReader reader, Problems problems, in Location at)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null:
                return null;
            default:
                problems.Add(new Problem(at.Render(), (int)reader.TokenStartIndex, $"Expected a string, found {Describe(reader.TokenType)}."));
                reader.Skip();
                return null;
        }
    }

    private static int? ReadCount(ref Utf8JsonReader reader, Problems problems, in Location at)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetInt32(out var value):
                return value;
            case JsonTokenType.Number:
                problems.Add(new Problem(at.Render(), (int)reader.TokenStartIndex, "Expected a whole number between -2147483648 and 2147483647."));
                return null;
            case JsonTokenType.Null:
                return null;
            default:
                problems.Add(new Problem(at.Render(), (int)reader.TokenStartIndex, $"Expected a whole number, found {Describe(reader.TokenType)}."));
                reader.Skip();
                return null;
        }
    }

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => type.ToString(),
    };

    /// <summary>Abandons a strict pass (see <see cref="Read(ReadOnlySpan{byte}, in Limits)"/>) unless <paramref name="clean"/>.</summary>
    private static void RequireClean(bool clean)
    {
        if (!clean)
        {
            throw new NotCleanException();
        }
    }

    /// <summary>Sets a bit of the names seen; false when it was already set (a repeated name).</summary>
    private static bool Once(ref int seen, int bit)
    {
        var fresh = (seen & bit) == 0;
        seen |= bit;
        return fresh;
    }

    /// <summary>Whether a name's or string's <c>\u</c> escapes are valid UTF-16 (as the pre-pass checks them); true for other tokens.</summary>
    private static bool EscapesAreValid(ref Utf8JsonReader reader)
        => !reader.ValueIsEscaped || reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || Utf8Text.EscapesAreValid(reader.ValueSpan);

    private static ProblemReport Report(Problems problems, in Limits limits)
    {
        var report = new ProblemReport(DocumentKind, limits);
        foreach (var p in problems)
        {
            report.AddAtOffset(p.Path, p.Offset, p.Message);
        }

        return report;
    }

    private static string CleanMessage(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message.Substring(0, cut) : message;
    }

    private static string Shorten(string text) => DocumentText.Shorten(text);

    private readonly record struct Problem(string Path, int Offset, string Message);

    /// <summary>The problems found; while <see cref="Strict"/>, the first one abandons the pass instead.</summary>
    private sealed class Problems
    {
        private readonly List<Problem> _list = new();

        public Problems(bool strict) => Strict = strict;

        public bool Strict { get; set; }

        public int Count => _list.Count;

        public void Add(Problem problem)
        {
            RequireClean(!Strict);
            _list.Add(problem);
        }

        public List<Problem>.Enumerator GetEnumerator() => _list.GetEnumerator();
    }

    /// <summary>A strict pass met something that is not clean; the document is read again the general way.</summary>
    private sealed class NotCleanException : Exception
    {
    }

    /// <summary>
    /// Reuses the string of a name already read (unit and building names repeat: "1单元", "5栋"), so a large document does
    /// not allocate one string per zone for them. A small direct-mapped cache keyed by the raw UTF-8 bytes.
    /// </summary>
    private sealed class NameCache
    {
        private const int Size = 4096;
        private readonly byte[]?[] _keys = new byte[]?[Size];
        private readonly string?[] _values = new string?[Size];

        public string Get(ref Utf8JsonReader reader)
        {
            if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > 64)
            {
                return reader.GetString()!;
            }

            var bytes = reader.ValueSpan;
            var hash = 17;
            foreach (var b in bytes)
            {
                hash = unchecked((hash * 31) + b);
            }

            var slot = hash & (Size - 1);
            var key = _keys[slot];
            if (key is not null && bytes.SequenceEqual(key))
            {
                return _values[slot]!;
            }

            var value = reader.GetString()!;
            _keys[slot] = bytes.ToArray();
            _values[slot] = value;
            return value;
        }
    }

    /// <summary>Where the reader is, rendered as a JSON path only when a problem needs one.</summary>
    private readonly struct Location
    {
        private readonly string _section;
        private readonly int _index;
        private readonly string? _field;

        public Location(string section, int index, string? field)
        {
            _section = section;
            _index = index;
            _field = field;
        }

        public string Render()
        {
            var path = _index < 0 ? _section : _section + "[" + _index.ToString(CultureInfo.InvariantCulture) + "]";
            return _field is null ? path : path + "." + _field;
        }
    }
}
