using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CommunityControl.Internal;
using CommunityControl.Zones;

namespace CommunityControl.Staffing;

/// <summary>
/// A volunteer's sign-up: a pseudonymous id, the home zone, what they can do, when they can work, an age band (never a
/// birth date) and whether they declared themselves healthy. Where it stands (vetted, rostered …) is kept by a
/// <see cref="VolunteerRoster"/>.
/// </summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class VolunteerSignUp
{
    /// <summary>Creates a sign-up.</summary>
    /// <param name="id">The volunteer's pseudonymous id.</param>
    /// <param name="homeZone">The zone they live in (the roster prefers posts near it).</param>
    /// <param name="abilities">The duties they can do; at least one.</param>
    /// <param name="availability">When they can work, by weekday and time of day; at least one window.</param>
    /// <param name="ageBand">Their age band.</param>
    /// <param name="healthDeclared">Whether they declared themselves healthy (no fever or respiratory symptoms, not
    /// under quarantine or health monitoring); a sign-up without it cannot be vetted.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="homeZone"/> is empty, or
    /// <paramref name="availability"/> holds a default window.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="availability"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="abilities"/> is none or not a combination of the
    /// defined duties, <paramref name="availability"/> is empty, or <paramref name="ageBand"/> is not a defined band.</exception>
    public VolunteerSignUp(PersonId id, ZoneId homeZone, StaffingDuties abilities, IEnumerable<AvailabilityWindow> availability, VolunteerAgeBand ageBand, bool healthDeclared)
    {
        if (id.IsEmpty)
        {
            throw new ArgumentException("The volunteer's id is required.", nameof(id));
        }

        if (homeZone.IsEmpty)
        {
            throw new ArgumentException("The home zone is required.", nameof(homeZone));
        }

        if (abilities == StaffingDuties.None || (abilities & ~StaffingDuties.All) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(abilities), "The abilities must be one or more of the defined duties.");
        }

        var windows = Guard.NotNull(availability).Select(w => AvailabilityWindow.Checked(w, nameof(availability))).Distinct().ToArray();
        if (windows.Length == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(availability), "At least one availability window is required.");
        }

        if (ageBand is < VolunteerAgeBand.From18To29 or > VolunteerAgeBand.From70)
        {
            throw new ArgumentOutOfRangeException(nameof(ageBand), "The age band must be one of the defined bands.");
        }

        Id = id;
        HomeZone = homeZone;
        Abilities = abilities;
        Availability = Array.AsReadOnly(windows);
        AgeBand = ageBand;
        HealthDeclared = healthDeclared;
    }

    /// <summary>Gets the volunteer's pseudonymous id.</summary>
    public PersonId Id { get; }

    /// <summary>Gets the zone the volunteer lives in.</summary>
    public ZoneId HomeZone { get; }

    /// <summary>Gets the duties the volunteer can do.</summary>
    public StaffingDuties Abilities { get; }

    /// <summary>Gets when the volunteer can work (distinct windows, in the order given).</summary>
    public IReadOnlyList<AvailabilityWindow> Availability { get; }

    /// <summary>Gets the volunteer's age band.</summary>
    public VolunteerAgeBand AgeBand { get; }

    /// <summary>Gets a value indicating whether the volunteer declared themselves healthy.</summary>
    public bool HealthDeclared { get; }

    /// <summary>
    /// Makes the volunteer a roster candidate.
    /// </summary>
    /// <param name="oldestBandForNights">The oldest age band still given night shifts (e.g. <see cref="VolunteerAgeBand.From45To59"/>
    /// to keep those 60 and over off night gates); null for no age limit. No default is set: no national rule names one.</param>
    /// <param name="contractedHoursPerWeek">The hours a week the volunteer offered; hours beyond count as overtime.</param>
    /// <param name="maxHoursPerWeek">The most hours a week the volunteer may be given; at least <paramref name="contractedHoursPerWeek"/>.</param>
    /// <returns>The candidate, with the volunteer's id, home zone, abilities and availability.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An hour count is negative, not finite, over 168, or the maximum is below the contracted hours.</exception>
    public RosterCandidate ToCandidate(VolunteerAgeBand? oldestBandForNights, double contractedHoursPerWeek, double maxHoursPerWeek)
        => new(Id, HomeZone, Abilities, Availability, oldestBandForNights is not { } oldest || AgeBand <= oldest, contractedHoursPerWeek, maxHoursPerWeek);

    /// <summary>Returns the id and age band (no other personal data).</summary>
    /// <returns>E.g. <c>vol-0042 (From60To69)</c>.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} ({1})", Id, AgeBand);
}
