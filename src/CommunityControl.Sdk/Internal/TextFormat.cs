using System;

namespace CommunityControl.Internal;

/// <summary>Shared helpers of the value types' IFormattable and ISpanFormattable members.</summary>
internal static class TextFormat
{
    /// <summary>Returns true for the general format: empty (null) or <c>G</c>.</summary>
    public static bool IsGeneral(ReadOnlySpan<char> format) => format.Length == 0 || (format.Length == 1 && (format[0] == 'G' || format[0] == 'g'));

    /// <summary>The exception for a format the type does not know (the format is not echoed: it may be any text).</summary>
    public static FormatException Unknown(string typeName) => new($"{typeName} knows only the general format (null, empty or \"G\").");

    /// <summary>Copies <paramref name="text"/> into <paramref name="destination"/> when it fits.</summary>
    public static bool TryCopy(string text, Span<char> destination, out int charsWritten)
    {
        if (text.AsSpan().TryCopyTo(destination))
        {
            charsWritten = text.Length;
            return true;
        }

        charsWritten = 0;
        return false;
    }
}
