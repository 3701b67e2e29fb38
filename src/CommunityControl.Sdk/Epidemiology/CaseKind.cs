namespace CommunityControl.Epidemiology;

/// <summary>What a case report says about the person: a confirmed case, an asymptomatic infection, or a suspicion.</summary>
/// <remarks>Values never change between versions; in JSON the names are used.</remarks>
public enum CaseKind
{
    /// <summary>Not set; rejected wherever a case is reported.</summary>
    Unknown = 0,

    /// <summary>A confirmed case (确诊病例).</summary>
    Confirmed = 1,

    /// <summary>An asymptomatic infection (无症状感染者): counted as an infection by the 2022 editions, not as a confirmed case by the 2020 ones.</summary>
    Asymptomatic = 2,

    /// <summary>
    /// A person under investigation: a suspected case, a fever case or a close contact not yet cleared (Wuhan 2020's
    /// "疑似、发热、密接"). Later confirmed by a report with the same id, or cleared by a <see cref="CaseExclusion"/>.
    /// </summary>
    Suspected = 3,
}

/// <summary>Where an infection was found: in the community, or already under control.</summary>
/// <remarks>
/// The 2022-11 and 2022-12 editions draw no risk area for infections found in centralized quarantine, in a closed loop
/// or in strict home isolation with no outside risk (cn-policy §6.7 #4, §6.8 #4). Values never change between versions.
/// </remarks>
public enum ControlSetting
{
    /// <summary>Found in the community, under no control measure.</summary>
    None = 0,

    /// <summary>Found in centralized quarantine (集中隔离).</summary>
    CentralizedQuarantine = 1,

    /// <summary>Found in closed-loop work (闭环管理), with no outside risk.</summary>
    ClosedLoop = 2,

    /// <summary>Found in strict home isolation or home quarantine (居家隔离), with no outside-household risk.</summary>
    HomeIsolation = 3,
}
