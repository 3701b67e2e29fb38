using System;

namespace CommunityControl.Access;

/// <summary>What the gate must do along with its decision. The member names are stable codes.</summary>
/// <remarks>Values never change between versions; new obligations take new bits.</remarks>
[Flags]
public enum AccessObligations
{
    /// <summary>Nothing further.</summary>
    None = 0,

    /// <summary>Register the person (登记).</summary>
    Register = 1 << 0,

    /// <summary>Measure the temperature again and ask again.</summary>
    Remeasure = 1 << 1,

    /// <summary>Escort the person to the pickup point (错峰取物).</summary>
    EscortToPickupPoint = 1 << 2,

    /// <summary>Report the fever to the community (the fever pathway).</summary>
    ReportFeverToCommunity = 1 << 3,

    /// <summary>Hand goods over at the designated point or locker.</summary>
    HandOverAtDesignatedPoint = 1 << 4,

    /// <summary>Report the arrival to the community the same day.</summary>
    ReportArrivalToCommunity = 1 << 5,

    /// <summary>The person goes home to begin the observation, monitoring or isolation the edition requires.</summary>
    BeginHomeObservation = 1 << 6,

    /// <summary>The person takes the tests the edition requires.</summary>
    TakeTests = 1 << 7,

    /// <summary>Transfer the person to centralized quarantine.</summary>
    TransferToCentralizedQuarantine = 1 << 8,

    /// <summary>Enforce the isolation (compulsory isolation, Art. 39).</summary>
    EnforceIsolation = 1 << 9,

    /// <summary>The exit counts against the household's outing quota: record it (<see cref="AccessPolicy.EvaluateAndRecord"/> does).</summary>
    RecordOuting = 1 << 10,

    /// <summary>The person must be back within the longest absence allowed.</summary>
    ReturnWithinLimit = 1 << 11,

    /// <summary>An emergency exit from a sealed area uses a dedicated vehicle (专车).</summary>
    ArrangeDedicatedVehicle = 1 << 12,
}
