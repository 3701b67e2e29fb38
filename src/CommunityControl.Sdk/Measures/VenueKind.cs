namespace CommunityControl.Measures;

/// <summary>The kind of place a gate belongs to. The ten measures (2022-12-07) let only some venues check codes and tests.</summary>
/// <remarks>Values never change between versions.</remarks>
public enum VenueKind
{
    /// <summary>Not a venue: the gate of a residential compound, building or community.</summary>
    None = 0,

    /// <summary>An elderly-care home (养老院).</summary>
    ElderlyCareHome = 1,

    /// <summary>A welfare home (福利院).</summary>
    WelfareHome = 2,

    /// <summary>A medical institution (医疗机构).</summary>
    MedicalInstitution = 3,

    /// <summary>A childcare institution or kindergarten (托幼机构).</summary>
    Childcare = 4,

    /// <summary>A primary or secondary school (中小学).</summary>
    School = 5,

    /// <summary>Another venue: an office, a shop, a station (其他场所).</summary>
    Other = 6,
}
