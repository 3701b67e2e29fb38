using System;

namespace CommunityControl.Access;

/// <summary>
/// The rules a request violated, as flags: every violated rule is reported. The member names are the stable reason codes;
/// messages in Chinese and English are built only when asked for (<see cref="AccessDecision.Describe(System.Globalization.CultureInfo)"/>, <see cref="AccessDecision.Explain(System.Globalization.CultureInfo)"/>).
/// </summary>
/// <remarks>Values never change between versions; new reasons take new bits.</remarks>
[Flags]
public enum AccessReasons : long
{
    /// <summary>No rule violated.</summary>
    None = 0,

    /// <summary>Stay-home order (足不出户): residents do not go out, outsiders do not come in.</summary>
    StayHomeOrder = 1L << 0,

    /// <summary>Stay-in-area order (人不出区): residents do not leave the area.</summary>
    StayInAreaOrder = 1L << 1,

    /// <summary>Closed management: residents go out only for the listed purposes.</summary>
    ExitPurposeNotAllowed = 1L << 2,

    /// <summary>The exit is allowed only with the community's approval, which the request does not have.</summary>
    ExitNeedsApproval = 1L << 3,

    /// <summary>The household's outing quota is used up for the interval.</summary>
    OutingQuotaExhausted = 1L << 4,

    /// <summary>The resident comes back after the longest absence allowed (the resident is let in).</summary>
    OutingOverdue = 1L << 5,

    /// <summary>No temperature reading.</summary>
    TemperatureNotMeasured = 1L << 6,

    /// <summary>An implausible temperature reading (not a number, or outside the plausible range): measure again.</summary>
    TemperatureImplausible = 1L << 7,

    /// <summary>A temperature above the threshold (above 37.3 °C in the built-in sources).</summary>
    FeverAboveThreshold = 1L << 8,

    /// <summary>No health code shown or read.</summary>
    HealthCodeMissing = 1L << 9,

    /// <summary>The health code's colour is not accepted.</summary>
    HealthCodeNotAccepted = 1L << 10,

    /// <summary>No pass (出入证).</summary>
    PassMissing = 1L << 11,

    /// <summary>Visitors are barred.</summary>
    VisitorBarred = 1L << 12,

    /// <summary>A visitor without a resident's confirmation.</summary>
    VisitorNotConfirmed = 1L << 13,

    /// <summary>Couriers do not enter; they hand over at the designated point.</summary>
    CourierHandOverOnly = 1L << 14,

    /// <summary>The gates are closed for the night (or a curfew holds).</summary>
    NightClosure = 1L << 15,

    /// <summary>No negative test sampled within the validity required (to leave the city, or at a listed venue).</summary>
    NegativeTestMissing = 1L << 16,

    /// <summary>Under home medical observation or home isolation: no going out.</summary>
    UnderHomeObservation = 1L << 17,

    /// <summary>Under home health monitoring: going out needs the community's approval.</summary>
    UnderHomeHealthMonitoring = 1L << 18,

    /// <summary>Under centralized quarantine: the person has left, or is trying to leave, the designated place.</summary>
    UnderCentralizedQuarantine = 1L << 19,

    /// <summary>The person refuses the isolation or observation ordered (Art. 39: the police assist).</summary>
    RefusesIsolation = 1L << 20,

    /// <summary>The person's exposure requires centralized quarantine under the edition (e.g. a 7-day history in a high-risk area).</summary>
    ExposureNeedsCentralizedQuarantine = 1L << 21,

    /// <summary>The person's exposure requires observation at home (the person is let in to begin it).</summary>
    ExposureNeedsHomeObservation = 1L << 22,

    /// <summary>The person's exposure requires tests (the person is let in).</summary>
    ExposureNeedsTests = 1L << 23,
}
