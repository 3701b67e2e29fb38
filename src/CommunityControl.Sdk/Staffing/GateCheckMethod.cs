namespace CommunityControl.Staffing;

/// <summary>How a gate checks a person; the time each takes is a parameter of the <see cref="StaffingPolicy"/> (the
/// reference gives no figure, so there is no default).</summary>
public enum GateCheckMethod
{
    /// <summary>Not set; rejected.</summary>
    Unknown = 0,

    /// <summary>Manual registration on paper or a form (身份必问、信息必录), with a temperature check.</summary>
    ManualRegistration = 1,

    /// <summary>Scanning a health or place code (验码), with a temperature check.</summary>
    CodeScan = 2,
}
