using System;
using System.Collections.Generic;
using CommunityControl.Internal;
using CommunityControl.Measures;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// What an arrival means under an edition: the exposure category its itinerary puts it in (ninth edition: a stay in a
/// high-risk area within 7 days → <see cref="ExposureCategory.ArrivedFromHighRiskArea"/>, 7 days of centralized
/// quarantine; medium → 7 days of home medical observation; low → 2 tests in 3 days), the plan, the stop that decided
/// it, and the follow-up schedule it starts (<see cref="CreateSchedule"/>).
/// </summary>
/// <remarks>
/// <para><b>The rule is the edition's data.</b> Each plan of the edition's <see cref="MeasureTable"/> with an
/// <see cref="QuarantinePlan.ArrivalFrom"/> level is an arrival rule: a stop at that level that the person left within
/// the plan's <see cref="QuarantinePlan.HistoryWindowDays"/> puts the arrival in the plan's category. Where the edition
/// gives an arrival rule no window (the twenty measures' high-risk-area spill-over: the sources state none), the caller
/// passes one; there is no default. An edition with no arrival rule (the ten measures: no checks on arrivals; Class B
/// management) puts every arrival in <see cref="ExposureCategory.None"/>.</para>
/// <para><b>Days.</b> The day the person left an area is day 1 since leaving; the stop counts while that day number on
/// the arrival's local date is at most the window (a 7-day window: day 7 counts, day 8 does not), as
/// <see cref="QuarantinePlan.HistoryWindowDays"/> defines. The follow-up's day 1 is the arrival's local date.</para>
/// <para><b>Several stops.</b> The highest level wins; between stops of one level, the one left last. A stop whose level
/// is unknown and that lies within the longest window is listed in <see cref="UnknownLevelStops"/>
/// (<see cref="NeedsInvestigation"/>): it is never read as no risk.</para>
/// <para><see cref="ToString"/> shows no id.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable; safe to share between threads.</threadsafety>
public sealed class ArrivalAssessment
{
    private ArrivalAssessment(ArrivalRecord arrival, LocalDate arrivalDate, ExposureCategory category, QuarantinePlan? plan, ItineraryStop? stop, int day, IReadOnlyList<ItineraryStop> unknown)
    {
        (Arrival, ArrivalDate, Category, Plan, Stop, DaySinceLeaving, UnknownLevelStops) = (arrival, arrivalDate, category, plan, stop, day, unknown);
    }

    /// <summary>Gets the arrival assessed.</summary>
    public ArrivalRecord Arrival { get; }

    /// <summary>Gets the arrival's local date in the community's time zone: day 1 of the follow-up.</summary>
    public LocalDate ArrivalDate { get; }

    /// <summary>Gets the exposure category; <see cref="ExposureCategory.None"/> when no arrival rule applies.</summary>
    public ExposureCategory Category { get; }

    /// <summary>Gets the edition's plan for <see cref="Category"/>; null when none applies.</summary>
    public QuarantinePlan? Plan { get; }

    /// <summary>Gets the itinerary stop that decided the category; null when none applies.</summary>
    public ItineraryStop? Stop { get; }

    /// <summary>Gets the arrival date's day number since the deciding stop was left (the day of leaving is day 1); 0 when none applies.</summary>
    public int DaySinceLeaving { get; }

    /// <summary>Gets the stops within the longest arrival window whose risk level is unknown, in itinerary order.</summary>
    public IReadOnlyList<ItineraryStop> UnknownLevelStops { get; }

    /// <summary>Gets a value indicating whether a stop of unknown level must be investigated before the arrival is cleared.</summary>
    public bool NeedsInvestigation => UnknownLevelStops.Count != 0;

