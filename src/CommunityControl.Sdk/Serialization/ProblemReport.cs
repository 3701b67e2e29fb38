using System;
using System.Collections.Generic;
using System.Linq;

namespace CommunityControl.Serialization;

/// <summary>
/// The one "problems → lines → exception" step of every reader. Problems are collected with what is known of where they
/// are (a JSON path, a byte offset, a line, or a line inside a sub-document); <see cref="ToException(ReadOnlySpan{byte}, Exception?)"/> finds every line in
/// one linear pass, orders the problems as they appear in the document, keeps the first
/// <see cref="DocumentLimits.MaxProblems"/> and builds the <see cref="DocumentFormatException"/> with the total.
/// </summary>
internal sealed class ProblemReport
{
    private readonly List<Entry> _entries = new();
    private readonly Limits _limits;
    private int _unlisted;

    public ProblemReport(string documentKind, in Limits limits)
    {
        DocumentKind = documentKind;
        _limits = limits;
    }

    /// <summary>Gets what the document was meant to hold, e.g. "zone tree".</summary>
    public string DocumentKind { get; }

    /// <summary>Gets how many problems were found, listed or not.</summary>
    public int Count => _entries.Count + _unlisted;

    /// <summary>Adds a problem whose line is the line of <paramref name="path"/> (or of its nearest present ancestor).</summary>
    public void Add(string path, string message) => _entries.Add(new Entry(path, message, EntryKind.ByPath, 0, null, _entries.Count));

    /// <summary>Adds problems whose lines are the lines of their paths.</summary>
    public void AddRange(IEnumerable<(string Path, string Message)> problems)
    {
        foreach (var (path, message) in problems)
        {
            Add(path, message);
        }
    }

    /// <summary>Adds a problem whose line is known (or unknown: null).</summary>
    public void AddAtLine(string path, long? line, string message)
        => _entries.Add(new Entry(path, message, line is null ? EntryKind.NoLine : EntryKind.AtLine, line ?? 0, null, _entries.Count));

    /// <summary>Adds a problem found at a byte offset of the document.</summary>
    public void AddAtOffset(string path, int offset, string message) => _entries.Add(new Entry(path, message, EntryKind.AtOffset, offset, null, _entries.Count));

    /// <summary>
    /// Adds a problem of a sub-document whose root is the value at <paramref name="anchorPath"/>: its path is re-rooted
    /// there and its line counted from the anchor's line.
    /// </summary>
    public void AddNested(string anchorPath, DocumentProblem inner)
    {
        var path = inner.Path.StartsWith("$", StringComparison.Ordinal) ? anchorPath + inner.Path.Substring(1) : anchorPath + "." + inner.Path;
        _entries.Add(new Entry(path, inner.Message, EntryKind.Nested, inner.LineNumber ?? 1, anchorPath, _entries.Count));
    }

    /// <summary>Adds every problem of a sub-document's exception (<see cref="AddNested(string, DocumentProblem)"/>), counting those it did not list.</summary>
    public void AddNested(string anchorPath, DocumentFormatException inner)
    {
        foreach (var p in inner.Problems)
        {
            AddNested(anchorPath, p);
        }

        _unlisted += inner.TotalProblemCount - inner.Problems.Count;
    }

    /// <summary>Counts problems that were found but not kept (a reader that stops keeping them at the limit).</summary>
    public void AddUnlisted(int count) => _unlisted += count;

    /// <summary>Builds the exception: every line found in one pass over <paramref name="utf8"/>, document order, the first problems and the total.</summary>
    public DocumentFormatException ToException(ReadOnlySpan<byte> utf8, Exception? innerException = null)
    {
        var lines = JsonLines.Find(utf8, PathsToFind());
        var offsetLines = OffsetLines(utf8);
        var problems = new List<(DocumentProblem Problem, long Offset, int Sequence)>(_entries.Count);
        foreach (var e in _entries)
        {
            long? line = e.Kind switch
            {
                EntryKind.AtLine => e.Number,
                EntryKind.AtOffset => offsetLines[(int)e.Number],
                EntryKind.ByPath => lines.TryGetValue(e.Path, out var l) ? l : null,
                EntryKind.Nested => (lines.TryGetValue(e.Anchor!, out var a) ? a : 1) + e.Number - 1,
                _ => null,
            };
            problems.Add((new DocumentProblem(DocumentText.ShortenPath(e.Path), line, DocumentText.BoundMessage(e.Message)), e.Kind == EntryKind.AtOffset ? e.Number : long.MaxValue, e.Sequence));
        }

        var listed = problems
            .OrderBy(p => p.Problem.LineNumber ?? long.MaxValue)
            .ThenBy(p => p.Offset)
            .ThenBy(p => p.Sequence)
            .Take(_limits.MaxProblems)
            .Select(p => p.Problem)
            .ToList();
        return new DocumentFormatException(DocumentKind, listed, Count, innerException);
    }

    /// <summary>Builds the exception of a document that is not JSON (CSV): every line is already known.</summary>
    public DocumentFormatException ToException() => ToException(ReadOnlySpan<byte>.Empty);

    private IEnumerable<string> PathsToFind()
    {
        foreach (var e in _entries)
        {
            if (e.Kind == EntryKind.ByPath)
            {
                yield return e.Path;
            }
            else if (e.Kind == EntryKind.Nested)
            {
                yield return e.Anchor!;
            }
        }
    }

    private Dictionary<int, long> OffsetLines(ReadOnlySpan<byte> utf8)
    {
        var offsets = _entries.Where(e => e.Kind == EntryKind.AtOffset).Select(e => (int)e.Number).Distinct().OrderBy(o => o).ToList();
        var result = new Dictionary<int, long>(offsets.Count);
        var line = 1L;
        var position = 0;
        foreach (var offset in offsets)
        {
            var end = Math.Min(Math.Max(offset, 0), utf8.Length);
            if (end > position)
            {
                line += JsonLines.CountNewlines(utf8.Slice(position, end - position));
                position = end;
            }

            result[offset] = line;
        }

        return result;
    }

    private enum EntryKind
    {
        ByPath,
        AtLine,
        AtOffset,
        Nested,
        NoLine,
    }

    private readonly record struct Entry(string Path, string Message, EntryKind Kind, long Number, string? Anchor, int Sequence);
}
