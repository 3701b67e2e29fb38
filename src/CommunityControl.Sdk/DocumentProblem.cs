namespace CommunityControl;

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
