using System;
using CommunityControl.Internal;

namespace CommunityControl.Staffing;

/// <summary>
/// A pseudonymous id of a person on the community's team (e.g. <c>vol-0042</c>), never a name, ID-card or phone number.
/// </summary>
/// <remarks>An id is 1 to <see cref="MaxLength"/> ASCII letters, digits and <c>- _ . :</c>, compared ordinally.
/// <c>default(PersonId)</c> is the empty id; every API that takes a person rejects it.</remarks>
/// <threadsafety static="true" instance="true"/>
public readonly struct PersonId : IEquatable<PersonId>, IComparable<PersonId>
{
    /// <summary>The longest id allowed.</summary>
    public const int MaxLength = 64;

    private readonly string? _value;

    private PersonId(string value) => _value = value;

    /// <summary>Gets the id's text; empty for <c>default(PersonId)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets a value indicating whether this is the empty id.</summary>
    public bool IsEmpty => _value is null;

    /// <summary>Creates an id.</summary>
    /// <param name="value">The id's text.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, too long, or holds a character that is not allowed.</exception>
    public static PersonId From(string value)
    {
        Guard.NotNull(value);
        var error = Validate(value);
        if (error is not null)
        {
            throw new ArgumentException(error, nameof(value));
        }

        return new PersonId(value);
    }

    /// <summary>Creates an id if the text is valid.</summary>
    /// <param name="value">The id's text; may be null.</param>
    /// <param name="id">The id, or the empty id.</param>
    /// <returns>True when <paramref name="value"/> is a valid id.</returns>
    public static bool TryFrom(string? value, out PersonId id)
    {
        if (value is not null && Validate(value) is null)
        {
            id = new PersonId(value);
            return true;
        }

        id = default;
        return false;
    }

    /// <inheritdoc/>
    public bool Equals(PersonId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PersonId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Compares ordinally.</summary>
    /// <param name="other">The id to compare with.</param>
    /// <returns>Less than zero, zero or more than zero.</returns>
    public int CompareTo(PersonId other) => string.CompareOrdinal(_value, other._value);

    /// <summary>Returns the id's text (pseudonymous by construction).</summary>
    /// <returns>The id.</returns>
    public override string ToString() => Value;

    /// <summary>Compares two ids for equality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(PersonId left, PersonId right) => left.Equals(right);

    /// <summary>Compares two ids for inequality.</summary>
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
    /// <returns>True when <paramref name="left"/> sorts first or equal.</returns>
    public static bool operator <=(PersonId left, PersonId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when <paramref name="left"/> sorts last or equal.</returns>
    public static bool operator >=(PersonId left, PersonId right) => left.CompareTo(right) >= 0;

    private static string? Validate(string value)
    {
        if (value.Length == 0)
        {
            return "A person id must not be empty.";
        }

        if (value.Length > MaxLength)
        {
            return $"A person id must be at most {MaxLength} characters; it has {value.Length}.";
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':';
            if (!ok)
            {
                // The character itself is not echoed: the text might be personal data.
                return $"A person id is pseudonymous: only ASCII letters, digits and - _ . : ; the character at position {i} is not allowed.";
            }
        }

        return null;
    }
}
