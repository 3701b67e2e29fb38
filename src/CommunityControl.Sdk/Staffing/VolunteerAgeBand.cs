namespace CommunityControl.Staffing;

/// <summary>
/// A volunteer's age band, as a sign-up states it: a band, never a birth date, so that the roster can apply limits by age
/// (for example keeping older volunteers off night gates) without holding more personal data than it needs.
/// </summary>
/// <remarks>Which bands are kept off night shifts is the host's decision (<see cref="VolunteerSignUp.ToCandidate(VolunteerAgeBand?, double, double)"/>):
/// no national rule sets an age limit for night gates, so the library sets none by default.</remarks>
public enum VolunteerAgeBand
{
    /// <summary>Not stated. Invalid in a sign-up.</summary>
    Unknown = 0,

    /// <summary>18 to 29 years.</summary>
    From18To29 = 1,

    /// <summary>30 to 44 years.</summary>
    From30To44 = 2,

    /// <summary>45 to 59 years.</summary>
    From45To59 = 3,

    /// <summary>60 to 69 years.</summary>
    From60To69 = 4,

    /// <summary>70 years or older.</summary>
    From70 = 5,
}
