namespace CommunityControl.Staffing;

/// <summary>
/// Where a volunteer's sign-up stands. The allowed moves (<see cref="VolunteerRoster.CanMove(VettingState, VettingState)"/>):
/// signed up → vetted, rejected or withdrawn; vetted → rostered, rejected or withdrawn; rostered → vetted (taken off the
/// roster) or withdrawn. Rejected and withdrawn are final.
/// </summary>
public enum VettingState
{
    /// <summary>Not stated. Invalid in a sign-up.</summary>
    Unknown = 0,

    /// <summary>Signed up, not yet vetted.</summary>
    SignedUp = 1,

    /// <summary>Vetted (identity, health declaration and abilities checked) and ready to be rostered.</summary>
    Vetted = 2,

    /// <summary>On the roster: may be given shifts.</summary>
    Rostered = 3,

    /// <summary>Rejected by the vetting. Final.</summary>
    Rejected = 4,

    /// <summary>Withdrawn by the volunteer. Final.</summary>
    Withdrawn = 5,
}
