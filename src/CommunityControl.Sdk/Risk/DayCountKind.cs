namespace CommunityControl.Risk;

/// <summary>Which days a count of consecutive days counts.</summary>
/// <remarks>Values never change between versions.</remarks>
public enum DayCountKind
{
    /// <summary>Not set; rejected.</summary>
    Unknown = 0,

    /// <summary>Every calendar day, Sundays and holidays included.</summary>
    CalendarDays = 1,

    /// <summary>Working days (Werktage): Monday to Saturday except public holidays. Sundays and public holidays neither count nor reset the run.</summary>
    WorkingDays = 2,
}
