using NodaTime;

namespace CommunityControl.Access;

/// <summary>One outing of a resident: who, from which household, when it started and, once back, when it ended.</summary>
/// <threadsafety static="true" instance="true"/>
public readonly struct Outing : System.IEquatable<Outing>
{
    /// <summary>Creates an outing.</summary>
    /// <param name="sequence">The ledger's number for the outing, unique within the ledger.</param>
    /// <param name="household">The household.</param>
    /// <param name="person">The person.</param>
    /// <param name="start">When it started.</param>
    /// <param name="end">When it ended, or null while the person is out.</param>
    public Outing(long sequence, HouseholdId household, PersonId person, Instant start, Instant? end)
    {
        Sequence = sequence;
        Household = household;
        Person = person;
        Start = start;
        End = end;
    }

    /// <summary>Gets the ledger's number for the outing.</summary>
    public long Sequence { get; }

    /// <summary>Gets the household.</summary>
    public HouseholdId Household { get; }

    /// <summary>Gets the person.</summary>
    public PersonId Person { get; }

    /// <summary>Gets when the outing started.</summary>
    public Instant Start { get; }

    /// <summary>Gets when it ended, or null while the person is out.</summary>
    public Instant? End { get; }

    /// <summary>Gets a value indicating whether the person is still out.</summary>
    public bool IsOpen => End is null;

    /// <inheritdoc/>
    public bool Equals(Outing other) => Sequence == other.Sequence && Household == other.Household && Person == other.Person && Start == other.Start && End == other.End;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Outing other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Sequence.GetHashCode() ^ Start.GetHashCode();

    /// <summary>Returns the sequence and times; no ids.</summary>
    /// <returns>E.g. <c>Outing #12 from 2020-02-01T02:00:00Z (open)</c>.</returns>
    public override string ToString() => End is { } end ? $"Outing #{Sequence} from {Start} to {end}" : $"Outing #{Sequence} from {Start} (open)";

    /// <summary>Compares two outings.</summary>
    /// <param name="left">The first outing.</param>
    /// <param name="right">The second outing.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(Outing left, Outing right) => left.Equals(right);

    /// <summary>Compares two outings.</summary>
    /// <param name="left">The first outing.</param>
    /// <param name="right">The second outing.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(Outing left, Outing right) => !left.Equals(right);
}
