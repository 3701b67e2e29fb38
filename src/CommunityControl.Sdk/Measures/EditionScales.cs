using System;
using System.Collections.Generic;
using CommunityControl.Risk;

namespace CommunityControl.Measures;

/// <summary>
/// The scales a measure table document may name by id: the built-in <see cref="RiskScales"/>, including the two
/// classifications of 2020 (the January 2020 community types and Wuhan's epidemic-free compounds).
/// </summary>
internal static class EditionScales
{
    /// <summary>E1 (2020-01) community types, in order of severity (cn-policy §1b, §6.2).</summary>
    private static readonly RiskScale[] Known =
    {
        RiskScales.ChinaLowMediumHigh,
        RiskScales.ChinaThreeZones,
        RiskScales.CdcCommunityLevels,
        RiskScales.CdcTransmissionLevels,
        RiskScales.GermanyEmergencyBrake,
        RiskScales.ChinaCommunityTypes,
        RiskScales.WuhanEpidemicFree,
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
