using System;

namespace CommunityControl;

/// <summary>
/// The pseudonymous id of a person (at a gate, in a workforce), e.g. a keyed hash of the person's code. Never a name, a phone number or a
/// resident ID number: ids shaped like a mainland mobile number or resident ID number are rejected.
/// </summary>
/// <remarks><c>default(PersonId)</c> is the empty id (<see cref="IsEmpty"/>).</remarks>
/// <threadsafety static="true" instance="true"/>
public readonly partial struct PersonId : IEquatable<PersonId>, IComparable<PersonId>
{
    private readonly string? _value;

    private PersonId(string value) => _value = value;

    /// <summary>Gets the id's raw text (for storage and authorized displays only: texts show <see cref="ToString"/>); empty for <c>default</c>.</summary>
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

    /// <summary>Returns the id redacted, e.g. <c>person#3fa9c2d1</c>: a prefix and a short keyed hash, stable within the
    /// process. Every text of the library shows a person this way; read <see cref="Value"/> only for an authorized display.</summary>
    /// <returns>The redacted id; empty for the empty id.</returns>
    public override string ToString() => _value is null ? string.Empty : Internal.Redaction.Redact("person", _value);

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
