using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Internal;
using CommunityControl.Risk;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>One line of a plan, stored flat; <see cref="StaffingRequirement"/> is the public view of it.</summary>
internal struct RequirementRecord
{
    public int Day;
    public int Zone;
    public int People;
    public int FirstAssignment;
    public int Assigned;
    public int Gates;
    public int PeakHour;
    public int PeakOnDutyPerGate;
    public int Households;
    public int Residents;
    public int Buildings;
    public double PersonHours;
    public double WorkHours;
    public double PeakChecksPerGate;
    public byte Shift;
    public byte Severity;
    public bool IsUnitLevel;
    public StaffingRole Role;
    public StaffingConstraint Binding;
}

/// <summary>
/// Turns a policy, the levels of each day, the gate traffic and the workforce into a plan: demand per planning unit,
/// day, shift and role, then a greedy cover shift by shift.
/// </summary>
/// <remarks>
/// The cover is greedy, not optimal: shifts are filled in time order; within a shift, roles in the order gate,
/// door-to-door, disinfection, patrol, screening support, grid work, and units in tree order; for each place the
/// person chosen is the earliest source in the coverage order, then the fewest hours so far this week, then the
/// earliest in the workforce.
/// </remarks>
internal static class StaffingPlanner
{
    internal static readonly StaffingRole[] RoleOrder =
    {
        StaffingRole.Gate, StaffingRole.DoorToDoor, StaffingRole.Disinfection, StaffingRole.Patrol, StaffingRole.ScreeningSupport, StaffingRole.GridWork,
    };

    private const int Levels = RiskLevel.MaxSeverity + 1;

    public static StaffingPlan Plan(StaffingPolicy policy, LocalDate[] dates, RiskSnapshot[] snapshots, GateArrivals arrivals, Workforce workforce, string snapshotsName)
    {
        var tree = snapshots[0].Tree;
        foreach (var s in snapshots)
        {
            if (!ReferenceEquals(s.Tree, tree))
            {
                throw new ArgumentException("Every day's snapshot must be of the same zone tree.", snapshotsName);
            }

            if (!RiskScaleContent.Same(s.Scale, policy.Scale))
            {
                throw new ArgumentException($"The snapshot of {s.Date:uuuu'-'MM'-'dd} uses scale '{s.Scale.Id}', but the policy's levels are of '{policy.Scale.Id}' (scales are compared by content, not only by id).", snapshotsName);
            }
        }

        var context = new Context(policy, tree, dates, snapshots, arrivals, workforce);
        context.Run();
        return new StaffingPlan(policy, tree, workforce, arrivals, dates, snapshots, context.Records.Items, context.Records.Count, context.AssignedPeople.Items, context.AssignedPeople.Count);
    }

    internal static StaffingDuties DutyFor(StaffingRole role, bool night) => role switch
    {
        StaffingRole.Gate => night ? StaffingDuties.NightGates : StaffingDuties.DayGates,
        StaffingRole.DoorToDoor => StaffingDuties.DoorToDoor,
        StaffingRole.Patrol => StaffingDuties.Patrol,
        StaffingRole.Disinfection => StaffingDuties.Disinfection,
        _ => StaffingDuties.Coordination,
    };

    /// <summary>Minutes of each clock hour that a shift covers (index = clock hour).</summary>
    internal static int[] MinutesPerHour(ShiftDefinition shift)
    {
        var minutes = new int[24];
        var start = ShiftPattern.MinuteOfDay(shift.Start);
        var length = (int)shift.Length.TotalMinutes;
        for (var m = 0; m < length; m++)
        {
            minutes[((start + m) % 1440) / 60]++;
        }

        return minutes;
    }

