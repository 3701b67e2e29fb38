namespace CommunityControl.Access;

/// <summary>What an <see cref="AccessMessage"/> explains.</summary>
/// <remarks>Values never change between versions.</remarks>
public enum AccessMessageKind
{
    /// <summary>Not set.</summary>
    None = 0,

    /// <summary>A violated rule; the code is an <see cref="AccessReasons"/> name.</summary>
    Reason = 1,

    /// <summary>An obligation; the code is an <see cref="AccessObligations"/> name.</summary>
    Obligation = 2,

    /// <summary>The escalation; the code is <c>Escalate</c>.</summary>
    Escalation = 3,
}
