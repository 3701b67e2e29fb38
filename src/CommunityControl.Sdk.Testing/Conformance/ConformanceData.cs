using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Measures;
using CommunityControl.Records;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;

namespace CommunityControl.Testing.Conformance;

/// <summary>The records and the zone tree the conformance checks use (pseudonymous ids only).</summary>
internal static class ConformanceData
{
    public static readonly Instant Start = Instant.FromUtc(2022, 4, 1, 0, 0);

    public static readonly ZoneTree Tree = new ZoneTreeBuilder()
        .Add("c1", ZoneKind.Community)
        .Add("c1-a", ZoneKind.Compound, parent: "c1", gates: 2)
        .Add("c1-a-1", ZoneKind.Building, parent: "c1-a")
        .Add("c1-b", ZoneKind.Compound, parent: "c1", gates: 1)
        .Add("c2", ZoneKind.Community)
        .Build();

    public static readonly string[] Gates = { "c1", "c1-a", "c1-a-1", "c1-b", "c2" };

    public static PassageRecord Passage(string key, string gate, string person, Instant at) => new()
    {
        IdempotencyKey = key,
        Gate = ZoneId.From(gate),
        At = at,
        Person = PersonId.From(person),
        Direction = GateDirection.Entry,
        Category = PersonCategory.Resident,
        TemperatureCelsius = 36.6,
        HealthCode = HealthCodeColour.Green,
        Outcome = AccessOutcome.Allow,
        Operator = Role.PropertyStaff,
        Device = "gate-01",
    };

    public static HealthReport Report(string key, string person, Instant at, double? celsius = 36.6, Symptoms symptoms = Symptoms.None, string? household = null) => new()
    {
        IdempotencyKey = key,
        Person = PersonId.From(person),
        Household = household is null ? default : HouseholdId.From(household),
        At = at,
        TemperatureCelsius = celsius,
        Symptoms = symptoms,
    };

    public static RecordRead Read(string key, string reader, Instant at, RecordKind kind, string purpose, string subject = "p-subject", Role role = Role.CommunityWorker) => new()
    {
        IdempotencyKey = key,
        At = at,
        Reader = PersonId.From(reader),
        ReaderRole = role,
        Subject = PersonId.From(subject),
        Kind = kind,
        Purpose = purpose,
    };

    public static ArrivalRecord Arrival(string key, string person, Instant at, string? household = null, params ItineraryStop[] itinerary) => new()
    {
        IdempotencyKey = key,
        Person = PersonId.From(person),
        Household = household is null ? default : HouseholdId.From(household),
        Destination = ZoneId.From("c1-a-1"),
        ArrivedAt = at,
        Origin = "310000",
        Itinerary = itinerary,
    };

    public static ItineraryStop Stop(string place, LocalDate from, LocalDate to, string? level) => new() { Place = place, From = from, To = to, Level = level };

    public static AttendanceRecord Clocking(string key, string person, Instant at, AttendanceKind kind = AttendanceKind.ClockIn) => new()
    {
        IdempotencyKey = key,
        Person = PersonId.From(person),
        Kind = kind,
        At = at,
    };

    public static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items.ConfigureAwait(false))
        {
            list.Add(item);
        }

        return list;
    }
}
