using System;
using System.Collections.Generic;
using CommunityControl.Risk;

namespace CommunityControl.Measures;

/// <summary>
/// The scales a measure table document may name by id: the built-in <see cref="RiskScales"/>, and the two classifications
/// of 2020 that are not risk scales of the Risk namespace (the January 2020 community types and Wuhan's epidemic-free
/// compounds), defined here so that their editions have measure tables.
/// </summary>
internal static class EditionScales
{
    /// <summary>E1 (2020-01) community types, in order of severity (cn-policy §1b, §6.2).</summary>
    public static RiskScale CommunityTypes2020 { get; } = RiskScale.Create("cn-community-types-2020", new[]
    {
        new RiskLevelDefinition(RiskLevel.FromSeverity(1), "NoCases", "社区未发现病例", "No case in the community"),
        new RiskLevelDefinition(RiskLevel.FromSeverity(2), "CasesOrOutbreak", "社区出现病例或暴发疫情", "Cases or an outbreak in the community"),
        new RiskLevelDefinition(RiskLevel.FromSeverity(3), "Transmission", "社区传播疫情", "Community transmission"),
    });

    /// <summary>Wuhan's epidemic-free compounds (2020-03), in order of severity: certified, suspended, not certified or revoked (cn-policy §6.3).</summary>
    public static RiskScale WuhanEpidemicFree2020 { get; } = RiskScale.Create("cn-wuhan-epidemic-free-2020", new[]
    {
        new RiskLevelDefinition(RiskLevel.FromSeverity(1), "Certified", "无疫情小区", "Certified epidemic-free"),
        new RiskLevelDefinition(RiskLevel.FromSeverity(2), "Suspended", "无疫情小区（暂停）", "Certification suspended"),
        new RiskLevelDefinition(RiskLevel.FromSeverity(3), "NotCertified", "非无疫情小区", "Not certified (or revoked)"),
    });

    private static readonly RiskScale[] Known =
    {
        RiskScales.ChinaLowMediumHigh,
        RiskScales.ChinaThreeZones,
        RiskScales.CdcCommunityLevels,
        RiskScales.CdcTransmissionLevels,
        RiskScales.GermanyEmergencyBrake,
        CommunityTypes2020,
        WuhanEpidemicFree2020,
    };

    public static IEnumerable<string> KnownIds
    {
        get
        {
            foreach (var s in Known)
            {
                yield return s.Id;
            }
        }
    }

    public static bool TryResolve(string id, out RiskScale? scale)
    {
        foreach (var s in Known)
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
}
