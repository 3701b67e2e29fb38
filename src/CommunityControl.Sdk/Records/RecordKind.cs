namespace CommunityControl.Records;

/// <summary>The kinds of record the registers keep, e.g. what an audited read was of.</summary>
/// <remarks>Values never change between versions.</remarks>
public enum RecordKind
{
    /// <summary>Not set.</summary>
    Unknown = 0,

    /// <summary>Passages through gates (<see cref="PassageRecord"/>).</summary>
    Passages = 1,

    /// <summary>Temperature and symptom reports (<see cref="HealthReport"/>).</summary>
    HealthReports = 2,

    /// <summary>Follow-up schedules (<see cref="FollowUpSchedule"/>).</summary>
    FollowUps = 3,

    /// <summary>A co-presence trace: the passages of other people near the subject's (<see cref="CoPresenceTracing"/>).</summary>
    Tracing = 4,

    /// <summary>Arrivals from elsewhere with their itineraries (<see cref="ArrivalRecord"/>).</summary>
    Arrivals = 5,
}
