using System;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// One place of an arrival's itinerary (行程): an area the person stayed in, from which day to the day they left it, and
/// the area's risk level on those days when known.
/// </summary>
/// <remarks>
/// <para><see cref="Place"/> is a code (e.g. the administrative division code of the county or the risk area's code as
/// published), never free text. <see cref="Level"/> is a level code of the edition's scale (e.g. <c>High</c>,
/// <c>Medium</c>, <c>Low</c>); <c>None</c> for an area with no risk designation (常态化); null when unknown, which
/// <see cref="ArrivalAssessment"/> reports for investigation and never reads as no risk.</para>
/// <para>A stop is checked as it is built, as <see cref="ArrivalRecord"/> is: a value not allowed throws
/// <see cref="ArgumentException"/> naming the property (<see cref="ArgumentException.ParamName"/>), never the value.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable once initialized; safe to share between threads.</threadsafety>
public sealed class ItineraryStop
{
    /// <summary>The <see cref="Level"/> of an area with no risk designation.</summary>
    public const string NoRiskArea = "None";

    private readonly string _place = string.Empty;
    private readonly LocalDate _from;
    private readonly LocalDate _to;
    private readonly string? _level;
    private readonly bool _fromSet;
    private readonly bool _toSet;

    /// <summary>Gets the area's code: 1–128 ASCII letters, digits and <c>- _ . :</c>.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    /// <exception cref="ArgumentException">Set to an empty or too long code, or one with a character not allowed (the
    /// message gives the position, never the code).</exception>
    public required string Place
    {
        get => _place;
        init => _place = RecordKey.Check(value, nameof(Place));
    }

    /// <summary>Gets the first day of the stay, in the ISO calendar.</summary>
    /// <exception cref="ArgumentException">Set to a day of another calendar system (<see cref="ArgumentException.ParamName"/>
    /// <c>From</c>), or set after <see cref="To"/> to a later day (<see cref="ArgumentException.ParamName"/>
    /// <c>To</c>).</exception>
    public required LocalDate From
    {
        get => _from;
        init
        {
            _from = IsoDay(value, nameof(From));
            _fromSet = true;
            CheckDays();
        }
    }

    /// <summary>Gets the day the person left the area (day 1 when counting the days since leaving); on or after <see cref="From"/>.</summary>
    /// <exception cref="ArgumentException">Before <see cref="From"/> (whichever of the two is set first), or a day of a
    /// calendar system other than ISO (<see cref="ArgumentException.ParamName"/> <c>To</c>).</exception>
    public required LocalDate To
    {
        get => _to;
        init
        {
            _to = IsoDay(value, nameof(To));
            _toSet = true;
            CheckDays();
        }
    }

    /// <summary>Gets the area's risk level code during the stay; <see cref="NoRiskArea"/> for none; null when unknown.</summary>
    /// <value>The default is null (unknown).</value>
    /// <exception cref="ArgumentException">Set to the empty string (use null for unknown), or to a code longer than 128
    /// characters or with a character other than ASCII letters, digits and <c>- _ . :</c> (the message gives the position,
    /// never the code).</exception>
    public string? Level
    {
        get => _level;
        init => _level = value is { Length: 0 }
            ? throw new ArgumentException("The Level must not be empty; use null for unknown.", nameof(Level))
            : RecordKey.CheckOptional(value, nameof(Level));
    }

    /// <summary>Returns the place, dates and level (a place is an area's code, not a person's).</summary>
    /// <returns>E.g. <c>310104 2022-07-01..2022-07-03 (High)</c>.</returns>
    public override string ToString() => $"{Place} {From:uuuu'-'MM'-'dd}..{To:uuuu'-'MM'-'dd} ({Level ?? "level unknown"})";

    // Days of two calendars cannot be compared, and a store keeps ISO dates: another calendar is refused, not converted.
    private static LocalDate IsoDay(LocalDate value, string property)
        => value.Calendar == CalendarSystem.Iso
            ? value
            : throw new ArgumentException($"The {property} day must be in the ISO calendar; convert it with WithCalendar(CalendarSystem.Iso).", property);

    // Both days are required, so the check runs when the second of them is set, whatever the initializer's order.
    private void CheckDays()
    {
        if (_fromSet && _toSet && _to < _from)
        {
            throw new ArgumentException("The To day (the day the area was left) must not be before the From day (the first day of the stay).", nameof(To));
        }
    }
}
