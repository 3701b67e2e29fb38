namespace CommunityControl.Access;

/// <summary>Which way a person passes a gate.</summary>
/// <remarks>Values never change between versions.</remarks>
public enum GateDirection
{
    /// <summary>Not set; rejected by the gate decision.</summary>
    Unknown = 0,

    /// <summary>Coming in.</summary>
    Entry = 1,

    /// <summary>Going out.</summary>
    Exit = 2,
}
