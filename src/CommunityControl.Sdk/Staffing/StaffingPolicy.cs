using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using CommunityControl.Internal;
using CommunityControl.Measures;
using CommunityControl.Risk;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// What one policy edition demands of a community's staff, per risk level: how gates are staffed (Erlang C from gate
/// traffic, a minimum on duty), the workloads each level creates (door-to-door service for sealed households, patrols and
/// disinfection per building, grid work per household, screening-round support), the shift pattern, and the limits on
/// each person's work.
/// </summary>
/// <remarks>
/// <para>Create one with <see cref="StaffingPolicyBuilder"/> or read one with <see cref="Serialization.StaffingPolicyJson"/>. Levels
/// are <see cref="RiskLevel"/>s of <see cref="Scale"/>; a level the policy does not list demands nothing.</para>
/// <para>Every figure the reference marks UNCONFIRMED (staff per checkpoint, check times, grid size) is a parameter with
/// no default; named local figures are offered as presets (<see cref="GateRule.Yangling2020"/>, the static properties of <see cref="RatioNorm"/>).</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable and thread-safe; <see cref="Calculate(IReadOnlyList{RiskSnapshot}, GateArrivals, Workforce)"/> may run concurrently.</threadsafety>
public sealed class StaffingPolicy
{
    /// <summary>The order in which sources cover demand when none is given: the standing team first, then deployed cadres, then the rest.</summary>
    internal static readonly WorkforceSource[] DefaultCoverageOrder =
    {
        WorkforceSource.CommunityWorker, WorkforceSource.GridWorker, WorkforceSource.PropertyStaff, WorkforceSource.DeployedCadre,
        WorkforceSource.PartyMember, WorkforceSource.HomeownersCommitteeMember, WorkforceSource.Volunteer,
    };

    private readonly LevelStaffing?[] _bySeverity;
    private readonly LevelDemand[] _demand;

    internal StaffingPolicy(
        RiskScale scale,
        ZoneKind planningUnit,
        ShiftPattern shifts,
        WorkLimits limits,
        Dictionary<GateCheckMethod, Duration> checkTimes,
        SortedDictionary<RiskLevel, LevelStaffing> levels,
        WorkforceSource[] coverageOrder,
        Workload[] doorToDoor,
        MeasureTable? measures)
    {
        Scale = scale;
        PlanningUnit = planningUnit;
        Shifts = shifts;
        Limits = limits;
        CheckTimes = new ReadOnlyDictionary<GateCheckMethod, Duration>(checkTimes);
        Levels = new ReadOnlyDictionary<RiskLevel, LevelStaffing>(levels);
        CoverageOrder = Array.AsReadOnly(coverageOrder);
        _bySeverity = new LevelStaffing?[RiskLevel.MaxSeverity + 1];
        foreach (var pair in levels)
        {
            _bySeverity[pair.Key.Severity] = pair.Value;
        }

        SourceRank = new int[(int)WorkforceSource.HomeownersCommitteeMember + 1];
        for (var i = 0; i < coverageOrder.Length; i++)
        {
            SourceRank[(int)coverageOrder[i]] = i;
        }

        DoorToDoor = Array.AsReadOnly(doorToDoor);
        Measures = measures;
        _demand = new LevelDemand[RiskLevel.MaxSeverity + 1];
        for (var severity = 0; severity < _demand.Length; severity++)
        {
            var level = RiskLevel.FromSeverity(severity);
            var measureSet = measures is not null && scale.Defines(level) ? measures.For(level) : null;
            _demand[severity] = LevelDemand.Create(_bySeverity[severity], measureSet, DoorToDoor);
        }

        HasWorkloads = _demand.Any(d => d.Workloads.Length > 0);
    }

    /// <summary>Gets the scale whose levels key <see cref="Levels"/>; snapshots given to <c>Calculate</c> must use the same scale.</summary>
    public RiskScale Scale { get; }

    /// <summary>Gets the kind of zone a plan is made for (each zone of this kind gets its own lines).</summary>
    /// <value><see cref="ZoneKind.Compound"/> unless set: the unit closed to one gate in 2020 (cn-policy.md §2, S15).</value>
    public ZoneKind PlanningUnit { get; }

    /// <summary>Gets the shift pattern.</summary>
    public ShiftPattern Shifts { get; }

