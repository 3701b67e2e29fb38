using System;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// One temperature and symptom report of a person under observation (双测温两报告: temperature taken morning and evening
/// and reported to the community), as the register keeps it.
/// </summary>
/// <remarks>
/// <para>The record carries pseudonymous ids only; <see cref="ToString"/> shows the instant and nothing else (a reading is
/// health data).</para>
/// <para>A report counts for its reporting period when it carries a reading (<see cref="TemperatureCelsius"/> not null),
/// plausible or not; a report of symptoms alone does not.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable once initialized; safe to share between threads.</threadsafety>
public sealed class HealthReport
{
    private readonly string _idempotencyKey = string.Empty;
    private readonly PersonId _person;
    private readonly Symptoms _symptoms;

    /// <summary>Gets the idempotency key: the same report, sent again, carries the same key.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    /// <exception cref="ArgumentException">Set to an empty or too long key, or one with a character not allowed.</exception>
    public required string IdempotencyKey
    {
        get => _idempotencyKey;
        init => _idempotencyKey = RecordKey.Check(value, nameof(IdempotencyKey));
    }

    /// <summary>Gets the pseudonymous id of the person reporting.</summary>
    /// <exception cref="ArgumentException">Set to the empty id.</exception>
    public required PersonId Person
    {
        get => _person;
        init => _person = value.IsEmpty ? throw new ArgumentException("The person id must not be empty.", nameof(Person)) : value;
    }

    /// <summary>Gets the pseudonymous id of the person's household; empty when not known.</summary>
    public HouseholdId Household { get; init; }

    /// <summary>Gets when the temperature was taken.</summary>
    public required Instant At { get; init; }

    /// <summary>Gets the reading, in °C, as taken; null for a report of symptoms alone.</summary>
    public double? TemperatureCelsius { get; init; }

    /// <summary>Gets the symptoms reported.</summary>
    /// <exception cref="ArgumentException">Set to a value with an undefined bit.</exception>
    public Symptoms Symptoms
    {
        get => _symptoms;
        init => _symptoms = ((int)value & ~0xFF) == 0 ? value : throw new ArgumentException("The symptoms hold an undefined value.", nameof(Symptoms));
    }

    /// <summary>Returns the instant only.</summary>
    /// <returns>E.g. <c>Health report at 2020-02-20T00:30:00Z</c>.</returns>
    public override string ToString() => $"Health report at {At}";
}
