using System;
using System.Globalization;
using CommunityControl.Internal;

namespace CommunityControl.Risk;

// Text conversions for hosts: IParsable lets ASP.NET Core minimal APIs bind a level from a route or query string
// ("3" or "Severity 3"), and ISpanFormattable writes it without allocating. The JSON converter (the severity as a number)
// and the TypeConverter are attached by the serialization part (Serialization/ValueTypes), so that this part knows no format.
public readonly partial struct RiskLevel : IFormattable
#if NET8_0_OR_GREATER
    , ISpanFormattable, IParsable<RiskLevel>
#endif
{
    private const string SeverityPrefix = "Severity ";

    private const string NoneCode = "None";

    /// <summary>
    /// Parses a level from its severity, <c>3</c>, from <c>Severity 3</c>, or from <c>None</c> (severity 0). A scale's code
    /// (<c>High</c>) names different severities on different scales: read it with the scale's indexer (<see cref="RiskScale"/>).
    /// </summary>
    /// <param name="s">The text: 0 to <see cref="MaxSeverity"/> in ASCII digits, optionally after <c>Severity </c>; or <c>None</c>.</param>
    /// <param name="provider">Ignored: the text is culture-invariant.</param>
    /// <returns>The level.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a severity from 0 to <see cref="MaxSeverity"/>.</exception>
    public static RiskLevel Parse(string s, IFormatProvider? provider)
    {
        Guard.NotNull(s);
        return TryParse(s, provider, out var level)
            ? level
            : throw new FormatException($"A risk level is a severity from 0 to {MaxSeverity} (\"3\" or \"Severity 3\").");
    }

    /// <summary>Tries to parse a level from its severity, <c>3</c>, from <c>Severity 3</c>, or from <c>None</c>.</summary>
    /// <param name="s">The text; may be null.</param>
    /// <param name="provider">Ignored: the text is culture-invariant.</param>
    /// <param name="result">The level when the text is valid; otherwise <see cref="None"/>.</param>
    /// <returns>True when <paramref name="s"/> is a severity from 0 to <see cref="MaxSeverity"/>.</returns>
    public static bool TryParse(string? s, IFormatProvider? provider, out RiskLevel result)
    {
        result = default;
        if (s is null)
        {
            return false;
        }

        if (string.Equals(s, NoneCode, StringComparison.Ordinal))
        {
            return true;
        }

        var digits = s.StartsWith(SeverityPrefix, StringComparison.Ordinal) ? s.Substring(SeverityPrefix.Length) : s;
        if (digits.Length is 0 or > 2 || digits[0] is < '0' or > '9' || (digits.Length == 2 && (digits[0] == '0' || digits[1] is < '0' or > '9')))
        {
            return false;
        }

        var severity = digits.Length == 1 ? digits[0] - '0' : ((digits[0] - '0') * 10) + (digits[1] - '0');
        if (severity > MaxSeverity)
        {
            return false;
        }

        result = new RiskLevel((byte)severity);
        return true;
    }

    /// <summary>Formats the level: <c>G</c> (or null, empty) as <see cref="ToString()"/> (the code, e.g. <c>High</c>, or <c>Severity 3</c>), <c>D</c> as the bare severity (<c>3</c>).</summary>
    /// <param name="format">Null, empty, <c>G</c> or <c>D</c>.</param>
    /// <param name="formatProvider">Ignored: the text is culture-invariant.</param>
    /// <returns>The text.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
        => IsSeverityOnly(format.AsSpan()) ? _severity.ToString(CultureInfo.InvariantCulture) : ToString();

    /// <summary>Writes the level into a span of characters, as <see cref="ToString(string?, IFormatProvider?)"/> formats it.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">How many characters were written; 0 when <paramref name="destination"/> is too short.</param>
    /// <param name="format">Empty, <c>G</c> or <c>D</c>.</param>
    /// <param name="provider">Ignored: the text is culture-invariant.</param>
    /// <returns>True when the text fit in <paramref name="destination"/>.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var severityOnly = IsSeverityOnly(format);
        if (!severityOnly && (_severity == 0 || _scale != 0))
        {
            // A code (or None): a string the scale already holds, copied.
            var code = ToString();
            charsWritten = 0;
            if (destination.Length < code.Length)
            {
                return false;
            }

            code.AsSpan().CopyTo(destination);
            charsWritten = code.Length;
            return true;
        }

        var prefix = severityOnly ? ReadOnlySpan<char>.Empty : SeverityPrefix.AsSpan();
        var digits = _severity >= 10 ? 2 : 1;
        charsWritten = 0;
        if (destination.Length < prefix.Length + digits)
        {
            return false;
        }

        prefix.CopyTo(destination);
        if (digits == 2)
        {
            destination[prefix.Length] = (char)('0' + (_severity / 10));
        }

        destination[prefix.Length + digits - 1] = (char)('0' + (_severity % 10));
        charsWritten = prefix.Length + digits;
        return true;
    }

    // True for "D"; false for the general format; throws for any other format.
    private static bool IsSeverityOnly(ReadOnlySpan<char> format)
    {
        if (format.Length == 1 && (format[0] == 'D' || format[0] == 'd'))
        {
            return true;
        }

        if (TextFormat.IsGeneral(format))
        {
            return false;
        }

        throw TextFormat.Unknown(nameof(RiskLevel));
    }
}
