using System;
using CommunityControl.Internal;

namespace CommunityControl;

// Parsing for hosts: IParsable lets ASP.NET Core minimal APIs bind a HouseholdId from a route or query string. There is
// deliberately no IFormattable/ISpanFormattable: string interpolation would then bypass ToString(), which is what keeps
// the id out of texts; a host that must write the full id (a JSON body, a database column) reads Value. The JSON
// converter and the TypeConverter are attached by the serialization part (Serialization/ValueTypes).
public readonly partial struct HouseholdId
#if NET8_0_OR_GREATER
    : IParsable<HouseholdId>
#endif
{
    /// <summary>Parses a pseudonymous household id, as <see cref="From(string)"/> does.</summary>
    /// <param name="s">The id's text.</param>
    /// <param name="provider">Ignored: ids are culture-invariant.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a valid pseudonymous id (the message does not repeat it).</exception>
    public static HouseholdId Parse(string s, IFormatProvider? provider)
    {
        Guard.NotNull(s);
        var error = PseudonymousId.Validate(s);
        return error is null ? From(s) : throw new FormatException(error);
    }

    /// <summary>Tries to parse a pseudonymous household id.</summary>
    /// <param name="s">The id's text; may be null.</param>
    /// <param name="provider">Ignored: ids are culture-invariant.</param>
    /// <param name="result">The id when the text is valid; otherwise the empty id.</param>
    /// <returns>True when <paramref name="s"/> is a valid pseudonymous id.</returns>
    public static bool TryParse(string? s, IFormatProvider? provider, out HouseholdId result)
    {
        result = s is not null && PseudonymousId.Validate(s) is null ? From(s) : default;
        return !result.IsEmpty;
    }
}
