using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Measures;
using CommunityControl.Records;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Tests.Records;

/// <summary>Builders of passage records for the register's tests.</summary>
internal static class Passages
{
    public static readonly Instant Start = Instant.FromUtc(2022, 4, 1, 0, 0);

    public static PassageRecord At(string key, string gate, string person, Instant at, GateDirection direction = GateDirection.Entry, string? household = null) => new()
    {
        IdempotencyKey = key,
        Gate = ZoneId.From(gate),
        At = at,
        Person = PersonId.From(person),
        Household = household is null ? default : HouseholdId.From(household),
        Direction = direction,
        Category = PersonCategory.Resident,
        TemperatureCelsius = 36.6,
        HealthCode = HealthCodeColour.Green,
        Outcome = AccessOutcome.Allow,
        Operator = Role.PropertyStaff,
        Device = "gate-01",
    };
}
