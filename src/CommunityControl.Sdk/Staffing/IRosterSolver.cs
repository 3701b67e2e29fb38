using System;
using System.Threading;

namespace CommunityControl.Staffing;

/// <summary>
/// Solves a <see cref="RosterProblem"/>: assigns candidates to demands within the problem's rules, minimizing
/// lexicographically the uncovered person-hours, then the overtime hours, then the distance from home to post.
/// The core ships <see cref="GreedyRosterSolver"/> (fast, no dependency, no optimality claim); the
/// <c>CommunityControl.Sdk.Scheduling</c> package ships an optimal one on OR-Tools CP-SAT.
/// </summary>
/// <threadsafety static="true" instance="true">Implementations must be safe to call from several threads at once.</threadsafety>
public interface IRosterSolver
{
    /// <summary>Solves a problem.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="cancellationToken">Cancels the solve.</param>
    /// <returns>A feasible roster (built by <see cref="RosterSolution.Create"/>, which checks it), with its objective values and what is known of its optimality.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="problem"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    RosterSolution Solve(RosterProblem problem, CancellationToken cancellationToken = default);
}
