namespace CommunityControl.Staffing;

/// <summary>What a <see cref="RatioNorm"/> is counted per.</summary>
public enum RatioBasis
{
    /// <summary>Not set.</summary>
    Unknown = 0,

    /// <summary>Per resident (population).</summary>
    Residents = 1,

    /// <summary>Per household.</summary>
    Households = 2,
}
