namespace CommunityControl.Measures;

/// <summary>What an edition forbids authorities to do (the ten measures, 2022-12-07; Class B management, 2023-01-08).</summary>
/// <remarks>Values never change between versions. A <see cref="MeasureTable"/> checks its own measures against its prohibitions.</remarks>
public enum Prohibition
{
    /// <summary>Not set; rejected in a measure table.</summary>
    None = 0,

    /// <summary>Temporary lockdown (临时封控).</summary>
    TemporaryLockdown = 1,

    /// <summary>Blocking fire exits (堵塞消防通道).</summary>
    BlockingFireExits = 2,

    /// <summary>Blocking unit doors (封堵单元门).</summary>
    BlockingUnitDoors = 3,

    /// <summary>Blocking compound gates (封堵小区门).</summary>
    BlockingCompoundGates = 4,

    /// <summary>Restricting movement or stopping business outside high-risk areas.</summary>
    RestrictionsOutsideHighRiskAreas = 5,

    /// <summary>Checking health codes or test proof outside the listed venues.</summary>
    ChecksOutsideListedVenues = 6,

    /// <summary>Testing on arrival (落地检).</summary>
    ArrivalTesting = 7,

    /// <summary>Area-wide testing (全员核酸).</summary>
    AreaWideTesting = 8,

    /// <summary>Isolation orders.</summary>
    IsolationOrders = 9,

    /// <summary>Determining close contacts.</summary>
    CloseContactDetermination = 10,

    /// <summary>Drawing risk areas.</summary>
    RiskAreas = 11,
}
