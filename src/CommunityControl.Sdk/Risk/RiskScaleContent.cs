using System;

namespace CommunityControl.Risk;

/// <summary>Compares risk scales by content, so that a scale rebuilt under a built-in id with other levels is another scale.</summary>
internal static class RiskScaleContent
{
    /// <summary>Tells whether two scales are the same one: the same instance, or the same id and, level by level, the
    /// same severity, code and names. Allocation-free.</summary>
    public static bool Same(RiskScale a, RiskScale b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (!string.Equals(a.Id, b.Id, StringComparison.Ordinal) || a.Levels.Count != b.Levels.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Levels.Count; i++)
        {
            RiskLevelDefinition x = a.Levels[i], y = b.Levels[i];
            if (x.Level != y.Level || !string.Equals(x.Code, y.Code, StringComparison.Ordinal)
                || !string.Equals(x.NameZh, y.NameZh, StringComparison.Ordinal) || !string.Equals(x.NameEn, y.NameEn, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
