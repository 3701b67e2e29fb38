namespace CommunityControl.Access;

/// <summary>One explained part of a decision: its kind, its stable code and a message (whose wording may change).</summary>
/// <param name="Kind">What the message explains.</param>
/// <param name="Code">The stable code, e.g. <c>FeverAboveThreshold</c>.</param>
/// <param name="Text">The message in the language asked for.</param>
public readonly record struct AccessMessage(AccessMessageKind Kind, string Code, string Text);
