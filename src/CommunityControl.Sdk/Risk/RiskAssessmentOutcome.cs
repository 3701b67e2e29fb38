namespace CommunityControl.Risk;

/// <summary>Whether a risk level could be decided from the inputs.</summary>
/// <remarks>Values never change between versions.</remarks>
public enum RiskAssessmentOutcome
{
    /// <summary>Not assessed.</summary>
    Unknown = 0,

    /// <summary>The level was decided from the inputs.</summary>
    Determined = 1,

    /// <summary>
    /// An input the rules need is missing (an indicator value not published, a day the history does not cover, a case
    /// located only coarser than the drawing unit). The level is then the least level the zone is known to have, never a guess.
    /// </summary>
    InsufficientData = 2,
}
