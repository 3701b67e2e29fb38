namespace CommunityControl.Staffing;

/// <summary>The kind of work a staffing requirement is for; a plan has one line per zone, day, shift and role.</summary>
public enum StaffingRole
{
    /// <summary>Not set.</summary>
    Unknown = 0,

    /// <summary>A gate's check point (测温、登记、验码): staffed from arrivals by Erlang C and a rule's minimum on duty.</summary>
    Gate = 1,

    /// <summary>Door-to-door service for sealed households (上门服务): deliveries, temperature checks, waste.</summary>
    DoorToDoor = 2,

    /// <summary>Patrols of buildings and compounds.</summary>
    Patrol = 3,

    /// <summary>Disinfection of buildings and common areas.</summary>
    Disinfection = 4,

    /// <summary>Grid work per household (网格化管理: visits, registration, reporting).</summary>
    GridWork = 5,

    /// <summary>Support for a screening round (全员核酸: marshalling, registration, order).</summary>
    ScreeningSupport = 6,
}
