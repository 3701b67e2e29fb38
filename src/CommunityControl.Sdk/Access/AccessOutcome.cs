namespace CommunityControl.Access;

/// <summary>What the gate does with a person.</summary>
/// <remarks>Values never change between versions.</remarks>
public enum AccessOutcome
{
    /// <summary>Not decided (<c>default(AccessDecision)</c>).</summary>
    Unknown = 0,

    /// <summary>Let the person pass.</summary>
    Allow = 1,

    /// <summary>Let the person pass, and carry out the obligations (register, record the outing, report …).</summary>
    AllowWithObligations = 2,

    /// <summary>Do not let the person pass; carry out the obligations (re-measure, report the fever, hand over at the gate …).</summary>
    Deny = 3,

    /// <summary>The decision needs a permission the gate's operator lacks: hand it to the roles named in <see cref="AccessDecision.EscalateTo"/>.</summary>
    Escalate = 4,
}
