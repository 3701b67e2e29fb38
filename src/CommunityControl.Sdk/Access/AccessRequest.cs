using CommunityControl.Authority;
using CommunityControl.Measures;
using NodaTime;

namespace CommunityControl.Access;

/// <summary>
/// One person at one gate at one instant: who (by pseudonymous id and category), which way, why, and what the gate
/// read (temperature, health code, pass). Pass it by <c>in</c> to <see cref="AccessPolicy.Evaluate"/>.
/// </summary>
/// <remarks>
/// <para>The gate is named by the dense index of its zone in the snapshot's tree (<see cref="ZoneIndex"/>): resolve it once
/// per gate with <c>ZoneTree.GetIndex</c>.</para>
/// <para>The request carries pseudonymous ids only; <see cref="ToString"/> shows no id at all.</para>
/// </remarks>
/// <example>
/// <code>
/// var request = new AccessRequest
/// {
///     ZoneIndex = tree.GetIndex(ZoneId.From("500101-001-01")),
///     Direction = GateDirection.Exit,
///     At = clock.GetCurrentInstant(),
///     Person = PersonId.From("p-7f3a"),
///     Household = HouseholdId.From("h-19c2"),
///     Category = PersonCategory.Resident,
///     Operator = Role.PropertyStaff,
///     Purpose = OutingPurpose.Shopping,
///     TemperatureCelsius = 36.6,
///     HealthCode = HealthCodeColour.Green,
/// };
/// </code>
/// </example>
/// <threadsafety static="true" instance="true"/>
public readonly struct AccessRequest
{
    /// <summary>Gets the dense index, in the snapshot's tree, of the zone whose gate this is (a compound, building, venue …).</summary>
    public int ZoneIndex { get; init; }

    /// <summary>Gets which way the person passes.</summary>
    public GateDirection Direction { get; init; }

    /// <summary>Gets the instant of the request; it must fall on the snapshot's date in the tree's time zone.</summary>
    public Instant At { get; init; }

    /// <summary>Gets the person's pseudonymous id.</summary>
    public PersonId Person { get; init; }

    /// <summary>Gets the pseudonymous id of the resident's household (needed where an outing quota applies).</summary>
    public HouseholdId Household { get; init; }

    /// <summary>Gets who the person is at this gate.</summary>
    public PersonCategory Category { get; init; }

    /// <summary>Gets the role of whoever operates the gate; a decision that needs a permission this role lacks escalates.</summary>
    public Role Operator { get; init; }

    /// <summary>Gets why the person passes.</summary>
    public OutingPurpose Purpose { get; init; }

    /// <summary>Gets the temperature read at the gate, in °C; null when not measured. A supplied reading outside the plausible
    /// range is a denial with a re-measure at every level, whether or not the level checks temperature.</summary>
    public double? TemperatureCelsius { get; init; }

    /// <summary>Gets the health code's colour as read; <see cref="HealthCodeColour.Unknown"/> when none was shown.</summary>
    public HealthCodeColour HealthCode { get; init; }

    /// <summary>Gets a value indicating whether the person holds a valid pass (出入证 or an e-pass).</summary>
    public bool HasPass { get; init; }

    /// <summary>Gets a value indicating whether a resident confirmed the visitor.</summary>
    public bool ConfirmedByResident { get; init; }

    /// <summary>Gets a value indicating whether the community approved this exit.</summary>
    public bool HasExitApproval { get; init; }

    /// <summary>Gets the observation, monitoring or isolation the person is under.</summary>
    public MonitoringStatus Status { get; init; }

    /// <summary>Gets a value indicating whether the person refuses the isolation or observation ordered.</summary>
    public bool RefusesOrder { get; init; }

    /// <summary>Gets the person's known exposure (a contact, or an arrival from a risk area), as the host determined it.</summary>
    public ExposureCategory Exposure { get; init; }

    /// <summary>Gets when the exposure ended (left the risk area, last contact); null when unknown, in which case the plan applies.</summary>
    public Instant? ExposureEndedAt { get; init; }

    /// <summary>Gets when the person's latest negative test was sampled; null when none is shown.</summary>
    public Instant? NegativeTestSampledAt { get; init; }

    /// <summary>Gets the kind of venue the gate belongs to; <see cref="VenueKind.None"/> for a residential gate.</summary>
    public VenueKind Venue { get; init; }

    /// <summary>Returns the direction, category, purpose and zone index; never an id.</summary>
    /// <returns>E.g. <c>Exit of a Resident (Shopping) at zone #12</c>.</returns>
    public override string ToString() => $"{Direction} of a {Category} ({Purpose}) at zone #{ZoneIndex}";
}
