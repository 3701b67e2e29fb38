using System.Globalization;
using System.Text;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Risk;

/// <summary>
/// Why a zone is at its level: a stable <see cref="Code"/> (see <see cref="RiskReasonCodes"/>), the rule that decided,
/// and the evidence — the case, the indicator value, the zone — that set it.
/// </summary>
/// <remarks>Reasons name pseudonymous case ids and zone ids only, never personal data.</remarks>
/// <threadsafety static="true" instance="true">Immutable once created.</threadsafety>
public sealed class RiskReason
{
    /// <summary>Creates a reason.</summary>
    /// <param name="code">A stable PascalCase code, e.g. <see cref="RiskReasonCodes.ResidenceOfCase"/>.</param>
    /// <param name="ruleId">The id of the rule that decided (or of the policy part: baseline, aggregation).</param>
    /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
    /// <exception cref="System.ArgumentException">An argument is empty.</exception>
    public RiskReason(string code, string ruleId)
    {
        Code = Guard.NotNullOrWhiteSpace(code);
        RuleId = Guard.NotNullOrWhiteSpace(ruleId);
    }

    /// <summary>Gets the stable code; see <see cref="RiskReasonCodes"/>.</summary>
    public string Code { get; }

    /// <summary>Gets the id of the rule that decided.</summary>
    public string RuleId { get; }

    /// <summary>Gets the pseudonymous id of the case that set the level, if a case did.</summary>
    public string? CaseId { get; init; }

    /// <summary>Gets <see cref="CaseId"/> redacted (a prefix and a short keyed hash, e.g. <c>case#3fa9c2d1</c>), as every
    /// text of the library shows it; null when no case set the level.</summary>
    public string? RedactedCaseId => CaseId is null ? null : Redaction.Redact("case", CaseId);

    /// <summary>Gets the zone the evidence is about (the activity place, the district whose level was taken, the screened zone), if any.</summary>
    public ZoneId Zone { get; init; }

    /// <summary>Gets the name of the metric that set the level, if an indicator did.</summary>
    public string? Metric { get; init; }

    /// <summary>Gets the indicator value or count that set the level, if any.</summary>
    public double? Value { get; init; }

    /// <summary>Gets the date of the evidence (the case's report, the reading, the last day of a run), if any.</summary>
    public LocalDate? EvidenceDate { get; init; }

    /// <summary>Gets a short English detail (e.g. the row of a threshold table), if any; wording may change.</summary>
    public string? Detail { get; init; }

    /// <summary>
    /// Explains the reason in Chinese or English by the library's one rule for bilingual text: any <c>zh</c> culture gets
    /// the Simplified Chinese, any other English. Built-in codes have a sentence; a vendor's code is shown as it is.
    /// </summary>
    /// <param name="culture">The culture, e.g. <c>CultureInfo.GetCultureInfo("zh-CN")</c>.</param>
    /// <returns>E.g. <c>病例居住地（病例 case#3fa9c2d1，2022-07-01）</c> or <c>residence of a case (case#3fa9c2d1, 2022-07-01)</c>;
    /// a case id only redacted. The wording may change between versions; <see cref="Code"/> is the contract.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string Describe(CultureInfo culture) => RiskText.Describe(this, Guard.NotNull(culture));

    /// <summary>Returns the code and the evidence.</summary>
    /// <returns>E.g. <c>ResidenceOfCase [risk-areas] case#3fa9c2d1, 2022-07-01</c>: a case id only redacted.</returns>
    public override string ToString()
    {
        var text = new StringBuilder(Code).Append(" [").Append(RuleId).Append(']');
        if (CaseId is not null)
        {
            text.Append(' ').Append(RedactedCaseId);
        }

        if (!Zone.IsEmpty)
        {
            text.Append(" zone ").Append(Zone.Value);
        }

        if (Metric is not null)
        {
            text.Append(' ').Append(Metric);
        }

        if (Value is { } v)
        {
            text.Append(Metric is null ? " value " : "=").Append(v.ToString("R", CultureInfo.InvariantCulture));
        }

        if (EvidenceDate is { } d)
        {
            text.Append(", ").Append(d.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture));
        }

        if (Detail is not null)
        {
            text.Append(" (").Append(Detail).Append(')');
        }

        return text.ToString();
    }
}
