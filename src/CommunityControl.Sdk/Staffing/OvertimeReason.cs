namespace CommunityControl.Staffing;

/// <summary>Why a day is an overtime day.</summary>
public enum OvertimeReason
{
    /// <summary>Not an overtime day.</summary>
    None = 0,

    /// <summary>A weekly rest day.</summary>
    RestDay = 1,

    /// <summary>A public holiday.</summary>
    Holiday = 2,

    /// <summary>More paid hours than the regular hours per day.</summary>
    Hours = 3,
}
