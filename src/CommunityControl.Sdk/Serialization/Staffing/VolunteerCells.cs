using System;
using System.Collections.Generic;
using CommunityControl.Staffing;
using NodaTime;

namespace CommunityControl.Serialization;

/// <summary>The cell formats of <see cref="VolunteerCsv"/>: each parser returns null (or false) for a cell it does not accept.</summary>
internal static class VolunteerCells
{
    private static readonly Dictionary<string, StaffingDuties> Duties = new(StringComparer.Ordinal)
    {
        [nameof(StaffingDuties.DayGates)] = StaffingDuties.DayGates,
        [nameof(StaffingDuties.NightGates)] = StaffingDuties.NightGates,
        [nameof(StaffingDuties.DoorToDoor)] = StaffingDuties.DoorToDoor,
        [nameof(StaffingDuties.Patrol)] = StaffingDuties.Patrol,
        [nameof(StaffingDuties.Disinfection)] = StaffingDuties.Disinfection,
        [nameof(StaffingDuties.Coordination)] = StaffingDuties.Coordination,
    };

    private static readonly Dictionary<string, IsoDayOfWeek> Days = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Mon"] = IsoDayOfWeek.Monday, ["Monday"] = IsoDayOfWeek.Monday,
        ["Tue"] = IsoDayOfWeek.Tuesday, ["Tuesday"] = IsoDayOfWeek.Tuesday,
        ["Wed"] = IsoDayOfWeek.Wednesday, ["Wednesday"] = IsoDayOfWeek.Wednesday,
        ["Thu"] = IsoDayOfWeek.Thursday, ["Thursday"] = IsoDayOfWeek.Thursday,
        ["Fri"] = IsoDayOfWeek.Friday, ["Friday"] = IsoDayOfWeek.Friday,
        ["Sat"] = IsoDayOfWeek.Saturday, ["Saturday"] = IsoDayOfWeek.Saturday,
        ["Sun"] = IsoDayOfWeek.Sunday, ["Sunday"] = IsoDayOfWeek.Sunday,
    };

    private static readonly Dictionary<string, VolunteerAgeBand> Bands = new(StringComparer.Ordinal)
    {
        ["18-29"] = VolunteerAgeBand.From18To29, [nameof(VolunteerAgeBand.From18To29)] = VolunteerAgeBand.From18To29,
        ["30-44"] = VolunteerAgeBand.From30To44, [nameof(VolunteerAgeBand.From30To44)] = VolunteerAgeBand.From30To44,
        ["45-59"] = VolunteerAgeBand.From45To59, [nameof(VolunteerAgeBand.From45To59)] = VolunteerAgeBand.From45To59,
        ["60-69"] = VolunteerAgeBand.From60To69, [nameof(VolunteerAgeBand.From60To69)] = VolunteerAgeBand.From60To69,
        ["70+"] = VolunteerAgeBand.From70, [nameof(VolunteerAgeBand.From70)] = VolunteerAgeBand.From70,
    };

    public static StaffingDuties? Abilities(string? cell)
    {
        if (string.IsNullOrEmpty(cell))
        {
            return null;
        }

        var duties = StaffingDuties.None;
        foreach (var part in cell!.Split('|'))
        {
            if (!Duties.TryGetValue(part.Trim(), out var duty))
            {
                return null;
            }

            duties |= duty;
        }

        return duties;
    }

    /// <summary>Fills <paramref name="windows"/> from e.g. <c>Mon 08:00-16:00;Sat 20:00-08:00</c>; false when any part is not a window.</summary>
    public static bool Availability(string? cell, List<AvailabilityWindow> windows)
    {
        windows.Clear();
        if (string.IsNullOrEmpty(cell))
        {
            return false;
        }

        foreach (var raw in cell!.Split(';'))
        {
            var part = raw.Trim();
            var space = part.IndexOf(' ');
            var dash = part.IndexOf('-');
            if (space <= 0 || dash < space || !Days.TryGetValue(part.Substring(0, space), out var day)
                || Time(part.Substring(space + 1, dash - space - 1).Trim(), allow24: false) is not { } start
                || Time(part.Substring(dash + 1).Trim(), allow24: true) is not { } end)
            {
                return false;
            }

            windows.Add(new AvailabilityWindow(day, start, end));
        }

        return true;
    }

    public static VolunteerAgeBand? AgeBand(string? cell) => cell is not null && Bands.TryGetValue(cell, out var band) ? band : null;

    public static bool? YesNo(string? cell) => cell switch
    {
        "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "是" => true,
        "no" or "No" or "NO" or "false" or "False" or "FALSE" or "否" => false,
        _ => null,
    };

    /// <summary>HH:mm (00:00 to 23:59; 24:00 too when <paramref name="allow24"/>, as midnight).</summary>
    private static LocalTime? Time(string text, bool allow24)
    {
        if (text.Length != 5 || text[2] != ':' || !Digit(text[0]) || !Digit(text[1]) || !Digit(text[3]) || !Digit(text[4]))
        {
            return null;
        }

        var hour = ((text[0] - '0') * 10) + (text[1] - '0');
        var minute = ((text[3] - '0') * 10) + (text[4] - '0');
        if (allow24 && hour == 24 && minute == 0)
        {
            return LocalTime.Midnight;
        }

        return hour < 24 && minute < 60 ? new LocalTime(hour, minute) : null;
    }

    private static bool Digit(char c) => c is >= '0' and <= '9';
}
