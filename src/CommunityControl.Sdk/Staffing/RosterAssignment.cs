using System;
using System.Globalization;

namespace CommunityControl.Staffing;

/// <summary>One place of a roster: a candidate filling one place of a demand, both named by their index in the <see cref="RosterProblem"/>.</summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public readonly struct RosterAssignment : IEquatable<RosterAssignment>
{
    /// <summary>Creates an assignment.</summary>
    /// <param name="demand">The demand's index in <see cref="RosterProblem.Demands"/>.</param>
    /// <param name="candidate">The candidate's index in <see cref="RosterProblem.Candidates"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is negative.</exception>
    public RosterAssignment(int demand, int candidate)
    {
        Demand = demand >= 0 ? demand : throw new ArgumentOutOfRangeException(nameof(demand), "The index must not be negative.");
        Candidate = candidate >= 0 ? candidate : throw new ArgumentOutOfRangeException(nameof(candidate), "The index must not be negative.");
    }

    /// <summary>Gets the demand's index.</summary>
    public int Demand { get; }

    /// <summary>Gets the candidate's index.</summary>
    public int Candidate { get; }

    /// <inheritdoc/>
    public bool Equals(RosterAssignment other) => Demand == other.Demand && Candidate == other.Candidate;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RosterAssignment other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => unchecked((Demand * 31) ^ Candidate);

    /// <summary>Returns e.g. <c>demand 3 ← candidate 17</c>.</summary>
    /// <returns>The assignment in words.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "demand {0} ← candidate {1}", Demand, Candidate);

    /// <summary>Compares two assignments for equality.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(RosterAssignment left, RosterAssignment right) => left.Equals(right);

    /// <summary>Compares two assignments for inequality.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(RosterAssignment left, RosterAssignment right) => !left.Equals(right);
}
