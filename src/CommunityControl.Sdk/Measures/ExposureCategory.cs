namespace CommunityControl.Measures;

/// <summary>Why a person falls under a <see cref="QuarantinePlan"/>: a contact, or an arrival from a risk area.</summary>
/// <remarks>Values never change between versions.</remarks>
public enum ExposureCategory
{
    /// <summary>No known exposure.</summary>
    None = 0,

    /// <summary>A close contact (密切接触者).</summary>
    CloseContact = 1,

    /// <summary>A close contact of a close contact (密接的密接, 次密接); abolished 2022-11-11.</summary>
    SecondaryContact = 2,

    /// <summary>Someone who stayed in a high-risk area within the edition's history window (ninth edition: 7 days).</summary>
    ArrivedFromHighRiskArea = 3,

    /// <summary>Someone who stayed in a medium-risk area within the history window.</summary>
    ArrivedFromMediumRiskArea = 4,

    /// <summary>Someone who stayed in a low-risk area of a county with risk areas within the history window.</summary>
    ArrivedFromLowRiskArea = 5,

    /// <summary>Someone who left a high-risk area before it was sealed (高风险区外溢人员).</summary>
    HighRiskAreaSpillover = 6,

    /// <summary>An inbound traveller from abroad (入境人员).</summary>
    Inbound = 7,

    /// <summary>An arrival from the outbreak city (January 2020: from Wuhan).</summary>
    ArrivedFromOutbreakCity = 8,
}
