using System;

namespace CommunityControl.Staffing;

/// <summary>What a person may do; combine with <c>|</c>. A role needs one duty: gates by day or by night, door-to-door,
/// patrol, disinfection, or coordination (grid work and screening-round support).</summary>
[Flags]
public enum StaffingDuties
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Gate shifts that are not night shifts.</summary>
    DayGates = 1,

    /// <summary>Gate shifts that are night shifts (<see cref="ShiftDefinition.IsNight"/>).</summary>
    NightGates = 2,

    /// <summary>Door-to-door service for sealed households.</summary>
    DoorToDoor = 4,

    /// <summary>Patrols.</summary>
    Patrol = 8,

    /// <summary>Disinfection.</summary>
    Disinfection = 16,

    /// <summary>Coordination: grid work and screening-round support.</summary>
    Coordination = 32,

    /// <summary>Every duty.</summary>
    All = DayGates | NightGates | DoorToDoor | Patrol | Disinfection | Coordination,
}
