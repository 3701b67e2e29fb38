using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Internal;
using CommunityControl.Risk;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// Builds a <see cref="StaffingPolicy"/> in code. <see cref="Build"/> checks everything at once and reports every problem
/// in one <see cref="ModelValidationException"/>; <see cref="Serialization.StaffingPolicyJson"/> uses the same checks.
/// </summary>
/// <example>
/// <code>
/// var policy = new StaffingPolicyBuilder(RiskScales.ChinaLowMediumHigh)
///     .WithShifts(ShiftPattern.TwoTwelveHour(new LocalTime(8, 0), Duration.FromMinutes(15)))
///     .WithCheckTime(GateCheckMethod.CodeScan, Duration.FromSeconds(10))
///     .ForLevel("High", new LevelStaffing
///     {
///         Gate = GateRule.Yangling2020(GateCheckMethod.CodeScan, ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20))),
///         Workloads = new[] { new Workload { Kind = WorkKind.Delivery, Basis = WorkloadBasis.PerHousehold, TimesPerDay = 1, TimeEach = Duration.FromMinutes(4) } },
///     })
///     .Build();
/// </code>
/// </example>
/// <threadsafety static="true" instance="false">Mutable; not thread-safe. May build several policies.</threadsafety>
public sealed class StaffingPolicyBuilder
{
    private readonly Dictionary<GateCheckMethod, Duration> _checkTimes = new();
    private readonly List<KeyValuePair<RiskLevel, LevelStaffing>> _levels = new();
    private ZoneKind _planningUnit = ZoneKind.Compound;
    private ShiftPattern? _shifts;
    private WorkLimits _limits = WorkLimits.None;
    private WorkforceSource[]? _coverageOrder;
    private Workload[] _doorToDoor = Array.Empty<Workload>();

    /// <summary>Creates a builder for levels of <paramref name="scale"/>.</summary>
    /// <param name="scale">The scale whose levels the policy is keyed by.</param>
    /// <exception cref="ArgumentNullException"><paramref name="scale"/> is null.</exception>
    public StaffingPolicyBuilder(RiskScale scale) => Scale = Guard.NotNull(scale);

    /// <summary>Gets the scale whose levels the policy is keyed by.</summary>
    public RiskScale Scale { get; }

    /// <summary>Sets the kind of zone a plan is made for.</summary>
    /// <param name="kind">E.g. <see cref="ZoneKind.Compound"/> (the default).</param>
    /// <returns>This builder.</returns>
    public StaffingPolicyBuilder WithPlanningUnit(ZoneKind kind)
    {
        _planningUnit = kind;
        return this;
    }

    /// <summary>Sets the shift pattern (required).</summary>
    /// <param name="shifts">The pattern.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="shifts"/> is null.</exception>
    public StaffingPolicyBuilder WithShifts(ShiftPattern shifts)
    {
        _shifts = Guard.NotNull(shifts);
        return this;
    }

    /// <summary>Sets the limits on each person's work.</summary>
    /// <param name="limits">The limits.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    public StaffingPolicyBuilder WithLimits(WorkLimits limits)
    {
        _limits = Guard.NotNull(limits);
        return this;
    }

    /// <summary>Sets the service time of a gate check method; every method a gate rule uses needs one.</summary>
    /// <param name="method">The method.</param>
    /// <param name="serviceTime">The average time one check takes.</param>
    /// <returns>This builder.</returns>
    public StaffingPolicyBuilder WithCheckTime(GateCheckMethod method, Duration serviceTime)
    {
        _checkTimes[method] = serviceTime;
        return this;
    }

    /// <summary>Sets the order in which sources are asked to cover demand; sources left out follow in the default order.</summary>
    /// <param name="order">The sources, earlier first.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="order"/> is null.</exception>
    public StaffingPolicyBuilder WithCoverageOrder(params WorkforceSource[] order)
    {
        _coverageOrder = Guard.NotNull(order).ToArray();
        return this;
    }

    /// <summary>
    /// Sets the door-to-door work (replacing what was set) done wherever a level's measures put households under
    /// stay-home; it needs the policy to follow a measure table (<see cref="StaffingPolicy.WithMeasures"/>).
    /// </summary>
    /// <param name="workloads">Workloads of the door-to-door role: <see cref="WorkKind.Delivery"/>,
    /// <see cref="WorkKind.TemperatureCheck"/>, <see cref="WorkKind.WasteCollection"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="workloads"/> is null.</exception>
    public StaffingPolicyBuilder WithDoorToDoor(params Workload[] workloads)
    {
        _doorToDoor = Guard.NotNull(workloads).ToArray();
        return this;
    }

    /// <summary>Sets what a level demands (replacing what was set for it).</summary>
    /// <param name="level">The level.</param>
    /// <param name="staffing">What it demands.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="staffing"/> is null.</exception>
    public StaffingPolicyBuilder ForLevel(RiskLevel level, LevelStaffing staffing)
    {
        Guard.NotNull(staffing);
        _levels.RemoveAll(p => p.Key == level);
        _levels.Add(new KeyValuePair<RiskLevel, LevelStaffing>(level, staffing));
        return this;
    }

