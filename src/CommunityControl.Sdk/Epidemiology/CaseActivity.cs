using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Epidemiology;

/// <summary>A place where an infected person stayed during the risk window: a work or activity place.</summary>
/// <threadsafety static="true" instance="true">Immutable once created.</threadsafety>
public sealed class CaseActivity
{
    /// <summary>The longest stay a report may give: 14 days, the look-back window of an investigation.</summary>
    internal const int MaxStayMinutes = 20_160;

    /// <summary>Gets the zone of the place.</summary>
    public required ZoneId Zone { get; init; }

    /// <summary>Gets how long the person stayed; <see cref="Duration.Zero"/> when unknown.</summary>
    public Duration Stay { get; init; }

    /// <summary>
    /// Gets a value indicating whether the investigation found the place to be a frequently visited place with a high
    /// transmission risk (the 2022 editions designate such places like a residence).
    /// </summary>
    public bool HighRisk { get; init; }

    /// <summary>Returns the zone and the stay, e.g. <c>Activity 4201-02 (120 min)</c>.</summary>
    /// <returns>A short description without personal data.</returns>
    public override string ToString() => $"Activity {Zone} ({(long)Stay.TotalMinutes} min{(HighRisk ? ", high risk" : string.Empty)})";
}
