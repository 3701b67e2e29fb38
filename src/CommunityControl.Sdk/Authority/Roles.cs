using System;

namespace CommunityControl.Authority;

/// <summary>A set of <see cref="Role"/>s, e.g. the roles that hold a permission. Bit <c>1 &lt;&lt; (role − 1)</c> stands for each role.</summary>
[Flags]
public enum Roles
{
    /// <summary>No role.</summary>
    None = 0,

    /// <summary><see cref="Role.CommunityWorker"/>.</summary>
    CommunityWorker = 1 << 0,

    /// <summary><see cref="Role.GridWorker"/>.</summary>
    GridWorker = 1 << 1,

    /// <summary><see cref="Role.PropertyStaff"/>.</summary>
    PropertyStaff = 1 << 2,

    /// <summary><see cref="Role.DeployedCadre"/>.</summary>
    DeployedCadre = 1 << 3,

    /// <summary><see cref="Role.PartyMemberVolunteer"/>.</summary>
    PartyMemberVolunteer = 1 << 4,

    /// <summary><see cref="Role.Volunteer"/>.</summary>
    Volunteer = 1 << 5,

    /// <summary><see cref="Role.HomeownersCommitteeMember"/>.</summary>
    HomeownersCommitteeMember = 1 << 6,

    /// <summary><see cref="Role.Police"/>.</summary>
    Police = 1 << 7,

    /// <summary><see cref="Role.HealthWorker"/>.</summary>
    HealthWorker = 1 << 8,

    /// <summary><see cref="Role.Cdc"/>.</summary>
    Cdc = 1 << 9,
}
