namespace CommunityControl.Measures;

/// <summary>How the itinerary card (通信大数据行程卡) marked cities with risk areas in a period (cn-policy §6.11).</summary>
/// <remarks>Values never change between versions.</remarks>
internal enum TripCardMarking
{
    /// <summary>Not set.</summary>
    Unknown = 0,

    /// <summary>Risk cities shown in red (2020-03 to 2021-01-07).</summary>
    RiskCityRed = 1,

    /// <summary>A "*" when a visited city has a medium- or high-risk area (2021-01-08 to 2022-06-28); not proof of visiting the area.</summary>
    Star = 2,

    /// <summary>No marking (from 2022-06-29).</summary>
    Unmarked = 3,
}