    /// <summary>Assesses an arrival under an edition's measures.</summary>
    /// <param name="arrival">The arrival.</param>
    /// <param name="measures">The edition's measure table, e.g. <c>edition.Measures</c>.</param>
    /// <param name="zone">The community's time zone (the tree's), which dates the arrival.</param>
    /// <param name="historyWindowDays">The window, in days, for an arrival rule whose plan gives none (1–60); null when the
    /// edition gives every window. No default: the sources name none for those rules.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A stop ends after the arrival's date, or a stop's level is
    /// not a level of the table's scale (the message names the property); or the table has an arrival rule without a
    /// window and <paramref name="historyWindowDays"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="historyWindowDays"/> is outside 1–60.</exception>
    public static ArrivalAssessment Assess(ArrivalRecord arrival, MeasureTable measures, DateTimeZone zone, int? historyWindowDays = null)
    {
        Guard.NotNull(arrival);
        Guard.NotNull(measures);
        Guard.NotNull(zone);
        if (historyWindowDays is { } w && (w < 1 || w > 60))
        {
            throw new ArgumentOutOfRangeException(nameof(historyWindowDays), w, "The history window must be 1 to 60 days.");
        }

        var rules = Rules(measures, historyWindowDays);
        var date = arrival.ArrivedAt.InZone(zone).Date;
        var longest = 0;
        foreach (var rule in rules)
        {
            longest = Math.Max(longest, rule.Window);
        }

        Rule? best = null;
        ItineraryStop? bestStop = null;
        var bestDay = 0;
        var unknown = new List<ItineraryStop>();
        for (var i = 0; i < arrival.Itinerary.Count; i++)
        {
            var stop = arrival.Itinerary[i];
            if (stop.To > date)
            {
                throw new ArgumentException($"Itinerary[{i}].To: the day the area was left is after the arrival's date.", nameof(arrival));
            }

            var day = Period.Between(stop.To, date, PeriodUnits.Days).Days + 1;
            if (stop.Level is null)
            {
                if (day <= longest)
                {
                    unknown.Add(stop);
                }

                continue;
            }

            if (stop.Level != ItineraryStop.NoRiskArea && !measures.Scale.TryGetLevel(stop.Level, out _))
            {
                throw new ArgumentException($"Itinerary[{i}].Level: not a level of scale '{measures.Scale.Id}'.", nameof(arrival));
            }

            var rule = RuleFor(stop.Level, measures, rules);
            if (rule is not null && day <= rule.Window && (best is null || rule.Severity > best.Severity || (rule.Severity == best.Severity && day < bestDay)))
            {
                (best, bestStop, bestDay) = (rule, stop, day);
            }
        }

        return best is null
            ? new ArrivalAssessment(arrival, date, ExposureCategory.None, null, null, 0, unknown.AsReadOnly())
            : new ArrivalAssessment(arrival, date, best.Category, best.Plan, bestStop, bestDay, unknown.AsReadOnly());
    }

    /// <summary>Creates the follow-up schedule the assessment starts: the plan from the arrival's date as day 1.</summary>
    /// <returns>The schedule; null when no plan applies or the plan is test-only (e.g. 2 tests in 3 days: nothing to follow day by day).</returns>
    public FollowUpSchedule? CreateSchedule()
        => Plan is { } plan && plan.First != MonitoringStatus.None
            ? FollowUpSchedule.Create(Arrival.Person, Category, plan, ArrivalDate)
            : null;

    /// <summary>Returns the category, the day since leaving and whether a stop needs investigation; never an id or a place.</summary>
    /// <returns>E.g. <c>ArrivedFromHighRiskArea (day 7 since leaving): CentralizedQuarantine 7 d</c>.</returns>
    public override string ToString()
        => (Category == ExposureCategory.None ? "No arrival rule applies" : $"{Category} (day {DaySinceLeaving} since leaving): {Plan}")
            + (NeedsInvestigation ? $"; {UnknownLevelStops.Count} stops of unknown level to investigate" : string.Empty);

    private static List<Rule> Rules(MeasureTable measures, int? historyWindowDays)
    {
        var rules = new List<Rule>();
        foreach (var pair in measures.Plans)
        {
            if (pair.Value.ArrivalFrom is not { } level)
            {
                continue;
            }

            var window = pair.Value.HistoryWindowDays ?? historyWindowDays
                ?? throw new ArgumentException($"The edition's {pair.Key} plan is an arrival rule with no history window; pass the window your health authority sets.", nameof(historyWindowDays));
            rules.Add(new Rule(pair.Key, pair.Value, measures.Scale[level].Severity, window));
        }

        return rules;
    }

    private static Rule? RuleFor(string level, MeasureTable measures, List<Rule> rules)
    {
        if (level == ItineraryStop.NoRiskArea || !measures.Scale.TryGetLevel(level, out var found))
        {
            return null;
        }

        foreach (var rule in rules)
        {
            if (rule.Severity == found.Severity)
            {
                return rule;
            }
        }

        return null;
    }

    private sealed class Rule
    {
        public Rule(ExposureCategory category, QuarantinePlan plan, int severity, int window)
        {
            (Category, Plan, Severity, Window) = (category, plan, severity, window);
        }

        public ExposureCategory Category { get; }

        public QuarantinePlan Plan { get; }

        public int Severity { get; }

        public int Window { get; }
    }
}
