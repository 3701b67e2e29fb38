using NodaTime;

namespace CommunityControl.Epidemiology;

/// <summary>The clearing of a <see cref="CaseKind.Suspected"/> person: the suspicion was excluded (排除) on a date.</summary>
/// <threadsafety static="true" instance="true">Immutable once created.</threadsafety>
public sealed class CaseExclusion
{
    /// <summary>Gets the id of the suspected case that was cleared.</summary>
    public required string CaseId { get; init; }

    /// <summary>Gets the local date of the exclusion.</summary>
    public required LocalDate Date { get; init; }

    /// <summary>Returns the id and date.</summary>
    /// <returns>E.g. <c>CaseExclusion case#3fa9c2d1 2020-03-02</c>: the id only redacted.</returns>
    public override string ToString() => $"CaseExclusion {Internal.Redaction.Redact("case", CaseId)} {Date:uuuu'-'MM'-'dd}";
}
