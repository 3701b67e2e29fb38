using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace CommunityControl.Serialization;

/// <summary>
/// Finds the 1-based line of JSON paths (<c>$.zones[3].parent</c>, <c>$.levels.High</c>) in one pass over a document,
/// in time linear in its size and the number of paths: the wanted paths and their ancestors are indexed by (parent,
/// key) before the pass, so a token is matched by one hash lookup and no path string is built while reading.
/// </summary>
internal static class JsonLines
{
    /// <summary>
    /// Finds the line of each path; a path that is absent (a missing property) gets the line of its nearest ancestor
    /// that is present. Paths that are not JSON paths, or whose ancestors are all absent, are left out.
    /// </summary>
    public static Dictionary<string, long> Find(ReadOnlySpan<byte> utf8, IEnumerable<string> paths)
    {
        var nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        var wanted = new List<(string Path, Node Node)>();
        var distinct = new HashSet<Node>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (seen.Add(path) && GetOrAdd(nodes, path) is { } node)
            {
                wanted.Add((path, node));
                distinct.Add(node);
            }
        }

        var found = new Dictionary<string, long>(wanted.Count, StringComparer.Ordinal);
        if (wanted.Count == 0 || !nodes.TryGetValue("$", out var root))
        {
            return found;
        }

        Walk(utf8, root, distinct.Count);
        foreach (var (path, node) in wanted)
        {
            for (var n = node; n is not null; n = n.Parent)
            {
                if (n.Line > 0)
                {
                    found[path] = n.Line;
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>Counts the line feeds in <paramref name="span"/>.</summary>
    public static int CountNewlines(ReadOnlySpan<byte> span)
    {
#if NET8_0_OR_GREATER
        return span.Count((byte)'\n');
#else
        var count = 0;
        foreach (var b in span)
        {
            if (b == (byte)'\n')
            {
                count++;
            }
        }

        return count;
#endif
    }

    private static void Walk(ReadOnlySpan<byte> utf8, Node root, int wantedCount)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = DocumentLimits.MaxDepthCeiling + 1,
        });
        var frames = new List<Frame>();
        Node? pending = null;
        var line = 1L;
        var scanned = 0;
        var remaining = wantedCount;
        try
        {
            while (remaining > 0 && reader.Read())
            {
                Node? node;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pending = null;
                        var byName = frames[frames.Count - 1].Node?.ByName;
                        if (byName is not null && byName.TryGetValue(reader.GetString()!, out node))
                        {
                            pending = node;
                            Mark(node, utf8, ref reader, ref scanned, ref line, ref remaining, isValue: false);
                        }

                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        continue;
                }

                if (frames.Count == 0)
                {
                    node = root;
                    Mark(node, utf8, ref reader, ref scanned, ref line, ref remaining, isValue: true);
                }
                else if (frames[frames.Count - 1].IsArray)
                {
                    var top = frames[frames.Count - 1];
                    node = null;
                    if (top.Node?.ByIndex is { } byIndex && byIndex.TryGetValue(top.Index, out node))
                    {
                        Mark(node, utf8, ref reader, ref scanned, ref line, ref remaining, isValue: true);
                    }

                    top.Index++;
                    frames[frames.Count - 1] = top;
                }
                else
                {
                    // A property's line is its value's line (where a sub-document read on its own starts).
                    node = pending;
                    pending = null;
                    if (node is not null)
                    {
                        Mark(node, utf8, ref reader, ref scanned, ref line, ref remaining, isValue: true);
                    }
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    frames.Add(new Frame(node, reader.TokenType == JsonTokenType.StartArray));
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // A malformed document was reported as such already; no more lines can be found in it.
        }
    }

    /// <summary>Records a node's line: a property's name line first, then its value's line (which stays).</summary>
    private static void Mark(Node node, ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader, ref int scanned, ref long line, ref int remaining, bool isValue)
    {
        if (node.HasValue || (!isValue && node.Line > 0))
        {
            return;
        }

        var start = (int)reader.TokenStartIndex;
        line += CountNewlines(utf8.Slice(scanned, start - scanned));
        scanned = start;
        node.Line = line;
        if (isValue)
        {
            node.HasValue = true;
            if (node.IsWanted)
            {
                remaining--;
            }
        }
    }

    private static Node? GetOrAdd(Dictionary<string, Node> nodes, string path, bool wanted = true)
    {
        if (nodes.TryGetValue(path, out var existing))
        {
            existing.IsWanted |= wanted;
            return existing;
        }

        if (path == "$")
        {
            var root = new Node(path, null) { IsWanted = wanted };
            nodes.Add(path, root);
            return root;
        }

        if (!TrySplit(path, out var parentPath, out var name, out var index) || GetOrAdd(nodes, parentPath, wanted: false) is not { } parent)
        {
            return null;
        }

        // Two spellings of one place (".a" and "['a']", "[0]" and "[00]") share a node: a document's names may contain
        // dots and brackets, so paths built by concatenation can differ in text and still mean the same member.
        Node? node;
        if (name is null)
        {
            var byIndex = parent.ByIndex ??= new Dictionary<int, Node>();
            if (!byIndex.TryGetValue(index, out node))
            {
                byIndex.Add(index, node = new Node(path, parent));
            }
        }
        else
        {
            var byName = parent.ByName ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!byName.TryGetValue(name, out node))
            {
                byName.Add(name, node = new Node(path, parent));
            }
        }

        node.IsWanted |= wanted;
        nodes.Add(path, node);
        return node;
    }

    /// <summary>Splits the last segment off a path: <c>.name</c>, <c>['name']</c> or <c>[index]</c>.</summary>
    private static bool TrySplit(string path, out string parent, out string? name, out int index)
    {
        parent = string.Empty;
        name = null;
        index = -1;
        if (path.Length < 2 || path[0] != '$')
        {
            return false;
        }

        if (path.EndsWith("']", StringComparison.Ordinal))
        {
            var open = path.LastIndexOf("['", StringComparison.Ordinal);
            if (open > 0)
            {
                parent = path.Substring(0, open);
                name = path.Substring(open + 2, path.Length - open - 4);
                return true;
            }
        }

        if (path[path.Length - 1] == ']')
        {
            var open = path.LastIndexOf('[');
            if (open > 0 && int.TryParse(path.Substring(open + 1, path.Length - open - 2), NumberStyles.None, CultureInfo.InvariantCulture, out index))
            {
                parent = path.Substring(0, open);
                return true;
            }
        }

        var dot = path.LastIndexOf('.');
        if (dot <= 0)
        {
            return false;
        }

        parent = path.Substring(0, dot);
        name = path.Substring(dot + 1);
        return true;
    }

    private sealed class Node
    {
        public Node(string path, Node? parent)
        {
            Path = path;
            Parent = parent;
        }

        public string Path { get; }

        public Node? Parent { get; }

        public bool IsWanted { get; set; }

        public long Line { get; set; }

        public bool HasValue { get; set; }

        public Dictionary<string, Node>? ByName { get; set; }

        public Dictionary<int, Node>? ByIndex { get; set; }
    }

    private struct Frame
    {
        public Frame(Node? node, bool isArray)
        {
            Node = node;
            IsArray = isArray;
            Index = 0;
        }

        public Node? Node { get; }

        public bool IsArray { get; }

        public int Index { get; set; }
    }
}
