namespace CommunityControl.Measures;

/// <summary>A community action or strategy that is not a gate rule: what the community organizes at a level.</summary>
/// <remarks>Values never change between versions.</remarks>
public enum CommunityAction
{
    /// <summary>Not set; rejected in a measure table.</summary>
    None = 0,

    /// <summary>Prevent import (外防输入).</summary>
    PreventImport = 1,

    /// <summary>Prevent spread inside (内防扩散).</summary>
    PreventSpread = 2,

    /// <summary>Prevent export (外防输出).</summary>
    PreventExport = 3,

    /// <summary>Strict control (严格管控).</summary>
    StrictControl = 4,

    /// <summary>Mobilize and organize (组织动员).</summary>
    Mobilization = 5,

    /// <summary>Health education (健康教育).</summary>
    HealthEducation = 6,

    /// <summary>Inform residents (信息告知).</summary>
    InformationNotice = 7,

    /// <summary>Manage people returning from key areas (返回人员管理).</summary>
    ReturneeManagement = 8,

    /// <summary>Environmental sanitation (环境卫生治理).</summary>
    EnvironmentalSanitation = 9,

    /// <summary>Prepare supplies (物资准备).</summary>
    SupplyPreparation = 10,

    /// <summary>Manage close contacts (密切接触者管理).</summary>
    CloseContactManagement = 11,

    /// <summary>Disinfection (消毒).</summary>
    Disinfection = 12,

    /// <summary>Blockade of the epidemic area (疫区封锁).</summary>
    EpidemicAreaBlockade = 13,

    /// <summary>Restrict gatherings (限制人员聚集, 严格限制人员聚集).</summary>
    RestrictGatherings = 14,

    /// <summary>Ban gatherings (严禁聚集).</summary>
    BanGatherings = 15,

    /// <summary>Personal protection (个人防护).</summary>
    PersonalProtection = 16,

    /// <summary>Avoid gatherings (避免聚集), as advice.</summary>
    AvoidGatherings = 17,

    /// <summary>Strengthen control of society at large (强化社会面管控).</summary>
    StrengthenSocialControl = 18,

    /// <summary>Activity inside the compound by batch, time slot and building (分批、分时、分楼栋).</summary>
    InCompoundActivityByBatch = 19,

    /// <summary>Private gatherings limited to one household plus one other person (§28b IfSG, above 100).</summary>
    GatheringOneHouseholdPlusOne = 20,

    /// <summary>Shops only for collecting orders ("Click &amp; Collect"): shopping by appointment with a negative test ("Click &amp; Meet") ends (§28b(1) Nr. 4 IfSG, above 150).</summary>
    ShopsClickAndCollectOnly = 21,

    /// <summary>No in-person school teaching from the day after next (§28b(3) IfSG, above 165; graduating classes and special schools may be exempted, emergency care).</summary>
    NoInPersonSchooling = 22,

    /// <summary>Reopen the community's service sites (恢复开放社区服务场所; China's April 2020 precision plan, low-risk county).</summary>
    ReopenServiceSites = 23,

    /// <summary>Suspend the community's service sites (暂停开放社区服务场所; April 2020 precision plan, medium-risk county).</summary>
    SuspendServiceSites = 24,

    /// <summary>Set up supply points for daily necessities (设置生活物资供应点; April 2020 precision plan, medium-risk county).</summary>
    SupplyPoints = 25,

    /// <summary>Supply daily necessities centrally (集中供应、统一配送; April 2020 precision plan, high-risk county).</summary>
    CentralizedSupply = 26,
}
