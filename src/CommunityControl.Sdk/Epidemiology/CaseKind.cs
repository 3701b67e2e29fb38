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
