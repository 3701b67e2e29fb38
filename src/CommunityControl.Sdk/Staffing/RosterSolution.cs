using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CommunityControl.Internal;

namespace CommunityControl.Staffing;

/// <summary>
/// A roster: who fills which demand, checked against every rule of its <see cref="RosterProblem"/>, with its objective
/// values (uncovered person-hours, overtime hours, distance from home to post) and what the solver knows of its optimality.
/// </summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class RosterSolution
{
    private RosterSolution(RosterProblem problem, RosterAssignment[] assignments, int[] uncovered, long uncoveredMinutes, long overtimeMinutes, long distance)
    {
        Problem = problem;
        Assignments = Array.AsReadOnly(assignments);
        UncoveredPeople = Array.AsReadOnly(uncovered);
        UncoveredMinutes = uncoveredMinutes;
        OvertimeMinutes = overtimeMinutes;
        Distance = distance;
    }

    /// <summary>Gets the problem solved.</summary>
    public RosterProblem Problem { get; }

    /// <summary>Gets the assignments, ordered by demand, then candidate.</summary>
    public IReadOnlyList<RosterAssignment> Assignments { get; }

    /// <summary>Gets, per demand (by index), how many of the people it needs are not assigned.</summary>
    public IReadOnlyList<int> UncoveredPeople { get; }

    /// <summary>Gets the uncovered person-minutes: the first objective.</summary>
    public long UncoveredMinutes { get; }

    /// <summary>Gets the uncovered person-hours.</summary>
    public double UncoveredHours => UncoveredMinutes / 60.0;

    /// <summary>Gets the overtime minutes (beyond each candidate's contracted hours, summed): the second objective.</summary>
    public long OvertimeMinutes { get; }

    /// <summary>Gets the overtime hours.</summary>
    public double OvertimeHours => OvertimeMinutes / 60.0;

    /// <summary>Gets the total tree distance from each assigned person's home zone to their post: the third objective.</summary>
    public long Distance { get; }

    /// <summary>Gets a value indicating whether the solver proved this roster optimal (all three objectives, in order).</summary>
    public bool IsOptimal { get; private init; }

    /// <summary>
    /// Gets the relative optimality gap the solver proved, (value − bound) / value of the first objective not proven
    /// optimal: 0 when optimal; null when the solver gives no bound (a heuristic).
    /// </summary>
    public double? Gap { get; private init; }

    /// <summary>Gets how long the solver took.</summary>
    public TimeSpan Elapsed { get; private init; }

    /// <summary>Gets the name of the solver that built the roster, e.g. <c>greedy</c> or <c>cp-sat</c>.</summary>
    public string Solver { get; private init; } = string.Empty;

    /// <summary>
    /// Builds a roster from assignments, checking every rule of the problem, and computes its objective values.
    /// </summary>
    /// <param name="problem">The problem.</param>
    /// <param name="assignments">The assignments, in any order.</param>
    /// <param name="solver">The solver's name.</param>
    /// <param name="isOptimal">Whether the solver proved the roster optimal.</param>
    /// <param name="gap">The relative gap the solver proved (0 to 1), or null for none.</param>
    /// <param name="elapsed">How long the solver took.</param>
    /// <returns>The roster.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="problem"/>, <paramref name="assignments"/> or <paramref name="solver"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gap"/> is not within 0 to 1, or optimal with a gap above 0, or <paramref name="elapsed"/> is negative.</exception>
    /// <exception cref="ArgumentException">An assignment breaks a rule of the problem (the message names the rule and the indexes).</exception>
    public static RosterSolution Create(RosterProblem problem, IEnumerable<RosterAssignment> assignments, string solver, bool isOptimal, double? gap, TimeSpan elapsed)
    {
        Guard.NotNull(problem);
        Guard.NotNull(solver);
        if (gap is { } g && (double.IsNaN(g) || g < 0 || g > 1 || (isOptimal && g > 0)))
        {
            throw new ArgumentOutOfRangeException(nameof(gap), "The gap must be within 0 to 1, and 0 for an optimal roster.");
        }

        if (elapsed < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(elapsed), "The time must not be negative.");
        }

        var list = Guard.NotNull(assignments).OrderBy(a => a.Demand).ThenBy(a => a.Candidate).ToArray();
        var uncovered = CheckDemands(problem, list);
        var (overtime, distance) = CheckCandidates(problem, list);
        long uncoveredMinutes = 0;
        for (var d = 0; d < uncovered.Length; d++)
        {
            uncoveredMinutes += (long)uncovered[d] * problem.LengthMinutes(d);
        }

        return new RosterSolution(problem, list, uncovered, uncoveredMinutes, overtime, distance)
        {
            Solver = solver,
            IsOptimal = isOptimal,
            Gap = isOptimal ? 0 : gap,
            Elapsed = elapsed,
        };
    }

    /// <summary>Compares the objectives lexicographically: uncovered minutes, then overtime minutes, then distance.</summary>
    /// <param name="other">The other roster (of any problem).</param>
    /// <returns>True when this roster is strictly better.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public bool IsBetterThan(RosterSolution other)
    {
        Guard.NotNull(other);
        return (UncoveredMinutes, OvertimeMinutes, Distance).CompareTo((other.UncoveredMinutes, other.OvertimeMinutes, other.Distance)) < 0;
    }

    /// <summary>Returns a copy with different optimality information (for a solver that proves more after building the roster).</summary>
    /// <param name="solver">The solver's name.</param>
    /// <param name="isOptimal">Whether the roster is proven optimal.</param>
    /// <param name="gap">The proven relative gap (0 to 1), or null for none.</param>
    /// <param name="elapsed">How long the solver took.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="solver"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="Create"/>.</exception>
    public RosterSolution WithSolver(string solver, bool isOptimal, double? gap, TimeSpan elapsed)
        => Create(Problem, Assignments, solver, isOptimal, gap, elapsed);

    /// <summary>Returns e.g. <c>cp-sat: 120 assignments, 16 h uncovered, 4 h overtime, distance 310, optimal</c>.</summary>
    /// <returns>The roster's summary.</returns>
    public override string ToString()
        => string.Format(
            CultureInfo.InvariantCulture,
            "{0}: {1} assignments, {2:0.##} h uncovered, {3:0.##} h overtime, distance {4}, {5}",
            Solver,
            Assignments.Count,
            UncoveredHours,
            OvertimeHours,
            Distance,
            IsOptimal ? "optimal" : Gap is { } g ? string.Format(CultureInfo.InvariantCulture, "gap {0:0.####}", g) : "no bound");

    private static int[] CheckDemands(RosterProblem problem, RosterAssignment[] assignments)
    {
        var uncovered = problem.Demands.Select(d => d.People).ToArray();
        for (var i = 0; i < assignments.Length; i++)
        {
            var a = assignments[i];
            if (a.Demand >= problem.Demands.Count || a.Candidate >= problem.Candidates.Count)
            {
                throw new ArgumentException($"assignments: {a} names no demand or candidate of the problem.", nameof(assignments));
            }

            if (i > 0 && assignments[i - 1] == a)
            {
                throw new ArgumentException($"assignments: {a} is given twice.", nameof(assignments));
            }

            if (problem.EligibleIndex(a.Demand, a.Candidate) < 0)
            {
                throw new ArgumentException($"assignments: {a}: the candidate may not fill the demand (ability, availability or nights).", nameof(assignments));
            }

            if (--uncovered[a.Demand] < 0)
            {
                throw new ArgumentException($"assignments: demand {a.Demand} is given more people than it needs.", nameof(assignments));
            }
        }

        return uncovered;
    }

    private static (long Overtime, long Distance) CheckCandidates(RosterProblem problem, RosterAssignment[] assignments)
    {
        long overtime = 0, distance = 0;
        var limits = problem.Limits;
        foreach (var group in assignments.GroupBy(a => a.Candidate))
        {
            var c = group.Key;
            var candidate = problem.Candidates[c];
            var demands = group.Select(a => a.Demand).OrderBy(problem.StartMinute).ToArray();
            var minutes = 0L;
            var perDay = new long[7];
            var nights = 0;
            for (var i = 0; i < demands.Length; i++)
            {
                var d = demands[i];
                // Sorted by start: a demand that conflicts with a later one conflicts with the next one too.
                if (i + 1 < demands.Length && problem.ConflictUnchecked(d, demands[i + 1]))
                {
                    throw new ArgumentException($"assignments: candidate {c} has demands {d} and {demands[i + 1]}, which overlap or leave too little rest.", nameof(assignments));
                }

                minutes += problem.LengthMinutes(d);
                perDay[problem.DayOf(d)] += problem.LengthMinutes(d);
                nights += problem.Demands[d].IsNight ? 1 : 0;
                distance += problem.DistanceUnchecked(c, d);
            }

            if (minutes > candidate.MaxMinutes || (limits.MaxHoursPerWeek is { } week && minutes > week * 60))
            {
                throw new ArgumentException($"assignments: candidate {c} is given more hours than the weekly limit.", nameof(assignments));
            }

            if (limits.MaxHoursPerDay is { } day && perDay.Any(m => m > day * 60))
            {
                throw new ArgumentException($"assignments: candidate {c} is given more hours on one day than the daily limit.", nameof(assignments));
            }

            if (limits.MaxNightShiftsPerWeek is { } maxNights && nights > maxNights)
            {
                throw new ArgumentException($"assignments: candidate {c} is given more night shifts than the limit.", nameof(assignments));
            }

            overtime += Math.Max(0, minutes - candidate.ContractedMinutes);
        }

        return (overtime, distance);
    }
}
