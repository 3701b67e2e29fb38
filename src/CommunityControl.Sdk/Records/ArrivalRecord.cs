using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// An arrival from elsewhere (流动人员登记): who arrived (pseudonymous person and household), where to, when, from where,
/// and the itinerary of the days before, with each area's risk level when known. <see cref="ArrivalAssessment"/> turns it
/// into the edition's exposure category and a follow-up.
/// </summary>
/// <remarks>
/// <para>The <see cref="IdempotencyKey"/> makes a retried registration count once (<see cref="IArrivalStore.AppendAsync"/>).
/// The itinerary is copied when set. <see cref="ToString"/> shows no id.</para>
/// <para>A record is checked as it is built, like every record a store accepts (<see cref="PassageRecord"/>,
/// <see cref="HealthReport"/>, <see cref="CommunityControl.Staffing.AttendanceRecord"/>): a property set to a value it
/// does not allow throws <see cref="ArgumentException"/> (<see cref="ArgumentNullException"/> for null) whose
/// <see cref="ArgumentException.ParamName"/> is the property's name and whose message names the property, never the
/// value. An <see cref="ArrivalRecord"/> that exists is therefore valid, and a store, in this library or another, writes
/// it as it is.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable once initialized; safe to share between threads.</threadsafety>
public sealed class ArrivalRecord
{
    private readonly string _idempotencyKey = string.Empty;
    private readonly PersonId _person;
    private readonly ZoneId _destination;
    private readonly string _origin = string.Empty;
    private readonly IReadOnlyList<ItineraryStop> _itinerary = Array.Empty<ItineraryStop>();

    /// <summary>Gets the idempotency key: 1–128 ASCII letters, digits and <c>- _ . :</c>, unique per arrival.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    /// <exception cref="ArgumentException">Set to an empty or too long key, or one with a character not allowed.</exception>
    public required string IdempotencyKey
    {
        get => _idempotencyKey;
        init => _idempotencyKey = RecordKey.Check(value, nameof(IdempotencyKey));
    }

    /// <summary>Gets the arriving person's pseudonymous id.</summary>
    /// <exception cref="ArgumentException">Set to the empty id.</exception>
    public required PersonId Person
    {
        get => _person;
        init => _person = value.IsEmpty ? throw new ArgumentException("The person id must not be empty.", nameof(Person)) : value;
    }

    /// <summary>Gets the household the person arrives at; empty when none.</summary>
    public HouseholdId Household { get; init; }

    /// <summary>Gets the zone the person arrives at (the household, building or compound of the community's tree).</summary>
    /// <exception cref="ArgumentException">Set to the empty id.</exception>
    public required ZoneId Destination
    {
        get => _destination;
        init => _destination = value.IsEmpty ? throw new ArgumentException("The destination's zone id must not be empty.", nameof(Destination)) : value;
    }

    /// <summary>Gets the instant of arrival: day 1 of a follow-up is its local date.</summary>
    public required Instant ArrivedAt { get; init; }

    /// <summary>Gets the code of the place the person travelled from (rules of <see cref="ItineraryStop.Place"/>).</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    /// <exception cref="ArgumentException">Set to an empty or too long code, or one with a character not allowed (the
    /// message gives the position, never the code).</exception>
    public required string Origin
    {
        get => _origin;
        init => _origin = RecordKey.Check(value, nameof(Origin));
    }

    /// <summary>Gets the itinerary: the areas stayed in before arriving, in any order (copied when set).</summary>
    /// <value>The default is empty.</value>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    /// <exception cref="ArgumentException">Set to a list holding a null stop (the message gives its index).</exception>
    public IReadOnlyList<ItineraryStop> Itinerary
    {
        get => _itinerary;
        init
        {
            var copy = (value ?? throw new ArgumentNullException(nameof(Itinerary))).ToList();
            var nullAt = copy.IndexOf(null!);
            _itinerary = nullAt < 0 ? copy.AsReadOnly() : throw new ArgumentException($"The Itinerary's stop at index {nullAt} is null.", nameof(Itinerary));
        }
    }

    /// <summary>Returns the instant and the number of places; never an id.</summary>
    /// <returns>E.g. <c>Arrival at 2022-07-08T10:00:00Z (2 places)</c>.</returns>
    public override string ToString() => $"Arrival at {ArrivedAt} ({Itinerary.Count} places)";
}
