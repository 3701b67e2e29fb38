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
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable once initialized; safe to share between threads.</threadsafety>
public sealed class ArrivalRecord
{
    private readonly IReadOnlyList<ItineraryStop> _itinerary = Array.Empty<ItineraryStop>();

    /// <summary>Gets the idempotency key: 1–128 ASCII letters, digits and <c>- _ . :</c>, unique per arrival.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>Gets the arriving person's pseudonymous id.</summary>
    public required PersonId Person { get; init; }

    /// <summary>Gets the household the person arrives at; empty when none.</summary>
    public HouseholdId Household { get; init; }

    /// <summary>Gets the zone the person arrives at (the household, building or compound of the community's tree).</summary>
    public required ZoneId Destination { get; init; }

    /// <summary>Gets the instant of arrival: day 1 of a follow-up is its local date.</summary>
    public required Instant ArrivedAt { get; init; }

    /// <summary>Gets the code of the place the person travelled from (rules of <see cref="ItineraryStop.Place"/>).</summary>
    public required string Origin { get; init; }

    /// <summary>Gets the itinerary: the areas stayed in before arriving, in any order (copied when set).</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<ItineraryStop> Itinerary
    {
        get => _itinerary;
        init => _itinerary = value is null ? throw new ArgumentNullException(nameof(Itinerary)) : value.ToList().AsReadOnly();
    }

    /// <summary>Returns the instant and the number of places; never an id.</summary>
    /// <returns>E.g. <c>Arrival at 2022-07-08T10:00:00Z (2 places)</c>.</returns>
    public override string ToString() => $"Arrival at {ArrivedAt} ({Itinerary.Count} places)";

    /// <summary>Returns why the record is invalid, naming the property at fault (never a value); null when it is valid.</summary>
    internal string? Validate()
    {
        if (IdempotencyKey is null || RecordKey.Validate(IdempotencyKey) is not null)
        {
            return $"IdempotencyKey: {(IdempotencyKey is null ? "is required" : RecordKey.Validate(IdempotencyKey))}.";
        }

        if (Person.IsEmpty)
        {
            return "Person: the person id must not be empty.";
        }

        if (Destination.IsEmpty)
        {
            return "Destination: the zone id must not be empty.";
        }

        if (Origin is null || RecordKey.Validate(Origin) is not null)
        {
            return $"Origin: the place's code {(Origin is null ? "is required" : RecordKey.Validate(Origin))}.";
        }

        for (var i = 0; i < Itinerary.Count; i++)
        {
            var error = Itinerary[i] is null ? $"Itinerary[{i}]: must not be null." : Itinerary[i].Validate($"Itinerary[{i}]");
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }
}
