using System.Globalization;
using NodaTime;

namespace CommunityControl.Testing.Internal;

/// <summary>Formatting shared by the assertions and results: invariant, and safe inside a FluentAssertions message.</summary>
internal static class Text
{
    public static string Date(LocalDate date) => date.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture);

    /// <summary>Makes text safe to embed in a FluentAssertions message template (braces are placeholders there).</summary>
    public static string Safe(string text) => text.Replace("{", "(").Replace("}", ")");
}
