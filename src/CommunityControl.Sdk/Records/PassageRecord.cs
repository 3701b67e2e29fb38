using System;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Measures;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// One passage through a gate, as the register keeps it (零接触登记进出人员): the gate's zone, the instant, the
/// pseudonymous person and household, the direction and category, what the gate read (temperature, health code, pass),
/// the decision (outcome, reasons, obligations, escalation), the operator's role and the device.
/// </summary>
/// <remarks>
/// <para>The record carries pseudonymous ids only. <see cref="ToString"/> shows the direction, category, gate, instant and
/// outcome: never the person, household, pass, device or key.</para>
/// <para><see cref="IdempotencyKey"/> is chosen by the gate (e.g. its device id and a request counter) and sent again
/// with every retry of the same passage: a store records each key once.</para>
/// <para>Every property is checked as it is set: the required ids must not be empty, the key and the device id are 1–128
/// ASCII letters, digits and <c>- _ . :</c>, the pass id follows the rules of <see cref="PersonId"/>.</para>
/// <para>Two records are equal when every property is equal (<see cref="Equals(PassageRecord)"/>): a store may return a
/// new object for a record it holds (<see cref="InMemoryPassageStore"/> always does), so compare records by value.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable once initialized; safe to share between threads.</threadsafety>
public sealed class PassageRecord : IEquatable<PassageRecord>
{
    private readonly string _idempotencyKey = string.Empty;
    private readonly ZoneId _gate;
    private readonly PersonId _person;
    private readonly GateDirection _direction;
    private readonly AccessOutcome _outcome;
    private readonly string? _passId;
    private readonly string? _device;

    /// <summary>Gets the idempotency key: the same passage, retried, carries the same key.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    /// <exception cref="ArgumentException">Set to an empty or too long key, or one with a character not allowed.</exception>
    public required string IdempotencyKey
    {
        get => _idempotencyKey;
        init => _idempotencyKey = RecordKey.Check(value, nameof(IdempotencyKey));
    }

    /// <summary>Gets the zone whose gate the person passed (a compound, building, venue …).</summary>
    /// <exception cref="ArgumentException">Set to the empty id.</exception>
    public required ZoneId Gate
    {
        get => _gate;
        init => _gate = value.IsEmpty ? throw new ArgumentException("The gate's zone id must not be empty.", nameof(Gate)) : value;
    }

    /// <summary>Gets the instant of the passage.</summary>
    public required Instant At { get; init; }

    /// <summary>Gets the person's pseudonymous id.</summary>
    /// <exception cref="ArgumentException">Set to the empty id.</exception>
    public required PersonId Person
    {
        get => _person;
        init => _person = value.IsEmpty ? throw new ArgumentException("The person id must not be empty.", nameof(Person)) : value;
    }

    /// <summary>Gets the pseudonymous id of the person's household; empty when not known (a visitor, a courier).</summary>
    public HouseholdId Household { get; init; }

    /// <summary>Gets which way the person passed.</summary>
    /// <exception cref="ArgumentException">Set to <see cref="GateDirection.Unknown"/> or an undefined value.</exception>
    public required GateDirection Direction
    {
        get => _direction;
        init => _direction = value is GateDirection.Entry or GateDirection.Exit
            ? value
            : throw new ArgumentException("The direction must be Entry or Exit.", nameof(Direction));
    }

    /// <summary>Gets who the person was at this gate.</summary>
    public PersonCategory Category { get; init; }

    /// <summary>Gets the temperature read at the gate, in °C, as read (an implausible reading is kept as it was read); null when not measured.</summary>
    public double? TemperatureCelsius { get; init; }

    /// <summary>Gets the health code's colour as read; <see cref="HealthCodeColour.Unknown"/> when none was shown.</summary>
    public HealthCodeColour HealthCode { get; init; }

    /// <summary>Gets the pseudonymous id of the pass shown (出入证 or e-pass); null when none was shown.</summary>
    /// <exception cref="ArgumentException">Set to a value that is not a pseudonymous id (the message does not repeat it).</exception>
    public string? PassId
    {
        get => _passId;
        init => _passId = RecordKey.CheckPseudonymous(value, nameof(PassId));
    }

    /// <summary>Gets the decision's outcome.</summary>
    /// <exception cref="ArgumentException">Set to <see cref="AccessOutcome.Unknown"/> or an undefined value.</exception>
    public required AccessOutcome Outcome
    {
        get => _outcome;
        init => _outcome = value is AccessOutcome.Allow or AccessOutcome.AllowWithObligations or AccessOutcome.Deny or AccessOutcome.Escalate
            ? value
            : throw new ArgumentException("The outcome must be Allow, AllowWithObligations, Deny or Escalate.", nameof(Outcome));
    }

