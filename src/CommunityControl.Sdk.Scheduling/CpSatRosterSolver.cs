using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Globalization;
using System.Threading;
using CommunityControl.Staffing;
using Google.OrTools.Sat;

namespace CommunityControl.Scheduling;

/// <summary>
/// An optimal <see cref="IRosterSolver"/> on Google OR-Tools CP-SAT: it minimizes the uncovered person-hours, then the
/// overtime hours, then the distance from home to post, one objective after the other (each later one solved with the
/// earlier ones held at their values), within a time limit, and reports the optimality gap it proved.
/// </summary>
/// <remarks>
/// <para>Demands that share no candidate, directly or through other demands (e.g. a city's communities when people are kept
/// within theirs), form independent parts, solved one after the other, each in the share of the time left that its size
/// is of the parts left. Every objective is a sum over the parts, so their optima together are the optimum.</para>
/// <para>The core's <see cref="GreedyRosterSolver"/> roster is computed first and kept, part by part, wherever the solver did
/// not find a better one within the time limit: the result is never worse than the greedy's. It is not given to CP-SAT as
/// a hint for the uncovered hours: on a community's week the linear relaxation's own solution is already optimal, and
/// the greedy hint led the search away from it for seconds. The later objectives start from the roster found.</para>
/// <para>The time limit covers the whole solve (the greedy roster, building the models, and all three objectives). Of a
/// part's share, up to 80 % goes to the uncovered hours, up to 80 % of what is then left to the overtime, the rest to the
/// distance. An objective stops as soon as it is proven optimal, leaving its time to the
/// next. An objective without time left keeps the value found so far and the bound 0.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable; each call builds its own model and solver, so calls may run concurrently.</threadsafety>
public sealed class CpSatRosterSolver : IRosterSolver
{
    /// <summary>The largest model (Booleans) presolved: beyond it presolve costs more time than it saves.</summary>
    private const int PresolveLimit = 5_000;

    /// <summary>The full-problem CP-SAT workers, in the order they are started (one with two workers; the rest run large-neighbourhood search).</summary>
    private const string Subsolvers = "subsolvers:\"reduced_costs\" subsolvers:\"default_lp\" subsolvers:\"max_lp\" subsolvers:\"no_lp\" subsolvers:\"core\" subsolvers:\"quick_restart\"";

    /// <summary>The default time limit: 10 seconds.</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(10);

    /// <summary>Creates a solver with the default time limit (<see cref="DefaultTimeLimit"/>, 10 s) and as many search workers as CP-SAT chooses.</summary>
    public CpSatRosterSolver()
        : this(DefaultTimeLimit)
    {
    }

    /// <summary>Creates a solver.</summary>
    /// <param name="timeLimit">The most time one solve may take: more than 0 and at most one day.</param>
    /// <param name="workers">The number of CP-SAT search workers: 0 (the default) lets CP-SAT choose (one per core); at most 64.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeLimit"/> or <paramref name="workers"/> is out of range.</exception>
    public CpSatRosterSolver(TimeSpan timeLimit, int workers = 0)
    {
        if (timeLimit <= TimeSpan.Zero || timeLimit > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(timeLimit), "The time limit must be more than 0 and at most one day.");
        }

