using System;
using System.Collections.Generic;
using System.Globalization;
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
/// document carries every problem in it, up to <see cref="Serialization.DocumentLimits.MaxProblems"/> (the first ones in
/// document order; <see cref="TotalProblemCount"/> says how many were found). Messages never contain personal data, and
/// quote at most 64 characters of the document's text.
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
        : this(documentKind, Guard.NotNull(problems).ToArray(), totalProblemCount: null, innerException)
    {
    }

    /// <summary>Creates the exception with the first problems found and how many there were in all.</summary>
    internal DocumentFormatException(string documentKind, IReadOnlyCollection<DocumentProblem> problems, int? totalProblemCount, Exception? innerException)
        : base(BuildMessage(documentKind, problems, totalProblemCount, out var list), innerException)
    {
        DocumentKind = documentKind;
        Problems = list;
        TotalProblemCount = Math.Max(totalProblemCount ?? list.Count, list.Count);
    }

    /// <summary>Gets what the document was meant to hold, e.g. "zone tree".</summary>
    public string DocumentKind { get; }

    /// <summary>Gets the problems found, in document order: every one, or the first
    /// <see cref="Serialization.DocumentLimits.MaxProblems"/> when there were more.</summary>
    /// <value>At least one problem; at most <see cref="TotalProblemCount"/>.</value>
    public IReadOnlyList<DocumentProblem> Problems { get; }

    /// <summary>Gets how many problems were found in all, including those not listed in <see cref="Problems"/>.</summary>
    /// <value>At least <c>Problems.Count</c>; more when the reader's <see cref="Serialization.DocumentLimits.MaxProblems"/> was reached.</value>
    public int TotalProblemCount { get; }

    private static string BuildMessage(string documentKind, IReadOnlyCollection<DocumentProblem> problems, int? total, out IReadOnlyList<DocumentProblem> list)
    {
        Guard.NotNull(documentKind);
        var array = problems.ToArray();
        if (array.Length == 0)
        {
            throw new ArgumentException("At least one problem is required.", nameof(problems));
        }

        list = Array.AsReadOnly(array);
        var all = Math.Max(total ?? array.Length, array.Length);
        var noun = all == 1 ? "problem" : "problems";
        var count = all > array.Length
            ? string.Format(CultureInfo.InvariantCulture, "first {0} of {1} {2}", array.Length, all, noun)
            : string.Format(CultureInfo.InvariantCulture, "{0} {1}", all, noun);
        return $"The {documentKind} document is invalid ({count}): {string.Join("; ", array.Select(p => p.ToString()))}";
    }
}
