using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Measures;
using CommunityControl.Records;
using CommunityControl.Zones;
using CommunityControl.Testing.Conformance;
using NodaTime;

namespace CommunityControl.Tests.Records;

/// <summary>Builders of passage records for the register's tests.</summary>
internal static class Passages
{
    // The same community and instant as the Testing package's conformance checks.
    public static readonly Instant Start = ConformanceData.Start;

    public static readonly ZoneTree Tree = ConformanceData.Tree;

    public static readonly string[] Gates = ConformanceData.Gates;

    public static async Task<List<string>> Keys(IAsyncEnumerable<PassageRecord> records)
    {
        var keys = new List<string>();
        await foreach (var r in records)
        {
            keys.Add(r.IdempotencyKey);
        }

        return keys;
    }

    public static List<string> Brute(List<PassageRecord> all, Func<PassageRecord, bool> where, Interval interval)
        => all.Where(r => where(r) && interval.Contains(r.At)).OrderBy(r => r.At).Select(r => r.IdempotencyKey).ToList();

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
