using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// One person on the community's team: a pseudonymous id, where they come from, the zone they serve, the hours and
/// days they give, what they may do, and when they join and leave.
/// </summary>
/// <remarks>
/// <para>A person serves the planning units in or under <see cref="Zone"/>, or the unit that contains it: a volunteer
/// attached to a community serves all its compounds; a building's volunteer serves that building's compound.</para>
/// <para>Nothing here is personal: <see cref="Id"/> is pseudonymous and <see cref="Tags"/> are the user's own labels
/// (e.g. <c>elderly</c>, used to set restrictions); never put a name or a phone number in either.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable once built; validated by <see cref="Workforce.Create"/>.</threadsafety>
public sealed class StaffMember
{
    private static readonly IsoDayOfWeek[] EveryDay =
    {
        IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday,
        IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday,
    };

    /// <summary>Gets the person's pseudonymous id.</summary>
    public required PersonId Id { get; init; }

    /// <summary>Gets where the person comes from.</summary>
    public required WorkforceSource Source { get; init; }

    /// <summary>Gets the zone the person serves (a community, grid, compound or building).</summary>
    public required ZoneId Zone { get; init; }

    /// <summary>Gets the paid hours a week the person gives (more than 0, at most 168).</summary>
    public required double HoursPerWeek { get; init; }

    /// <summary>Gets what the person may do.</summary>
    public required StaffingDuties Duties { get; init; }

    /// <summary>Gets what the user forbids this person, whatever <see cref="Duties"/> says (e.g. <see cref="StaffingDuties.NightGates"/> for elderly volunteers).</summary>
    /// <value><see cref="StaffingDuties.None"/>.</value>
    public StaffingDuties Restrictions { get; init; }

    /// <summary>Gets the days of the week the person is available.</summary>
    /// <value>Every day.</value>
    public IReadOnlyList<IsoDayOfWeek> AvailableDays { get; init; } = EveryDay;

    /// <summary>Gets the first day the person is available, or null (from the start).</summary>
    public LocalDate? AvailableFrom { get; init; }

    /// <summary>
    /// Gets the day the person leaves: the first day they are no longer available, or null (they stay). Required for a
    /// <see cref="WorkforceSource.DeployedCadre"/>: each deployed cadre has the date they go back to their post.
    /// </summary>
    public LocalDate? LeavesOn { get; init; }

    /// <summary>Gets the most paid hours this person works on one day, or null (only the policy's limit applies).</summary>
    public double? MaxHoursPerDay { get; init; }

    /// <summary>Gets the user's labels for the person (e.g. <c>elderly</c>); never personal data.</summary>
    /// <value>Empty.</value>
    public IReadOnlyList<string> Tags { get; init; } = Array.Empty<string>();

    /// <summary>Gets what the person may do after the restrictions: <see cref="Duties"/> without <see cref="Restrictions"/>.</summary>
    public StaffingDuties EffectiveDuties => Duties & ~Restrictions;

    /// <summary>Tells whether the person is on the team on a date (joined, not yet left, and it is one of their days).</summary>
    /// <param name="date">The date.</param>
    /// <returns>True when available.</returns>
    public bool IsAvailableOn(LocalDate date)
    {
        if ((AvailableFrom is { } from && date < from) || (LeavesOn is { } leaves && date >= leaves))
        {
            return false;
        }

        var days = AvailableDays;
        for (var i = 0; i < days.Count; i++)
        {
            if (days[i] == date.DayOfWeek)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the id and source only (nothing personal).</summary>
    /// <returns>E.g. <c>person#3fa9c2d1 (Volunteer)</c> (the id only redacted).</returns>
    public override string ToString() => $"{Id} ({Source})";

    internal StaffMember Copy(StaffingDuties restrictions) => new()
    {
        Id = Id,
        Source = Source,
        Zone = Zone,
        HoursPerWeek = HoursPerWeek,
        Duties = Duties,
        Restrictions = restrictions,
        AvailableDays = AvailableDays,
        AvailableFrom = AvailableFrom,
        LeavesOn = LeavesOn,
        MaxHoursPerDay = MaxHoursPerDay,
        Tags = Tags,
    };

    internal StaffMember Frozen() => new()
    {
        Id = Id,
        Source = Source,
        Zone = Zone,
        HoursPerWeek = HoursPerWeek,
        Duties = Duties,
        Restrictions = Restrictions,
        AvailableDays = Array.AsReadOnly(AvailableDays.Distinct().ToArray()),
        AvailableFrom = AvailableFrom,
        LeavesOn = LeavesOn,
        MaxHoursPerDay = MaxHoursPerDay,
        Tags = Array.AsReadOnly(Tags.ToArray()),
    };

    internal void Validate(int ordinal, List<string> failures)
    {
        var who = Id.IsEmpty ? $"member #{ordinal + 1}" : $"member '{Id}'";
        if (Id.IsEmpty)
        {
            failures.Add($"{who}: the id is required.");
        }

        if (Source is < WorkforceSource.CommunityWorker or > WorkforceSource.HomeownersCommitteeMember)
        {
            failures.Add($"{who}: the source is required.");
        }

        if (Zone.IsEmpty)
        {
            failures.Add($"{who}: the zone served is required.");
        }

        if (double.IsNaN(HoursPerWeek) || HoursPerWeek <= 0 || HoursPerWeek > 168)
        {
            failures.Add($"{who}: hours per week must be more than 0 and at most 168; it was {HoursPerWeek.ToString(CultureInfo.InvariantCulture)}.");
        }

        if ((Duties & ~StaffingDuties.All) != 0 || (Restrictions & ~StaffingDuties.All) != 0)
        {
            failures.Add($"{who}: duties and restrictions must be combinations of the defined duties.");
        }

        if (AvailableDays is null || AvailableDays.Any(d => d < IsoDayOfWeek.Monday || d > IsoDayOfWeek.Sunday))
        {
            failures.Add($"{who}: the available days must be days of the week.");
        }

        if (Tags is null || Tags.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{who}: tags must not be null or empty.");
        }

        if (Source == WorkforceSource.DeployedCadre && LeavesOn is null)
        {
            failures.Add($"{who}: a deployed cadre needs the date they leave (LeavesOn).");
        }

        if (AvailableFrom is { } from && LeavesOn is { } leaves && leaves < from)
        {
            failures.Add($"{who}: leaves ({leaves:uuuu'-'MM'-'dd}) before joining ({from:uuuu'-'MM'-'dd}).");
        }

        if (MaxHoursPerDay is { } max && (double.IsNaN(max) || max <= 0 || max > 24))
        {
            failures.Add($"{who}: max hours per day must be more than 0 and at most 24; it was {max.ToString(CultureInfo.InvariantCulture)}.");
        }
    }
}
