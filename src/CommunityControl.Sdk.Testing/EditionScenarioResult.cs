using System;
using System.Collections.Generic;
using CommunityControl.Access;
using CommunityControl.Editions;
using CommunityControl.Epidemiology;
using CommunityControl.Internal;
using CommunityControl.Risk;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Testing;

/// <summary>
/// What an <see cref="EditionScenario"/> gave: the timeline, and from it the level of a zone on a day, the decision at a
/// gate at a local time (on that day's levels), and a staffing plan over the days.
/// </summary>
/// <threadsafety static="true" instance="false">The timeline is immutable; gate decisions read (and with <c>record</c>, write) the scenario's outing ledger, which is thread-safe.</threadsafety>
public sealed class EditionScenarioResult
{
    private readonly AccessPolicy? _access;
    private readonly string? _noAccess;

    internal EditionScenarioResult(PolicyEdition edition, RiskTimeline timeline, AccessPolicy? access, string? noAccess)
    {
        _noAccess = noAccess;
        Edition = edition;
        Timeline = timeline;
        _access = access;
    }

    /// <summary>Gets the edition under test.</summary>
    public PolicyEdition Edition { get; }

    /// <summary>Gets the levels of every zone on every day asked for; assert on it with <c>Timeline.Should()</c>.</summary>
    public RiskTimeline Timeline { get; }

    /// <summary>Gets the history the scenario built.</summary>
    public EpidemicHistory History => Timeline.History;

    /// <summary>Gets the community.</summary>
    public ZoneTree Tree => Timeline.Tree;

    /// <summary>Gets the access policy gate decisions use; null when the edition has no built-in measure table on its scale and none was named.</summary>
    public AccessPolicy? Access => _access;

    /// <summary>Gets the outing ledger gate decisions read, and record into when asked to.</summary>
    public InMemoryOutingLedger Outings { get; } = new();

    /// <summary>Assesses a zone on a day.</summary>
    /// <param name="zone">The zone.</param>
    /// <param name="date">The day.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentException"><paramref name="zone"/> is not in the tree.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside the days evaluated.</exception>
    public RiskAssessment LevelOf(ZoneId zone, LocalDate date) => Timeline.At(zone, date);

    /// <summary>
    /// Decides a request at a zone's gate at a local time, on that day's levels. The request's zone and instant are set
    /// from <paramref name="gate"/> and <paramref name="at"/> (in the tree's time zone); start one from <see cref="GateRequests"/>.
    /// </summary>
    /// <param name="gate">The zone whose gate it is.</param>
    /// <param name="at">The local date and time.</param>
    /// <param name="request">Who, which way, why, and what the gate read.</param>
    /// <param name="record">True to record a granted outing (or close a returning resident's) in <see cref="Outings"/>.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="InvalidOperationException">No access policy is known: call <see cref="EditionScenario.WithAccess"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="gate"/> is not in the tree, or the request is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The day is outside the days evaluated.</exception>
    public AccessDecision GateDecision(ZoneId gate, LocalDateTime at, AccessRequest request, bool record = false)
    {
        var access = _access ?? throw new InvalidOperationException(
            (_noAccess ?? "No access policy is known") + ": name one with EditionScenario.WithAccess(AccessPolicy.Create(…)).");
        var snapshot = Timeline.SnapshotOn(at.Date);
        var placed = request with
        {
            ZoneIndex = Tree.GetIndex(gate),
            At = Tree.TimeZone.AtLeniently(at).ToInstant(),
        };
        return record ? access.EvaluateAndRecord(in placed, snapshot, Outings) : access.Evaluate(in placed, snapshot, Outings);
    }

    /// <summary>Decides a request at a zone's gate at local noon of a day; see <see cref="GateDecision(ZoneId, LocalDateTime, AccessRequest, bool)"/>.</summary>
    /// <param name="gate">The zone whose gate it is.</param>
    /// <param name="date">The day.</param>
    /// <param name="request">Who, which way, why, and what the gate read.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="InvalidOperationException">No access policy is known.</exception>
    /// <exception cref="ArgumentException"><paramref name="gate"/> is not in the tree, or the request is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The day is outside the days evaluated.</exception>
    public AccessDecision GateDecision(ZoneId gate, LocalDate date, AccessRequest request)
        => GateDecision(gate, date.At(new LocalTime(12, 0)), request);

    /// <summary>Plans staffing over days of the timeline, each day at that day's levels.</summary>
    /// <param name="policy">The staffing policy (on the edition's scale).</param>
    /// <param name="arrivals">The gate traffic.</param>
    /// <param name="workforce">The people available.</param>
    /// <param name="period">The days to plan; null for every day evaluated.</param>
    /// <returns>The plan; assert on it with <c>plan.Should()</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/>, <paramref name="arrivals"/> or <paramref name="workforce"/> is null.</exception>
    /// <exception cref="ArgumentException">The policy is on another scale, or a member serves a zone not in the tree.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A day of <paramref name="period"/> is outside the days evaluated.</exception>
    public StaffingPlan StaffingPlan(StaffingPolicy policy, GateArrivals arrivals, Workforce workforce, DateInterval? period = null)
    {
        Guard.NotNull(policy);
        Guard.NotNull(arrivals);
        Guard.NotNull(workforce);
        var days = period ?? Timeline.Interval;
        var snapshots = new List<RiskSnapshot>(days.Length);
        foreach (var date in days)
        {
            snapshots.Add(Timeline.SnapshotOn(date));
        }

        return policy.Calculate(snapshots, arrivals, workforce);
    }

    /// <summary>Returns the edition and the timeline.</summary>
    /// <returns>E.g. <c>cn-2022-06-ninth-edition: RiskTimeline 2022-07-01..2022-07-15 (4 changes)</c>.</returns>
    public override string ToString() => Edition.Id + ": " + Timeline;
}
