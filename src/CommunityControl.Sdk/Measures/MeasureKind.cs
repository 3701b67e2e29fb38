namespace CommunityControl.Measures;

/// <summary>The kind of a <see cref="ControlMeasure"/>.</summary>
/// <remarks>Values never change between versions.</remarks>
public enum MeasureKind
{
    /// <summary>Not set.</summary>
    None = 0,

    /// <summary>Closed management of a compound (封闭管理): the gates left open, staffed, and the purposes for going out.</summary>
    ClosedManagement = 1,

    /// <summary>Stay home, services brought to the door (足不出户、上门服务).</summary>
    StayHome = 2,

    /// <summary>Stay in the area, pick up supplies at staggered times (人不出区、错峰取物).</summary>
    StayInArea = 3,

    /// <summary>An outing quota: persons per household per interval, and the longest absence.</summary>
    OutingQuota = 4,

    /// <summary>A temperature check at the gate (测温).</summary>
    TemperatureCheck = 5,

    /// <summary>A health-code check at the gate (验码).</summary>
    HealthCodeCheck = 6,

    /// <summary>A pass is required to go in and out (凭证出入).</summary>
    PassRequirement = 7,

    /// <summary>Registration at the gate (登记).</summary>
    Registration = 8,

    /// <summary>The rule for visitors.</summary>
    Visitors = 9,

    /// <summary>The rule for couriers and take-out riders.</summary>
    Couriers = 10,

    /// <summary>A night closure of the gates, or a curfew.</summary>
    NightClosure = 11,

    /// <summary>Proof of a recent negative test to leave the city.</summary>
    LeaveCityTest = 12,

    /// <summary>The checks that only listed venues may make (the ten measures, 2022-12-07).</summary>
    VenueChecks = 13,
}