    /// <summary>The households, residents and buildings of a unit by effective level (the unit's subtree, one pass).</summary>
    internal static void CountByLevel(ZoneTree tree, RiskSnapshot snapshot, int unit, long[] households, long[] residents, long[] buildings)
    {
        Array.Clear(households, 0, Levels);
        Array.Clear(residents, 0, Levels);
        Array.Clear(buildings, 0, Levels);
        var root = snapshot.LevelAt(unit).Severity;
        households[root] = tree.HouseholdsAt(unit);
        residents[root] = tree.ResidentsAt(unit);
        if (tree.KindAt(unit) == ZoneKind.Building)
        {
            buildings[root]++;
        }

        var end = tree.SubtreeEnd(unit);
        for (var j = unit + 1; j < end; j++)
        {
            var level = snapshot.LevelAt(j).Severity;
            var parentLevel = snapshot.LevelAt(tree.ParentIndexAt(j)).Severity;
            if (level != parentLevel)
            {
                // Levels only rise going down, so a zone above its parent moves its households from the parent's level to its own.
                households[level] += tree.HouseholdsAt(j);
                households[parentLevel] -= tree.HouseholdsAt(j);
                residents[level] += tree.ResidentsAt(j);
                residents[parentLevel] -= tree.ResidentsAt(j);
            }

            if (tree.KindAt(j) == ZoneKind.Building)
            {
                buildings[level]++;
            }
        }

        for (var l = 0; l < Levels; l++)
        {
            // A parent that states fewer households than its children hold cannot go below zero.
            households[l] = Math.Max(0, households[l]);
            residents[l] = Math.Max(0, residents[l]);
        }
    }

    internal static long CountFor(WorkloadBasis basis, long households, long residents, long buildings, bool isUnitLevel) => basis switch
    {
        WorkloadBasis.PerHousehold => households,
        WorkloadBasis.PerResident => residents,
        WorkloadBasis.PerBuilding => buildings,
        WorkloadBasis.PerPlanningUnit => isUnitLevel ? 1 : 0,
        _ => 0,
    };

    /// <summary>The per-gate figures of one shift at one unit and level.</summary>
    internal struct GateShift
    {
        public int PerGate;
        public int PeakHour;
        public int PeakOnDuty;
        public double PeakChecks;
        public double WorkHoursPerGate;
        public StaffingConstraint Binding;
    }

    private sealed class Context
    {
        private readonly StaffingPolicy _policy;
        private readonly ZoneTree _tree;
        private readonly LocalDate[] _dates;
        private readonly RiskSnapshot[] _snapshots;
        private readonly Workforce _workforce;
        private readonly int[] _units;
        private readonly GateArrivals _arrivals;
        private readonly ShiftDefinition[] _shifts;
        private readonly int[][] _shiftMinutes;
        private readonly double[] _paid;
        private readonly double[] _lengthHours;
        private readonly int[] _startMinute;
        private readonly int[] _shiftOrder;
        private readonly int _handoverMinutes;
        private readonly LevelDemand[] _demand;
        private readonly double[][][] _workloadShare;
        private readonly GateShift[]?[] _gateCache;
        private readonly bool[] _hasRole;
        private readonly int[][] _candidates;

        // Person state.
        private readonly StaffingDuties[] _duties;
        private readonly int[] _rank;
        private readonly double[] _weekCap;
        private readonly double[] _dayCap;
        private readonly bool[] _available;
        private readonly double[] _weekHours;
        private readonly double[] _dayHours;
        private readonly int[] _nights;
        private readonly long[] _busyUntil;
        private readonly int[] _daysLeft;
        private readonly int[] _dayMask;
        private readonly int[] _firstDay;
        private readonly int[] _lastDayExclusive;
        private readonly long _rest;
        private readonly int _maxNights;

        // Counts of the current day, per unit ordinal and level.
        private readonly long[][] _households;
        private readonly long[][] _residents;
        private readonly long[][] _buildings;