    /// <summary>Sets what a level, named by its code in <see cref="Scale"/>, demands.</summary>
    /// <param name="levelCode">The level's code, e.g. <c>High</c>.</param>
    /// <param name="staffing">What it demands.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="levelCode"/> is not a level of <see cref="Scale"/>.</exception>
    public StaffingPolicyBuilder ForLevel(string levelCode, LevelStaffing staffing)
    {
        Guard.NotNull(levelCode);
        if (!Scale.TryGetLevel(levelCode, out var level))
        {
            throw new ArgumentException($"Risk scale '{Scale.Id}' has no level '{levelCode}'.", nameof(levelCode));
        }

        return ForLevel(level, staffing);
    }

    /// <summary>Builds the policy.</summary>
    /// <returns>The policy.</returns>
    /// <exception cref="ModelValidationException">Something is missing or out of range; every problem is listed.</exception>
    public StaffingPolicy Build()
    {
        var problems = new List<PolicyProblem>();
        var policy = TryBuild(problems);
        if (policy is null)
        {
            throw new ModelValidationException(typeof(StaffingPolicy), problems.Select(p => p.ToString()));
        }

        return policy;
    }

    internal StaffingPolicy? TryBuild(List<PolicyProblem> problems)
    {
        var before = problems.Count;
        if (!ZoneKinds.IsDefined(_planningUnit))
        {
            problems.Add(new("$.planningUnit", "the planning unit must be a defined zone kind."));
        }

        if (_shifts is null)
        {
            problems.Add(new("$.shifts", "the shift pattern is required (e.g. ShiftPattern.ThreeEightHour or TwoTwelveHour)."));
        }

        _limits.Validate("$.limits", problems);
        ValidateCheckTimes(problems);
        var order = CoverageOrder(problems);
        var levels = ValidateLevels(problems);
        ValidateDoorToDoor(problems);

        if (problems.Count > before || _shifts is null)
        {
            return null;
        }

        return new StaffingPolicy(Scale, _planningUnit, _shifts, _limits, new Dictionary<GateCheckMethod, Duration>(_checkTimes), levels, order.ToArray(), _doorToDoor.ToArray(), measures: null);
    }

    private void ValidateCheckTimes(List<PolicyProblem> problems)
    {
        foreach (var pair in _checkTimes)
        {
            if (pair.Key is not (GateCheckMethod.ManualRegistration or GateCheckMethod.CodeScan))
            {
                problems.Add(new("$.checkSeconds", "a check time is for ManualRegistration or CodeScan."));
            }
            else if (pair.Value <= Duration.Zero)
            {
                problems.Add(new("$.checkSeconds." + pair.Key, "the service time of a check must be more than zero."));
            }
        }
    }

    /// <summary>The coverage order given (each source once), then the default order's other sources.</summary>
    private List<WorkforceSource> CoverageOrder(List<PolicyProblem> problems)
    {
        var order = new List<WorkforceSource>();
        foreach (var source in _coverageOrder ?? Array.Empty<WorkforceSource>())
        {
            if (source is < WorkforceSource.CommunityWorker or > WorkforceSource.HomeownersCommitteeMember)
            {
                problems.Add(new("$.coverageOrder", "the coverage order lists only defined sources."));
            }
            else if (order.Contains(source))
            {
                problems.Add(new("$.coverageOrder", $"the source {source} is listed twice."));
            }
            else
            {
                order.Add(source);
            }
        }

        order.AddRange(StaffingPolicy.DefaultCoverageOrder.Where(s => !order.Contains(s)));

        return order;
    }

    /// <summary>Validates each level's gate rule and workloads; returns the levels with their workloads copied.</summary>
    private SortedDictionary<RiskLevel, LevelStaffing> ValidateLevels(List<PolicyProblem> problems)
    {
        var levels = new SortedDictionary<RiskLevel, LevelStaffing>();
        foreach (var pair in _levels)
        {
            var path = "$.levels." + Scale.Describe(pair.Key).Code;
            var staffing = pair.Value;
            if (staffing.Gate is { } gate)
            {
                gate.Validate(path + ".gate", problems);
                if (gate.Check is GateCheckMethod.ManualRegistration or GateCheckMethod.CodeScan && !_checkTimes.ContainsKey(gate.Check))
                {
                    problems.Add(new(path + ".gate.check", $"no service time is set for {gate.Check} (checkSeconds); the reference gives none, so it has no default."));
                }
            }

            var workloads = (staffing.Workloads ?? Array.Empty<Workload>()).ToArray();
            for (var i = 0; i < workloads.Length; i++)
            {
                if (workloads[i] is null)
                {
                    problems.Add(new($"{path}.workloads[{i}]", "the workload is null."));
                    continue;
                }

                workloads[i].Validate($"{path}.workloads[{i}]", problems);
            }

            levels[pair.Key] = new LevelStaffing { Gate = staffing.Gate, Workloads = Array.AsReadOnly(workloads) };
        }

        return levels;
    }

    private void ValidateDoorToDoor(List<PolicyProblem> problems)
    {
        for (var i = 0; i < _doorToDoor.Length; i++)
        {
            if (_doorToDoor[i] is not { } workload)
            {
                problems.Add(new($"$.doorToDoor[{i}]", "the workload is null."));
            }
            else if (workload.Role != StaffingRole.DoorToDoor)
            {
                problems.Add(new($"$.doorToDoor[{i}].kind", "door-to-door work is Delivery, TemperatureCheck or WasteCollection."));
            }
            else
            {
                workload.Validate($"$.doorToDoor[{i}]", problems);
            }
        }
    }
}
