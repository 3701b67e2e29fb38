using System;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// A sealed household's request to buy and deliver (代购代送): what, how many units, how urgent, for which building.
/// </summary>
/// <remarks>The request carries the pseudonymous <see cref="Household"/> only; <see cref="ToString"/> shows no id.</remarks>
/// <threadsafety static="true" instance="true">Immutable once initialized; safe to share between threads.</threadsafety>
public sealed class HouseholdRequest
{
    private readonly string _id = string.Empty;
    private readonly HouseholdId _household;
    private readonly RequestKind _kind;
    private readonly int _quantity;

    /// <summary>Gets the request's id, unique in a <see cref="DoorToDoorLedger"/> (a resubmission with the same id is ignored).</summary>
    /// <exception cref="ArgumentException">Set to an empty or blank id.</exception>
    public required string Id
    {
        get => _id;
        init => _id = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("The request id is required.", nameof(Id)) : value;
    }

    /// <summary>Gets the household asking.</summary>
    /// <exception cref="ArgumentException">Set to the empty id.</exception>
    public required HouseholdId Household
    {
        get => _household;
        init => _household = value.IsEmpty ? throw new ArgumentException("The household id must not be empty.", nameof(Household)) : value;
    }

    /// <summary>Gets the building the household lives in: group-buy batches are per building.</summary>
    public required ZoneId Building { get; init; }

    /// <summary>Gets what is asked for.</summary>
    /// <exception cref="ArgumentException">Set to <see cref="RequestKind.Unknown"/> or an undefined value.</exception>
    public required RequestKind Kind
    {
        get => _kind;
        init => _kind = value is RequestKind.Groceries or RequestKind.Medicine ? value : throw new ArgumentException("The kind must be Groceries or Medicine.", nameof(Kind));
    }

    /// <summary>Gets the units ordered (packages, boxes): 1 to 10,000.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside 1–10,000.</exception>
    public required int Quantity
    {
        get => _quantity;
        init => _quantity = Guard.InRange(value, 1, 10_000, nameof(Quantity));
    }

    /// <summary>Gets a value indicating whether the request is urgent: it is delivered on its own, not in a group-buy batch.</summary>
    /// <value>False unless set.</value>
    public bool IsUrgent { get; init; }

    /// <summary>Gets when the request was made.</summary>
    public required Instant At { get; init; }

    /// <summary>Returns the kind, quantity and instant (no id).</summary>
    /// <returns>E.g. <c>Groceries × 2 at 2022-07-05T01:00:00Z (urgent)</c>.</returns>
    public override string ToString() => $"{Kind} × {Quantity} at {At}" + (IsUrgent ? " (urgent)" : string.Empty);
}
