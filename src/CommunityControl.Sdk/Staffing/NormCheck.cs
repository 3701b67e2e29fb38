using System;
using System.Globalization;
using CommunityControl.Zones;

namespace CommunityControl.Staffing;

/// <summary>
/// The staff a population needs under a <see cref="RatioNorm"/> and, from <see cref="RatioNorm.Evaluate"/>, a zone's team
/// compared with it. From <see cref="RatioNorm.Required"/> no zone is checked: <see cref="Area"/> is empty and nobody is
/// counted present.
/// </summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public readonly struct NormCheck
{
    internal NormCheck(RatioNorm norm, long population, double exact, int required, ZoneId area, int present)
    {
        Norm = norm;
        Population = population;
        Exact = exact;
        Staff = required;
        Area = area;
        Present = present;
    }

    /// <summary>Gets the norm.</summary>
    public RatioNorm Norm { get; }

    /// <summary>Gets the population (or households) counted.</summary>
    public long Population { get; }

    /// <summary>Gets staff × population ÷ per, unrounded.</summary>
    public double Exact { get; }

    /// <summary>Gets the staff required: <see cref="Exact"/> rounded up.</summary>
    public int Staff { get; }

    /// <summary>Gets the zone checked; empty from <see cref="RatioNorm.Required"/>.</summary>
    public ZoneId Area { get; }

    /// <summary>Gets the members of the counted sources serving in the zone (0 from <see cref="RatioNorm.Required"/>).</summary>
    public int Present { get; }

    /// <summary>Gets the staff missing (0 when the norm is met).</summary>
    public int Shortfall => Math.Max(0, Staff - Present);

    /// <summary>
    /// Explains the figure, e.g. <c>18 per 10,000 residents × 4,564 = 8.22 → 9 (Hubei …)</c>; for a zone checked,
    /// <c>500101-001: 9 required (…), 6 present, short 3</c>.
    /// </summary>
    /// <returns>The requirement or the check in words.</returns>
    public override string ToString() => Area.IsEmpty ? Explain() : $"{Area}: {Staff} required ({Explain()}), {Present} present, short {Shortfall}";

    private string Explain() => Norm is null
        ? "(no norm)"
        : string.Format(
            CultureInfo.InvariantCulture,
            "{0:0.##} per {1:N0} {2} × {3:N0} = {4:0.##} → {5} ({6})",
            Norm.Staff,
            Norm.Per,
            Norm.Basis == RatioBasis.Residents ? "residents" : "households",
            Population,
            Exact,
            Staff,
            Norm.Source);
}
