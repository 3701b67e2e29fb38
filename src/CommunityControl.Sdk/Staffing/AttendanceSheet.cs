using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Internal;
using CommunityControl.Risk;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// Who actually worked: the clock-ins and clock-outs of an <see cref="IAttendanceStore"/> set against the shifts a
/// <see cref="StaffingPlan"/> gave, with planned and actual hours, and the subsidies owed for the days actually worked.
/// </summary>
/// <remarks>
/// <para>The rules, applied to each person's records in instant order (a clock-in before a clock-out at the same instant):</para>
/// <list type="bullet">
/// <item><description><b>Sessions.</b> A clock-in opens a session; the last clock-out before the next clock-in closes it.
/// No session lasts longer than the longest session given: by default the longest paid shift of the plan's pattern (its
/// length plus the handover) plus <see cref="SessionTolerance"/> (4 hours, for arriving early and staying late); a
/// caller whose workers may stay longer passes a longer limit.</description></item>
/// <item><description><b>Overlapping records.</b> A second clock-in while a session is open and within that longest length is a
/// repeat (a double tap, a second device): the session keeps its first clock-in. Several clock-outs: the last one closes
/// the session. Repeats are counted in <see cref="RepeatedRecords"/>; nothing is counted twice.</description></item>
/// <item><description><b>Missing clock-out.</b> A session with no clock-out within that length counts no hours: it is
/// flagged on the shift it falls in (<see cref="AttendedShift.MissingClockOut"/>) and counted in
/// <see cref="MissingClockOuts"/>. A clock-out with no open session, or later than that length, is stray and ignored
/// (<see cref="StrayClockOuts"/>). A correction is a new clock-out record with the true instant and its own key.</description></item>
/// <item><description><b>Hours.</b> A shift's paid window runs from its start, in <see cref="TimeZone"/>, for its length plus
/// the handover. Its actual hours are the session time inside the window, each instant credited to one shift at most;
/// time outside every window is <see cref="UnplannedHours"/> and is not paid (a subsidy by level needs the zone the plan names).</description></item>
/// <item><description><b>Midnight.</b> A shift past midnight belongs to the day it starts on, as in the plan; its hours after
/// midnight are counted for that day.</description></item>
/// <item><description><b>Subsidies.</b> A day worked is a day with at least one worked shift (<see cref="AttendedShift.IsWorked"/>).
/// The policy is applied to those days only, as <see cref="SubsidyStatement.Calculate"/> applies it to planned days: the
/// level of the highest zone worked that day, the calendar's rest days and holidays, and its regular hours against the
/// actual hours.</description></item>
/// </list>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class AttendanceSheet
{
    private readonly AttendedShift[] _shifts;

    private AttendanceSheet(StaffingPlan plan, DateTimeZone timeZone, AttendedShift[] shifts, AttendanceMatcher matcher)
    {
        Plan = plan;
        TimeZone = timeZone;
        _shifts = shifts;
        Shifts = Array.AsReadOnly(shifts);
        PlannedHours = shifts.Sum(s => s.PlannedHours);
        ActualHours = shifts.Sum(s => s.ActualHours);
        UnplannedHours = Math.Max(0, matcher.SessionHours - ActualHours);
        MissingClockOuts = matcher.Missing;
        StrayClockOuts = matcher.Stray;
        RepeatedRecords = matcher.Repeated;
    }

    /// <summary>The time added to the longest paid shift to give the default longest session: 4 hours.</summary>
    public static readonly Duration SessionTolerance = Duration.FromHours(4);

    /// <summary>Gets the plan.</summary>
    public StaffingPlan Plan { get; }

    /// <summary>Gets the time zone the plan's local shift times are read in.</summary>
    public DateTimeZone TimeZone { get; }

    /// <summary>Gets every planned shift with its actual hours: by person in workforce order, then by start.</summary>
    public IReadOnlyList<AttendedShift> Shifts { get; }

    /// <summary>Gets the planned paid hours of every assigned shift.</summary>
    public double PlannedHours { get; }

    /// <summary>Gets the hours worked inside planned shifts.</summary>
    public double ActualHours { get; }

    /// <summary>Gets the hours of complete sessions outside every planned shift of the person (not paid).</summary>
    public double UnplannedHours { get; }

    /// <summary>Gets the number of planned shifts with no hours worked.</summary>
    public int AbsentShifts => _shifts.Count(s => !s.IsWorked);

    /// <summary>Gets the number of sessions without a clock-out.</summary>
    public int MissingClockOuts { get; }

    /// <summary>Gets the number of clock-outs without an open session.</summary>
    public int StrayClockOuts { get; }

    /// <summary>Gets the number of repeated clock-ins and superseded clock-outs.</summary>
    public int RepeatedRecords { get; }

    /// <summary>Sets records against a plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="records">The clock records (of any people; those outside the plan's workforce count as unplanned hours).</param>
    /// <param name="timeZone">The time zone of the plan's local shift times; no default (the plan has none).</param>
    /// <param name="longestSession">The longest a session may last; null for the longest paid shift of the plan's pattern plus <see cref="SessionTolerance"/>.</param>
    /// <returns>The sheet.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="longestSession"/> is null, or a record is.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="longestSession"/> is not positive or longer than 48 hours.</exception>
    public static AttendanceSheet Create(StaffingPlan plan, IEnumerable<AttendanceRecord> records, DateTimeZone timeZone, Duration? longestSession = null)
    {
        Guard.NotNull(plan);
        Guard.NotNull(records);
        Guard.NotNull(timeZone);
        if (longestSession is { } l && (l <= Duration.Zero || l > Duration.FromHours(48)))
        {
            throw new ArgumentOutOfRangeException(nameof(longestSession), l, "The longest session must be more than zero and at most 48 hours.");
        }

        var byPerson = new Dictionary<PersonId, List<AttendanceRecord>>();
        foreach (var r in records)
        {
            if (r is null)
            {
                throw new ArgumentNullException(nameof(records), "A record is null.");
            }

            if (!byPerson.TryGetValue(r.Person, out var list))
            {
                byPerson.Add(r.Person, list = new List<AttendanceRecord>());
            }

            list.Add(r);
        }

        var matcher = new AttendanceMatcher(longestSession ?? LongestSession(plan));
        var shifts = new List<AttendedShift>(plan.Assignments.Count);
        for (var i = 0; i < plan.Workforce.Count; i++)
        {
            var person = plan.Workforce[i].Id;
            var sessions = matcher.Sessions(byPerson.TryGetValue(person, out var mine) ? mine : Enumerable.Empty<AttendanceRecord>());
            byPerson.Remove(person);
            var assignments = plan.AssignmentsOf(person).Select(a => (Assignment: a, Window: Window(plan, a, timeZone))).OrderBy(x => x.Window.Start).ToArray();
            var credited = matcher.Credit(sessions, assignments.Select(x => x.Window).ToArray());
            for (var a = 0; a < assignments.Length; a++)
            {
                shifts.Add(new AttendedShift(assignments[a].Assignment, credited[a].Hours, credited[a].Missing));
            }
        }

        foreach (var others in byPerson.Values)
        {
            matcher.Sessions(others);
        }

        return new AttendanceSheet(plan, timeZone, shifts.ToArray(), matcher);
    }

    /// <summary>Reads the records of the plan's period from a store and sets them against the plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="store">The store.</param>
    /// <param name="timeZone">The time zone of the plan's local shift times; no default (the plan has none).</param>
    /// <param name="longestSession">The longest a session may last; null for the longest paid shift of the plan's pattern plus <see cref="SessionTolerance"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The sheet, from the records from the day before the plan's first day to the end of the day after its last.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="longestSession"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="longestSession"/> is not positive or longer than 48 hours.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<AttendanceSheet> CreateAsync(StaffingPlan plan, IAttendanceStore store, DateTimeZone timeZone, Duration? longestSession = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(plan);
        Guard.NotNull(store);
        Guard.NotNull(timeZone);
        var from = timeZone.AtStartOfDay(plan.Period.Start.PlusDays(-1)).ToInstant();
        var to = timeZone.AtStartOfDay(plan.Period.End.PlusDays(2)).ToInstant();
        var records = new List<AttendanceRecord>();
        await foreach (var r in store.RecordsAsync(new Interval(from, to), cancellationToken).ConfigureAwait(false))
        {
            records.Add(r);
        }

        return Create(plan, records, timeZone, longestSession);
    }

    /// <summary>Works out the subsidies owed for the days actually worked in a period.</summary>
    /// <param name="policy">The subsidy policy.</param>
    /// <param name="period">The period.</param>
    /// <param name="calendar">Rest days, holidays and regular hours (read against the actual hours).</param>
    /// <returns>The statements of everyone with a day worked in the period, in workforce order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The plan's scale is not the policy's.</exception>
    public IReadOnlyList<SubsidyStatement> Subsidies(SubsidyPolicy policy, DateInterval period, SubsidyCalendar calendar)
    {
        Guard.NotNull(policy);
        Guard.NotNull(period);
        Guard.NotNull(calendar);
        if (policy.Scale is { } scale && scale.Id != Plan.Policy.Scale.Id)
        {
            throw new ArgumentException($"The subsidy policy '{policy.Id}' pays by levels of '{scale.Id}', but the plan's levels are of '{Plan.Policy.Scale.Id}'.", nameof(policy));
        }

        var statements = new List<SubsidyStatement>();
        foreach (var person in _shifts.Where(s => s.IsWorked && period.Contains(s.Date)).GroupBy(s => s.Person))
        {
            var member = Plan.Workforce[Plan.Workforce.IndexOf(person.Key)];
            var eligible = policy.EligibleSources.Contains(member.Source);
            var days = person.GroupBy(s => s.Date).OrderBy(g => g.Key).Select(g => Day(policy, calendar, eligible, g.Key, g.ToArray())).ToArray();
            statements.Add(new SubsidyStatement(policy, member.Id, member.Source, period, eligible, days));
        }

        return statements;
    }

    /// <summary>Describes the sheet in Chinese or English: hours planned and worked, absences, missing clock-outs.</summary>
    /// <param name="culture">A <c>zh</c> culture for Chinese, any other for English.</param>
    /// <returns>The description.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string Describe(CultureInfo culture) => SupportText.Attendance(this, Guard.NotNull(culture));

    /// <summary>Returns the English description.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Describe(CultureInfo.InvariantCulture);

    internal static Duration LongestSession(StaffingPlan plan)
        => plan.Policy.Shifts.Shifts.Max(s => s.Length) + plan.Policy.Shifts.Handover + SessionTolerance;

    private static (Instant Start, Instant End) Window(StaffingPlan plan, ShiftAssignment a, DateTimeZone zone)
    {
        var shift = a.Shift;
        var start = zone.AtLeniently(a.Date.At(shift.Start)).ToInstant();
        return (start, start + shift.Length + plan.Policy.Shifts.Handover);
    }

    private SubsidyDay Day(SubsidyPolicy policy, SubsidyCalendar calendar, bool eligible, LocalDate date, AttendedShift[] worked)
    {
        var top = worked.OrderByDescending(s => s.Assignment.ZoneLevel).ThenBy(s => s.Zone).First();
        var level = top.Assignment.ZoneLevel;
        var hours = worked.Sum(s => s.ActualHours);
        var reason = (calendar.Holidays ?? HolidayCalendar.Empty).IsHoliday(Plan.Tree, Plan.Tree.IndexOf(top.Zone), date) ? OvertimeReason.Holiday
            : calendar.RestDays.Contains(date.DayOfWeek) ? OvertimeReason.RestDay
            : calendar.RegularHoursPerDay is { } regular && hours > regular + 1e-9 ? OvertimeReason.Hours
            : OvertimeReason.None;
        var hasRate = policy.DailyByLevel.TryGetValue(level, out var rate);
        var daily = eligible && hasRate ? policy.Round(rate) : 0m;
        var overtime = eligible && reason != OvertimeReason.None && policy.OvertimeDayRate is { } o ? policy.Round(o) : 0m;
        var transport = eligible && policy.TransportPerDay is { } t ? policy.Round(t) : 0m;
        var meal = eligible && policy.MealPerDay is { } m ? policy.Round(m) : 0m;
        return new SubsidyDay(policy, Plan.Policy.Scale.Describe(level), date, top.Zone, level, hours, hasRate, daily, reason, overtime, transport, meal);
    }
}
