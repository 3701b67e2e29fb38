using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Staffing;
using Google.OrTools.Sat;

namespace CommunityControl.Scheduling;

/// <summary>
/// The CP-SAT model of a <see cref="RosterProblem"/> over its <see cref="RosterSlot"/>s: one Boolean per (slot, eligible
/// candidate) for "works in this slot", the rules as constraints, and the three objectives (uncovered person-minutes,
/// overtime minutes, distance) as linear expressions. Where in a slot each worker goes is a transportation between the
/// slot's home classes and posts (integer flows), added for the distance objective only: the first two objectives do not
/// depend on it. Conflicts (overlap or too little rest) form an interval graph per candidate: one at-most-one constraint
/// per maximal clique (the slots whose rest-padded span contains a slot's start) covers them all.
/// </summary>
/// <remarks>
/// Aggregating interchangeable demands into slots is exact: every rule of a candidate depends only on the start, length,
/// day and night flag of what they work, and every demand of a slot has the same eligible candidates; a set of a slot's
/// workers no larger than its places can always be placed, and the transportation places them at the least distance.
/// </remarks>
internal sealed class RosterModel
{
    private readonly RosterProblem _problem;
    private readonly RosterSlot[] _slots;
    private readonly int[] _slotOf;
    private readonly BoolVar[][] _x;
    private readonly IntVar?[] _overtime;
    private readonly LinearExpr?[] _objectives = new LinearExpr?[3];
    private readonly long _demandMinutes;
    private IntVar[][]? _flow;

    private RosterModel(RosterProblem problem, RosterSlot[] slots)
    {
        _problem = problem;
        Model = new CpModel();
        _slots = slots;
        _slotOf = new int[problem.Demands.Count];
        Array.Fill(_slotOf, -1);
        for (var s = 0; s < slots.Length; s++)
        {
            foreach (var d in slots[s].Demands)
            {
                _slotOf[d] = s;
            }
        }

        _x = new BoolVar[_slots.Length][];
        var perCandidate = new List<int>[problem.Candidates.Count];
        for (var s = 0; s < _slots.Length; s++)
        {
            var slot = _slots[s];
            _demandMinutes += (long)slot.Length * slot.Places;
            _x[s] = new BoolVar[slot.Candidates.Length];
            for (var k = 0; k < _x[s].Length; k++)
            {
                _x[s][k] = Model.NewBoolVar(string.Empty);
                (perCandidate[slot.Candidates[k]] ??= new List<int>()).Add(s);
            }

            if (_x[s].Length > slot.Places)
            {
                Model.Add(LinearExpr.Sum(_x[s]) <= slot.Places);
            }
        }

        _overtime = new IntVar?[problem.Candidates.Count];
        var overtime = LinearExpr.NewBuilder();
        for (var c = 0; c < perCandidate.Length; c++)
        {
            if (perCandidate[c] is { } list)
            {
                AddCandidate(c, list, overtime);
            }
        }

        var covered = LinearExpr.NewBuilder();
        for (var s = 0; s < _slots.Length; s++)
        {
            covered.AddWeightedSum(_x[s], Enumerable.Repeat((long)-_slots[s].Length, _x[s].Length));
        }

        _objectives[0] = covered;
        _objectives[1] = overtime;
        Current = new RosterChoice(_x.Select(v => new bool[v.Length]).ToArray(), _slots.Select(t => new int[t.Distance.Length, t.Capacity.Length]).ToArray());
    }

    public CpModel Model { get; }

    /// <summary>
    /// The models of a problem's independent parts: slots that share no candidate, directly or through other slots (e.g.
    /// the communities of a city when people are kept within theirs). The lexicographic optimum of the whole is the
    /// parts' optima together, since every objective is a sum over the parts.
    /// </summary>
    public static RosterModel[] Split(RosterProblem problem)
    {
        var slots = RosterSlot.Group(problem, out _);
        var parent = Enumerable.Range(0, slots.Length).ToArray();
        int Find(int a)
        {
            while (parent[a] != a)
            {
                a = parent[a] = parent[parent[a]];
            }

            return a;
        }

        var first = new int[problem.Candidates.Count];
        Array.Fill(first, -1);
        for (var s = 0; s < slots.Length; s++)
        {
            foreach (var c in slots[s].Candidates)
            {
                if (first[c] < 0)
                {
                    first[c] = s;
                }
                else
                {
                    parent[Find(s)] = Find(first[c]);
                }
            }
        }

        return Enumerable.Range(0, slots.Length).GroupBy(Find).Select(g => new RosterModel(problem, g.Select(s => slots[s]).ToArray())).ToArray();
    }