        public Context(StaffingPolicy policy, ZoneTree tree, LocalDate[] dates, RiskSnapshot[] snapshots, GateArrivals arrivals, Workforce workforce)
        {
            _policy = policy;
            _tree = tree;
            _dates = dates;
            _snapshots = snapshots;
            _workforce = workforce;

            _units = PlanningUnits(tree, policy.PlanningUnit, out var ordinalOf);
            CheckArrivals(tree, policy.PlanningUnit, arrivals);
            _arrivals = arrivals;

            var pattern = policy.Shifts;
            _shifts = pattern.Shifts.ToArray();
            _handoverMinutes = (int)Math.Round(pattern.Handover.TotalMinutes);
            _shiftMinutes = _shifts.Select(MinutesPerHour).ToArray();
            _paid = _shifts.Select((s, i) => pattern.PaidHours(i)).ToArray();
            _lengthHours = _shifts.Select(s => s.Length.TotalHours).ToArray();
            _startMinute = _shifts.Select(s => ShiftPattern.MinuteOfDay(s.Start)).ToArray();

            // Night shifts first: fewer people may work them, so they are filled before day shifts use those people up.
            _shiftOrder = Enumerable.Range(0, _shifts.Length).OrderBy(i => _shifts[i].IsNight ? 0 : 1).ThenBy(i => i).ToArray();

            (_demand, _workloadShare, _hasRole) = DemandPerLevel(policy, _shifts);
            _gateCache = new GateShift[]?[_units.Length * Levels];

            // The workforce: static data, candidates per unit.
            var n = workforce.Count;
            _duties = new StaffingDuties[n];
            _rank = new int[n];
            _weekCap = new double[n];
            _dayCap = new double[n];
            _available = new bool[n];
            _weekHours = new double[n];
            _dayHours = new double[n];
            _nights = new int[n];
            _busyUntil = new long[n];
            _daysLeft = new int[n];
            _dayMask = new int[n];
            _firstDay = new int[n];
            _lastDayExclusive = new int[n];
            var limits = policy.Limits;
            _rest = limits.MinimumRest is { } rest ? (long)Math.Ceiling(rest.TotalMinutes) : 0;
            _maxNights = limits.MaxNightShiftsPerWeek ?? int.MaxValue;
            var ownLists = new List<int>?[_units.Length];
            var areaLists = new Dictionary<int, List<int>>();
            ReadWorkforce(policy, tree, dates, workforce, ordinalOf, ownLists, areaLists);
            _candidates = CandidatesPerUnit(tree, ownLists, areaLists);

            // About one gate line per unit, shift and day, and a few more for work: sized so the buffer rarely grows.
            Records = new GrowableArray<RequirementRecord>(Math.Max(1024, _units.Length * _shifts.Length * dates.Length * (policy.HasWorkloads ? 2 : 1)));
            _households = NewCounts(_units.Length);
            _residents = NewCounts(_units.Length);
            _buildings = NewCounts(_units.Length);
        }

        private static int[] PlanningUnits(ZoneTree tree, ZoneKind planningUnit, out Dictionary<int, int> ordinalOf)
        {
            var unitList = tree.OfKind(planningUnit);
            var units = new int[unitList.Count];
            ordinalOf = new Dictionary<int, int>(unitList.Count);
            for (var i = 0; i < units.Length; i++)
            {
                units[i] = unitList.IndexAt(i);
                ordinalOf[units[i]] = i;
            }

            return units;
        }

        private static void CheckArrivals(ZoneTree tree, ZoneKind planningUnit, GateArrivals arrivals)
        {
            foreach (var zone in arrivals.Overridden)
            {
                var index = tree.IndexOf(zone);
                if (index < 0 || tree.KindAt(index) != planningUnit)
                {
                    throw new ArgumentException($"The gate traffic has a profile for '{zone}', which is not a {planningUnit} of the tree.", nameof(arrivals));
                }
            }
        }

