namespace CommunityControl.Authority;

/// <summary>
/// The role of a person who staffs a gate or takes part in community prevention and control. A role says what a person
/// may do by position (see <see cref="AuthorityPolicy"/>); time-bounded grants add to it.
/// </summary>
/// <remarks>
/// Values never change between versions. <see cref="Roles"/> is the matching set type. The staffing vocabulary,
/// <c>Staffing.WorkforceSource</c>, names the first seven roles with the same values (see
/// <c>Staffing.Workforce.RoleOf</c>).
/// </remarks>
public enum Role
{
    /// <summary>Not set: holds no permission.</summary>
    Unknown = 0,

    /// <summary>A community worker of the residents' committee (社区工作者, 居委会).</summary>
    CommunityWorker = 1,

    /// <summary>A grid worker (网格员).</summary>
    GridWorker = 2,

    /// <summary>Property-management staff (物业人员).</summary>
    PropertyStaff = 3,

    /// <summary>A cadre deployed from a government body or state enterprise into the community (下沉干部).</summary>
    DeployedCadre = 4,

    /// <summary>A party-member volunteer (党员志愿者).</summary>
    PartyMemberVolunteer = 5,

    /// <summary>A volunteer (志愿者).</summary>
    Volunteer = 6,

    /// <summary>A member of the homeowners' committee (业委会成员).</summary>
    HomeownersCommitteeMember = 7,

    /// <summary>A police officer (公安民警).</summary>
    Police = 8,

    /// <summary>A health worker of a medical institution or community health service (医务人员).</summary>
    HealthWorker = 9,

    /// <summary>Staff of a centre for disease control and prevention (疾控中心).</summary>
    Cdc = 10,
}
