using System.Globalization;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>A deployed cadre who leaves during the period.</summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public readonly struct Departure
{
    internal Departure(PersonId person, ZoneId zone, LocalDate leavesOn, double hoursWorked, double hoursTheyWouldHaveWorked)
    {
        Person = person;
        Zone = zone;
        LeavesOn = leavesOn;
        PersonHoursWorked = hoursWorked;
        PersonHoursLost = hoursTheyWouldHaveWorked;
    }

    /// <summary>Gets the cadre.</summary>
    public PersonId Person { get; }

    /// <summary>Gets the zone they served.</summary>
    public ZoneId Zone { get; }

    /// <summary>Gets the first day they are gone.</summary>
    public LocalDate LeavesOn { get; }

    /// <summary>Gets the paid hours they worked in the plan before leaving.</summary>
    public double PersonHoursWorked { get; }

    /// <summary>Gets the paid hours they would have worked from their leaving date had they stayed.</summary>
    public double PersonHoursLost { get; }

    /// <summary>Returns e.g. <c>person#3fa9c2d1 leaves 2020-02-24 (98 h worked, 147 h lost)</c> (the id only redacted).</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} leaves {1:uuuu'-'MM'-'dd} ({2:0.##} h worked, {3:0.##} h lost)", Person, LeavesOn, PersonHoursWorked, PersonHoursLost);
}
