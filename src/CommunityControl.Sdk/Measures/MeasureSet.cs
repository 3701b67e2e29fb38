using System;
using System.Collections.Generic;

namespace CommunityControl.Measures;

/// <summary>
/// The measures of one risk level: at most one of each kind, plus the community actions that are not gate rules.
/// </summary>
/// <example>
/// <code>
/// var high = new MeasureSet
/// {
///     StayHome = new StayHome { Source = "cn-policy §6.6" },
///     TemperatureCheck = new TemperatureCheck { ReportAboveCelsius = 37.3 },
///     Couriers = new CourierRule { Handover = CourierHandover.AtGate },
/// };
/// </code>
/// </example>
/// <threadsafety static="true" instance="true">Immutable once initialized; a <see cref="MeasureTable"/> keeps a frozen copy.</threadsafety>
public sealed class MeasureSet
{
    /// <summary>Gets the empty set: no measures.</summary>
    public static MeasureSet Empty { get; } = new() { Actions = Array.AsReadOnly(Array.Empty<CommunityAction>()) };

    /// <summary>Gets the closed management of the compound, if any.</summary>
    public ClosedManagement? ClosedManagement { get; init; }

    /// <summary>Gets the stay-home order (足不出户、上门服务), if any.</summary>
    public StayHome? StayHome { get; init; }

    /// <summary>Gets the stay-in-area order (人不出区、错峰取物), if any.</summary>
    public StayInArea? StayInArea { get; init; }

    /// <summary>Gets the outing quota, if any.</summary>
    public OutingQuota? OutingQuota { get; init; }

    /// <summary>Gets the temperature check, if any.</summary>
    public TemperatureCheck? TemperatureCheck { get; init; }

    /// <summary>Gets the health-code check, if any.</summary>
    public HealthCodeCheck? HealthCodeCheck { get; init; }

    /// <summary>Gets the pass requirement, if any.</summary>
    public PassRequirement? PassRequirement { get; init; }

    /// <summary>Gets the registration rule, if any.</summary>
    public Registration? Registration { get; init; }

    /// <summary>Gets the visitor rule, if any.</summary>
    public VisitorRule? Visitors { get; init; }

    /// <summary>Gets the courier rule, if any.</summary>
    public CourierRule? Couriers { get; init; }

    /// <summary>Gets the night closure, if any.</summary>
    public NightClosure? NightClosure { get; init; }

    /// <summary>Gets the negative-test requirement to leave the city, if any.</summary>
    public LeaveCityTest? LeaveCityTest { get; init; }

    /// <summary>Gets the checks of listed venues, if any.</summary>
    public VenueChecks? VenueChecks { get; init; }

    /// <summary>Gets the community actions and strategies of the level that are not gate rules.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<CommunityAction> Actions { get; init; } = Array.Empty<CommunityAction>();

    /// <summary>Gets every measure of the set, in the order of <see cref="MeasureKind"/>: a new read-only list on each call.</summary>
    public IReadOnlyList<ControlMeasure> All
    {
        get
        {
            var list = new List<ControlMeasure>(13);
            Add(list, ClosedManagement);
            Add(list, StayHome);
            Add(list, StayInArea);
            Add(list, OutingQuota);
            Add(list, TemperatureCheck);
            Add(list, HealthCodeCheck);
            Add(list, PassRequirement);
            Add(list, Registration);
            Add(list, Visitors);
            Add(list, Couriers);
            Add(list, NightClosure);
            Add(list, LeaveCityTest);
            Add(list, VenueChecks);
            return list.AsReadOnly();
        }
    }

    /// <summary>Gets a value indicating whether the set has neither measures nor actions.</summary>
    public bool IsEmpty => All.Count == 0 && (Actions is null || Actions.Count == 0);

    /// <summary>Gets the measure of a kind, if the set has one.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The measure, or null.</returns>
    public ControlMeasure? Get(MeasureKind kind)
    {
        foreach (var m in All)
        {
            if (m.Kind == kind)
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>Returns the English names of the measures.</summary>
    /// <returns>E.g. <c>Stay home, door-to-door service; Temperature check</c>, or <c>(no measures)</c>.</returns>
    public override string ToString()
    {
        var all = All;
        if (all.Count == 0)
        {
            return "(no measures)";
        }

        var names = new string[all.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = all[i].NameEn;
        }

        return string.Join("; ", names);
    }

    internal void Validate(string path, List<(string Path, string Message)> problems)
    {
        ClosedManagement?.Validate(path + ".closedManagement", problems);
        StayHome?.Validate(path + ".stayHome", problems);
        StayInArea?.Validate(path + ".stayInArea", problems);
        OutingQuota?.Validate(path + ".outingQuota", problems);
        TemperatureCheck?.Validate(path + ".temperatureCheck", problems);
        HealthCodeCheck?.Validate(path + ".healthCodeCheck", problems);
        PassRequirement?.Validate(path + ".passRequirement", problems);
        Registration?.Validate(path + ".registration", problems);
        Visitors?.Validate(path + ".visitors", problems);
        Couriers?.Validate(path + ".couriers", problems);
        NightClosure?.Validate(path + ".nightClosure", problems);
        LeaveCityTest?.Validate(path + ".leaveCityTest", problems);
        VenueChecks?.Validate(path + ".venueChecks", problems);
        if (StayHome is not null && StayInArea is not null)
        {
            problems.Add((path + ".stayInArea", "A level cannot both keep people home and let them move in the area; choose stayHome or stayInArea."));
        }

        if (Actions is null)
        {
            problems.Add((path + ".actions", "The list of actions must not be null; use [] for none."));
            return;
        }

        for (var i = 0; i < Actions.Count; i++)
        {
            if (Actions[i] <= CommunityAction.None || Actions[i] > CommunityAction.CentralizedSupply)
            {
                problems.Add(($"{path}.actions[{i}]", $"'{Actions[i]}' is not a community action."));
            }
        }
    }

    internal MeasureSet Freeze()
    {
        var actions = new CommunityAction[Actions?.Count ?? 0];
        for (var i = 0; i < actions.Length; i++)
        {
            actions[i] = Actions![i];
        }

        return new MeasureSet
        {
            ClosedManagement = (ClosedManagement?)ClosedManagement?.Freeze(),
            StayHome = (StayHome?)StayHome?.Freeze(),
            StayInArea = (StayInArea?)StayInArea?.Freeze(),
            OutingQuota = (OutingQuota?)OutingQuota?.Freeze(),
            TemperatureCheck = (TemperatureCheck?)TemperatureCheck?.Freeze(),
            HealthCodeCheck = (HealthCodeCheck?)HealthCodeCheck?.Freeze(),
            PassRequirement = (PassRequirement?)PassRequirement?.Freeze(),
            Registration = (Registration?)Registration?.Freeze(),
            Visitors = (VisitorRule?)Visitors?.Freeze(),
            Couriers = (CourierRule?)Couriers?.Freeze(),
            NightClosure = (NightClosure?)NightClosure?.Freeze(),
            LeaveCityTest = (LeaveCityTest?)LeaveCityTest?.Freeze(),
            VenueChecks = (VenueChecks?)VenueChecks?.Freeze(),
            Actions = Array.AsReadOnly(actions),
        };
    }

    private static void Add(List<ControlMeasure> list, ControlMeasure? measure)
    {
        if (measure is not null)
        {
            list.Add(measure);
        }
    }
}
