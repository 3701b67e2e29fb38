using System.Globalization;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// The figures of an Erlang C queue at a number of agents: from <see cref="ErlangC.Evaluate"/> (the caller gave the count)
/// or from <see cref="ErlangC.Solve"/> (the count the targets need, with the constraint that set it and the count to roster).
/// </summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public readonly struct ErlangCResult
{
    internal ErlangCResult(double offeredLoad, int agents, double erlangB, double probabilityOfWaiting, double serviceLevel, double averageWaitSeconds, double occupancy)
        : this(offeredLoad, agents, agents, agents, StaffingConstraint.Unknown, erlangB, probabilityOfWaiting, serviceLevel, averageWaitSeconds, occupancy)
    {
    }

    internal ErlangCResult(double offeredLoad, int agentsForTarget, int agents, int agentsWithShrinkage, StaffingConstraint binding, double erlangB, double probabilityOfWaiting, double serviceLevel, double averageWaitSeconds, double occupancy)
    {
        OfferedLoad = offeredLoad;
        AgentsForTarget = agentsForTarget;
        Agents = agents;
        AgentsWithShrinkage = agentsWithShrinkage;
        Binding = binding;
        ErlangB = erlangB;
        ProbabilityOfWaiting = probabilityOfWaiting;
        ServiceLevel = serviceLevel;
        AverageWaitSeconds = averageWaitSeconds;
        Occupancy = occupancy;
    }

    /// <summary>Gets the offered load A, in Erlangs.</summary>
    public double OfferedLoad { get; }

    /// <summary>
    /// Gets the smallest agent count that meets the service targets (before the occupancy cap); from
    /// <see cref="ErlangC.Evaluate"/>, the count given.
    /// </summary>
    public int AgentsForTarget { get; }

    /// <summary>
    /// Gets the number of agents N: from <see cref="ErlangC.Solve"/>, the agents needed on duty (<see cref="AgentsForTarget"/>,
    /// raised if the occupancy cap requires); from <see cref="ErlangC.Evaluate"/>, the count given.
    /// </summary>
    public int Agents { get; }

    /// <summary>
    /// Gets the people to roster: ⌈<see cref="Agents"/> ÷ (1 − shrinkage)⌉; from <see cref="ErlangC.Evaluate"/>, the count given.
    /// </summary>
    public int AgentsWithShrinkage { get; }

    /// <summary>
    /// Gets the constraint that set <see cref="Agents"/>; <see cref="StaffingConstraint.Unknown"/> from
    /// <see cref="ErlangC.Evaluate"/>, where the caller set it.
    /// </summary>
    public StaffingConstraint Binding { get; }

    /// <summary>Gets Erlang B (blocking probability of the loss system with N agents; 0 when there is no demand).</summary>
    public double ErlangB { get; }

    /// <summary>Gets P_w, the probability that an arrival waits (0 when there is no demand).</summary>
    public double ProbabilityOfWaiting { get; }

    /// <summary>Gets SL(t), the share served within the answer time (1 when there is no demand).</summary>
    public double ServiceLevel { get; }

    /// <summary>Gets the average wait (average speed of answer) in seconds.</summary>
    public double AverageWaitSeconds { get; }

    /// <summary>Gets the average wait (average speed of answer).</summary>
    public Duration AverageWait => Duration.FromSeconds(AverageWaitSeconds);

    /// <summary>Gets the occupancy A / N (0 when there is no demand).</summary>
    public double Occupancy { get; }

    /// <summary>
    /// Returns e.g. <c>N = 14, A = 10 E: P_w 0.1741, SL 0.8884, ASA 7.84 s, occupancy 0.7143</c> (from
    /// <see cref="ErlangC.Evaluate"/>) or <c>14 on duty (ServiceLevel), 20 with shrinkage; A = 10 E, SL 0.8884, P_w 0.1741,
    /// ASA 7.84 s, occupancy 0.7143</c> (from <see cref="ErlangC.Solve"/>).
    /// </summary>
    /// <returns>The figures.</returns>
    public override string ToString() => Binding switch
    {
        StaffingConstraint.Unknown => string.Format(
            CultureInfo.InvariantCulture,
            "N = {0}, A = {1:0.####} E: P_w {2:0.####}, SL {3:0.####}, ASA {4:0.##} s, occupancy {5:0.####}",
            Agents,
            OfferedLoad,
            ProbabilityOfWaiting,
            ServiceLevel,
            AverageWaitSeconds,
            Occupancy),
        StaffingConstraint.NoDemand => "0 on duty: no arrivals",
        _ => string.Format(
            CultureInfo.InvariantCulture,
            "{0} on duty ({1}), {2} with shrinkage; A = {3:0.####} E, SL {4:0.####}, P_w {5:0.####}, ASA {6:0.##} s, occupancy {7:0.####}",
            Agents,
            Binding,
            AgentsWithShrinkage,
            OfferedLoad,
            ServiceLevel,
            ProbabilityOfWaiting,
            AverageWaitSeconds,
            Occupancy),
    };
}
