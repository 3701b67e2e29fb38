namespace CommunityControl.Measures;

/// <summary>How couriers and take-out riders hand over goods.</summary>
/// <remarks>Values never change between versions.</remarks>
public enum CourierHandover
{
    /// <summary>Not set; rejected in a measure table.</summary>
    Unknown = 0,

    /// <summary>At the gate or a designated pickup point; no entry (Wuhan, Beijing 2020-02).</summary>
    AtGate = 1,

    /// <summary>Entry to the lockers or the gatehouse only, after registration (Zhuhai ~2020-03).</summary>
    LockerAfterRegistration = 2,

    /// <summary>To the door, with the other checks of the level.</summary>
    ToDoor = 3,
}
