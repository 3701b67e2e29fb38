using System.Collections.Generic;
using CommunityControl.Epidemiology;
using CommunityControl.Zones;

namespace CommunityControl.Risk;

/// <summary>Parameters of the built-in epidemic-free certification rule family (<c>epidemicFreeCertification</c> in a rule of an edition document) (Wuhan 2020's 无疫情小区).</summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class EpidemicFreeCertificationOptions
{
    /// <summary>Gets or sets the kind of the zones certified, e.g. <see cref="ZoneKind.Compound"/>. Required.</summary>
    public ZoneKind? Unit { get; set; }

    /// <summary>Gets or sets the case kinds that revoke a certification and restart the count, e.g. Confirmed. Required, not empty.</summary>
    public IList<CaseKind> Infections { get; set; } = new List<CaseKind>();

    /// <summary>Gets or sets the number of consecutive days without an infection before certification (14 in Wuhan). Required, at least 1.</summary>
    public int? DaysWithoutInfection { get; set; }

    /// <summary>Gets or sets a yes/no metric that must be 1 on the day the run completes (e.g. <c>SixInPlace</c>); null (the default) when nothing else is needed.</summary>
    public string? ReadinessMetric { get; set; }

    /// <summary>Gets or sets the code of the certified level. Required.</summary>
    public string? Certified { get; set; }

    /// <summary>Gets or sets the code of the suspended level. Required.</summary>
    public string? Suspended { get; set; }

    /// <summary>Gets or sets the code of the not-certified (or revoked) level. Required.</summary>
    public string? NotCertified { get; set; }
}
