using System;
using CommunityControl.Internal;

namespace CommunityControl;

/// <summary>Validation shared by <see cref="PersonId"/> and <see cref="HouseholdId"/>: pseudonymous ids only.</summary>
internal static class PseudonymousId
{
    public const int MaxLength = 64;

    /// <summary>Returns why <paramref name="value"/> is not a pseudonymous id, or null. Never echoes the value.</summary>
    public static string? Validate(string value)
    {
        if (value.Length == 0)
        {
            return "An id must not be empty.";
        }

        if (value.Length > MaxLength)
        {
            return $"An id must be at most {MaxLength} characters; it has {value.Length}.";
        }

        var digits = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':';
            if (!ok)
            {
                return $"An id may hold only ASCII letters, digits and - _ . : ; the character at position {i} is not allowed.";
            }

            if (c >= '0' && c <= '9')
            {
                digits++;
            }
        }

        // A mainland mobile number (11 digits starting with 1) or a resident ID number (15 digits, or 17 digits and a
        // check character) is personal data, not a pseudonym.
        var last = value[value.Length - 1];
        var allDigits = digits == value.Length;
        if ((allDigits && value.Length == 11 && value[0] == '1') || (allDigits && value.Length == 15)
            || (value.Length == 18 && (digits == 18 || (digits == 17 && (last == 'X' || last == 'x')))))
        {
            return "The id looks like a phone or resident ID number; use a pseudonymous id (e.g. a keyed hash).";
        }

        return null;
    }

    public static string Check(string value, string parameterName)
    {
        Guard.NotNull(value, parameterName);
        var error = Validate(value);
        if (error is not null)
        {
            throw new ArgumentException(error, parameterName);
        }

        return value;
    }
}

/// <summary>
/// The pseudonymous id of a person (at a gate, in a workforce), e.g. a keyed hash of the person's code. Never a name, a phone number or a
/// resident ID number: ids shaped like a mainland mobile number or resident ID number are rejected.
/// </summary>
/// <remarks><c>default(PersonId)</c> is the empty id (<see cref="IsEmpty"/>).</remarks>
/// <threadsafety static="true" instance="true"/>
public readonly struct PersonId : IEquatable<PersonId>, IComparable<PersonId>
{
    private readonly string? _value;

    private PersonId(string value) => _value = value;

    /// <summary>Gets the id's text; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets a value indicating whether this is the empty id.</summary>
    public bool IsEmpty => _value is null;

    /// <summary>Creates an id.</summary>
    /// <param name="value">1–64 ASCII letters, digits and - _ . : ; not shaped like a phone or resident ID number.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid pseudonymous id (the message does not repeat it).</exception>
    public static PersonId From(string value) => new(PseudonymousId.Check(value, nameof(value)));

    /// <summary>Tries to create an id.</summary>
    /// <param name="value">The pseudonymous id's text; may be null.</param>
    /// <param name="id">The id when the text is valid; otherwise the empty id.</param>
    /// <returns>True when <paramref name="value"/> is a valid pseudonymous id.</returns>
    public static bool TryFrom(string? value, out PersonId id)
    {
        id = value is not null && PseudonymousId.Validate(value) is null ? new PersonId(value) : default;
        return !id.IsEmpty;
    }

    /// <summary>Compares ids ordinally.</summary>
    /// <param name="other">The id to compare with.</param>
    /// <returns>Less than zero, zero or more than zero, as for <see cref="string.CompareOrdinal(string, string)"/>.</returns>
    public int CompareTo(PersonId other) => string.CompareOrdinal(_value, other._value);

    /// <inheritdoc/>
    public bool Equals(PersonId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PersonId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Returns the pseudonymous id.</summary>
    /// <returns>The id's text.</returns>
    public override string ToString() => Value;

    /// <summary>Compares two ids.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(PersonId left, PersonId right) => left.Equals(right);

    /// <summary>Compares two ids.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(PersonId left, PersonId right) => !left.Equals(right);

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(PersonId left, PersonId right) => left.CompareTo(right) < 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(PersonId left, PersonId right) => left.CompareTo(right) > 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when <paramref name="left"/> sorts first or equals <paramref name="right"/>.</returns>
    public static bool operator <=(PersonId left, PersonId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when <paramref name="left"/> sorts last or equals <paramref name="right"/>.</returns>
    public static bool operator >=(PersonId left, PersonId right) => left.CompareTo(right) >= 0;
}

/// <summary>
/// The pseudonymous id of a household, e.g. a keyed hash of its address. Never an address or a phone number.
/// </summary>
/// <remarks><c>default(HouseholdId)</c> is the empty id (<see cref="IsEmpty"/>).</remarks>
/// <threadsafety static="true" instance="true"/>
public readonly struct HouseholdId : IEquatable<HouseholdId>
{
    private readonly string? _value;

    private HouseholdId(string value) => _value = value;

    /// <summary>Gets the id's text; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets a value indicating whether this is the empty id.</summary>
    public bool IsEmpty => _value is null;

    /// <summary>Creates an id.</summary>
    /// <param name="value">1–64 ASCII letters, digits and - _ . : ; not shaped like a phone or resident ID number.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid pseudonymous id (the message does not repeat it).</exception>
    public static HouseholdId From(string value) => new(PseudonymousId.Check(value, nameof(value)));

    /// <inheritdoc/>
    public bool Equals(HouseholdId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is HouseholdId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Returns the pseudonymous id.</summary>
    /// <returns>The id's text.</returns>
    public override string ToString() => Value;

    /// <summary>Compares two ids.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(HouseholdId left, HouseholdId right) => left.Equals(right);

    /// <summary>Compares two ids.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(HouseholdId left, HouseholdId right) => !left.Equals(right);
}
