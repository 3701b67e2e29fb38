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

    public static ZoneTree Read(ReadOnlySpan<byte> utf8, in Limits limits)
    {
        utf8 = JsonDocumentReader.Check(utf8, DocumentKind, limits);
        var problems = new List<Problem>();
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
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var propertyOffset = (int)reader.TokenStartIndex;
                    if (reader.ValueTextEquals("timeZone"u8))
                    {
                        at = new Location("$.timeZone", -1, null);
                        reader.Read();
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
                        at = new Location("$.zones", -1, null);
                        reader.Read();
                        if (reader.TokenType == JsonTokenType.StartArray)
                        {
                            sawZones = true;
                            ReadZones(ref reader, builder, problems, zoneOffsets, placeholders, missingKind, ref at);
                        }
                        else if (reader.TokenType != JsonTokenType.Null)
                        {
                            problems.Add(new Problem(at.Render(), (int)reader.TokenStartIndex, "Expected the list of zones as a JSON array."));
                            reader.Skip();
                            sawZones = true;
                        }
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
            var report = Report(problems, limits);
            report.AddAtLine(at.Render(), ex.LineNumber is { } l ? l + 1 : null, CleanMessage(ex.Message));
            throw report.ToException(utf8, ex);
        }

        var timeZone = ZoneTreeBuilder.DefaultTimeZone;
        if (timeZoneId is not null)
        {
            var found = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId);
            if (found is null)
            {
                problems.Add(new Problem("$.timeZone", timeZoneOffset, $"'{Shorten(timeZoneId)}' is not a TZDB time zone id (e.g. Asia/Shanghai)."));
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

    private static void ReadZones(ref Utf8JsonReader reader, ZoneTreeBuilder builder, List<Problem> problems, List<int> zoneOffsets, HashSet<int> placeholders, HashSet<int> missingKind, ref Location at)
    {
        var index = 0;
        var names = new NameCache();
        string? lastParent = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            at = new Location("$.zones", index, null);
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
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var offset = (int)reader.TokenStartIndex;
                var field = FieldOf(ref reader);
                var propertyName = field < 0 ? reader.GetString()! : FieldNames[field];
                at = new Location("$.zones", index, propertyName);
                reader.Read();
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
                                problems.Add(new Problem(at.Render(), (int)reader.TokenStartIndex, $"'{Shorten(text)}' is not one of {KindNames}."));
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

    private static string? ReadString(ref Utf8JsonReader reader, List<Problem> problems, in Location at)
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

    private static int? ReadCount(ref Utf8JsonReader reader, List<Problem> problems, in Location at)
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

    private static ProblemReport Report(List<Problem> problems, in Limits limits)
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