    /// <summary>Gets the limits on each person's work.</summary>
    public WorkLimits Limits { get; }

    /// <summary>Gets the service time of each gate check method (no defaults: the reference gives none).</summary>
    public IReadOnlyDictionary<GateCheckMethod, Duration> CheckTimes { get; }

    /// <summary>Gets what each level demands, from the least to the most severe.</summary>
    public IReadOnlyDictionary<RiskLevel, LevelStaffing> Levels { get; }

    /// <summary>Gets the order in which sources are asked to cover demand (earlier first).</summary>
    /// <value>By default community workers, grid workers, property staff, deployed cadres, Party members, homeowners'
    /// committee members, volunteers. This is a planning choice, not a figure from the reference.</value>
    public IReadOnlyList<WorkforceSource> CoverageOrder { get; }

    /// <summary>
    /// Gets the door-to-door work (deliveries, temperature checks at the door, waste collection) done wherever the
    /// measures put households under stay-home (足不出户、上门服务); see <see cref="Measures"/>.
    /// </summary>
    /// <value>Empty unless set with <see cref="StaffingPolicyBuilder.WithDoorToDoor"/> or a document's <c>doorToDoor</c> list.</value>
    public IReadOnlyList<Workload> DoorToDoor { get; }

    /// <summary>
    /// Gets the measure table the demand follows, or null when the staffing table alone decides.
    /// </summary>
    /// <remarks>
    /// <para>With a measure table, for each level: gate demand counts only the gates closed management keeps open
    /// (<see cref="ClosedManagement.OpenGates"/>; "close some gates … no unstaffed gate", cn-policy §2 [S20b]); a night
    /// closure that shuts entries stops ordinary traffic for the hours it covers whole, when the gate is unstaffed
    /// unless closed management keeps a guard around the clock (<see cref="ClosedManagement.StaffedAroundTheClock"/>,
    /// Wuhan's "one gate, 24h" [S15]) or the closure lets exempt purposes through, in which cases the rule's minimum
    /// stays on duty; and door-to-door work (the level's own door-to-door workloads and <see cref="DoorToDoor"/>) is
    /// done only where the level has stay-home. So an edition that moves stay-home or closed management to another
    /// level changes its measure table only.</para>
    /// <para>An edition binds its staffing to its measures (<see cref="Editions.PolicyEdition.Staffing"/>).</para>
    /// </remarks>
    /// <value>Null unless set with <see cref="WithMeasures"/>.</value>
    public MeasureTable? Measures { get; }

    internal int[] SourceRank { get; }

    internal bool HasWorkloads { get; }

    /// <summary>Gets what a level demands, or null when the policy lists nothing for it.</summary>
    /// <param name="level">The level.</param>
    /// <returns>The level's staffing, or null.</returns>
    public LevelStaffing? ForLevel(RiskLevel level) => _bySeverity[level.Severity];

    /// <summary>Returns a copy whose demand follows <paramref name="measures"/> (see <see cref="Measures"/>), or, given null, the staffing table alone.</summary>
    /// <param name="measures">The measure table, of <see cref="Scale"/>; or null.</param>
    /// <returns>The policy bound to the measures; this instance when they are already bound.</returns>
    /// <exception cref="ArgumentException"><paramref name="measures"/> uses another scale than <see cref="Scale"/>.</exception>
    public StaffingPolicy WithMeasures(MeasureTable? measures)
    {
        if (ReferenceEquals(measures, Measures))
        {
            return this;
        }

        if (measures is not null && !RiskScaleContent.Same(measures.Scale, Scale))
        {
            throw new ArgumentException($"The measure table uses scale '{measures.Scale.Id}', but the staffing policy's levels are of '{Scale.Id}'.", nameof(measures));
        }

        var levels = new SortedDictionary<RiskLevel, LevelStaffing>();
        foreach (var pair in Levels)
        {
            levels[pair.Key] = pair.Value;
        }

        return new StaffingPolicy(Scale, PlanningUnit, Shifts, Limits, new Dictionary<GateCheckMethod, Duration>(CheckTimes.ToDictionary(p => p.Key, p => p.Value)), levels, CoverageOrder.ToArray(), DoorToDoor.ToArray(), measures);
    }

