using System.Globalization;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>One planned shift of one person on an <see cref="AttendanceSheet"/>: the hours planned and the hours the clock records show.</summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public readonly struct AttendedShift
{
    internal AttendedShift(ShiftAssignment assignment, double actualHours, bool missingClockOut)
    {
        Assignment = assignment;
        ActualHours = actualHours;
        MissingClockOut = missingClockOut;
    }

    /// <summary>Gets the planned assignment.</summary>
    public ShiftAssignment Assignment { get; }

    /// <summary>Gets the person.</summary>
    public PersonId Person => Assignment.Person;

    /// <summary>Gets the day the shift starts on (a shift past midnight belongs to that day).</summary>
    public LocalDate Date => Assignment.Date;

    /// <summary>Gets the planning unit.</summary>
    public ZoneId Zone => Assignment.Zone;

    /// <summary>Gets the planned paid hours (the shift's length plus the handover).</summary>
    public double PlannedHours => Assignment.PaidHours;

    /// <summary>Gets the hours worked in the shift's paid window by complete clock-in/clock-out sessions; never more than <see cref="PlannedHours"/>.</summary>
    public double ActualHours { get; }

    /// <summary>Gets a value indicating whether a clock-in in the shift's window has no clock-out (its time is not counted).</summary>
    public bool MissingClockOut { get; }

    /// <summary>Gets a value indicating whether the shift was worked: some hours were counted.</summary>
    public bool IsWorked => ActualHours > 0;

    /// <summary>Returns e.g. <c>person#3fa9c2d1: 2020-02-14 Night Gate at 500101-001-01: 12.25 of 12.25 h</c> (the id only redacted).</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
        => string.Format(CultureInfo.InvariantCulture, "{0}: {1:uuuu'-'MM'-'dd} {2} {3} at {4}: {5:0.##} of {6:0.##} h{7}", Person, Date, Assignment.Shift.Name, Assignment.Role, Zone, ActualHours, PlannedHours, MissingClockOut ? " (clock-out missing)" : string.Empty);
}
