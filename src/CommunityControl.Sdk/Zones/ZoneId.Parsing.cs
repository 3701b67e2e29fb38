using System;
using CommunityControl.Internal;

namespace CommunityControl.Zones;

// Text conversions for hosts: IParsable lets ASP.NET Core minimal APIs bind a ZoneId from a route or query string, and
// ISpanFormattable writes it without allocating. The JSON converter and the TypeConverter are attached by the
// serialization part (Serialization/ValueTypes), so that this part knows no format.
public readonly partial struct ZoneId : IFormattable
#if NET8_0_OR_GREATER
    , ISpanFormattable, IParsable<ZoneId>
#endif
{
    /// <summary>Parses an id from its text, as <see cref="From(string)"/> does.</summary>
    /// <param name="s">The id's text.</param>
    /// <param name="provider">Ignored: ids are culture-invariant.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a valid zone id (empty, too long, or a character that is not allowed).</exception>
    public static ZoneId Parse(string s, IFormatProvider? provider)
    {
        Guard.NotNull(s);
        var error = Validate(s);
        return error is null ? new ZoneId(s) : throw new FormatException(error);
    }

    /// <summary>Tries to parse an id from its text, as <see cref="TryFrom(string?, out ZoneId)"/> does.</summary>
    /// <param name="s">The id's text; may be null.</param>
    /// <param name="provider">Ignored: ids are culture-invariant.</param>
    /// <param name="result">The id when the text is valid; otherwise the empty id.</param>
    /// <returns>True when <paramref name="s"/> is a valid id.</returns>
    public static bool TryParse(string? s, IFormatProvider? provider, out ZoneId result) => TryFrom(s, out result);

    /// <summary>Returns the id's text, as <see cref="ToString()"/> does.</summary>
    /// <param name="format">Null, empty or <c>G</c>.</param>
    /// <param name="formatProvider">Ignored: ids are culture-invariant.</param>
    /// <returns>The id's text; the empty string for the empty id.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
        => TextFormat.IsGeneral(format.AsSpan()) ? Value : throw TextFormat.Unknown(nameof(ZoneId));

    /// <summary>Writes the id's text into a span of characters.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">How many characters were written; 0 when <paramref name="destination"/> is too short.</param>
    /// <param name="format">Empty or <c>G</c>.</param>
    /// <param name="provider">Ignored: ids are culture-invariant.</param>
    /// <returns>True when the text fit in <paramref name="destination"/>.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (!TextFormat.IsGeneral(format))
        {
            throw TextFormat.Unknown(nameof(ZoneId));
        }

        return TextFormat.TryCopy(Value, destination, out charsWritten);
    }
}
