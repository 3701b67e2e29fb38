using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Internal;

namespace CommunityControl;

/// <summary>
/// The one exception thrown when a document (a zone tree, an edition, a history; JSON or CSV) cannot be read.
/// <see cref="Problems"/> holds every problem found, each with its JSON path or CSV line, and nothing is half-loaded:
/// when this is thrown, no model was created.
/// </summary>
/// <remarks>
/// A document that is not well-formed JSON stops at its first syntax error, so it carries one problem; a well-formed
/// document carries every problem in it. Messages never contain personal data.
/// </remarks>
/// <threadsafety static="true" instance="false"/>
#pragma warning disable CA1032 // One constructor on purpose: the exception always carries its problems.
public sealed class DocumentFormatException : FormatException
#pragma warning restore CA1032
{
    /// <summary>Creates the exception with every problem found in the document.</summary>
    /// <param name="documentKind">What the document was meant to hold, e.g. "zone tree"; used in the message.</param>
    /// <param name="problems">Every problem found; at least one.</param>
    /// <param name="innerException">The parser's exception, when the first problem came from one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="documentKind"/> or <paramref name="problems"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty.</exception>
    public DocumentFormatException(string documentKind, IEnumerable<DocumentProblem> problems, Exception? innerException = null)
        : base(BuildMessage(documentKind, problems, out var list), innerException)
    {
        DocumentKind = documentKind;
        Problems = list;
    }

    /// <summary>Gets what the document was meant to hold, e.g. "zone tree".</summary>
    public string DocumentKind { get; }

    /// <summary>Gets every problem found, in document order.</summary>
    public IReadOnlyList<DocumentProblem> Problems { get; }

    private static string BuildMessage(string documentKind, IEnumerable<DocumentProblem> problems, out IReadOnlyList<DocumentProblem> list)
    {
        Guard.NotNull(documentKind);
        Guard.NotNull(problems);
        var array = problems.ToArray();
        if (array.Length == 0)
        {
            throw new ArgumentException("At least one problem is required.", nameof(problems));
        }

        list = Array.AsReadOnly(array);
        var noun = array.Length == 1 ? "problem" : "problems";
        return $"The {documentKind} document is invalid ({array.Length} {noun}): {string.Join("; ", array.Select(p => p.ToString()))}";
    }
}

/// <summary>One problem in a document: where it is and what is wrong.</summary>
/// <param name="Path">Where: a JSON path such as <c>$.zones[3].parent</c>, or for CSV the column name.</param>
/// <param name="LineNumber">The 1-based line in the document, or null when unknown.</param>
/// <param name="Message">What is wrong, in English. The wording may change between versions; the path and line do not.</param>
public readonly record struct DocumentProblem(string Path, long? LineNumber, string Message)
{
    /// <summary>Formats the problem as <c>$.path (line N): message</c>.</summary>
    /// <returns>The path, the line when known, and the message.</returns>
    public override string ToString() => LineNumber is { } line ? $"{Path} (line {line}): {Message}" : $"{Path}: {Message}";
}
