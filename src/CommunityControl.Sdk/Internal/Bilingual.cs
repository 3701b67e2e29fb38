using System;
using System.Globalization;

namespace CommunityControl.Internal;

/// <summary>
/// The one rule by which every text the library holds in two languages is chosen: a <see cref="CultureInfo"/> whose
/// language is Chinese (<c>zh</c>: zh-CN, zh-Hans, zh-SG, and also zh-TW, zh-HK, zh-Hant) gets the Chinese text, any
/// other culture the English one.
/// </summary>
/// <remarks>
/// The Chinese texts are Simplified Chinese (zh-Hans), as the sources publish them: the library ships no Traditional
/// Chinese (zh-Hant) text, and a zh-Hant culture gets the Simplified text rather than English (a reader of Traditional
/// Chinese reads it; the sources' wording is kept, not converted).
/// </remarks>
internal static class Bilingual
{
    /// <summary>Tells whether a culture gets the Chinese text.</summary>
    /// <param name="culture">The culture.</param>
    /// <returns>True for any <c>zh</c> culture.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    internal static bool IsChinese(CultureInfo culture)
    {
        if (culture is null)
        {
            throw new ArgumentNullException(nameof(culture));
        }

        return string.Equals(culture.TwoLetterISOLanguageName, "zh", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Picks the text for a culture.</summary>
    /// <param name="culture">The culture.</param>
    /// <param name="chinese">The Simplified Chinese text.</param>
    /// <param name="english">The English text.</param>
    /// <returns><paramref name="chinese"/> for any <c>zh</c> culture, <paramref name="english"/> otherwise.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    internal static string Pick(CultureInfo culture, string chinese, string english) => IsChinese(culture) ? chinese : english;
}
