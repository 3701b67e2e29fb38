using System.Collections.Concurrent;
using CommunityControl.Risk;
using NodaTime;

namespace CommunityControl.Samples.GateService;

/// <summary>
/// The risk levels of every zone on a day (<see cref="RiskSnapshot"/>), made once per day from the timeline and kept: a
/// snapshot holds one level per zone, so a gate request should not build one each time on a city-sized tree.
/// </summary>
/// <param name="timeline">The community's risk timeline.</param>
public sealed class DailyRiskLevels(RiskTimeline timeline)
{
    private readonly ConcurrentDictionary<LocalDate, RiskSnapshot> _days = new();

    /// <summary>Gets the levels on a day of <see cref="RiskTimeline.Interval"/> (the caller checks the date).</summary>
    public RiskSnapshot On(LocalDate date) => _days.GetOrAdd(date, timeline.SnapshotOn);
}
