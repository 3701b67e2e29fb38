using System;
using System.Globalization;
using CommunityControl.Internal;

namespace CommunityControl.Risk;

/// <summary>
/// A risk level as an ordered severity: 0 is <see cref="None"/> (no risk designation, 常态化), and higher is more severe.
/// What each severity is called (Low/Medium/High, 防范/管控/封控, the CDC's four transmission levels, the §28b tiers) is
/// said by a <see cref="RiskScale"/>.
/// </summary>
/// <remarks>
/// <para>Levels compare by severity, so the highest of several levels is <see cref="Max(RiskLevel, RiskLevel)"/>.</para>
/// <para>A level taken from a scale (<see cref="RiskScale"/>'s indexer, <see cref="RiskScale.Levels"/>, an assessment) remembers
/// the scale that named it, so <see cref="ToString()"/> gives its code (<c>High</c>, <c>Sealed</c>); the scale takes no part
/// in equality, order or hashing. A process remembers up to 255 distinct scales (the same id and levels count once); a
/// level of a scale created after that, and one made by <see cref="FromSeverity(int)"/>, shows <c>Severity N</c>.</para>
/// </remarks>
/// <threadsafety static="true" instance="true"/>
public readonly partial struct RiskLevel : IEquatable<RiskLevel>, IComparable<RiskLevel>
{
    /// <summary>The highest severity a level may have.</summary>
    public const int MaxSeverity = 15;

    private readonly byte _severity;

    // The slot of the scale that named the level (RiskScale.InSlot), 0 for none; never compared.
    private readonly byte _scale;

    private RiskLevel(byte severity, byte scale = 0)
    {
        _severity = severity;
        _scale = scale;
    }

    /// <summary>Gets the level with severity 0: no risk designation (常态化, or "no level" on a scale without a zero).</summary>
    public static RiskLevel None => default;

    /// <summary>Gets the severity: 0 for <see cref="None"/>, up to <see cref="MaxSeverity"/>.</summary>
    public int Severity => _severity;

    /// <summary>Gets a value indicating whether this is <see cref="None"/>.</summary>
    public bool IsNone => _severity == 0;

    /// <summary>Creates a level from its severity.</summary>
    /// <param name="severity">0 (<see cref="None"/>) to <see cref="MaxSeverity"/>.</param>
    /// <returns>The level.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="severity"/> is outside [0-<see cref="MaxSeverity"/>].</exception>
    public static RiskLevel FromSeverity(int severity) => new((byte)Guard.InRange(severity, 0, MaxSeverity));

    /// <summary>Returns the more severe of two levels.</summary>
    /// <param name="left">The first level.</param>
    /// <param name="right">The second level.</param>
    /// <returns>The level with the higher severity.</returns>
    public static RiskLevel Max(RiskLevel left, RiskLevel right) => left._severity >= right._severity ? left : right;

    /// <summary>Returns the less severe of two levels.</summary>
    /// <param name="left">The first level.</param>
    /// <param name="right">The second level.</param>
    /// <returns>The level with the lower severity.</returns>
    public static RiskLevel Min(RiskLevel left, RiskLevel right) => left._severity <= right._severity ? left : right;

    /// <inheritdoc/>
    public bool Equals(RiskLevel other) => _severity == other._severity;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RiskLevel other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _severity;

    /// <summary>Compares by severity.</summary>
    /// <param name="other">The level to compare with.</param>
    /// <returns>Less than zero when this level is less severe, zero when equal, more than zero when more severe.</returns>
    public int CompareTo(RiskLevel other) => _severity.CompareTo(other._severity);

    /// <summary>
    /// Returns the level's code on the scale that named it (e.g. <c>High</c>, <c>Sealed</c>, <c>Normal</c>); for a level no
    /// scale named, <c>None</c> at severity 0 and <c>Severity N</c> above. Use <see cref="RiskLevelDefinition.NameIn"/> for
    /// the level's name in Chinese or English.
    /// </summary>
    /// <returns>The code.</returns>
    public override string ToString()
    {
        if (_scale != 0 && RiskScale.InSlot(_scale)?.CodeOf(this) is { } code)
        {
            return code;
        }

        return _severity == 0 ? NoneCode : SeverityPrefix + _severity.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Gets the same level, remembering the scale in a slot.</summary>
    internal RiskLevel OnScale(byte slot) => new(_severity, slot);

    /// <summary>Compares two levels for equality.</summary>
    /// <param name="left">The first level.</param>
    /// <param name="right">The second level.</param>
    /// <returns>True when both have the same severity.</returns>
    public static bool operator ==(RiskLevel left, RiskLevel right) => left.Equals(right);

    /// <summary>Compares two levels for inequality.</summary>
    /// <param name="left">The first level.</param>
    /// <param name="right">The second level.</param>
    /// <returns>True when the severities differ.</returns>
    public static bool operator !=(RiskLevel left, RiskLevel right) => !left.Equals(right);

    /// <summary>Orders two levels by severity.</summary>
    /// <param name="left">The first level.</param>
    /// <param name="right">The second level.</param>
    /// <returns>True when <paramref name="left"/> is less severe.</returns>
    public static bool operator <(RiskLevel left, RiskLevel right) => left._severity < right._severity;

    /// <summary>Orders two levels by severity.</summary>
    /// <param name="left">The first level.</param>
    /// <param name="right">The second level.</param>
    /// <returns>True when <paramref name="left"/> is more severe.</returns>
    public static bool operator >(RiskLevel left, RiskLevel right) => left._severity > right._severity;

    /// <summary>Orders two levels by severity.</summary>
    /// <param name="left">The first level.</param>
    /// <param name="right">The second level.</param>
    /// <returns>True when <paramref name="left"/> is at most as severe.</returns>
    public static bool operator <=(RiskLevel left, RiskLevel right) => left._severity <= right._severity;

    /// <summary>Orders two levels by severity.</summary>
    /// <param name="left">The first level.</param>
    /// <param name="right">The second level.</param>
    /// <returns>True when <paramref name="left"/> is at least as severe.</returns>
    public static bool operator >=(RiskLevel left, RiskLevel right) => left._severity >= right._severity;
}
