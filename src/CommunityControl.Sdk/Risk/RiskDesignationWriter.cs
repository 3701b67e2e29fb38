using System;
using System.Collections.Generic;
using CommunityControl.Internal;
using NodaTime;

namespace CommunityControl.Risk;

/// <summary>Where a rule reports the designations that change on a day. Levels must be named by the policy's scale.</summary>
/// <threadsafety static="true" instance="false"/>
public sealed class RiskDesignationWriter
{
    private readonly RiskScale _scale;
    private readonly int _zoneCount;
    private Dictionary<int, Designation> _pending = new();

    internal RiskDesignationWriter(RiskScale scale, int zoneCount)
    {
        _scale = scale;
        _zoneCount = zoneCount;
    }

    /// <summary>Designates a zone (and so its subtree) at a level from this day on.</summary>
    /// <param name="zoneIndex">The zone's dense index.</param>
    /// <param name="level">The level; <see cref="RiskLevel.None"/> lifts the designation.</param>
    /// <param name="reason">Why.</param>
    /// <param name="earliestStepDown">The earliest date the level can step down if nothing new happens, if known.</param>
    /// <param name="since">The first day of the designation when it is earlier than this day (e.g. a restored certification); null for "this day, unless the level is unchanged".</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="zoneIndex"/> is outside the tree.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="level"/> is not on the policy's scale.</exception>
    public void Designate(int zoneIndex, RiskLevel level, RiskReason reason, LocalDate? earliestStepDown = null, LocalDate? since = null)
    {
        Check(zoneIndex, level, reason);
        _pending[zoneIndex] = new Designation(level, false, reason, earliestStepDown, since);
    }

    /// <summary>Lifts a zone's designation from this day on.</summary>
    /// <param name="zoneIndex">The zone's dense index.</param>
    /// <param name="reason">Why.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="zoneIndex"/> is outside the tree.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null.</exception>
    public void Lift(int zoneIndex, RiskReason reason) => Designate(zoneIndex, RiskLevel.None, reason);

    /// <summary>Designates a zone (or lifts it, at <see cref="RiskLevel.None"/>) with the state of every tier of a tiered rule.</summary>
    internal void Designate(int zoneIndex, RiskLevel level, RiskReason reason, LocalDate? earliestStepDown, RiskTierState[] tiers)
    {
        Check(zoneIndex, level, reason);
        _pending[zoneIndex] = new Designation(level, false, reason, earliestStepDown, null, tiers: tiers);
    }

    /// <summary>Says that the rule cannot decide a zone's level from this day on, because an input is missing.</summary>
    /// <param name="zoneIndex">The zone's dense index.</param>
    /// <param name="atLeast">The least level the zone is known to have (<see cref="RiskLevel.None"/> when nothing is known).</param>
    /// <param name="reason">Which input is missing.</param>
    /// <param name="containsRiskZone">
    /// True when the rule knows that some zone inside is designated, only not which (e.g. a case known only by its compound
    /// when the edition draws buildings): the county baseline then applies to the rest of the county.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="zoneIndex"/> is outside the tree.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="atLeast"/> is not on the policy's scale.</exception>
    public void MarkInsufficientData(int zoneIndex, RiskLevel atLeast, RiskReason reason, bool containsRiskZone = false)
    {
        Check(zoneIndex, atLeast, reason);
        _pending[zoneIndex] = new Designation(atLeast, true, reason, null, null, containsRiskZone);
    }

    internal Dictionary<int, Designation> TakePending()
    {
        var taken = _pending;
        _pending = new Dictionary<int, Designation>();
        return taken;
    }

    internal void Reset(Dictionary<int, Designation> reuse)
    {
        reuse.Clear();
        _pending = reuse;
    }

    private void Check(int zoneIndex, RiskLevel level, RiskReason reason)
    {
        if (zoneIndex < 0 || zoneIndex >= _zoneCount)
        {
            throw new ArgumentOutOfRangeException(nameof(zoneIndex), zoneIndex, $"Value should be in range [0-{_zoneCount - 1}].");
        }

        Guard.NotNull(reason);
        if (!level.IsNone && !_scale.Defines(level))
        {
            throw new ArgumentException($"Scale '{_scale.Id}' names no level of severity {level.Severity}.", nameof(level));
        }
    }
}

/// <summary>A designation as the engine keeps it.</summary>
internal readonly struct Designation
{
    public Designation(RiskLevel level, bool insufficient, RiskReason? reason, LocalDate? earliestStepDown, LocalDate? since, bool containsRiskZone = false, RiskTierState[]? tiers = null)
    {
        Tiers = tiers;
        Level = level;
        Insufficient = insufficient;
        Reason = reason;
        EarliestStepDown = earliestStepDown;
        Since = since;
        ContainsRiskZone = containsRiskZone;
    }

    /// <summary>Gets a value indicating whether an undecided zone is known to contain a designated zone.</summary>
    public bool ContainsRiskZone { get; }

    /// <summary>Gets the state of every tier of a tiered rule, or null for other rules.</summary>
    public RiskTierState[]? Tiers { get; }

    public RiskLevel Level { get; }

    public bool Insufficient { get; }

    public RiskReason? Reason { get; }

    public LocalDate? EarliestStepDown { get; }

    public LocalDate? Since { get; }

    /// <summary>Gets a value indicating whether the designation says nothing (lifted and decided).</summary>
    public bool IsEmpty => Level.IsNone && !Insufficient;

    public bool SameAs(in Designation other)
        => Level == other.Level && Insufficient == other.Insufficient && ReferenceEquals(Reason, other.Reason)
        && EarliestStepDown == other.EarliestStepDown && Since == other.Since && ContainsRiskZone == other.ContainsRiskZone
        && ReferenceEquals(Tiers, other.Tiers);
}
