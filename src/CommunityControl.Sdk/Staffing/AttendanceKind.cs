namespace CommunityControl.Staffing;

/// <summary>What an <see cref="AttendanceRecord"/> records: a clock-in or a clock-out.</summary>
public enum AttendanceKind
{
    /// <summary>Not set; rejected.</summary>
    Unknown = 0,

    /// <summary>The person started work (上岗签到).</summary>
    ClockIn = 1,

    /// <summary>The person stopped work (下岗签退).</summary>
    ClockOut = 2,
}
