using System;

namespace CommunityControl;

/// <summary>
/// The pseudonymous id of a household, e.g. a keyed hash of its address. Never an address or a phone number.
/// </summary>
/// <remarks><c>default(HouseholdId)</c> is the empty id (<see cref="IsEmpty"/>).</remarks>
/// <threadsafety static="true" instance="true"/>
public readonly partial struct HouseholdId : IEquatable<HouseholdId>
{
    private readonly string? _value;

    private HouseholdId(string value) => _value = value;

    /// <summary>Gets the id's raw text (for storage and authorized displays only: texts show <see cref="ToString"/>); empty for <c>default</c>.</summary>
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

    /// <summary>Returns the id redacted, e.g. <c>household#3fa9c2d1</c>: a prefix and a short keyed hash, stable within
    /// the process. Read <see cref="Value"/> only for an authorized display.</summary>
    /// <returns>The redacted id; empty for the empty id.</returns>
    public override string ToString() => _value is null ? string.Empty : Internal.Redaction.Redact("household", _value);

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