    /// <summary>Gets the number of assignment Booleans.</summary>
    public int Size => _x.Sum(v => v.Length);

    /// <summary>Gets or sets the roster found so far.</summary>
    public RosterChoice Current { get; set; }

    public long ObjectiveOffset(int stage) => stage == 0 ? -_demandMinutes : 0;

    public void Minimize(int stage)
    {
        if (stage == 2 && _objectives[2] is null)
        {
            _objectives[2] = AddFlows();
            HintCurrent();
        }

        Model.Model.Objective = null; // Minimize replaces the objective; cleared first so no earlier one lingers.
        Model.Minimize(_objectives[stage]!);
    }

    /// <summary>Holds an objective at most at a value found, for the later objectives.</summary>
    public void Hold(int stage, long value) => Model.AddLinearConstraint(_objectives[stage]!, ObjectiveOffset(stage), value + ObjectiveOffset(stage));

    /// <summary>Makes a roster the current one (kept when no stage finds another), without hinting it.</summary>
    public void Start(RosterSolution solution)
    {
        foreach (var a in solution.Assignments.Where(a => _slotOf[a.Demand] >= 0))
        {
            var slot = _slots[_slotOf[a.Demand]];
            var k = slot.IndexOf(a.Candidate);
            Current.Work[_slotOf[a.Demand]][k] = true;
            Current.Flow[_slotOf[a.Demand]][slot.ClassOf[k], slot.PostOf(a.Demand)]++;
        }
    }

    public void HintCurrent()
    {
        Model.ClearHints();
        for (var s = 0; s < _x.Length; s++)
        {
            for (var k = 0; k < _x[s].Length; k++)
            {
                Model.AddHint(_x[s][k], Current.Work[s][k] ? 1L : 0L);
            }

            if (_flow?[s] is { } flow)
            {
                var posts = _slots[s].Capacity.Length;
                for (var i = 0; i < flow.Length; i++)
                {
                    Model.AddHint(flow[i], Current.Flow[s][i / posts, i % posts]);
                }
            }
        }

        var minutes = Minutes(Current.Work);
        for (var c = 0; c < _overtime.Length; c++)
        {
            if (_overtime[c] is { } v)
            {
                Model.AddHint(v, Math.Max(0, minutes[c] - Contracted(c)));
            }
        }
    }

    /// <summary>Reads the solver's roster: who works each slot, and (once the flows are in the model) where.</summary>
    public RosterChoice Read(CpSolver solver)
    {
        var work = _x.Select(v => v.Select(solver.BooleanValue).ToArray()).ToArray();
        if (_flow is null)
        {
            return new RosterChoice(work, Place(work));
        }

        var flows = new int[_slots.Length][,];
        for (var s = 0; s < _slots.Length; s++)
        {
            var posts = _slots[s].Capacity.Length;
            flows[s] = new int[_slots[s].Distance.Length, posts];
            if (_flow[s] is { } flow)
            {
                for (var i = 0; i < flow.Length; i++)
                {
                    flows[s][i / posts, i % posts] = (int)solver.Value(flow[i]);
                }
            }
            else
            {
                for (var k = 0; k < work[s].Length; k++)
                {
                    flows[s][_slots[s].ClassOf[k], 0] += work[s][k] ? 1 : 0;
                }
            }
        }

        return new RosterChoice(work, flows);
    }

