using System;
using NodaTime;

namespace CommunityControl.Risk;

/// <summary>How one day bears on a run of "N consecutive days".</summary>
internal enum DayObservation
{
    /// <summary>The day neither counts nor breaks the run (a Sunday or public holiday in a working-day count).</summary>
    Skipped = 0,

    /// <summary>The day counts: the condition held (no new infection, incidence below the threshold…).</summary>
    Counts = 1,

    /// <summary>The day breaks the run: the count starts again from zero.</summary>
    Breaks = 2,
}

/// <summary>
/// The one place where "N consecutive days" is counted. A run grows by one on each day that counts, is unchanged by a
/// skipped day and starts again on a day that breaks it; it is complete on the day the count reaches N (that day is
/// "day N"). Every rule family uses it: the step-down ladders (days without a new infection), the certification of
/// epidemic-free compounds, and the §28b thresholds (calendar days up, working days down).
/// </summary>
internal readonly struct ConsecutiveDays : IEquatable<ConsecutiveDays>
{
    private const int MaxSearchDays = 3660;

    private readonly int _count;

    private ConsecutiveDays(int count) => _count = count;

    /// <summary>Gets the number of days counted so far.</summary>
    public int Count => _count;

    /// <summary>Returns the run after one more day.</summary>
    public ConsecutiveDays Observe(DayObservation day) => day switch
    {
        DayObservation.Counts => new ConsecutiveDays(_count + 1),
        DayObservation.Breaks => default,
        _ => this,
    };

    /// <summary>Tells whether the run has reached <paramref name="days"/> days.</summary>
    public bool Reached(int days) => _count >= days;

    /// <summary>
    /// Gets "day N" of a run whose first candidate day is <paramref name="first"/>, if every day from there on counts except
    /// the skipped ones: the date on which the count reaches <paramref name="n"/>. With nothing skipped it is
    /// <paramref name="first"/> + (<paramref name="n"/> − 1) days.
    /// </summary>
    /// <param name="first">The first day that may count.</param>
    /// <param name="n">The number of days needed; at least 1.</param>
    /// <param name="isSkipped">Tells whether a day is skipped; null when no day is.</param>
    public static LocalDate NthCountedDay(LocalDate first, int n, Func<LocalDate, bool>? isSkipped)
    {
        if (n < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "At least one day must be counted.");
        }

        if (isSkipped is null)
        {
            return first.PlusDays(n - 1);
        }

        var day = first;
        var run = default(ConsecutiveDays);
        for (var guard = 0; guard < MaxSearchDays; guard++)
        {
            run = run.Observe(isSkipped(day) ? DayObservation.Skipped : DayObservation.Counts);
            if (run.Reached(n))
            {
                return day;
            }

            day = day.PlusDays(1);
        }

        throw new InvalidOperationException($"No {n} counted days within {MaxSearchDays} days from {first:uuuu'-'MM'-'dd}: the calendar skips (almost) every day.");
    }

    public bool Equals(ConsecutiveDays other) => _count == other._count;

    public override bool Equals(object? obj) => obj is ConsecutiveDays other && Equals(other);

    public override int GetHashCode() => _count;

    public override string ToString() => _count + " days";
}
