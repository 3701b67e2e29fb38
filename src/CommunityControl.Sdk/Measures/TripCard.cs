using System;
using System.Collections.Generic;
using NodaTime;

namespace CommunityControl.Measures;

/// <summary>
/// The itinerary card's rules over time (cn-policy §5, §6.11 [S36]): a domestic city is recorded when the phone stayed
/// there at least 4 hours; the card looked back 14 days until 2022-07-07 and 7 days from 2022-07-08; risk cities were
/// red until 2021-01-07, starred until 2022-06-28 and unmarked after; the service went offline on 2022-12-13 at 00:00.
/// A host uses it to decide whether a traveller's history falls in an edition's window.
/// </summary>
/// <remarks>
/// The launch date, 2020-03-06, is from a grade-C source; the exact start of the star in 2021 is UNCONFIRMED (2021-01-08
/// is when red marking ended), so the star period starts on that date. Sources are grade B/C.
/// </remarks>
/// <threadsafety static="true" instance="true"/>
internal static class TripCard
{
    private static readonly TripCardPeriod[] PeriodArray =
    {
        new(new LocalDate(2020, 3, 6), new LocalDate(2021, 1, 7), 14, TripCardMarking.RiskCityRed),
        new(new LocalDate(2021, 1, 8), new LocalDate(2022, 6, 28), 14, TripCardMarking.Star),
        new(new LocalDate(2022, 6, 29), new LocalDate(2022, 7, 7), 14, TripCardMarking.Unmarked),
        new(new LocalDate(2022, 7, 8), new LocalDate(2022, 12, 12), 7, TripCardMarking.Unmarked),
    };

    /// <summary>Gets the shortest stay for which a domestic city is recorded: 4 hours.</summary>
    public static Duration MinimumStay { get; } = Duration.FromHours(4);

    /// <summary>Gets the first day the service was offline: 2022-12-13.</summary>
    public static LocalDate OfflineFrom { get; } = new(2022, 12, 13);

    /// <summary>Gets the periods of the card's rules, in date order.</summary>
    public static IReadOnlyList<TripCardPeriod> Periods { get; } = Array.AsReadOnly(PeriodArray);

    /// <summary>Gets the rules in force on a date.</summary>
    /// <param name="date">The local date.</param>
    /// <param name="period">The period, or null before the launch or from the day the service went offline.</param>
    /// <returns>True when the card was in service.</returns>
    public static bool TryGetPeriod(LocalDate date, out TripCardPeriod? period)
    {
        foreach (var p in PeriodArray)
        {
            if (date >= p.From && date <= p.To)
            {
                period = p;
                return true;
            }
        }

        period = null;
        return false;
    }

    /// <summary>Tells whether a stay in a domestic city is long enough to be recorded (at least 4 hours).</summary>
    /// <param name="stay">How long the phone stayed in the city.</param>
    /// <returns>True at 4:00 h or more.</returns>
    public static bool RecordsStay(Duration stay) => stay >= MinimumStay;
}

/// <summary>One period of the itinerary card's rules.</summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
internal sealed class TripCardPeriod
{
    internal TripCardPeriod(LocalDate from, LocalDate to, int windowDays, TripCardMarking marking)
    {
        From = from;
        To = to;
        WindowDays = windowDays;
        Marking = marking;
    }

    /// <summary>Gets the first day of the period.</summary>
    public LocalDate From { get; }

    /// <summary>Gets the last day of the period (inclusive).</summary>
    public LocalDate To { get; }

    /// <summary>Gets how many days the card looked back.</summary>
    public int WindowDays { get; }

    /// <summary>Gets how cities with risk areas were marked.</summary>
    public TripCardMarking Marking { get; }

    /// <summary>Returns the dates, window and marking.</summary>
    /// <returns>E.g. <c>2022-07-08..2022-12-12: 7 d, Unmarked</c>.</returns>
    public override string ToString() => $"{From:uuuu-MM-dd}..{To:uuuu-MM-dd}: {WindowDays} d, {Marking}";
}