        private static (LevelDemand[] Demand, double[][][] WorkloadShare, bool[] HasRole) DemandPerLevel(StaffingPolicy policy, ShiftDefinition[] shifts)
        {
            var demandPerLevel = new LevelDemand[Levels];
            var workloadShare = new double[Levels][][];
            var hasRole = new bool[Levels * 8];
            for (var l = 0; l < Levels; l++)
            {
                var demand = demandPerLevel[l] = policy.DemandAt(l);
                workloadShare[l] = demand.Workloads.Select(w => shifts.Select(w.ShareIn).ToArray()).ToArray();
                foreach (var w in demand.Workloads)
                {
                    hasRole[(l * 8) + (int)w.Role] = true;
                }
            }

            return (demandPerLevel, workloadShare, hasRole);
        }

        /// <summary>Fills the static data of each person and groups the people by the planning unit (or the larger area) they serve.</summary>
        private void ReadWorkforce(StaffingPolicy policy, ZoneTree tree, LocalDate[] dates, Workforce workforce, Dictionary<int, int> ordinalOf, List<int>?[] ownLists, Dictionary<int, List<int>> areaLists)
        {
            var n = workforce.Count;
            var limits = policy.Limits;
            var unknown = new List<string>();
            for (var p = 0; p < n; p++)
            {
                var m = workforce[p];
                _duties[p] = m.EffectiveDuties;
                _rank[p] = policy.SourceRank[(int)m.Source];
                _weekCap[p] = Math.Min(m.HoursPerWeek, limits.MaxHoursPerWeek ?? double.MaxValue);
                _dayCap[p] = Math.Min(m.MaxHoursPerDay ?? double.MaxValue, limits.MaxHoursPerDay ?? double.MaxValue);
                _busyUntil[p] = long.MinValue / 2;
                foreach (var day in m.AvailableDays)
                {
                    _dayMask[p] |= 1 << (int)day;
                }

                _firstDay[p] = m.AvailableFrom is { } from ? DayIndex(dates, from) : 0;
                _lastDayExclusive[p] = m.LeavesOn is { } leaves ? DayIndex(dates, leaves) : dates.Length;
                var z = tree.IndexOf(m.Zone);
                if (z < 0)
                {
                    unknown.Add($"'{m.Id}' serves '{m.Zone}'");
                    continue;
                }

                var unit = z;
                while (unit >= 0 && tree.KindAt(unit) != policy.PlanningUnit)
                {
                    unit = tree.ParentIndexAt(unit);
                }

                if (unit >= 0)
                {
                    (ownLists[ordinalOf[unit]] ??= new List<int>()).Add(p);
                }
                else
                {
                    if (!areaLists.TryGetValue(z, out var list))
                    {
                        areaLists[z] = list = new List<int>();
                    }

                    list.Add(p);
                }
            }

            if (unknown.Count > 0)
            {
                throw new ArgumentException($"The workforce serves zones that are not in the tree: {string.Join("; ", unknown.Take(10))}{(unknown.Count > 10 ? $" and {unknown.Count - 10} more" : string.Empty)}.", nameof(workforce));
            }
        }

        /// <summary>The candidates of each unit: its own people, then those of the areas above it, by source rank.</summary>
        private int[][] CandidatesPerUnit(ZoneTree tree, List<int>?[] ownLists, Dictionary<int, List<int>> areaLists)
        {
            var candidates = new int[_units.Length][];
            var buffer = new List<int>();
            for (var u = 0; u < _units.Length; u++)
            {
                buffer.Clear();
                if (ownLists[u] is { } own)
                {
                    buffer.AddRange(own);
                }

                if (areaLists.Count > 0)
                {
                    for (var a = tree.ParentIndexAt(_units[u]); a >= 0; a = tree.ParentIndexAt(a))
                    {
                        if (areaLists.TryGetValue(a, out var list))
                        {
                            buffer.AddRange(list);
                        }
                    }
                }

                var rank = _rank;
                candidates[u] = buffer.OrderBy(p => rank[p]).ThenBy(p => p).ToArray();
            }

            return candidates;
        }

        public GrowableArray<RequirementRecord> Records { get; }

