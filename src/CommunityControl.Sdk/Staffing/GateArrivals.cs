using System;
using System.Collections.Generic;
using CommunityControl.Internal;
using CommunityControl.Risk;
using CommunityControl.Zones;

namespace CommunityControl.Staffing;

/// <summary>
/// The gate traffic a plan uses: a default profile; a profile per risk level (e.g. a closed compound at Medium, work
/// resumption at Low); and profiles for particular units (e.g. measured at their gates), which win over both.
/// </summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class GateArrivals
{
    private readonly Dictionary<ZoneId, ArrivalProfile> _byZone;
    private readonly ArrivalProfile?[] _byLevel;

    /// <summary>Creates gate traffic with one profile for every unit and level.</summary>
    /// <param name="defaultProfile">The profile of every unit and level without its own.</param>
    /// <exception cref="ArgumentNullException"><paramref name="defaultProfile"/> is null.</exception>
    public GateArrivals(ArrivalProfile defaultProfile)
        : this(Guard.NotNull(defaultProfile), new Dictionary<ZoneId, ArrivalProfile>(), new ArrivalProfile?[RiskLevel.MaxSeverity + 1])
    {
    }

    private GateArrivals(ArrivalProfile defaultProfile, Dictionary<ZoneId, ArrivalProfile> byZone, ArrivalProfile?[] byLevel)
    {
        Default = defaultProfile;
        _byZone = byZone;
        _byLevel = byLevel;
    }

    /// <summary>Gets the profile of every unit and level without its own.</summary>
    public ArrivalProfile Default { get; }

    /// <summary>Gets the units with their own profile.</summary>
    public IReadOnlyCollection<ZoneId> Overridden => _byZone.Keys;

    /// <summary>Returns a copy in which <paramref name="zone"/> has its own profile, whatever its level.</summary>
    /// <param name="zone">The planning unit (e.g. a compound).</param>
    /// <param name="profile">Its profile.</param>
    /// <returns>The new traffic.</returns>
    /// <exception cref="ArgumentException"><paramref name="zone"/> is the empty id.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public GateArrivals With(ZoneId zone, ArrivalProfile profile)
    {
        if (zone.IsEmpty)
        {
            throw new ArgumentException("The zone id is empty (default(ZoneId)).", nameof(zone));
        }

        Guard.NotNull(profile);
        var copy = new Dictionary<ZoneId, ArrivalProfile>(_byZone) { [zone] = profile };
        return new GateArrivals(Default, copy, _byLevel);
    }

    /// <summary>Returns a copy in which units at <paramref name="level"/> use <paramref name="profile"/> (unless they have their own).</summary>
    /// <param name="level">The level, e.g. Low when work resumes.</param>
    /// <param name="profile">The profile.</param>
    /// <returns>The new traffic.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public GateArrivals WithLevel(RiskLevel level, ArrivalProfile profile)
    {
        Guard.NotNull(profile);
        var copy = (ArrivalProfile?[])_byLevel.Clone();
        copy[level.Severity] = profile;
        return new GateArrivals(Default, _byZone, copy);
    }

    /// <summary>Gets the profile of a unit at a level.</summary>
    /// <param name="zone">The unit.</param>
    /// <param name="level">The unit's level.</param>
    /// <returns>The unit's own profile, else the level's, else <see cref="Default"/>.</returns>
    public ArrivalProfile For(ZoneId zone, RiskLevel level)
        => _byZone.TryGetValue(zone, out var p) ? p : _byLevel[level.Severity] ?? Default;
}
