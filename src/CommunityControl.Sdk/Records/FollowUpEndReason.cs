namespace CommunityControl.Records;

/// <summary>Why a follow-up ended before its last day.</summary>
/// <remarks>Values never change between versions.</remarks>
public enum FollowUpEndReason
{
    /// <summary>Not set.</summary>
    Unknown = 0,

    /// <summary>The person became a case (confirmed or asymptomatic infection) and left follow-up for treatment.</summary>
    BecameCase = 1,

    /// <summary>The person was handed over to another jurisdiction or facility.</summary>
    TransferredOut = 2,

    /// <summary>The person could not be followed up.</summary>
    LostToFollowUp = 3,

    /// <summary>The exposure was ruled out (e.g. a contact reclassified).</summary>
    RuledOut = 4,
}