        public GrowableArray<int> AssignedPeople { get; } = new(1024);

        public void Run()
        {
            var week = -1;
            for (var d = 0; d < _dates.Length; d++)
            {
                var date = _dates[d];
                var thisWeek = WeekOf(date);
                if (thisWeek != week)
                {
                    Array.Clear(_weekHours, 0, _weekHours.Length);
                    Array.Clear(_nights, 0, _nights.Length);
                    week = thisWeek;
                }

                Array.Clear(_dayHours, 0, _dayHours.Length);
                var lastOfWeek = Math.Min(_dates.Length - 1, d + (7 - (int)date.DayOfWeek));
                for (var p = 0; p < _available.Length; p++)
                {
                    _available[p] = IsAvailable(p, d);
                    var left = 0;
                    for (var e = d; e <= lastOfWeek; e++)
                    {
                        left += IsAvailable(p, e) ? 1 : 0;
                    }

                    _daysLeft[p] = left;
                }

                var snapshot = _snapshots[d];
                if (_policy.HasWorkloads && (d == 0 || !ReferenceEquals(snapshot, _snapshots[d - 1])))
                {
                    for (var u = 0; u < _units.Length; u++)
                    {
                        CountByLevel(_tree, snapshot, _units[u], _households[u], _residents[u], _buildings[u]);
                    }
                }

                foreach (var s in _shiftOrder)
                {
                    foreach (var role in RoleOrder)
                    {
                        for (var u = 0; u < _units.Length; u++)
                        {
                            if (role == StaffingRole.Gate)
                            {
                                EmitGate(d, s, u, snapshot);
                            }
                            else if (_policy.HasWorkloads)
                            {
                                EmitWork(d, s, u, role, snapshot);
                            }
                        }
                    }
                }
            }
        }

        /// <summary>Whether person p is on the team on plan day d (as <see cref="StaffMember.IsAvailableOn"/>, without allocating).</summary>
        private bool IsAvailable(int p, int d) => d >= _firstDay[p] && d < _lastDayExclusive[p] && (_dayMask[p] & (1 << (int)_dates[d].DayOfWeek)) != 0;

        private static long[][] NewCounts(int units)
        {
            var counts = new long[units][];
            for (var u = 0; u < units; u++)
            {
                counts[u] = new long[Levels];
            }

            return counts;
        }

        /// <summary>The plan-day index of a date, clamped to [0, days]: before the plan → 0, after it → the number of days.</summary>
        private static int DayIndex(LocalDate[] dates, LocalDate date)
        {
            if (date <= dates[0])
            {
                return 0;
            }

            var last = dates[dates.Length - 1];
            return date > last ? dates.Length : Period.DaysBetween(dates[0], date);
        }

        private static int WeekOf(LocalDate date)
        {
            var monday = date.PlusDays(-((int)date.DayOfWeek - 1));
            return (int)(monday.ToDateTimeUnspecified().Ticks / TimeSpan.TicksPerDay / 7);
        }

        private void EmitGate(int d, int s, int u, RiskSnapshot snapshot)
        {
            var zone = _units[u];
            var severity = snapshot.LevelAt(zone).Severity;
            var demand = _demand[severity];
            var rule = demand.Gate;
            var gates = demand.GatesOf(_tree.GatesAt(zone));
            if (gates <= 0 || rule is null)
            {
                return;
            }

            var cacheKey = (u * Levels) + severity;
            var perShift = _gateCache[cacheKey] ??= ComputeGate(u, severity, rule);
            var g = perShift[s];
            if (g.PerGate <= 0)
            {
                return;
            }

            var people = checked(gates * g.PerGate);
            var record = new RequirementRecord
            {
                Day = d,
                Zone = zone,
                Shift = (byte)s,
                Severity = (byte)severity,
                Role = StaffingRole.Gate,
                People = people,
                PersonHours = people * _paid[s],
                WorkHours = gates * g.WorkHoursPerGate,
                Gates = gates,
                PeakHour = g.PeakHour,
                PeakOnDutyPerGate = g.PeakOnDuty,
                PeakChecksPerGate = g.PeakChecks,
                Binding = g.Binding,
                Households = _tree.HouseholdsAt(zone),
                Residents = _tree.ResidentsAt(zone),
            };
            Assign(ref record, u);
            Records.Add(record);
        }

