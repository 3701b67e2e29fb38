using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Risk;

/// <summary>
/// The public holidays an evaluation needs, e.g. to count "working days" under Germany's §28b (Sundays and public
/// holidays are skipped). Holiday calendars differ by region, so each holiday may be scoped to a zone. An input, never
/// built in: a rule that counts working days without a calendar says "insufficient data".
/// </summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class HolidayCalendar
{
    private readonly Dictionary<LocalDate, ZoneId[]> _byDate;

    private HolidayCalendar(PublicHoliday[] holidays)
    {
        Holidays = Array.AsReadOnly(holidays);
        _byDate = holidays.GroupBy(h => h.Date).ToDictionary(g => g.Key, g => g.Select(h => h.Scope).Distinct().ToArray());
    }

    /// <summary>Gets a calendar without holidays (a statement that there are none, not a missing calendar).</summary>
    public static HolidayCalendar Empty { get; } = new(Array.Empty<PublicHoliday>());

    /// <summary>Gets the holidays, in the order given.</summary>
    public IReadOnlyList<PublicHoliday> Holidays { get; }

    /// <summary>Creates a calendar.</summary>
    /// <param name="holidays">The holidays.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="holidays"/> or one of them is null.</exception>
    public static HolidayCalendar Create(IEnumerable<PublicHoliday> holidays)
    {
        var array = Guard.NotNull(holidays).ToArray();
        if (Array.IndexOf(array, null) >= 0)
        {
            throw new ArgumentNullException(nameof(holidays), "A holiday is null.");
        }

        return new HolidayCalendar(array);
    }

    /// <summary>Returns a calendar with one more holiday.</summary>
    /// <param name="date">The date.</param>
    /// <param name="scope">The zone it applies to (with its subtree), or <c>default</c> for everywhere.</param>
    /// <param name="name">The holiday's name.</param>
    /// <returns>A new calendar; this one is unchanged.</returns>
    public HolidayCalendar With(LocalDate date, ZoneId scope = default, string? name = null)
        => new(Holidays.Concat(new[] { new PublicHoliday { Date = date, Scope = scope, Name = name } }).ToArray());

    /// <summary>Tells whether a date is a public holiday in a zone.</summary>
    /// <param name="tree">The tree the zone belongs to.</param>
    /// <param name="zoneIndex">The zone's dense index.</param>
    /// <param name="date">The date.</param>
    /// <returns>True when a holiday on that date applies everywhere, to the zone, or to one of its ancestors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tree"/> is null.</exception>
    public bool IsHoliday(ZoneTree tree, int zoneIndex, LocalDate date)
    {
        Guard.NotNull(tree);
        if (!_byDate.TryGetValue(date, out var scopes))
        {
            return false;
        }

        foreach (var scope in scopes)
        {
            if (scope.IsEmpty)
            {
                return true;
            }

            var scopeIndex = tree.IndexOf(scope);
            if (scopeIndex >= 0 && zoneIndex >= scopeIndex && zoneIndex < tree.SubtreeEnd(scopeIndex))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the number of holidays.</summary>
    /// <returns>E.g. <c>HolidayCalendar (12 holidays)</c>.</returns>
    public override string ToString() => $"HolidayCalendar ({Holidays.Count} holidays)";
}
