using System;
using System.Collections.Generic;
using CommunityControl.Risk;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>Which days count as overtime days for a <see cref="SubsidyStatement"/>: rest days, holidays, and days worked beyond regular hours.</summary>
/// <remarks>No default: rest days, holidays and regular hours are the employer's and the year's; empty means none.</remarks>
/// <threadsafety static="true" instance="true">Immutable once built.</threadsafety>
public sealed class SubsidyCalendar
{
    private readonly IReadOnlyList<IsoDayOfWeek> _restDays = Array.AsReadOnly(Array.Empty<IsoDayOfWeek>());

    /// <summary>Gets a calendar with no rest days, no holidays and no regular-hours limit.</summary>
    public static SubsidyCalendar None { get; } = new();

    /// <summary>Gets the weekly rest days (e.g. Saturday and Sunday).</summary>
    /// <remarks>The list given is copied: changing it afterwards does not change the calendar.</remarks>
    public IReadOnlyList<IsoDayOfWeek> RestDays
    {
        get => _restDays;
        init => _restDays = value is null || value.Count == 0 ? Array.AsReadOnly(Array.Empty<IsoDayOfWeek>()) : Array.AsReadOnly(System.Linq.Enumerable.ToArray(value));
    }

    /// <summary>
    /// Gets the public holidays: the same <see cref="HolidayCalendar"/> a risk evaluation takes, so a holiday may be scoped
    /// to a zone (it applies to the days worked in that zone or below it).
    /// </summary>
    public HolidayCalendar Holidays { get; init; } = HolidayCalendar.Empty;

    /// <summary>Gets the regular paid hours per day; a day worked beyond them is an overtime day. Null: hours never make a day overtime.</summary>
    public double? RegularHoursPerDay { get; init; }
}