        private GateShift[] ComputeGate(int u, int severity, GateRule rule)
        {
            var zone = _units[u];
            var households = _tree.HouseholdsAt(zone);
            var demand = _demand[severity];
            var gates = demand.GatesOf(_tree.GatesAt(zone));
            var aht = _policy.CheckTimes[rule.Check].TotalSeconds;
            var staffed = demand.Staffed;
            var closed = demand.Closed;
            var profile = _arrivals.For(_tree.IdAt(zone), RiskLevel.FromSeverity(severity));
            var onDuty = new int[24];
            var checks = new double[24];
            var binding = new StaffingConstraint[24];
            for (var h = 0; h < 24; h++)
            {
                if (!staffed[h])
                {
                    continue;
                }

                checks[h] = closed[h] ? 0 : profile.PerGateAt(h, households, gates) * rule.ArrivalFactor;
                var load = checks[h] * aht / 3600;
                ErlangC.CheckSolvable(load, rule.Target, "arrivals");
                var result = ErlangC.SolveCore(load, aht, rule.Target);
                onDuty[h] = result.Agents;
                binding[h] = result.Binding;
                if (rule.MinimumOnDuty > result.Agents)
                {
                    onDuty[h] = rule.MinimumOnDuty;
                    binding[h] = StaffingConstraint.MinimumOnDuty;
                }
            }

            var shrinkage = rule.Target.Shrinkage;
            var perShift = new GateShift[_shifts.Length];
            for (var s = 0; s < _shifts.Length; s++)
            {
                var minutes = _shiftMinutes[s];
                var peakHour = -1;
                var work = 0.0;
                for (var k = 0; k < 24; k++)
                {
                    // Clock hours in the shift's order, from its start.
                    var h = ((_startMinute[s] / 60) + k) % 24;
                    if (minutes[h] == 0 || !staffed[h])
                    {
                        continue;
                    }

                    work += onDuty[h] * minutes[h] / 60.0;
                    if (peakHour < 0 || onDuty[h] > onDuty[peakHour])
                    {
                        peakHour = h;
                    }
                }

                if (peakHour < 0)
                {
                    perShift[s] = new GateShift { PeakHour = -1 };
                    continue;
                }

                var peak = onDuty[peakHour];
                perShift[s] = new GateShift
                {
                    PerGate = shrinkage > 0 ? ErlangC.CeilingTolerant(peak / (1 - shrinkage)) : peak,
                    PeakHour = peakHour,
                    PeakOnDuty = peak,
                    PeakChecks = checks[peakHour],
                    WorkHoursPerGate = work,
                    Binding = binding[peakHour],
                };
            }

            return perShift;
        }