        if (workers is < 0 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(workers), "The number of workers must be 0 to 64.");
        }

        TimeLimit = timeLimit;
        Workers = workers;
    }

    /// <summary>Gets the most time one solve may take (all three objectives).</summary>
    public TimeSpan TimeLimit { get; }

    /// <summary>Gets the number of CP-SAT search workers; 0 lets CP-SAT choose.</summary>
    public int Workers { get; }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">CP-SAT reported the model invalid (a defect of this package, never of the problem).</exception>
    public RosterSolution Solve(RosterProblem problem, CancellationToken cancellationToken = default)
    {
        if (problem is null)
        {
            throw new ArgumentNullException(nameof(problem));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var watch = Stopwatch.StartNew();
        var greedy = GreedyRosterSolver.Instance.Solve(problem, cancellationToken);
        var models = RosterModel.Split(problem);
        var stages = new[] { new StageResult(0, 0, true), new StageResult(0, 0, true), new StageResult(0, 0, true) };
        var assignments = new List<RosterAssignment>();
        var remaining = models.Sum(m => Math.Max(1L, m.Size));
        foreach (var model in models)
        {
            // Each part gets the share of the time left that its size is of the parts left; what a part leaves unused passes on.
            model.Start(greedy);
            var size = Math.Max(1L, model.Size);
            var deadline = watch.Elapsed + TimeSpan.FromTicks((long)((TimeLimit - watch.Elapsed).Ticks * (size / (double)remaining)));
            remaining -= size;
            var start = model.Current;
            var part = SolvePart(model, watch, deadline, cancellationToken);
            if (Values(model, start).CompareTo(Values(model, model.Current)) < 0)
            {
                // The greedy roster of this part is better than what the solver found in time: keep it (the bounds stay true).
                model.Current = start;
                part = part.Select((p, i) => new StageResult(model.Objective(i, start), Math.Min(p.Bound, model.Objective(i, start)), false)).ToArray();
            }

            for (var i = 0; i < 3; i++)
            {
                stages[i] = new StageResult(stages[i].Value + part[i].Value, stages[i].Bound + part[i].Bound, stages[i].Optimal && part[i].Optimal);
            }

            assignments.AddRange(model.Assignments(model.Current));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var solution = RosterSolution.Create(problem, assignments, "cp-sat", false, null, watch.Elapsed);
        var optimal = Array.TrueForAll(stages, s => s.Optimal);
        if (greedy.IsBetterThan(solution))
        {
            solution = greedy;
            optimal = false;
        }

        return solution.WithSolver(solution == greedy ? "cp-sat (greedy kept)" : "cp-sat", optimal, optimal ? 0 : Gap(solution, stages), watch.Elapsed);
    }

    private StageResult[] SolvePart(RosterModel model, Stopwatch watch, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var stages = new StageResult[3];
        var shares = new[] { 0.8, 0.8, 1.0 };
        for (var stage = 0; stage < 3; stage++)
        {
            var budget = TimeSpan.FromTicks((long)((deadline - watch.Elapsed).Ticks * shares[stage]));
            stages[stage] = model.Size == 0
                ? new StageResult(model.Objective(stage, model.Current), model.Objective(stage, model.Current), true) // Nobody may fill these demands: nothing to decide.
                : budget > TimeSpan.FromMilliseconds(1) && !cancellationToken.IsCancellationRequested
                    ? RunStage(model, stage, budget, cancellationToken)
                    : StageResult.Skipped(model.Objective(stage, model.Current));
            if (stage < 2 && model.Size > 0)
            {
                model.Hold(stage, stages[stage].Value);
            }
        }

        return stages;
    }

    private static (long, long, long) Values(RosterModel model, RosterChoice choice)
        => (model.Objective(0, choice), model.Objective(1, choice), model.Objective(2, choice));

    private static double Gap(RosterSolution solution, StageResult[] stages)
    {
        var values = new[] { solution.UncoveredMinutes, solution.OvertimeMinutes, solution.Distance };
        for (var i = 0; i < 3; i++)
        {
            if (!stages[i].Optimal || values[i] > stages[i].Value)
            {
                var value = values[i];
                var bound = Math.Min(stages[i].Bound, value);
                return value <= 0 ? 0 : Math.Clamp((value - bound) / (double)value, 0, 1);
            }
        }

        return 0;
    }

    private StageResult RunStage(RosterModel model, int stage, TimeSpan budget, CancellationToken cancellationToken)
    {
        model.Minimize(stage);
        using var solver = new CpSolver
        {
            // Symmetry detection took a whole budget on large models before any search: it is off. Presolve runs only for
            // models small enough to gain from it. The first full-problem worker is the reduced-costs LP search: on a
            // community's week it proves the least uncovered hours within a tenth of a second of starting to search, where
            // the default LP worker proved nothing in seconds; with more workers the other strategies follow in order.
            StringParameters = string.Format(
                CultureInfo.InvariantCulture,
                "max_time_in_seconds:{0:0.###} num_workers:{1} symmetry_level:0 cp_model_presolve:{2} log_search_progress:false {3}",
                budget.TotalSeconds,
                Workers,
                model.Size <= PresolveLimit ? "true" : "false",
                Subsolvers),
        };
        CpSolverStatus status;
        using (cancellationToken.Register(solver.StopSearch))
        {
            status = solver.Solve(model.Model);
        }

        if (status == CpSolverStatus.ModelInvalid)
        {
            throw new InvalidOperationException("CP-SAT reported the roster model invalid.");
        }

        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            // No solution in time: keep the current one (hinted from now on); only the trivial bound 0 is known.
            model.HintCurrent();
            return StageResult.Skipped(model.Objective(stage, model.Current));
        }

        model.Current = model.Read(solver);
        model.HintCurrent();
        var value = model.Objective(stage, model.Current);
        var bound = (long)Math.Ceiling(solver.BestObjectiveBound - model.ObjectiveOffset(stage) - 1e-6);
        return new StageResult(value, Math.Max(0, Math.Min(bound, value)), status == CpSolverStatus.Optimal);
    }

    private readonly record struct StageResult(long Value, long Bound, bool Optimal)
    {
        public static StageResult Skipped(long value) => new(value, 0, value == 0);
    }
}
