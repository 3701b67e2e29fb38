using System;
using System.Globalization;
using NodaTime;

namespace CommunityControl.Editions;

/// <summary>
/// A date as precise as the sources give it: a day (<c>2022-06-28</c>), only a month (<c>2020-03</c>: the day is
/// UNCONFIRMED) or only a year (<c>2021</c>).
/// </summary>
/// <threadsafety static="true" instance="true"/>
public readonly struct EditionDate : IEquatable<EditionDate>
{
    private EditionDate(int year, int? month, int? day)
    {
        Year = year;
        Month = month;
        Day = day;
    }

    /// <summary>Gets the year.</summary>
    public int Year { get; }

    /// <summary>Gets the month, or null when only the year is known.</summary>
    public int? Month { get; }

    /// <summary>Gets the day of the month, or null when it is not known.</summary>
    public int? Day { get; }

    /// <summary>Gets a value indicating whether the day is known.</summary>
    public bool IsExact => Day is not null;

    /// <summary>Gets the first day the date may be.</summary>
    public LocalDate EarliestDay => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>Gets the last day the date may be.</summary>
    public LocalDate LatestDay
    {
        get
        {
            if (Day is { } d)
            {
                return new LocalDate(Year, Month!.Value, d);
            }

            var month = Month ?? 12;
            return new LocalDate(Year, month, CalendarSystem.Iso.GetDaysInMonth(Year, month));
        }
    }

    /// <summary>Creates an exact date.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The date.</returns>
    public static EditionDate FromDate(LocalDate date) => new(date.Year, date.Month, date.Day);

    /// <summary>Parses <c>uuuu-MM-dd</c>, <c>uuuu-MM</c> or <c>uuuu</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="date">The date.</param>
    /// <returns>True when the text is a valid date of one of the three forms.</returns>
    public static bool TryParse(string? text, out EditionDate date)
    {
        date = default;
        if (text is null)
        {
            return false;
        }

        var parts = text.Split('-');
        if (parts.Length > 3 || parts[0].Length != 4 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1900)
        {
            return false;
        }

        int? month = null, day = null;
        if (parts.Length >= 2)
        {
            if (parts[1].Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m < 1 || m > 12)
            {
                return false;
            }

            month = m;
        }

        if (parts.Length == 3)
        {
            if (parts[2].Length != 2 || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var dd) || dd < 1 || dd > CalendarSystem.Iso.GetDaysInMonth(year, month!.Value))
            {
                return false;
            }

            day = dd;
        }

        date = new EditionDate(year, month, day);
        return true;
    }

    /// <inheritdoc/>
    public bool Equals(EditionDate other) => Year == other.Year && Month == other.Month && Day == other.Day;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EditionDate other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => unchecked((Year * 400) + ((Month ?? 0) * 32) + (Day ?? 0));

    /// <summary>Formats the date as precisely as it is known.</summary>
    /// <returns><c>2022-06-28</c>, <c>2020-03</c> or <c>2021</c>.</returns>
    public override string ToString()
        => Year.ToString("0000", CultureInfo.InvariantCulture)
        + (Month is { } m ? "-" + m.ToString("00", CultureInfo.InvariantCulture) : string.Empty)
        + (Day is { } d ? "-" + d.ToString("00", CultureInfo.InvariantCulture) : string.Empty);

    /// <summary>Compares two dates for equality.</summary>
    /// <param name="left">The first date.</param>
    /// <param name="right">The second date.</param>
    /// <returns>True when both are equally precise and equal.</returns>
    public static bool operator ==(EditionDate left, EditionDate right) => left.Equals(right);

    /// <summary>Compares two dates for inequality.</summary>
    /// <param name="left">The first date.</param>
    /// <param name="right">The second date.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(EditionDate left, EditionDate right) => !left.Equals(right);
}
