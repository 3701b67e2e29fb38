namespace CommunityControl.Measures;

/// <summary>
/// How an outing quota's interval is counted ("one person every 2 days" has two readings): a rolling window of
/// instants, or whole calendar days in the zone tree's time zone.
/// </summary>
/// <remarks>Values never change between versions.</remarks>
public enum OutingWindowKind
{
    /// <summary>Not stated; rejected for a quota with an interval (there is no default reading).</summary>
    Unknown = 0,

    /// <summary>
    /// A rolling window: an outing counts when it started less than the interval before (or after) the instant asked
    /// about. With one person every 2 days, an outing 47:59 h ago still counts; one 48:00 h ago no longer does.
    /// </summary>
    Rolling = 1,

    /// <summary>
    /// Calendar days in the zone tree's time zone: the interval is a whole number of days N, and an outing counts on its
    /// local date and the N − 1 dates before and after. With one person every 2 days, a household out at 23:59 on day 1
    /// may go out again from 00:00 on day 3 (24:01 h later), but not at 00:01 on day 2.
    /// </summary>
    CalendarDays = 2,
}
