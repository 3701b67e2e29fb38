using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// A person a roster may give shifts to: a pseudonymous id, a home zone, abilities, weekly availability windows, whether
/// night shifts are allowed, and the hours a week they offer (beyond which hours are overtime) and may be given at most.
/// </summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class RosterCandidate
{
    private readonly (int From, int To)[] _spans;

    private static readonly IsoDayOfWeek[] Week =
    {
        IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday,
        IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday,
    };

    /// <summary>Creates a candidate.</summary>
    /// <param name="id">The person's pseudonymous id.</param>
    /// <param name="homeZone">The zone they live in; the roster prefers posts near it (distance in the zone tree).</param>
    /// <param name="abilities">The duties they can do; at least one.</param>
    /// <param name="availability">When they can work; at least one window. A shift is given only inside their
    /// availability: windows that touch or overlap join (all Monday and all Tuesday cover Monday 20:00 to Tuesday 04:00).</param>
    /// <param name="nightShiftsAllowed">Whether they may be given night shifts.</param>
    /// <param name="contractedHoursPerWeek">The hours a week they offer; hours beyond are overtime.</param>
    /// <param name="maxHoursPerWeek">The most hours a week they may be given (a hard limit); at least <paramref name="contractedHoursPerWeek"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="homeZone"/> is empty, or <paramref name="availability"/> holds a default window.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="availability"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="abilities"/> is none or undefined, <paramref name="availability"/> is empty,
    /// or an hour count is negative, not finite, over 168, or the maximum is below the contracted hours.</exception>
    public RosterCandidate(PersonId id, ZoneId homeZone, StaffingDuties abilities, IEnumerable<AvailabilityWindow> availability, bool nightShiftsAllowed, double contractedHoursPerWeek, double maxHoursPerWeek)
    {
        if (id.IsEmpty)
        {
            throw new ArgumentException("The candidate's id is required.", nameof(id));
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

        Guard.InRange(contractedHoursPerWeek, 0, 168);
        Guard.InRange(maxHoursPerWeek, 0, 168);
        if (maxHoursPerWeek < contractedHoursPerWeek)
        {
            throw new ArgumentOutOfRangeException(nameof(maxHoursPerWeek), "The maximum hours a week must not be below the contracted hours.");
        }

        Id = id;
        HomeZone = homeZone;
        Abilities = abilities;
        Availability = Array.AsReadOnly(windows);
        _spans = Spans(windows);
        NightShiftsAllowed = nightShiftsAllowed;
        ContractedHoursPerWeek = contractedHoursPerWeek;
        MaxHoursPerWeek = maxHoursPerWeek;
        ContractedMinutes = (int)Math.Round(contractedHoursPerWeek * 60);
        MaxMinutes = (int)Math.Round(maxHoursPerWeek * 60);
    }

    /// <summary>Gets the person's pseudonymous id.</summary>
    public PersonId Id { get; }

    /// <summary>Gets the zone the person lives in.</summary>
    public ZoneId HomeZone { get; }

    /// <summary>Gets the duties the person can do.</summary>
    public StaffingDuties Abilities { get; }

    /// <summary>Gets when the person can work (distinct windows).</summary>
    public IReadOnlyList<AvailabilityWindow> Availability { get; }

    /// <summary>Gets a value indicating whether the person may be given night shifts.</summary>
    public bool NightShiftsAllowed { get; }

    /// <summary>Gets the hours a week the person offers; hours beyond are overtime.</summary>
    public double ContractedHoursPerWeek { get; }

    /// <summary>Gets the most hours a week the person may be given.</summary>
    public double MaxHoursPerWeek { get; }

    internal int ContractedMinutes { get; }

    internal int MaxMinutes { get; }

    /// <summary>
    /// Makes a staff member a candidate: their effective duties (duties less restrictions), every minute of their available
    /// days, night shifts when night gates are among their effective duties, and their hours a week as contracted hours.
    /// </summary>
    /// <param name="member">The staff member.</param>
    /// <param name="maxHoursPerWeek">The most hours a week they may be given; at least their hours per week.</param>
    /// <returns>The candidate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="member"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The member has no effective duties, or <paramref name="maxHoursPerWeek"/> is out of range or below their hours per week.</exception>
    public static RosterCandidate FromStaffMember(StaffMember member, double maxHoursPerWeek)
    {
        Guard.NotNull(member);
        var days = member.AvailableDays.Count == 0 ? Week : member.AvailableDays.Distinct();
        var windows = days.Select(d => new AvailabilityWindow(d, LocalTime.Midnight, LocalTime.Midnight));
        var duties = member.EffectiveDuties;
        return new RosterCandidate(member.Id, member.Zone, duties, windows, (duties & StaffingDuties.NightGates) != 0, member.HoursPerWeek, maxHoursPerWeek);
    }

    /// <summary>Returns the id and hours (no other personal data).</summary>
    /// <returns>E.g. <c>vol-0042 (25/40 h)</c>.</returns>
    public override string ToString()
        => string.Format(CultureInfo.InvariantCulture, "{0} ({1:0.##}/{2:0.##} h)", Id, ContractedHoursPerWeek, MaxHoursPerWeek);

    internal bool IsAvailable(int startMinuteOfWeek, int lengthMinutes)
    {
        foreach (var (from, to) in _spans)
        {
            if (from <= startMinuteOfWeek && startMinuteOfWeek + lengthMinutes <= to)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The windows as minute-of-week spans, joined where they touch or overlap, repeated a week before and after (for work across Sunday midnight).</summary>
    private static (int From, int To)[] Spans(IReadOnlyList<AvailabilityWindow> windows)
    {
        const int MinutesPerWeek = 7 * 24 * 60;
        var raw = new List<(int From, int To)>();
        foreach (var w in windows)
        {
            var from = AvailabilityWindow.MinuteOfWeek(new LocalDate(2024, 1, 1).PlusDays((int)w.Day - 1).At(w.Start)); // 2024-01-01 is a Monday
            var length = (int)w.Length.TotalMinutes;
            for (var shift = -MinutesPerWeek; shift <= MinutesPerWeek; shift += MinutesPerWeek)
            {
                raw.Add((from + shift, from + shift + length));
            }
        }

        raw.Sort();
        var merged = new List<(int From, int To)>();
        foreach (var span in raw)
        {
            if (merged.Count > 0 && span.From <= merged[merged.Count - 1].To)
            {
                merged[merged.Count - 1] = (merged[merged.Count - 1].From, Math.Max(merged[merged.Count - 1].To, span.To));
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged.ToArray();
    }

    internal RosterCandidate WithId(PersonId id)
        => new(id, HomeZone, Abilities, Availability, NightShiftsAllowed, ContractedHoursPerWeek, MaxHoursPerWeek);
}