    /// <summary>The most days one plan covers: 366 (a year). A longer period is refused before any work; plan it year by year.</summary>
    public const int MaximumPlanDays = 366;

    /// <summary>What a level demands once read with the measures.</summary>
    internal LevelDemand DemandAt(int severity) => _demand[severity];

    /// <summary>
    /// Plans staffing for consecutive days: the demand of each planning unit, day, shift and role; who covers it; the gap.
    /// </summary>
    /// <param name="days">One snapshot per day, for consecutive dates, all of the same tree and of <see cref="Scale"/>.</param>
    /// <param name="arrivals">The gate traffic.</param>
    /// <param name="workforce">The people available.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The days are empty, more than <see cref="MaximumPlanDays"/>, not consecutive, of
    /// different trees, or of another scale; or a member of the workforce serves a zone that is not in the tree.</exception>
    /// <exception cref="ArgumentOutOfRangeException">(Naming <paramref name="arrivals"/>) a gate's hourly traffic, with its
    /// rule's occupancy cap and shrinkage, would need more than <see cref="ErlangC.MaximumAgents"/> agents or an offered load
    /// above <see cref="ErlangC.MaximumOfferedLoad"/>.</exception>
    public StaffingPlan Calculate(IReadOnlyList<RiskSnapshot> days, GateArrivals arrivals, Workforce workforce)
    {
        Guard.NotNull(days);
        Guard.NotNull(arrivals);
        Guard.NotNull(workforce);
        if (days.Count == 0 || days.Count > MaximumPlanDays)
        {
            throw new ArgumentException($"A plan covers 1 to {MaximumPlanDays} days; there were {days.Count}.", nameof(days));
        }

        var dates = new LocalDate[days.Count];
        var snapshots = new RiskSnapshot[days.Count];
        for (var i = 0; i < days.Count; i++)
        {
            var s = days[i] ?? throw new ArgumentException($"Day #{i + 1} is null.", nameof(days));
            if (i > 0 && s.Date != dates[i - 1].PlusDays(1))
            {
                throw new ArgumentException($"The days must be consecutive: {s.Date:uuuu'-'MM'-'dd} follows {dates[i - 1]:uuuu'-'MM'-'dd}.", nameof(days));
            }

            dates[i] = s.Date;
            snapshots[i] = s;
        }

        return StaffingPlanner.Plan(this, dates, snapshots, arrivals, workforce, nameof(days));
    }

    /// <summary>Plans staffing for every day of a period with the same levels on each day.</summary>
    /// <param name="snapshot">The levels, held for every day of <paramref name="period"/>.</param>
    /// <param name="arrivals">The gate traffic.</param>
    /// <param name="workforce">The people available.</param>
    /// <param name="period">The days to plan, e.g. a week.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The snapshot is of another scale; a member serves a zone not in the tree; or
    /// <paramref name="period"/> is longer than <see cref="MaximumPlanDays"/> days.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As for <see cref="Calculate(IReadOnlyList{RiskSnapshot}, GateArrivals, Workforce)"/>.</exception>
    public StaffingPlan Calculate(RiskSnapshot snapshot, GateArrivals arrivals, Workforce workforce, DateInterval period)
    {
        Guard.NotNull(snapshot);
        Guard.NotNull(arrivals);
        Guard.NotNull(workforce);
        Guard.NotNull(period);
        if (period.Length > MaximumPlanDays)
        {
            throw new ArgumentException($"A plan covers at most {MaximumPlanDays} days; the period has {period.Length}.", nameof(period));
        }
        var dates = new LocalDate[period.Length];
        var snapshots = new RiskSnapshot[period.Length];
        for (var i = 0; i < dates.Length; i++)
        {
            dates[i] = period.Start.PlusDays(i);
            snapshots[i] = snapshot;
        }

        return StaffingPlanner.Plan(this, dates, snapshots, arrivals, workforce, nameof(snapshot));
    }

    /// <summary>Returns a summary such as <c>StaffingPolicy (cn-low-medium-high; Compound; 2 shifts; levels Medium, High)</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
        => $"StaffingPolicy ({Scale.Id}; {PlanningUnit}; {Shifts.Shifts.Count} shifts; levels {string.Join(", ", Levels.Keys.Select(l => Scale.Describe(l).Code))})";
}