    /// <summary>Gets every rule the passage request violated.</summary>
    public AccessReasons Reasons { get; init; }

    /// <summary>Gets what the gate had to do along with the outcome.</summary>
    public AccessObligations Obligations { get; init; }

    /// <summary>Gets, for an escalation, the permissions the operator lacked.</summary>
    public Permissions MissingPermissions { get; init; }

    /// <summary>Gets, for an escalation, the roles the decision was handed to.</summary>
    public Roles EscalateTo { get; init; }

    /// <summary>Gets the role of whoever operated the gate.</summary>
    public Role Operator { get; init; }

    /// <summary>Gets the id of the gate device that read the person (not a person's id); null when not known.</summary>
    /// <exception cref="ArgumentException">Set to an empty or too long id, or one with a character not allowed.</exception>
    public string? Device
    {
        get => _device;
        init => _device = RecordKey.CheckOptional(value, nameof(Device));
    }

    /// <summary>Gets a value indicating whether the person was let through.</summary>
    public bool WasAllowed => Outcome is AccessOutcome.Allow or AccessOutcome.AllowWithObligations;

    /// <summary>Compares every property: key, gate, instant, person, household, direction, category, temperature (bit for
    /// bit, so a NaN reading equals a NaN reading), health code, pass, decision, operator and device.</summary>
    /// <param name="other">The other record.</param>
    /// <returns>True when every property is equal.</returns>
    public bool Equals(PassageRecord? other)
        => other is not null
            && (ReferenceEquals(this, other)
                || (string.Equals(_idempotencyKey, other._idempotencyKey, StringComparison.Ordinal)
                    && _gate == other._gate
                    && At == other.At
                    && _person == other._person
                    && Household == other.Household
                    && _direction == other._direction
                    && Category == other.Category
                    && TemperatureBits(TemperatureCelsius) == TemperatureBits(other.TemperatureCelsius)
                    && HealthCode == other.HealthCode
                    && string.Equals(_passId, other._passId, StringComparison.Ordinal)
                    && _outcome == other._outcome
                    && Reasons == other.Reasons
                    && Obligations == other.Obligations
                    && MissingPermissions == other.MissingPermissions
                    && EscalateTo == other.EscalateTo
                    && Operator == other.Operator
                    && string.Equals(_device, other._device, StringComparison.Ordinal)));

    /// <summary>Compares by value (see <see cref="Equals(PassageRecord)"/>).</summary>
    /// <param name="obj">The other object.</param>
    /// <returns>True when <paramref name="obj"/> is a record equal to this one.</returns>
    public override bool Equals(object? obj) => Equals(obj as PassageRecord);

    /// <summary>Returns a hash of the key, gate, instant and person (records equal by value hash alike).</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode()
    {
        unchecked
        {
            var h = StringComparer.Ordinal.GetHashCode(_idempotencyKey);
            h = (h * 31) + _gate.GetHashCode();
            h = (h * 31) + At.GetHashCode();
            return (h * 31) + _person.GetHashCode();
        }
    }

    /// <summary>Returns the direction, category, gate, instant and outcome; never an id of a person, household, pass or device.</summary>
    /// <returns>E.g. <c>Exit of a Resident at 500101-001-01, 2020-02-20T00:30:00Z: Allow</c>.</returns>
    public override string ToString() => $"{Direction} of a {Category} at {Gate}, {At}: {Outcome}";

    private static long? TemperatureBits(double? celsius) => celsius is { } t ? BitConverter.DoubleToInt64Bits(t) : null;

    /// <summary>Builds the record of a decided request.</summary>
    internal static PassageRecord FromDecision(string idempotencyKey, in AccessRequest request, ZoneTree tree, AccessDecision decision, string? passId, string? device)
        => new()
        {
            IdempotencyKey = idempotencyKey,
            Gate = tree.IdAt(request.ZoneIndex),
            At = request.At,
            Person = request.Person,
            Household = request.Household,
            Direction = request.Direction,
            Category = request.Category,
            TemperatureCelsius = request.TemperatureCelsius,
            HealthCode = request.HealthCode,
            PassId = passId,
            Outcome = decision.Outcome,
            Reasons = decision.Reasons,
            Obligations = decision.Obligations,
            MissingPermissions = decision.MissingPermissions,
            EscalateTo = decision.EscalateTo,
            Operator = request.Operator,
            Device = device,
        };
}