    public long Objective(int stage, RosterChoice current)
    {
        long sum = 0;
        switch (stage)
        {
            case 0:
                for (var s = 0; s < _slots.Length; s++)
                {
                    sum += (long)_slots[s].Length * current.Work[s].Count(w => w);
                }

                return _demandMinutes - sum;
            case 1:
                var minutes = Minutes(current.Work);
                for (var c = 0; c < minutes.Length; c++)
                {
                    sum += Math.Max(0, minutes[c] - Contracted(c));
                }

                return sum;
            default:
                for (var s = 0; s < _slots.Length; s++)
                {
                    for (var h = 0; h < _slots[s].Distance.Length; h++)
                    {
                        for (var p = 0; p < _slots[s].Capacity.Length; p++)
                        {
                            sum += (long)current.Flow[s][h, p] * _slots[s].Distance[h][p];
                        }
                    }
                }

                return sum;
        }
    }

    /// <summary>Turns a roster of slots into assignments: each flow's workers fill their post's demands in order.</summary>
    public IEnumerable<RosterAssignment> Assignments(RosterChoice current)
    {
        for (var s = 0; s < _slots.Length; s++)
        {
            var slot = _slots[s];
            var workers = Enumerable.Range(0, slot.Distance.Length).Select(_ => new Queue<int>()).ToArray();
            for (var k = 0; k < slot.Candidates.Length; k++)
            {
                if (current.Work[s][k])
                {
                    workers[slot.ClassOf[k]].Enqueue(slot.Candidates[k]);
                }
            }

            for (var p = 0; p < slot.Capacity.Length; p++)
            {
                var places = slot.PostDemands[p].SelectMany(d => Enumerable.Repeat(d, _problem.Demands[d].People)).GetEnumerator();
                for (var h = 0; h < workers.Length; h++)
                {
                    for (var f = 0; f < current.Flow[s][h, p]; f++)
                    {
                        places.MoveNext();
                        yield return new RosterAssignment(places.Current, workers[h].Dequeue());
                    }
                }
            }
        }
    }

    /// <summary>Places a slot's workers at posts, each class in turn at its nearest post with places left: a feasible transportation, not always the least distance.</summary>
    private int[][,] Place(bool[][] work)
    {
        var flows = new int[_slots.Length][,];
        for (var s = 0; s < _slots.Length; s++)
        {
            var slot = _slots[s];
            flows[s] = new int[slot.Distance.Length, slot.Capacity.Length];
            var left = (int[])slot.Capacity.Clone();
            for (var k = 0; k < work[s].Length; k++)
            {
                if (work[s][k])
                {
                    var h = slot.ClassOf[k];
                    var best = -1;
                    for (var p = 0; p < left.Length; p++)
                    {
                        best = left[p] > 0 && (best < 0 || slot.Distance[h][p] < slot.Distance[h][best]) ? p : best;
                    }

                    left[best]--;
                    flows[s][h, best]++;
                }
            }
        }

        return flows;
    }

    /// <summary>Adds the transportation of every slot with more than one post, and returns the distance objective.</summary>
    private LinearExprBuilder AddFlows()
    {
        _flow = new IntVar[_slots.Length][];
        var distance = LinearExpr.NewBuilder();
        for (var s = 0; s < _slots.Length; s++)
        {
            var slot = _slots[s];
            int classes = slot.Distance.Length, posts = slot.Capacity.Length;
            if (posts == 1)
            {
                distance.AddWeightedSum(_x[s], slot.ClassOf.Select(h => (long)slot.Distance[h][0]));
                continue;
            }

            var flow = new IntVar[classes * posts];
            for (var h = 0; h < classes; h++)
            {
                for (var p = 0; p < posts; p++)
                {
                    flow[(h * posts) + p] = Model.NewIntVar(0, Math.Min(slot.ClassSize[h], slot.Capacity[p]), string.Empty);
                    distance.AddTerm(flow[(h * posts) + p], slot.Distance[h][p]);
                }

                var members = Enumerable.Range(0, slot.Candidates.Length).Where(k => slot.ClassOf[k] == h).Select(k => _x[s][k]);
                Model.Add(LinearExpr.Sum(flow.Skip(h * posts).Take(posts)) == LinearExpr.Sum(members));
            }

            for (var p = 0; p < posts; p++)
            {
                Model.Add(LinearExpr.Sum(Enumerable.Range(0, classes).Select(h => flow[(h * posts) + p])) <= slot.Capacity[p]);
            }

            _flow[s] = flow;
        }

        return distance;
    }

