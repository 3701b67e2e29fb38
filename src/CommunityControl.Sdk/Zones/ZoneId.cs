using System;
using CommunityControl.Internal;

namespace CommunityControl.Zones;

/// <summary>
/// The identifier of a zone: an administrative or local code such as <c>500101-001-01</c>.
/// </summary>
/// <remarks>
/// <para>An id is 1 to <see cref="MaxLength"/> characters of ASCII letters, digits and <c>- _ . :</c>; it is compared
/// ordinally (case matters). Ids name places, never people.</para>
/// <para><c>default(ZoneId)</c> is the empty id (<see cref="IsEmpty"/>); every API that takes a zone rejects it.</para>
/// </remarks>
/// <threadsafety static="true" instance="true"/>
public readonly partial struct ZoneId : IEquatable<ZoneId>, IComparable<ZoneId>
{
    /// <summary>The longest id accepted, in characters.</summary>
    public const int MaxLength = 64;

    private readonly string? _value;

    private ZoneId(string value) => _value = value;

    /// <summary>Gets the id's text; the empty string for <c>default(ZoneId)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets a value indicating whether this is the empty id, <c>default(ZoneId)</c>.</summary>
    public bool IsEmpty => _value is null;

    /// <summary>Creates an id from its text.</summary>
    /// <param name="value">The id's text.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, too long, or holds a character that is not allowed.</exception>
    public static ZoneId From(string value)
    {
        Guard.NotNull(value);
        var error = Validate(value);
        if (error is not null)
        {
            throw new ArgumentException(error, nameof(value));
        }

        return new ZoneId(value);
    }

    /// <summary>Tries to create an id from its text.</summary>
    /// <param name="value">The id's text; may be null.</param>
    /// <param name="id">The id when the text is valid; otherwise the empty id.</param>
    /// <returns>True when <paramref name="value"/> is a valid id.</returns>
    public static bool TryFrom(string? value, out ZoneId id)
    {
        if (value is not null && Validate(value) is null)
        {
            id = new ZoneId(value);
            return true;
        }

        id = default;
        return false;
    }

    /// <summary>Wraps text that <see cref="Validate(string)"/> has already accepted.</summary>
    internal static ZoneId FromValidated(string value) => new(value);

    /// <summary>Returns why <paramref name="value"/> is not a valid id, or null when it is.</summary>
    internal static string? Validate(string value)
    {
        if (value.Length == 0)
        {
            return "A zone id must not be empty.";
        }

        if (value.Length > MaxLength)
        {
            return $"A zone id must be at most {MaxLength} characters; it has {value.Length}.";
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':';
            if (!ok)
            {
                return $"A zone id may hold only ASCII letters, digits and - _ . : ; the character at position {i} is not allowed.";
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public bool Equals(ZoneId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ZoneId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Compares ids ordinally by their text; the empty id sorts first.</summary>
    /// <param name="other">The id to compare with.</param>
    /// <returns>Less than zero, zero or more than zero, as for <see cref="string.CompareOrdinal(string, string)"/>.</returns>
    public int CompareTo(ZoneId other) => string.CompareOrdinal(_value, other._value);

    /// <summary>Returns the id's text.</summary>
    /// <returns>The id's text; the empty string for the empty id.</returns>
    public override string ToString() => Value;

    /// <summary>Compares two ids for equality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when both have the same text.</returns>
    public static bool operator ==(ZoneId left, ZoneId right) => left.Equals(right);

    /// <summary>Compares two ids for inequality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when their texts differ.</returns>
    public static bool operator !=(ZoneId left, ZoneId right) => !left.Equals(right);

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when <paramref name="left"/> sorts before <paramref name="right"/>.</returns>
    public static bool operator <(ZoneId left, ZoneId right) => left.CompareTo(right) < 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when <paramref name="left"/> sorts after <paramref name="right"/>.</returns>
    public static bool operator >(ZoneId left, ZoneId right) => left.CompareTo(right) > 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when <paramref name="left"/> sorts before or equals <paramref name="right"/>.</returns>
    public static bool operator <=(ZoneId left, ZoneId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True when <paramref name="left"/> sorts after or equals <paramref name="right"/>.</returns>
    public static bool operator >=(ZoneId left, ZoneId right) => left.CompareTo(right) >= 0;
}