        private void EmitWork(int d, int s, int u, StaffingRole role, RiskSnapshot snapshot)
        {
            var zone = _units[u];
            var unitSeverity = snapshot.LevelAt(zone).Severity;
            var households = _households[u];
            var residents = _residents[u];
            var buildings = _buildings[u];
            for (var l = 0; l < Levels; l++)
            {
                var shares = _workloadShare[l];
                if (!_hasRole[(l * 8) + (int)role])
                {
                    continue;
                }

                var isUnitLevel = l == unitSeverity;
                if (households[l] == 0 && residents[l] == 0 && buildings[l] == 0 && !isUnitLevel)
                {
                    continue;
                }

                var workloads = _demand[l].Workloads;
                var work = 0.0;
                var paidWork = 0.0;
                var minimum = 0;
                for (var w = 0; w < workloads.Length; w++)
                {
                    var workload = workloads[w];
                    if (workload.Role != role)
                    {
                        continue;
                    }

                    var count = CountFor(workload.Basis, households[l], residents[l], buildings[l], isUnitLevel);
                    var hours = count * workload.TimesPerDay * workload.TimeEach.TotalHours * shares[w][s];
                    if (hours <= 0)
                    {
                        continue;
                    }

                    work += hours;
                    paidWork += hours / (1 - workload.Shrinkage);
                    minimum = Math.Max(minimum, workload.MinimumPeople);
                }

                if (work <= 0)
                {
                    continue;
                }

                var people = Math.Max(minimum, ErlangC.CeilingTolerant(paidWork / _lengthHours[s]));
                var record = new RequirementRecord
                {
                    Day = d,
                    Zone = zone,
                    Shift = (byte)s,
                    Severity = (byte)l,
                    Role = role,
                    IsUnitLevel = isUnitLevel,
                    People = people,
                    PersonHours = people * _paid[s],
                    WorkHours = work,
                    PeakHour = -1,
                    Households = (int)Math.Min(int.MaxValue, households[l]),
                    Residents = (int)Math.Min(int.MaxValue, residents[l]),
                    Buildings = (int)Math.Min(int.MaxValue, buildings[l]),
                };
                Assign(ref record, u);
                Records.Add(record);
            }
        }

        private void Assign(ref RequirementRecord record, int u)
        {
            record.FirstAssignment = AssignedPeople.Count;
            var s = record.Shift;
            var night = _shifts[s].IsNight;
            var duty = DutyFor(record.Role, night);
            var start = ((long)record.Day * 1440) + _startMinute[s];
            var end = start + (long)Math.Round(_lengthHours[s] * 60) + _handoverMinutes;
            var paid = _paid[s];
            var candidates = _candidates[u];
            var weekShare = (int)_dates[record.Day].DayOfWeek / 7.0;
            for (var k = 0; k < record.People; k++)
            {
                // The place goes to, in order: someone who must work on every remaining day of the week to use their
                // hours (no slack); someone not ahead of their weekly pace (hours so far below their weekly hours × the
                // share of the week gone); the earliest source in the coverage order; the fewest hours this week; the
                // earliest in the workforce.
                var best = -1;
                var bestKey = 0L;
                for (var c = 0; c < candidates.Length; c++)
                {
                    var p = candidates[c];
                    if (!_available[p] || (_duties[p] & duty) == 0 || _busyUntil[p] + _rest > start
                        || _dayHours[p] + paid > _dayCap[p] + 1e-9 || _weekHours[p] + paid > _weekCap[p] + 1e-9
                        || (night && _nights[p] >= _maxNights))
                    {
                        continue;
                    }

                    var shiftsLeft = (int)Math.Floor(((_weekCap[p] - _weekHours[p]) / paid) + 1e-9);
                    var urgent = shiftsLeft >= _daysLeft[p] ? 0L : 1L;
                    var ahead = _weekHours[p] >= (_weekCap[p] * weekShare) - 1e-9 ? 1L : 0L;
                    var key = (urgent << 62) | (ahead << 61) | ((long)_rank[p] << 56) | (long)Math.Min((1L << 40) - 1, (long)(_weekHours[p] * 1000));
                    // Strictly less: a tie goes to the earlier candidate. TransitionPlan relies on it (an idle recruit
                    // ties with any later one who has not worked, so a plan that leaves a recruit idle needs no more).
                    if (best < 0 || key < bestKey)
                    {
                        best = p;
                        bestKey = key;
                    }
                }

                if (best < 0)
                {
                    break;
                }

                _busyUntil[best] = end;
                _dayHours[best] += paid;
                _weekHours[best] += paid;
                if (night)
                {
                    _nights[best]++;
                }

                AssignedPeople.Add(best);
                record.Assigned++;
            }
        }
    }
}
