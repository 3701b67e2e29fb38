using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Measures;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// What one level demands once the staffing table is read together with the level's measures: the gate rule, how many
/// gates are open and in which hours they are staffed or closed, and the work to do. Built once per policy.
/// </summary>
internal sealed class LevelDemand
{
    private static readonly bool[] NoHours = new bool[24];

    private LevelDemand(GateRule? gate, int? openGates, bool[] staffed, bool[] closed, Workload[] workloads)
    {
        Gate = gate;
        OpenGates = openGates;
        Staffed = staffed;
        Closed = closed;
        Workloads = workloads;
    }

    /// <summary>Gets the gate rule, or null when the level staffs no gate.</summary>
    public GateRule? Gate { get; }

    /// <summary>Gets the number of gates closed management keeps open, or null for every physical gate.</summary>
    public int? OpenGates { get; }

    /// <summary>Gets, per clock hour, whether the gate is staffed.</summary>
    public bool[] Staffed { get; }

    /// <summary>Gets, per clock hour, whether a night closure shuts the gate for the whole hour (no ordinary traffic).</summary>
    public bool[] Closed { get; }

    /// <summary>Gets the work of the level: its own workloads, with door-to-door work where stay-home is in force.</summary>
    public Workload[] Workloads { get; }

    /// <summary>The gates a unit staffs: its physical gates, or fewer when closed management keeps fewer open.</summary>
    public int GatesOf(int physical) => OpenGates is { } open && open < physical ? open : physical;

    /// <summary>
    /// Reads a level's staffing with its measures (either may be null). Without measures the staffing table alone
    /// decides, as it always did.
    /// </summary>
    public static LevelDemand Create(LevelStaffing? staffing, MeasureSet? measures, IReadOnlyList<Workload> doorToDoor)
    {
        var gate = staffing?.Gate;
        var own = staffing?.Workloads ?? Array.Empty<Workload>();
        if (measures is null)
        {
            var staffedOnly = gate is null ? NoHours : Enumerable.Range(0, 24).Select(gate.IsStaffedInHour).ToArray();
            return new LevelDemand(gate, null, staffedOnly, NoHours, own.ToArray());
        }

        // Door-to-door work follows stay-home: the table's own door-to-door lines count only where stay-home is in
        // force, and the policy's door-to-door work is added there.
        var stayHome = measures.StayHome is not null;
        var workloads = own.Where(w => stayHome || w.Role != StaffingRole.DoorToDoor).ToList();
        if (stayHome)
        {
            workloads.AddRange(doorToDoor);
        }

        var closedManagement = measures.ClosedManagement;
        var closure = measures.NightClosure;
        var closed = new bool[24];
        var staffed = new bool[24];
        for (var h = 0; h < 24; h++)
        {
            closed[h] = closure is not null && closure.ClosesEntries && ClosedAllHour(closure, h);
            if (gate is null)
            {
                continue;
            }

            // A closed gate sees no ordinary traffic; it is still staffed (at the rule's minimum) where closed
            // management keeps a guard around the clock or the closure lets exempt purposes through.
            staffed[h] = closedManagement?.StaffedAroundTheClock == true
                || (closed[h] ? closure!.ExemptPurposes.Count > 0 && gate.IsStaffedInHour(h) : gate.IsStaffedInHour(h));
        }

        return new LevelDemand(gate, closedManagement?.OpenGates, staffed, closed, workloads.ToArray());
    }

    private static bool ClosedAllHour(NightClosure closure, int hour)
    {
        var start = new LocalTime(hour, 0);
        for (var minute = 0; minute < 60; minute++)
        {
            if (!closure.IsClosedAt(start.PlusMinutes(minute)))
            {
                return false;
            }
        }

        return true;
    }
}
