using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using CommunityControl.Internal;

namespace CommunityControl.Staffing;

/// <summary>
/// A fast roster heuristic with no dependency: demands are filled one place at a time, those with the fewest eligible
/// candidates first (then in time order), each place by the feasible candidate adding the least overtime, then living
/// nearest the post, then with the fewest hours so far. It never breaks a rule but proves nothing: it may leave hours
/// uncovered that an exact solver would cover, and its recruitment counts are upper bounds that need not be monotone.
/// </summary>
/// <threadsafety static="true" instance="true">Stateless; safe to call from several threads at once.</threadsafety>
public sealed class GreedyRosterSolver : IRosterSolver
{
    /// <summary>Gets the one instance.</summary>
    public static GreedyRosterSolver Instance { get; } = new();

    /// <inheritdoc/>
    public RosterSolution Solve(RosterProblem problem, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(problem);
        var watch = Stopwatch.StartNew();
        var state = new State(problem);
        var order = Enumerable.Range(0, problem.Demands.Count)
            .OrderBy(d => problem.EligibleCandidates(d).Count)
            .ThenBy(problem.StartMinute)
            .ThenBy(d => d)
            .ToArray();
        var assignments = new List<RosterAssignment>();
        foreach (var d in order)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var place = 0; place < problem.Demands[d].People; place++)
            {
                var best = state.Best(d);
                if (best < 0)
                {
                    break;
                }

                state.Assign(best, d);
                assignments.Add(new RosterAssignment(d, best));
            }
        }

        return RosterSolution.Create(problem, assignments, "greedy", isOptimal: false, gap: null, watch.Elapsed);
    }

    private sealed class State
    {
        private readonly RosterProblem _problem;
        private readonly List<int>[] _assigned;
        private readonly int[] _minutes;
        private readonly int[,] _perDay;
        private readonly int[] _nights;
        private readonly int _weekLimit;
        private readonly int _dayLimit;
        private readonly int _nightLimit;

        public State(RosterProblem problem)
        {
            _problem = problem;
            var n = problem.Candidates.Count;
            _assigned = new List<int>[n];
            _minutes = new int[n];
            _perDay = new int[n, 7];
            _nights = new int[n];
            _weekLimit = problem.Limits.MaxHoursPerWeek is { } w ? (int)Math.Floor(w * 60) : int.MaxValue;
            _dayLimit = problem.Limits.MaxHoursPerDay is { } d ? (int)Math.Floor(d * 60) : int.MaxValue;
            _nightLimit = problem.Limits.MaxNightShiftsPerWeek ?? int.MaxValue;
        }

        public int Best(int demand)
        {
            var best = -1;
            (int Overtime, int Distance, int Minutes) bestKey = default;
            foreach (var c in _problem.EligibleCandidates(demand))
            {
                if (!Feasible(c, demand))
                {
                    continue;
                }

                var candidate = _problem.Candidates[c];
                var length = _problem.LengthMinutes(demand);
                var overtime = Math.Max(0, _minutes[c] + length - candidate.ContractedMinutes) - Math.Max(0, _minutes[c] - candidate.ContractedMinutes);
                var key = (overtime, _problem.DistanceUnchecked(c, demand), _minutes[c]);
                if (best < 0 || key.CompareTo(bestKey) < 0)
                {
                    best = c;
                    bestKey = key;
                }
            }

            return best;
        }

        public void Assign(int c, int demand)
        {
            (_assigned[c] ??= new List<int>()).Add(demand);
            _minutes[c] += _problem.LengthMinutes(demand);
            _perDay[c, _problem.DayOf(demand)] += _problem.LengthMinutes(demand);
            _nights[c] += _problem.Demands[demand].IsNight ? 1 : 0;
        }

        private bool Feasible(int c, int demand)
        {
            var length = _problem.LengthMinutes(demand);
            if (_minutes[c] + length > Math.Min(_problem.Candidates[c].MaxMinutes, _weekLimit)
                || _perDay[c, _problem.DayOf(demand)] + length > _dayLimit
                || (_problem.Demands[demand].IsNight && _nights[c] + 1 > _nightLimit))
            {
                return false;
            }

            if (_assigned[c] is { } assigned)
            {
                foreach (var other in assigned)
                {
                    if (_problem.ConflictUnchecked(other, demand))
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }
}
