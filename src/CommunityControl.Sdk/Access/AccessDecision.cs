using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CommunityControl.Authority;
using CommunityControl.Risk;

namespace CommunityControl.Access;

/// <summary>
/// The decision for one request: the outcome, every violated rule (a flags value of stable codes), the obligations, and
/// for an escalation the permissions the operator lacks and the roles that hold them. Messages are built only by
/// <see cref="Explain"/> and <see cref="Describe"/>.
/// </summary>
/// <threadsafety static="true" instance="true"/>
public readonly struct AccessDecision : IEquatable<AccessDecision>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal AccessDecision(AccessOutcome outcome, AccessReasons reasons, AccessObligations obligations, Permissions missingPermissions, Roles escalateTo, RiskLevel level)
    {
        Outcome = outcome;
        Reasons = reasons;
        Obligations = obligations;
        MissingPermissions = missingPermissions;
        EscalateTo = escalateTo;
        Level = level;
    }

    /// <summary>Gets the outcome.</summary>
    public AccessOutcome Outcome { get; }

    /// <summary>Gets every rule the request violated.</summary>
    public AccessReasons Reasons { get; }

    /// <summary>Gets what the gate must do along with the outcome.</summary>
    public AccessObligations Obligations { get; }

    /// <summary>Gets, for <see cref="AccessOutcome.Escalate"/>, the permissions the gate's operator lacks.</summary>
    public Permissions MissingPermissions { get; }

    /// <summary>Gets, for <see cref="AccessOutcome.Escalate"/>, the roles that hold the missing permissions (e.g. the police for compulsory isolation).</summary>
    public Roles EscalateTo { get; }

    /// <summary>Gets the effective risk level at the gate's zone.</summary>
    public RiskLevel Level { get; }

    /// <summary>Gets a value indicating whether the person may pass (<see cref="AccessOutcome.Allow"/> or <see cref="AccessOutcome.AllowWithObligations"/>).</summary>
    public bool IsAllowed => Outcome is AccessOutcome.Allow or AccessOutcome.AllowWithObligations;

    /// <summary>Tells whether the decision reports a reason.</summary>
    /// <param name="reason">One or more reasons.</param>
    /// <returns>True when every one of them is reported.</returns>
    public bool Has(AccessReasons reason) => (Reasons & reason) == reason;

    /// <summary>Tells whether the decision carries an obligation.</summary>
    /// <param name="obligation">One or more obligations.</param>
    /// <returns>True when every one of them is carried.</returns>
    public bool Requires(AccessObligations obligation) => (Obligations & obligation) == obligation;

    /// <summary>Builds a message for every reason, obligation and escalation, in Chinese or English.</summary>
    /// <param name="culture">
    /// Simplified Chinese for any <c>zh</c> culture (zh-Hans and zh-Hant alike: no Traditional text is shipped), English
    /// otherwise; the same rule as every bilingual text of the library.
    /// </param>
    /// <returns>The messages: reasons first, then obligations, then the escalation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public IReadOnlyList<AccessMessage> Explain(CultureInfo culture)
    {
        var chinese = AccessText.IsChinese(culture);
        var list = new List<AccessMessage>();
        foreach (var reason in AccessText.Split(Reasons))
        {
            list.Add(new AccessMessage(AccessMessageKind.Reason, reason.ToString(), AccessText.Message(reason, chinese)));
        }

        foreach (var obligation in AccessText.Split(Obligations))
        {
            list.Add(new AccessMessage(AccessMessageKind.Obligation, obligation.ToString(), AccessText.Message(obligation, chinese)));
        }

        if (Outcome == AccessOutcome.Escalate)
        {
            list.Add(new AccessMessage(AccessMessageKind.Escalation, "Escalate", AccessText.Escalation(MissingPermissions, EscalateTo, chinese)));
        }

        return list;
    }

    /// <summary>Describes the decision in one line, in Chinese or English.</summary>
    /// <param name="culture">
    /// Simplified Chinese for any <c>zh</c> culture (zh-Hans and zh-Hant alike: no Traditional text is shipped), English
    /// otherwise; the same rule as every bilingual text of the library.
    /// </param>
    /// <returns>E.g. <c>Deny: Temperature above the threshold; obligations: Report the fever to the community</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string Describe(CultureInfo culture)
    {
        var chinese = AccessText.IsChinese(culture);
        var text = new StringBuilder(AccessText.Outcome(Outcome, chinese));
        var first = true;
        foreach (var m in Explain(culture))
        {
            text.Append(first ? (chinese ? "：" : ": ") : (chinese ? "；" : "; "));
            text.Append(m.Text);
            first = false;
        }

        return text.ToString();
    }

    /// <summary>Returns the outcome and the codes, e.g. <c>Deny: FeverAboveThreshold; ReportFeverToCommunity</c>.</summary>
    /// <returns>The outcome, reasons and obligations by code.</returns>
    public override string ToString()
    {
        var text = Outcome.ToString();
        if (Reasons != AccessReasons.None)
        {
            text += ": " + Reasons;
        }

        if (Obligations != AccessObligations.None)
        {
            text += "; " + Obligations;
        }

        return Outcome == AccessOutcome.Escalate ? $"{text}; escalate {MissingPermissions} to {EscalateTo}" : text;
    }

    /// <inheritdoc/>
    public bool Equals(AccessDecision other) => Outcome == other.Outcome && Reasons == other.Reasons && Obligations == other.Obligations
        && MissingPermissions == other.MissingPermissions && EscalateTo == other.EscalateTo && Level == other.Level;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AccessDecision other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => unchecked(((int)Outcome * 31) ^ Reasons.GetHashCode() ^ ((int)Obligations << 7) ^ Level.GetHashCode());

    /// <summary>Compares two decisions.</summary>
    /// <param name="left">The first decision.</param>
    /// <param name="right">The second decision.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(AccessDecision left, AccessDecision right) => left.Equals(right);

    /// <summary>Compares two decisions.</summary>
    /// <param name="left">The first decision.</param>
    /// <param name="right">The second decision.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(AccessDecision left, AccessDecision right) => !left.Equals(right);
}
