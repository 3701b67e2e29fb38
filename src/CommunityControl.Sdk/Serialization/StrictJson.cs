using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CommunityControl.Serialization;

/// <summary>
/// The strict pre-pass every JSON document goes through before it is read: one pass with <see cref="Utf8JsonReader"/>
/// (comments skipped, trailing commas allowed) that rejects invalid UTF-8, a property name given twice in one object
/// (at any depth), nesting deeper than <see cref="DocumentLimits.MaxDepth"/>, an array or object with more than
/// <see cref="DocumentLimits.MaxItems"/> items, and a document larger than <see cref="DocumentLimits.MaxDocumentBytes"/>.
/// Each is a <see cref="DocumentProblem"/> with its path and line. A top-level <c>"$schema"</c> string is blanked out
/// (offsets and lines kept), so every reader accepts and ignores it.
/// </summary>
/// <remarks>
/// A syntax error ends the pass; if nothing was found before it, the document goes on to its reader, which reports
/// the syntax error as it always has. The pass allocates nothing per token for a valid document: property names are
/// compared as bytes, and paths are rendered only for problems.
/// </remarks>
internal static class StrictJson
{
    private const int SmallObject = 16;

    private static readonly byte[] SchemaName = Encoding.UTF8.GetBytes("$schema");

    /// <summary>Checks a document; returns the bytes to read (the same, or a copy without its top-level <c>"$schema"</c>).</summary>
    /// <exception cref="DocumentFormatException">The document breaks a rule above.</exception>
    public static ReadOnlySpan<byte> Check(ReadOnlySpan<byte> utf8, string documentKind, Limits limits)
    {
        if (utf8.Length > limits.MaxDocumentBytes)
        {
            throw TooLarge(documentKind, limits);
        }

        var scan = new Scan(limits, Utf8Text.IsValid(utf8));
        scan.Run(utf8);
        if (scan.Problems.Count > 0)
        {
            var report = new ProblemReport(documentKind, limits);
            foreach (var p in scan.Problems)
            {
                report.AddAtOffset(p.Path, p.Offset, p.Message);
            }

            report.AddUnlisted(scan.Unlisted);
            if (scan.Syntax is { } syntax)
            {
                report.AddAtLine(syntax.Path, syntax.Line, syntax.Message);
            }

            throw report.ToException(utf8);
        }

        if (scan.SchemaStart < 0 || scan.SchemaEnd < 0)
        {
            return utf8;
        }

        var copy = utf8.ToArray();
        Blank(copy, scan.SchemaStart, scan.SchemaEnd);
        var comma = FindComma(copy, scan.SchemaEnd);
        if (comma >= 0)
        {
            copy[comma] = (byte)' ';
        }

        return copy;
    }

    /// <summary>The problem of a document larger than the limit.</summary>
    public static DocumentFormatException TooLarge(string documentKind, in Limits limits)
    {
        var report = new ProblemReport(documentKind, limits);
        report.AddAtLine("$", 1, string.Format(CultureInfo.InvariantCulture, "The document is larger than {0} bytes (DocumentLimits.MaxDocumentBytes).", limits.MaxDocumentBytes));
        return report.ToException();
    }

