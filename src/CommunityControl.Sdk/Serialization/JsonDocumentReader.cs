using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CommunityControl.Serialization;

/// <summary>
/// Shared plumbing for reading a document: deserialize with a source-generated contract, turn the serializer's first
/// error into a <see cref="DocumentProblem"/> with path and line, and find the lines of semantic problems afterwards.
/// </summary>
internal static class JsonDocumentReader
{
    /// <summary>Deserializes <paramref name="utf8"/>; throws <see cref="DocumentFormatException"/> on any parser or shape error.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8, JsonTypeInfo<T> typeInfo, string documentKind)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(utf8, typeInfo)
                ?? throw new DocumentFormatException(documentKind, new[] { new DocumentProblem("$", 1, "The document is the JSON value null.") });
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? l + 1 : (long?)null;
            throw new DocumentFormatException(documentKind, new[] { new DocumentProblem(ex.Path ?? "$", line, CleanMessage(ex)) }, ex);
        }
    }

    /// <summary>Reads a stream fully into UTF-8 bytes.</summary>
    public static byte[] ReadAll(Stream stream)
    {
        if (stream is MemoryStream ms && ms.TryGetBuffer(out var segment))
        {
            var remaining = segment.AsSpan((int)ms.Position);
            ms.Position = ms.Length;
            return remaining.ToArray();
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Encodes a string as UTF-8.</summary>
    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    /// <summary>
    /// Finds the 1-based line of each JSON path in <paramref name="paths"/> (paths like <c>$.zones[3].parent</c>; a path
    /// whose property is absent falls back to its object). One pass over the document.
    /// </summary>
    public static Dictionary<string, long> FindLines(ReadOnlySpan<byte> utf8, IEnumerable<string> paths)
    {
        var wanted = new HashSet<string>(paths, StringComparer.Ordinal);
        var wantedPrefixes = new HashSet<string>(wanted.Select(ParentOf).Where(p => p is not null)!, StringComparer.Ordinal);
        var found = new Dictionary<string, long>(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return found;
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var stack = new List<Frame>();
        string? pendingProperty = null;
        var line = 1L;
        var scanned = 0;
        try
        {
            while (reader.Read())
            {
                var start = (int)reader.TokenStartIndex;
                line += CountNewlines(utf8.Slice(scanned, start - scanned));
                scanned = start;

                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    pendingProperty = reader.GetString();
                    var propertyPath = stack.Count == 0 ? "$" : stack[stack.Count - 1].Path;
                    Record(found, wanted, propertyPath + "." + pendingProperty, line);
                    continue;
                }

                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    stack.RemoveAt(stack.Count - 1);
                    continue;
                }

                string path;
                if (stack.Count == 0)
                {
                    path = "$";
                }
                else
                {
                    var top = stack[stack.Count - 1];
                    if (top.IsArray)
                    {
                        path = top.Path + "[" + top.NextIndex + "]";
                        top.NextIndex++;
                        stack[stack.Count - 1] = top;
                    }
                    else
                    {
                        path = top.Path + "." + pendingProperty;
                    }
                }

                Record(found, wanted, path, line);
                if (wantedPrefixes.Contains(path))
                {
                    foreach (var w in wanted)
                    {
                        if (!found.ContainsKey(w) && ParentOf(w) == path)
                        {
                            found[w] = line; // provisional: the object's line, replaced if the property appears
                        }
                    }
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    stack.Add(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
                }
            }
        }
        catch (JsonException)
        {
            // The document was already parsed once; a failure here only means no more lines can be found.
        }

        return found;
    }

    private static void Record(Dictionary<string, long> found, HashSet<string> wanted, string path, long line)
    {
        if (wanted.Contains(path))
        {
            found[path] = line;
        }
    }

    private static string? ParentOf(string path)
    {
        var dot = path.LastIndexOf('.');
        var bracket = path.LastIndexOf('[');
        var cut = Math.Max(dot, bracket);
        return cut > 0 ? path.Substring(0, cut) : null;
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

    private static string CleanMessage(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message.Substring(0, cut);
        }

        if (ex.InnerException is { } inner && !string.IsNullOrEmpty(inner.Message) && !message.Contains(inner.Message))
        {
            message += " " + inner.Message;
        }

        return message;
    }

    private struct Frame
    {
        public Frame(string path, bool isArray)
        {
            Path = path;
            IsArray = isArray;
            NextIndex = 0;
        }

        public string Path { get; }

        public bool IsArray { get; }

        public int NextIndex { get; set; }
    }
}
