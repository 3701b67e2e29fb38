namespace CommunityControl.Staffing;

/// <summary>A kind of work a <see cref="Workload"/> describes; each belongs to one <see cref="StaffingRole"/>.</summary>
public enum WorkKind
{
    /// <summary>Not set; rejected.</summary>
    Unknown = 0,

    /// <summary>Delivering food and goods to sealed households (role <see cref="StaffingRole.DoorToDoor"/>).</summary>
    Delivery = 1,

    /// <summary>Temperature checks at the door, e.g. twice a day (role <see cref="StaffingRole.DoorToDoor"/>).</summary>
    TemperatureCheck = 2,

    /// <summary>Collecting household waste at the door (role <see cref="StaffingRole.DoorToDoor"/>).</summary>
    WasteCollection = 3,

    /// <summary>Patrols (role <see cref="StaffingRole.Patrol"/>).</summary>
    Patrol = 4,

    /// <summary>Disinfection (role <see cref="StaffingRole.Disinfection"/>).</summary>
    Disinfection = 5,

    /// <summary>Grid work (role <see cref="StaffingRole.GridWork"/>).</summary>
    GridWork = 6,

    /// <summary>Screening-round support (role <see cref="StaffingRole.ScreeningSupport"/>).</summary>
    ScreeningSupport = 7,
}
