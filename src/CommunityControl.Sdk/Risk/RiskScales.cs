using System;
using System.Collections.Generic;
using System.Linq;

namespace CommunityControl.Risk;

/// <summary>The scales of the built-in editions.</summary>
public static class RiskScales
{
    /// <summary>Gets every built-in scale: a read-only list, the same instance on every thread.</summary>
    public static IReadOnlyList<RiskScale> All => Catalogue.All;

    /// <summary>Gets a built-in scale by its id.</summary>
    /// <param name="id">The scale's id, e.g. <c>cn-low-medium-high</c>.</param>
    /// <returns>The scale.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No built-in scale has that id.</exception>
    public static RiskScale Get(string id)
    {
        if (id is null)
        {
            throw new ArgumentNullException(nameof(id));
        }

        return TryGet(id, out var scale)
            ? scale
            : throw new KeyNotFoundException($"No built-in risk scale has that id; known: {string.Join(", ", All.Select(s => s.Id))}.");
    }

    /// <summary>Finds a built-in scale by its id.</summary>
    /// <param name="id">The scale's id, e.g. <c>cn-low-medium-high</c>.</param>
    /// <param name="scale">The scale, or null.</param>
    /// <returns>True when found.</returns>
    public static bool TryGet(string? id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RiskScale? scale)
    {
        foreach (var s in All)
        {
            if (string.Equals(s.Id, id, StringComparison.Ordinal))
            {
                scale = s;
                return true;
            }
        }

        scale = null;
        return false;
    }

    /// <summary>China January 2020's community types (社区防控工作方案): no case / a case / an outbreak / community transmission (severities 1–4). Severity 0: not classified.</summary>
    public static RiskScale ChinaCommunityTypes { get; } = RiskScale.Create("cn-community-types", new[]
    {
        new RiskLevelDefinition(RiskLevel.FromSeverity(1), "NoCase", "社区未发现病例", "No case in the community"),
        new RiskLevelDefinition(RiskLevel.FromSeverity(2), "Case", "社区出现病例", "A case in the community"),
        new RiskLevelDefinition(RiskLevel.FromSeverity(3), "Outbreak", "社区暴发疫情", "An outbreak in the community"),
        new RiskLevelDefinition(RiskLevel.FromSeverity(4), "Transmission", "社区传播疫情", "Community transmission"),
    });

    /// <summary>Wuhan March 2020's epidemic-free compound status (无疫情小区): certified / suspended / not certified (severities 1–3; a revoked compound is not certified). Severity 0: not assessed.</summary>
    public static RiskScale WuhanEpidemicFree { get; } = RiskScale.Create("cn-wuhan-epidemic-free", new[]
    {
        new RiskLevelDefinition(RiskLevel.FromSeverity(1), "Certified", "无疫情小区", "Certified epidemic-free"),
        new RiskLevelDefinition(RiskLevel.FromSeverity(2), "Suspended", "暂停无疫情小区资格", "Certification suspended"),
        new RiskLevelDefinition(RiskLevel.FromSeverity(3), "NotCertified", "未认定（或已撤销）", "Not certified (or revoked)"),
    });

    /// <summary>China's low / medium / high grading (2020 county grading; 9th edition risk areas). Severity 0: no risk areas (常态化).</summary>
    public static RiskScale ChinaLowMediumHigh { get; } = RiskScale.Create("cn-low-medium-high", new[]
    {
        new RiskLevelDefinition(RiskLevel.None, "Normal", "常态化（无风险区）", "Normal (no risk areas)"),
        new RiskLevelDefinition(RiskLevel.FromSeverity(1), "Low", "低风险", "Low risk"),
        new RiskLevelDefinition(RiskLevel.FromSeverity(2), "Medium", "中风险", "Medium risk"),
        new RiskLevelDefinition(RiskLevel.FromSeverity(3), "High", "高风险", "High risk"),
    });

    /// <summary>China 2022's three zones: 防范区 / 管控区 / 封控区. Severity 0: no zones drawn.</summary>
    public static RiskScale ChinaThreeZones { get; } = RiskScale.Create("cn-three-zones", new[]
    {
        new RiskLevelDefinition(RiskLevel.None, "Normal", "常态化", "Normal"),
        new RiskLevelDefinition(RiskLevel.FromSeverity(1), "Precaution", "防范区", "Precautionary zone"),
        new RiskLevelDefinition(RiskLevel.FromSeverity(2), "Controlled", "管控区", "Controlled zone"),
        new RiskLevelDefinition(RiskLevel.FromSeverity(3), "Sealed", "封控区", "Sealed zone"),
    });

    /// <summary>US CDC COVID-19 Community Levels (2022): Low / Medium / High (severities 1–3).</summary>
    public static RiskScale CdcCommunityLevels { get; } = RiskScale.Create("us-cdc-community-levels", new[]
    {
        new RiskLevelDefinition(RiskLevel.FromSeverity(1), "Low", "低", "Low"),
        new RiskLevelDefinition(RiskLevel.FromSeverity(2), "Medium", "中", "Medium"),
        new RiskLevelDefinition(RiskLevel.FromSeverity(3), "High", "高", "High"),
    });

    /// <summary>US CDC community transmission levels: Low / Moderate / Substantial / High (severities 1–4).</summary>
    public static RiskScale CdcTransmissionLevels { get; } = RiskScale.Create("us-cdc-transmission-levels", new[]
    {
        new RiskLevelDefinition(RiskLevel.FromSeverity(1), "Low", "低", "Low"),
        new RiskLevelDefinition(RiskLevel.FromSeverity(2), "Moderate", "中等", "Moderate"),
        new RiskLevelDefinition(RiskLevel.FromSeverity(3), "Substantial", "较高", "Substantial"),
        new RiskLevelDefinition(RiskLevel.FromSeverity(4), "High", "高", "High"),
    });

    /// <summary>Germany's §28b IfSG tiers (2021): no brake, above 100, above 150, above 165.</summary>
    public static RiskScale GermanyEmergencyBrake { get; } = RiskScale.Create("de-28b-emergency-brake", new[]
    {
        new RiskLevelDefinition(RiskLevel.None, "NotInForce", "未启动", "Emergency brake not in force"),
        new RiskLevelDefinition(RiskLevel.FromSeverity(1), "Above100", "发病率超过100", "Incidence above 100"),
        new RiskLevelDefinition(RiskLevel.FromSeverity(2), "Above150", "发病率超过150", "Incidence above 150"),
        new RiskLevelDefinition(RiskLevel.FromSeverity(3), "Above165", "发病率超过165", "Incidence above 165"),
    });

    /// <summary>Holds the catalogue; initialized once by the runtime after every scale (no race, no writable array).</summary>
    private static class Catalogue
    {
        internal static readonly IReadOnlyList<RiskScale> All = Array.AsReadOnly(new[] { ChinaLowMediumHigh, ChinaThreeZones, ChinaCommunityTypes, WuhanEpidemicFree, CdcCommunityLevels, CdcTransmissionLevels, GermanyEmergencyBrake });
    }
}
