namespace CommunityControl.Measures;

/// <summary>
/// The colour of a health code (健康码) as a gate device reads it: green, yellow, red, or invalid (the Dahua gate SDK's
/// states, cn-policy §5 [S46]).
/// </summary>
/// <remarks>Values never change between versions. What each colour means is said per issuer.</remarks>
public enum HealthCodeColour
{
    /// <summary>No code presented or read.</summary>
    Unknown = 0,

    /// <summary>Green (绿码).</summary>
    Green = 1,

    /// <summary>Yellow (黄码).</summary>
    Yellow = 2,

    /// <summary>Red (红码).</summary>
    Red = 3,

    /// <summary>A code that could not be verified (无效).</summary>
    Invalid = 4,
}
