namespace CommunityControl.Staffing;

/// <summary>Where a person on the community's team comes from (cn-policy.md §3).</summary>
/// <remarks>
/// The same kinds of person as <see cref="Authority.Role"/>, with the same values; <see cref="Workforce.RoleOf"/> and
/// <see cref="Workforce.TryGetSource"/> map between them (<see cref="PartyMember"/> is <see cref="Authority.Role.PartyMemberVolunteer"/>).
/// </remarks>
public enum WorkforceSource
{
    /// <summary>Not set; rejected.</summary>
    Unknown = 0,

    /// <summary>A community worker (社区工作者), on the community's own staff.</summary>
    CommunityWorker = 1,

    /// <summary>A grid worker (网格员).</summary>
    GridWorker = 2,

    /// <summary>Property-management staff (物业人员) of a compound.</summary>
    PropertyStaff = 3,

    /// <summary>A cadre or employee deployed into the community (下沉干部), e.g. Wuhan's 34,498 in February 2020; leaves on a set date.</summary>
    DeployedCadre = 4,

    /// <summary>A Party member reporting to the community (党员).</summary>
    PartyMember = 5,

    /// <summary>A volunteer (志愿者).</summary>
    Volunteer = 6,

    /// <summary>A member of the homeowners' committee (业委会成员).</summary>
    HomeownersCommitteeMember = 7,
}
