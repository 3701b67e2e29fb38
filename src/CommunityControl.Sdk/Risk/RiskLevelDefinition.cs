using System;
using CommunityControl.Internal;

namespace CommunityControl.Risk;

/// <summary>One named level of a <see cref="RiskScale"/>.</summary>
/// <param name="Level">The level's severity.</param>
/// <param name="Code">A stable PascalCase code, e.g. <c>High</c>, used in edition documents.</param>
/// <param name="NameZh">The Chinese name, e.g. <c>高风险区</c>.</param>
/// <param name="NameEn">The English name, e.g. <c>High risk</c>.</param>
public sealed record RiskLevelDefinition(RiskLevel Level, string Code, string NameZh, string NameEn)
{
    /// <summary>Gets the level's name in a culture's language.</summary>
    /// <param name="culture">Simplified Chinese (<see cref="NameZh"/>) for any <c>zh</c> culture, zh-Hans and zh-Hant alike; English otherwise.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string NameIn(System.Globalization.CultureInfo culture) => Bilingual.Pick(culture, NameZh, NameEn);
}
