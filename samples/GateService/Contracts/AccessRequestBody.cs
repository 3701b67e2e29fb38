using System;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Measures;
using CommunityControl.Samples.GateService.Http;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Samples.GateService.Contracts;

/// <summary>
/// The body of <c>POST /access/evaluate</c>: one person at one gate at one instant. Ids are pseudonymous (a keyed hash,
/// a badge number): never a name, a phone number or a resident ID number.
/// </summary>
/// <example>
/// <code language="json">
/// { "gateZoneId": "500101-001-02", "direction": "Exit", "at": "2022-07-08T09:30:00+08:00",
///   "personId": "p-7f3a", "householdId": "h-19c2", "category": "Resident", "operator": "PropertyStaff",
///   "purpose": "SupplyPickup", "healthCode": "Green" }
/// </code>
/// </example>
public sealed class AccessRequestBody
{
    /// <summary>Gets or sets the id of the zone whose gate this is (a compound, a building …). Required.</summary>
    public string? GateZoneId { get; set; }

    /// <summary>Gets or sets <c>Entry</c> or <c>Exit</c>. Required.</summary>
    public GateDirection? Direction { get; set; }

    /// <summary>Gets or sets when the person is at the gate, with its offset. Required.</summary>
    public Instant? At { get; set; }

    /// <summary>Gets or sets the person's pseudonymous id. Required.</summary>
    public string? PersonId { get; set; }

    /// <summary>Gets or sets the household's pseudonymous id. Required for residents (outing quotas count per household).</summary>
    public string? HouseholdId { get; set; }

    /// <summary>Gets or sets <c>Resident</c>, <c>Visitor</c>, <c>Courier</c> or <c>Staff</c>. Required.</summary>
    public PersonCategory? Category { get; set; }

    /// <summary>Gets or sets the role of whoever operates the gate, e.g. <c>PropertyStaff</c>. Required.</summary>
    public Role? Operator { get; set; }

    /// <summary>Gets or sets why the person passes; <c>Unstated</c> when left out.</summary>
    public OutingPurpose? Purpose { get; set; }

    /// <summary>Gets or sets the reading in °C; null when not measured. <c>"NaN"</c> is accepted (a faulty sensor) and asks for a re-measure.</summary>
    public double? TemperatureCelsius { get; set; }

    /// <summary>Gets or sets the health code's colour as read; <c>Unknown</c> when none was shown.</summary>
    public HealthCodeColour? HealthCode { get; set; }

    public bool HasPass { get; set; }

    public bool ConfirmedByResident { get; set; }

    public bool HasExitApproval { get; set; }

    public MonitoringStatus? Status { get; set; }

    public bool RefusesOrder { get; set; }

    public ExposureCategory? Exposure { get; set; }

    public Instant? ExposureEndedAt { get; set; }

    public Instant? NegativeTestSampledAt { get; set; }

    public VenueKind? Venue { get; set; }

    /// <summary>
    /// Checks every field and builds the library's request; every problem goes to <paramref name="problems"/>, keyed by
    /// its JSON path. <paramref name="date"/> is the gate's local date, which picks the day's risk levels.
    /// </summary>
    public AccessRequest ToRequest(ZoneTree tree, DateInterval days, RequestProblems problems, out LocalDate date)
    {
        date = default;
        var zoneIndex = -1;
        if (string.IsNullOrWhiteSpace(GateZoneId))
        {
            problems.Add("$.gateZoneId", "The id of the gate's zone is required.");
        }
        else if (!ZoneId.TryFrom(GateZoneId, out var zone) || (zoneIndex = tree.IndexOf(zone)) < 0)
        {
            problems.Add("$.gateZoneId", "The community has no zone with this id.");
        }

        if (Direction is null or GateDirection.Unknown)
        {
            problems.Add("$.direction", "The direction is required: Entry or Exit.");
        }

        if (At is not { } at)
        {
            problems.Add("$.at", "The instant is required, with its offset, e.g. 2022-07-08T09:30:00+08:00.");
        }
        else
        {
            date = at.InZone(tree.TimeZone).Date;
            if (!days.Contains(date))
            {
                problems.Add("$.at", $"The service has risk levels from {Dates.Iso(days.Start)} to {Dates.Iso(days.End)} ({tree.TimeZone.Id}); this instant falls on {Dates.Iso(date)}.");
            }
        }

        var person = default(CommunityControl.PersonId);
        if (string.IsNullOrWhiteSpace(PersonId))
        {
            problems.Add("$.personId", "The person's pseudonymous id is required.");
        }
        else
        {
            try
            {
                person = CommunityControl.PersonId.From(PersonId);
            }
            catch (ArgumentException e)
            {
                problems.Add("$.personId", e);
            }
        }

        var household = default(CommunityControl.HouseholdId);
        if (!string.IsNullOrWhiteSpace(HouseholdId))
        {
            try
            {
                household = CommunityControl.HouseholdId.From(HouseholdId);
            }
            catch (ArgumentException e)
            {
                problems.Add("$.householdId", e);
            }
        }
        else if (Category == PersonCategory.Resident)
        {
            problems.Add("$.householdId", "A resident's household id is required: outing quotas count per household.");
        }

        if (Category is null or PersonCategory.Unknown)
        {
            problems.Add("$.category", "The person's category is required: Resident, Visitor, Courier or Staff.");
        }

        if (Operator is null or Role.Unknown)
        {
            problems.Add("$.operator", "The role of whoever operates the gate is required, e.g. PropertyStaff or CommunityWorker.");
        }

        return new AccessRequest
        {
            ZoneIndex = zoneIndex,
            Direction = Direction ?? GateDirection.Unknown,
            At = At ?? default,
            Person = person,
            Household = household,
            Category = Category ?? PersonCategory.Unknown,
            Operator = Operator ?? Role.Unknown,
            Purpose = Purpose ?? OutingPurpose.Unstated,
            TemperatureCelsius = TemperatureCelsius,
            HealthCode = HealthCode ?? HealthCodeColour.Unknown,
            HasPass = HasPass,
            ConfirmedByResident = ConfirmedByResident,
            HasExitApproval = HasExitApproval,
            Status = Status ?? MonitoringStatus.None,
            RefusesOrder = RefusesOrder,
            Exposure = Exposure ?? ExposureCategory.None,
            ExposureEndedAt = ExposureEndedAt,
            NegativeTestSampledAt = NegativeTestSampledAt,
            Venue = Venue ?? VenueKind.None,
        };
    }
}