    private int Contracted(int c) => (int)Math.Round(_problem.Candidates[c].ContractedHoursPerWeek * 60);

    private long[] Minutes(bool[][] work)
    {
        var minutes = new long[_problem.Candidates.Count];
        for (var s = 0; s < work.Length; s++)
        {
            for (var k = 0; k < work[s].Length; k++)
            {
                minutes[_slots[s].Candidates[k]] += work[s][k] ? _slots[s].Length : 0;
            }
        }

        return minutes;
    }

    /// <summary>
    /// The most minutes at most <paramref name="cap"/> that some of the slots add up to (a subset sum): a tighter and
    /// equivalent right-hand side for a cap on their minutes, e.g. 16 h for a cap of 18 h on 8-hour shifts, which makes the
    /// linear relaxation, and with it the proven bound, much stronger.
    /// </summary>
    private long Reachable(IEnumerable<int> slots, long cap)
    {
        var lengths = slots.Select(s => _slots[s].Length).ToList();
        var total = lengths.Sum(l => (long)l);
        if (total <= cap)
        {
            return total;
        }

        var gcd = lengths.Aggregate(0, (a, b) => (int)System.Numerics.BigInteger.GreatestCommonDivisor(a, b));
        var units = (int)(cap / gcd);
        var reach = new bool[units + 1];
        reach[0] = true;
        foreach (var length in lengths)
        {
            var step = length / gcd;
            for (var u = units; u >= step; u--)
            {
                reach[u] |= reach[u - step];
            }
        }

        return Array.LastIndexOf(reach, true) * (long)gcd;
    }

    private BoolVar Var(int s, int c) => _x[s][_slots[s].IndexOf(c)];

    private void AddCandidate(int c, List<int> slots, LinearExprBuilder overtime)
    {
        var candidate = _problem.Candidates[c];
        var limits = _problem.Limits;
        var rest = limits.MinimumRest is { } r ? (int)Math.Ceiling(r.TotalMinutes) : 0;
        slots.Sort((a, b) => _slots[a].Start.CompareTo(_slots[b].Start));

        // One clique per slot start: every slot whose rest-padded span [start, end + rest) contains it.
        for (var i = 0; i < slots.Count; i++)
        {
            var p = _slots[slots[i]].Start;
            var clique = slots.Where(s => _slots[s].Start <= p && p < _slots[s].Start + _slots[s].Length + rest).Select(s => (ILiteral)Var(s, c)).ToList();
            if (clique.Count > 1 && (i == 0 || _slots[slots[i - 1]].Start != p))
            {
                Model.AddAtMostOne(clique);
            }
        }

        var hours = LinearExpr.WeightedSum(slots.Select(s => Var(s, c)), slots.Select(s => (long)_slots[s].Length));
        var total = slots.Sum(s => (long)_slots[s].Length);
        var weekCap = Reachable(slots, Math.Min((long)Math.Round(candidate.MaxHoursPerWeek * 60), limits.MaxHoursPerWeek is { } w ? (long)Math.Floor(w * 60) : long.MaxValue));
        if (total > weekCap)
        {
            Model.Add(hours <= weekCap);
        }

        if (limits.MaxHoursPerDay is { } day)
        {
            var dayCap = (long)Math.Floor(day * 60);
            foreach (var g in slots.GroupBy(s => _slots[s].Day).Where(g => g.Sum(s => (long)_slots[s].Length) > dayCap))
            {
                Model.Add(LinearExpr.WeightedSum(g.Select(s => Var(s, c)), g.Select(s => (long)_slots[s].Length)) <= Reachable(g, dayCap));
            }
        }

        var nights = slots.Where(s => _slots[s].Night).ToList();
        if (limits.MaxNightShiftsPerWeek is { } maxNights && nights.Count > maxNights)
        {
            Model.Add(LinearExpr.Sum(nights.Select(s => Var(s, c))) <= maxNights);
        }

        var contracted = Contracted(c);
        var most = Math.Min(total, weekCap);
        if (most > contracted)
        {
            var v = Model.NewIntVar(0, most - contracted, string.Empty);
            Model.Add(hours - contracted <= v);
            _overtime[c] = v;
            overtime.Add(v);
        }
    }
}
