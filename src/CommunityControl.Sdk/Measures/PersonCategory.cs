namespace CommunityControl.Measures;

/// <summary>Who a person is at a gate.</summary>
/// <remarks>Values never change between versions.</remarks>
public enum PersonCategory
{
    /// <summary>Not set; rejected by the gate decision.</summary>
    Unknown = 0,

    /// <summary>A resident of the zone behind the gate (居民).</summary>
    Resident = 1,

    /// <summary>A visitor (访客).</summary>
    Visitor = 2,

    /// <summary>A courier or take-out rider (快递、外卖人员).</summary>
    Courier = 3,

    /// <summary>Staff on duty: community, property, health or epidemic staff (工作人员); their role is an <c>Authority.Role</c>.</summary>
    Staff = 4,
}
