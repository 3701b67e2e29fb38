namespace CommunityControl.Measures;

/// <summary>Why a person passes a gate. Measures exempt some purposes (medical care, epidemic work) and limit others.</summary>
/// <remarks>Values never change between versions.</remarks>
public enum OutingPurpose
{
    /// <summary>No purpose stated; treated like an ordinary outing.</summary>
    Unstated = 0,

    /// <summary>Shopping for daily necessities (采购生活物资).</summary>
    Shopping = 1,

    /// <summary>Picking up supplies at a designated point (取物).</summary>
    SupplyPickup = 2,

    /// <summary>Seeking medical care (就医).</summary>
    MedicalCare = 3,

    /// <summary>Working at an epidemic-prevention post (防疫岗位).</summary>
    EpidemicWork = 4,

    /// <summary>Working to keep supplies and services running: supermarket, pharmacy, utilities (保供、保运行).</summary>
    EssentialServiceWork = 5,

    /// <summary>An emergency, e.g. an approved emergency exit with a dedicated vehicle (紧急情况).</summary>
    Emergency = 6,

    /// <summary>Ordinary work.</summary>
    Work = 7,

    /// <summary>Leaving the city (离市).</summary>
    LeaveCity = 8,

    /// <summary>Caring for another person, or custody and access to a child.</summary>
    Care = 9,

    /// <summary>Caring for animals.</summary>
    AnimalCare = 10,

    /// <summary>Visiting a resident.</summary>
    Visit = 11,

    /// <summary>Delivering goods (快递、外卖).</summary>
    Delivery = 12,
}
