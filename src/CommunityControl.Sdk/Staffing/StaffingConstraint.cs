namespace CommunityControl.Staffing;

/// <summary>Which constraint set the number of agents in an <see cref="ErlangCResult"/>.</summary>
public enum StaffingConstraint
{
    /// <summary>Not set.</summary>
    Unknown = 0,

    /// <summary>No arrivals: no agents are needed for the queue.</summary>
    NoDemand = 1,

    /// <summary>The smallest count above the load (needed for a steady state) already met every target.</summary>
    SteadyState = 2,

    /// <summary>The share to be served within the answer time.</summary>
    ServiceLevel = 3,

    /// <summary>The maximum average wait.</summary>
    AverageWait = 4,

    /// <summary>The occupancy cap raised the count above what the service targets needed.</summary>
    Occupancy = 5,

    /// <summary>A rule's minimum number of people on duty (e.g. Yangling's two at the exit and two at the entrance).</summary>
    MinimumOnDuty = 6,
}
