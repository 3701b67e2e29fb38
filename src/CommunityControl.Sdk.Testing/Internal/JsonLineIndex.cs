using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace CommunityControl.Testing.Internal;

/// <summary>
/// Where each value of a JSON document starts and ends: its 1-based line and its byte range, by JSON path
/// (<c>$.vectors[2].expect[0].level</c>). One pass with <see cref="Utf8JsonReader"/>; the document must be well-formed.
/// </summary>
internal sealed class JsonLineIndex
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private JsonLineIndex()
    {
    }

    /// <summary>Indexes a well-formed document (comments and trailing commas allowed).</summary>
    public static JsonLineIndex Build(ReadOnlySpan<byte> utf8)
    {
        var index = new JsonLineIndex();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var frames = new List<Frame>();
        string? property = null;
        var line = 1L;
        var scanned = 0;
        while (reader.Read())
        {
            var start = checked((int)reader.TokenStartIndex);
            line += CountNewlines(utf8.Slice(scanned, start - scanned));
            scanned = start;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    var frame = frames[frames.Count - 1];
                    frames.RemoveAt(frames.Count - 1);
                    index._entries[frame.Path] = new Entry(frame.Line, frame.Start, start + 1);
                    break;
                default:
                    var path = ValuePath(frames, property);
                    property = null;
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        frames.Add(new Frame(path, reader.TokenType == JsonTokenType.StartArray, line, start));
                    }
                    else
                    {
                        var end = checked(start + (int)(reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) + (reader.TokenType == JsonTokenType.String ? 2 : 0));
                        index._entries[path] = new Entry(line, start, end);
                    }

                    break;
            }
        }

        return index;
    }

    /// <summary>Gets the 1-based line where the value at <paramref name="path"/> starts, falling back to the nearest enclosing value.</summary>
    public long? LineOf(string path)
    {
        for (var p = path; p.Length > 0; p = Parent(p))
        {
            if (_entries.TryGetValue(p, out var entry))
            {
                return entry.Line;
            }
        }

        return null;
    }

    /// <summary>Gets the byte range of the value at <paramref name="path"/>.</summary>
    public bool TryGetRange(string path, out int start, out int end)
    {
        if (_entries.TryGetValue(path, out var entry))
        {
            start = entry.Start;
            end = entry.End;
            return true;
        }

        start = end = 0;
        return false;
    }

    private static string ValuePath(List<Frame> frames, string? property)
    {
        if (frames.Count == 0)
        {
            return "$";
        }

        var parent = frames[frames.Count - 1];
        if (parent.IsArray)
        {
            var item = parent.Path + "[" + parent.Items.ToString(CultureInfo.InvariantCulture) + "]";
            parent.Items++;
            return item;
        }

        return parent.Path + "." + property;
    }

    private static string Parent(string path)
    {
        if (path == "$")
        {
            return string.Empty;
        }

        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "$" : path.Substring(0, cut);
    }

    private static int CountNewlines(ReadOnlySpan<byte> span)
    {
        var count = 0;
        foreach (var b in span)
        {
            if (b == (byte)'\n')
            {
                count++;
            }
        }

        return count;
    }

    private readonly record struct Entry(long Line, int Start, int End);

    private sealed class Frame
    {
        public Frame(string path, bool isArray, long line, int start)
        {
            Path = path;
            IsArray = isArray;
            Line = line;
            Start = start;
        }

        public string Path { get; }

        public bool IsArray { get; }

        public long Line { get; }

        public int Start { get; }

        public int Items { get; set; }
    }
}
