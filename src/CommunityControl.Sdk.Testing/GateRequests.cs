using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Measures;

namespace CommunityControl.Testing;

/// <summary>
/// Requests of healthy, ordinary people to start a gate test from: a resident with a pass, a green code and 36.5 °C at a
/// gate run by a community worker. Change what the test is about with <c>with { … }</c>; <see cref="EditionScenarioResult.GateDecision(Zones.ZoneId, NodaTime.LocalDateTime, AccessRequest, bool)"/>
/// sets the zone and the instant.
/// </summary>
/// <remarks>The ids are pseudonymous test ids (<see cref="Person"/>, <see cref="Household"/>).</remarks>
/// <example><c>GateRequests.ResidentEntry() with { TemperatureCelsius = 37.4 }</c></example>
/// <threadsafety static="true" instance="true"/>
public static class GateRequests
{
    /// <summary>Gets the test person's pseudonymous id, <c>test-p-0001</c>.</summary>
    public static PersonId Person { get; } = PersonId.From("test-p-0001");

    /// <summary>Gets the test household's pseudonymous id, <c>test-h-0001</c>.</summary>
    public static HouseholdId Household { get; } = HouseholdId.From("test-h-0001");

    /// <summary>A resident going out.</summary>
    /// <param name="purpose">Why; shopping by default.</param>
    /// <returns>The request.</returns>
    public static AccessRequest ResidentExit(OutingPurpose purpose = OutingPurpose.Shopping) => Resident(GateDirection.Exit, purpose);

    /// <summary>A resident coming home.</summary>
    /// <returns>The request.</returns>
    public static AccessRequest ResidentEntry() => Resident(GateDirection.Entry, OutingPurpose.Unstated);

    /// <summary>A visitor coming in (with a green code and 36.5 °C, no pass, not confirmed by a resident).</summary>
    /// <param name="purpose">Why; a visit by default.</param>
    /// <returns>The request.</returns>
    public static AccessRequest Visitor(OutingPurpose purpose = OutingPurpose.Visit) => new()
    {
        Direction = GateDirection.Entry,
        Person = PersonId.From("test-v-0001"),
        Category = PersonCategory.Visitor,
        Operator = Role.CommunityWorker,
        Purpose = purpose,
        TemperatureCelsius = 36.5,
        HealthCode = HealthCodeColour.Green,
    };

    /// <summary>A courier coming in with a delivery.</summary>
    /// <returns>The request.</returns>
    public static AccessRequest Courier() => Visitor(OutingPurpose.Delivery) with { Person = PersonId.From("test-k-0001"), Category = PersonCategory.Courier };

    /// <summary>A member of staff on epidemic work coming in.</summary>
    /// <returns>The request.</returns>
    public static AccessRequest Staff() => Visitor(OutingPurpose.EpidemicWork) with { Person = PersonId.From("test-s-0001"), Category = PersonCategory.Staff, HasPass = true };

    private static AccessRequest Resident(GateDirection direction, OutingPurpose purpose) => new()
    {
        Direction = direction,
        Person = Person,
        Household = Household,
        Category = PersonCategory.Resident,
        Operator = Role.CommunityWorker,
        Purpose = purpose,
        TemperatureCelsius = 36.5,
        HealthCode = HealthCodeColour.Green,
        HasPass = true,
    };
}