    private static void Blank(byte[] bytes, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (bytes[i] is not ((byte)'\n' or (byte)'\r'))
            {
                bytes[i] = (byte)' ';
            }
        }
    }

    /// <summary>The index of the comma after a member, skipping white space and comments; -1 when the member is the last.</summary>
    private static int FindComma(byte[] bytes, int from)
    {
        var i = from;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                i++;
            }
            else if (b == (byte)'/' && i + 1 < bytes.Length && bytes[i + 1] == (byte)'/')
            {
                while (i < bytes.Length && bytes[i] != (byte)'\n')
                {
                    i++;
                }
            }
            else if (b == (byte)'/' && i + 1 < bytes.Length && bytes[i + 1] == (byte)'*')
            {
                i += 2;
                while (i + 1 < bytes.Length && !(bytes[i] == (byte)'*' && bytes[i + 1] == (byte)'/'))
                {
                    i++;
                }

                i += 2;
            }
            else
            {
                return b == (byte)',' ? i : -1;
            }
        }

        return -1;
    }

    private readonly record struct Found(int Offset, string Path, string Message);

    private readonly record struct SyntaxError(string Path, long? Line, string Message);

    private readonly record struct Name(int Start, int Length, byte[]? Unescaped);

    private struct Frame
    {
        public bool IsArray;
        public int Count;
        public int NamesStart;
        public HashSet<string>? Set;

        // How this container is reached from its parent: an index, or a property name (raw bytes).
        public int SegmentIndex;
        public int SegmentStart;
        public int SegmentLength;
        public byte[]? SegmentUnescaped;
    }

    /// <summary>A list used as a stack whose items are changed in place (no copy in and out per token, as with a <see cref="List{T}"/>).</summary>
    private sealed class RefStack<T>
    {
        private T[] _items = new T[16];

        public int Count { get; private set; }

        public ref T this[int index] => ref _items[index];

        public void Add(in T item)
        {
            if (Count == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            _items[Count] = item;
            Count++;
        }

        /// <summary>Drops the items from <paramref name="count"/> on (and their references).</summary>
        public void Truncate(int count)
        {
            Array.Clear(_items, count, Count - count);
            Count = count;
        }
    }

    /// <summary>The state of one pass.</summary>
    private sealed class Scan
    {
        private readonly Limits _limits;
        private readonly bool _utf8Valid;
        private readonly RefStack<Frame> _frames = new();
        private readonly RefStack<Name> _names = new();
        private bool _utf8Reported;
        private int _pendingStart;
        private int _pendingLength;
        private byte[]? _pendingUnescaped;
        private bool _schemaPending;

        public Scan(in Limits limits, bool utf8Valid)
        {
            _limits = limits;
            _utf8Valid = utf8Valid;
        }

        public List<Found> Problems { get; } = new();

        public int Unlisted { get; private set; }

        public SyntaxError? Syntax { get; private set; }

        public int SchemaStart { get; private set; } = -1;

        public int SchemaEnd { get; private set; } = -1;

        public void Run(ReadOnlySpan<byte> utf8)
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
                MaxDepth = _limits.MaxDepth + 1,
            });
            try
            {
                while (reader.Read())
                {
                    if (!Token(utf8, ref reader))
                    {
                        return;
                    }
                }
            }
            catch (JsonException ex)
            {
                if (Problems.Count > 0)
                {
                    var message = ex.Message;
                    var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
                    Syntax = new SyntaxError(Path(utf8, -1, 0, 0), ex.LineNumber is { } l ? l + 1 : null, cut > 0 ? message.Substring(0, cut) : message);
                }

                return;
            }

            if (!_utf8Valid && !_utf8Reported)
            {
                // The invalid bytes are outside every name and value: in a comment.
                if (Room())
                {
                    Problems.Add(new Found(Math.Max(Utf8Text.FirstInvalid(utf8), 0), "$", "The document is not valid UTF-8 text."));
                }
            }
        }

        private bool Token(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader)
        {
            var offset = (int)reader.TokenStartIndex;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    PropertyName(utf8, ref reader, offset);
                    return true;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    var index = CountItem(utf8, offset);
                    EndSchemaValue(-1);
                    if (reader.CurrentDepth + 1 > _limits.MaxDepth)
                    {
                        if (Room())
                        {
                            Problems.Add(new Found(offset, ValuePath(utf8, index), string.Format(CultureInfo.InvariantCulture, "The document nests deeper than {0} levels (DocumentLimits.MaxDepth).", _limits.MaxDepth)));
                        }

                        return false;
                    }

                    _frames.Add(new Frame
                    {
                        IsArray = reader.TokenType == JsonTokenType.StartArray,
                        NamesStart = _names.Count,
                        SegmentIndex = index,
                        SegmentStart = _pendingStart,
                        SegmentLength = _pendingLength,
                        SegmentUnescaped = _pendingUnescaped,
                    });
                    return true;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    _names.Truncate(_frames[_frames.Count - 1].NamesStart);
                    _frames.Truncate(_frames.Count - 1);
                    return true;
                case JsonTokenType.String:
                    var item = CountItem(utf8, offset);
                    var raw = reader.ValueSpan;
                    if ((!_utf8Valid && !Utf8Text.IsValid(raw)) || (reader.ValueIsEscaped && !Utf8Text.EscapesAreValid(raw)))
                    {
                        _utf8Reported = true;
                        if (Room())
                        {
                            Problems.Add(new Found(offset, ValuePath(utf8, item), "The text is not valid UTF-8 (or has an unpaired UTF-16 surrogate escape)."));
                        }
                    }

                    EndSchemaValue(offset + raw.Length + 2);
                    return true;
                default:
                    CountItem(utf8, offset);
                    EndSchemaValue(-1);
                    return true;
            }
        }

        private void PropertyName(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader, int offset)
        {
            var raw = reader.ValueSpan;
            var start = offset + 1;
            _pendingStart = start;
            _pendingLength = raw.Length;
            _pendingUnescaped = null;
            CountItem(utf8, offset, isName: true);
            if ((!_utf8Valid && !Utf8Text.IsValid(raw)) || (reader.ValueIsEscaped && !Utf8Text.EscapesAreValid(raw)))
            {
                _utf8Reported = true;
                if (Room())
                {
                    Problems.Add(new Found(offset, ValuePath(utf8, -1), "The property name is not valid UTF-8 (or has an unpaired UTF-16 surrogate escape)."));
                }

                return;
            }

            var unescaped = reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : null;
            _pendingUnescaped = unescaped;
            var name = unescaped is null ? raw : unescaped;
            if (IsDuplicate(utf8, name, new Name(start, raw.Length, unescaped)) && Room())
            {
                Problems.Add(new Found(offset, ValuePath(utf8, -1), $"The property '{Quote(name)}' appears twice (or more) in the same object; a document gives each property once."));
            }

            if (_frames.Count == 1 && name.SequenceEqual(SchemaName) && SchemaStart < 0 && SchemaEnd < 0)
            {
                SchemaStart = offset;
                _schemaPending = true;
            }
        }

        private bool IsDuplicate(ReadOnlySpan<byte> utf8, ReadOnlySpan<byte> name, Name entry)
        {
            ref var top = ref _frames[_frames.Count - 1];
            if (top.Set is not null)
            {
                return !top.Set.Add(Utf8Text.Decode(name));
            }

            for (var i = top.NamesStart; i < _names.Count; i++)
            {
                ref readonly var other = ref _names[i];
                var otherName = other.Unescaped is null ? utf8.Slice(other.Start, other.Length) : other.Unescaped;
                if (otherName.SequenceEqual(name))
                {
                    return true;
                }
            }

            _names.Add(entry);
            if (_names.Count - top.NamesStart > SmallObject)
            {
                // A large object: from now on a hash set, so that the pass stays linear.
                var set = new HashSet<string>(StringComparer.Ordinal);
                for (var i = top.NamesStart; i < _names.Count; i++)
                {
                    ref readonly var n = ref _names[i];
                    set.Add(Utf8Text.Decode(n.Unescaped is null ? utf8.Slice(n.Start, n.Length) : n.Unescaped));
                }

                top.Set = set;
            }

            return false;
        }

        /// <summary>
        /// Counts an item of an array, or a member of an object (at its name; the member's value is not counted again);
        /// returns the item's index in an array, or -1.
        /// </summary>
        private int CountItem(ReadOnlySpan<byte> utf8, int offset, bool isName = false)
        {
            if (_frames.Count == 0)
            {
                return -1;
            }

            ref var top = ref _frames[_frames.Count - 1];
            if (!top.IsArray && !isName)
            {
                return -1;
            }

            top.Count++;
            if (top.Count == _limits.MaxItems + 1L && Room())
            {
                var noun = top.IsArray ? "items" : "properties";
                Problems.Add(new Found(offset, Path(utf8, -1, 0, 0), string.Format(CultureInfo.InvariantCulture, "The {0} has more than {1} {2} (DocumentLimits.MaxItems).", top.IsArray ? "array" : "object", _limits.MaxItems, noun)));
            }

            return top.IsArray ? top.Count - 1 : -1;
        }

        /// <summary>Whether one more problem is kept; past <see cref="Limits.MaxProblems"/> it is only counted.</summary>
        private bool Room()
        {
            if (Problems.Count >= _limits.MaxProblems)
            {
                Unlisted++;
                return false;
            }

            return true;
        }

        /// <summary>Ends the value of a top-level <c>"$schema"</c>: kept for blanking when it is a string (<paramref name="stringEnd"/> ≥ 0).</summary>
        private void EndSchemaValue(int stringEnd)
        {
            if (!_schemaPending)
            {
                return;
            }

            _schemaPending = false;
            if (stringEnd >= 0)
            {
                SchemaEnd = stringEnd;
            }
            else
            {
                SchemaStart = -1;
            }
        }

        /// <summary>The path of the current value: an array item by index, or the pending property.</summary>
        private string ValuePath(ReadOnlySpan<byte> utf8, int index)
            => _frames.Count == 0 ? "$" : Path(utf8, index, _pendingStart, _pendingLength, leaf: true);

        private string Path(ReadOnlySpan<byte> utf8, int index, int nameStart, int nameLength, bool leaf = false)
        {
            var sb = new StringBuilder("$");
            for (var i = 1; i < _frames.Count; i++)
            {
                ref readonly var f = ref _frames[i];
                Segment(sb, f.SegmentIndex, f.SegmentUnescaped ?? utf8.Slice(f.SegmentStart, f.SegmentLength));
            }

            if (leaf)
            {
                Segment(sb, _frames[_frames.Count - 1].IsArray ? index : -1, _pendingUnescaped ?? utf8.Slice(nameStart, nameLength));
            }

            return sb.ToString();
        }

        private static void Segment(StringBuilder sb, int index, ReadOnlySpan<byte> name)
        {
            if (index >= 0)
            {
                sb.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                sb.Append('.').Append(Quote(name));
            }
        }

        private static string Quote(ReadOnlySpan<byte> text) => DocumentText.Shorten(Utf8Text.Decode(text.Slice(0, Math.Min(text.Length, (DocumentText.MaxQuoted * 4) + 4))));
    }
}
