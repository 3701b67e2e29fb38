using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Staffing;
using Google.OrTools.Sat;
using NodaTime;

namespace CommunityControl.Scheduling;

/// <summary>
/// The CP-SAT model of a <see cref="RosterProblem"/>: one Boolean per (demand, eligible candidate), the rules as
/// constraints, and the three objectives (uncovered person-minutes, overtime minutes, distance) as linear expressions.
/// Conflicts (overlap or too little rest) form an interval graph per candidate: one at-most-one constraint per maximal
/// clique (the shifts whose rest-padded span contains a shift's start) covers them all.
/// </summary>
internal sealed class RosterModel
{
    private readonly RosterProblem _problem;
    private readonly BoolVar[][] _x;
    private readonly int[][] _candidates;
    private readonly int[] _start;
    private readonly int[] _length;
    private readonly IntVar?[] _overtime;
    private readonly LinearExpr[] _objectives = new LinearExpr[3];
    private readonly long _demandMinutes;

    public RosterModel(RosterProblem problem)
    {
        _problem = problem;
        Model = new CpModel();
        var n = problem.Demands.Count;
        _x = new BoolVar[n][];
        _candidates = new int[n][];
        _start = new int[n];
        _length = new int[n];
        var perCandidate = new List<int>[problem.Candidates.Count];
        for (var d = 0; d < n; d++)
        {
            var demand = problem.Demands[d];
            _start[d] = (Period.Between(problem.FirstDate, demand.Start.Date, PeriodUnits.Days).Days * 1440) + (demand.Start.Hour * 60) + demand.Start.Minute;
            _length[d] = (int)demand.Length.TotalMinutes;
            _demandMinutes += (long)_length[d] * demand.People;
            _candidates[d] = problem.EligibleCandidates(d).ToArray();
            _x[d] = new BoolVar[_candidates[d].Length];
            for (var k = 0; k < _x[d].Length; k++)
            {
                _x[d][k] = Model.NewBoolVar(string.Empty);
                (perCandidate[_candidates[d][k]] ??= new List<int>()).Add(d);
            }

            if (_x[d].Length > demand.People)
            {
                Model.Add(LinearExpr.Sum(_x[d]) <= demand.People);
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

        _objectives[0] = Terms((d, k) => -_length[d]);
        _objectives[1] = overtime;
        _objectives[2] = Terms((d, k) => problem.Distance(_candidates[d][k], d));
        Current = _x.Select(v => new bool[v.Length]).ToArray();
    }

    public CpModel Model { get; }

    /// <summary>Gets the number of assignment Booleans.</summary>
    public int Size => _x.Sum(v => v.Length);

    public bool[][] Current { get; set; }

    public long ObjectiveOffset(int stage) => stage == 0 ? -_demandMinutes : 0;

    public void Minimize(int stage)
    {
        Model.Model.Objective = null; // Minimize replaces the objective; cleared first so no earlier one lingers.
        Model.Minimize(_objectives[stage]);
    }

    /// <summary>Holds an objective at most at a value found, for the later objectives.</summary>
    public void Hold(int stage, long value) => Model.AddLinearConstraint(_objectives[stage], ObjectiveOffset(stage), value + ObjectiveOffset(stage));

    public void Hint(RosterSolution solution)
    {
        foreach (var a in solution.Assignments)
        {
            Current[a.Demand][Array.IndexOf(_candidates[a.Demand], a.Candidate)] = true;
        }

        HintCurrent();
    }

    public void HintCurrent()
    {
        Model.ClearHints();
        for (var d = 0; d < _x.Length; d++)
        {
            for (var k = 0; k < _x[d].Length; k++)
            {
                Model.AddHint(_x[d][k], Current[d][k] ? 1L : 0L);
            }
        }

        var minutes = Minutes(Current);
        for (var c = 0; c < _overtime.Length; c++)
        {
            if (_overtime[c] is { } v)
            {
                Model.AddHint(v, Math.Max(0, minutes[c] - Contracted(c)));
            }
        }
    }

    public bool[][] Read(CpSolver solver) => _x.Select(v => v.Select(solver.BooleanValue).ToArray()).ToArray();

    public long Objective(int stage, bool[][] current)
    {
        long sum = 0;
        if (stage == 1)
        {
            var minutes = Minutes(current);
            for (var c = 0; c < minutes.Length; c++)
            {
                sum += Math.Max(0, minutes[c] - Contracted(c));
            }

            return sum;
        }

        for (var d = 0; d < current.Length; d++)
        {
            for (var k = 0; k < current[d].Length; k++)
            {
                sum += current[d][k] ? (stage == 0 ? _length[d] : _problem.Distance(_candidates[d][k], d)) : 0;
            }
        }

        return stage == 0 ? _demandMinutes - sum : sum;
    }

    public IEnumerable<RosterAssignment> Assignments(bool[][] current)
    {
        for (var d = 0; d < current.Length; d++)
        {
            for (var k = 0; k < current[d].Length; k++)
            {
                if (current[d][k])
                {
                    yield return new RosterAssignment(d, _candidates[d][k]);
                }
            }
        }
    }

    private int Contracted(int c) => (int)Math.Round(_problem.Candidates[c].ContractedHoursPerWeek * 60);

    private long[] Minutes(bool[][] current)
    {
        var minutes = new long[_problem.Candidates.Count];
        for (var d = 0; d < current.Length; d++)
        {
            for (var k = 0; k < current[d].Length; k++)
            {
                minutes[_candidates[d][k]] += current[d][k] ? _length[d] : 0;
            }
        }

        return minutes;
    }

    private LinearExprBuilder Terms(Func<int, int, long> coefficient)
    {
        var builder = LinearExpr.NewBuilder();
        for (var d = 0; d < _x.Length; d++)
        {
            for (var k = 0; k < _x[d].Length; k++)
            {
                var a = coefficient(d, k);
                if (a != 0)
                {
                    builder.AddTerm(_x[d][k], a);
                }
            }
        }

        return builder;
    }

    private BoolVar Var(int d, int c) => _x[d][Array.BinarySearch(_candidates[d], c)];

    private void AddCandidate(int c, List<int> demands, LinearExprBuilder overtime)
    {
        var candidate = _problem.Candidates[c];
        var limits = _problem.Limits;
        var rest = limits.MinimumRest is { } r ? (int)Math.Ceiling(r.TotalMinutes) : 0;
        demands.Sort((a, b) => _start[a].CompareTo(_start[b]));

        // One clique per shift start: every shift whose rest-padded span [start, end + rest) contains it.
        for (var i = 0; i < demands.Count; i++)
        {
            var p = _start[demands[i]];
            var clique = demands.Where(d => _start[d] <= p && p < _start[d] + _length[d] + rest).Select(d => (ILiteral)Var(d, c)).ToList();
            if (clique.Count > 1 && (i == 0 || _start[demands[i - 1]] != p))
            {
                Model.AddAtMostOne(clique);
            }
        }

        var hours = LinearExpr.WeightedSum(demands.Select(d => Var(d, c)), demands.Select(d => (long)_length[d]));
        var total = demands.Sum(d => (long)_length[d]);
        var weekCap = Math.Min((long)Math.Round(candidate.MaxHoursPerWeek * 60), limits.MaxHoursPerWeek is { } w ? (long)Math.Floor(w * 60) : long.MaxValue);
        if (total > weekCap)
        {
            Model.Add(hours <= weekCap);
        }

        if (limits.MaxHoursPerDay is { } day)
        {
            var dayCap = (long)Math.Floor(day * 60);
            foreach (var g in demands.GroupBy(_problem.DayOf).Where(g => g.Sum(d => (long)_length[d]) > dayCap))
            {
                Model.Add(LinearExpr.WeightedSum(g.Select(d => Var(d, c)), g.Select(d => (long)_length[d])) <= dayCap);
            }
        }

        var nights = demands.Where(d => _problem.Demands[d].IsNight).ToList();
        if (limits.MaxNightShiftsPerWeek is { } maxNights && nights.Count > maxNights)
        {
            Model.Add(LinearExpr.Sum(nights.Select(d => Var(d, c))) <= maxNights);
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
