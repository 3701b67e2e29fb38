using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Internal;
using CommunityControl.Measures;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// A person's follow-up under an edition's <see cref="QuarantinePlan"/> (SORMAS / Go.Data style): the status each day
/// (e.g. centralized quarantine, then home health monitoring), the days a test is due, the last day and the release
/// date; restarted on re-exposure (<see cref="Extend"/>) and ended early with a reason (<see cref="End"/>).
/// </summary>
/// <remarks>
/// <para>Days are counted as the plan counts them: the day of the exposure is day 1 (ninth edition, close contacts:
/// centralized quarantine on days 1–7 with tests on days 1, 2, 3, 5 and 7, then home health monitoring on days 8–10
/// with a test on its day 3, day 10; released on day 11). A re-exposure restarts the plan on the day of the new
/// exposure; the days before keep the status they had.</para>
/// <para><see cref="StatusOn"/> is what a gate sees (<c>AccessRequest.Status</c>). <see cref="Revision"/> counts changes,
/// so a store keeps the latest of two concurrent saves. <see cref="ToString"/> shows no id.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable; <see cref="Extend"/> and <see cref="End"/> return new schedules.</threadsafety>
public sealed class FollowUpSchedule
{
    private readonly LocalDate[] _starts;

    private FollowUpSchedule(PersonId person, ExposureCategory exposure, QuarantinePlan plan, LocalDate[] starts, LocalDate? endedOn, FollowUpEndReason? reason, int revision)
    {
        (Person, Exposure, Plan, _starts, EndedOn, EndReason, Revision) = (person, exposure, plan, starts, endedOn, reason, revision);
    }

    /// <summary>Gets the person's pseudonymous id.</summary>
    public PersonId Person { get; }

    /// <summary>Gets why the person is followed up.</summary>
    public ExposureCategory Exposure { get; }

    /// <summary>Gets the plan followed.</summary>
    public QuarantinePlan Plan { get; }

    /// <summary>Gets the day of the first exposure: day 1.</summary>
    public LocalDate FirstDay => _starts[0];

    /// <summary>Gets the day of each exposure that started or restarted the plan, in order.</summary>
    public IReadOnlyList<LocalDate> Exposures => Array.AsReadOnly(_starts);

    /// <summary>Gets the last day of follow-up: the plan's last day counted from the latest exposure, or the day before an early end.</summary>
    public LocalDate Until => EndedOn is { } ended && ended <= PlannedUntil ? ended.PlusDays(-1) : PlannedUntil;

    /// <summary>Gets the release date (解除隔离): the day after <see cref="Until"/> when the plan was completed; null when it ended early.</summary>
    public LocalDate? ReleaseDate => EndReason is null ? Until.PlusDays(1) : null;

    /// <summary>Gets the day from which the follow-up no longer applies because it ended early; null when it runs to its end.</summary>
    public LocalDate? EndedOn { get; }

    /// <summary>Gets why the follow-up ended early; null when it runs to its end.</summary>
    public FollowUpEndReason? EndReason { get; }

    /// <summary>Gets the number of changes since the schedule was created (0 when created).</summary>
    public int Revision { get; }

    /// <summary>Gets every day from <see cref="FirstDay"/> to <see cref="Until"/>.</summary>
    public IReadOnlyList<FollowUpDay> Days
    {
        get
        {
            var days = new List<FollowUpDay>();
            for (var d = FirstDay; d <= Until; d = d.PlusDays(1))
            {
                days.Add(DayOn(d));
            }

            return days.AsReadOnly();
        }
    }

    private LocalDate PlannedUntil => _starts[_starts.Length - 1].PlusDays(Plan.TotalDays - 1);

    /// <summary>Creates the schedule of a person exposed on a day.</summary>
    /// <param name="person">The person.</param>
    /// <param name="exposure">Why the person is followed up.</param>
    /// <param name="plan">The edition's plan for the exposure, e.g. <c>edition.Measures.PlanFor(ExposureCategory.CloseContact)</c>.</param>
    /// <param name="exposedOn">The day of the exposure or arrival: day 1.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="person"/> is empty, <paramref name="exposure"/> is <see cref="ExposureCategory.None"/>
    /// or undefined, or <paramref name="plan"/> is a test-only plan (no status to follow day by day).</exception>
    public static FollowUpSchedule Create(PersonId person, ExposureCategory exposure, QuarantinePlan plan, LocalDate exposedOn)
    {
        Guard.NotNull(plan);
        if (person.IsEmpty)
        {
            throw new ArgumentException("The person id must not be empty.", nameof(person));
        }

        if (exposure <= ExposureCategory.None || exposure > ExposureCategory.ArrivedFromOutbreakCity)
        {
            throw new ArgumentException("The exposure must be a defined category other than None.", nameof(exposure));
        }

        if (plan.First == MonitoringStatus.None || plan.FirstDays < 1)
        {
            throw new ArgumentException("A test-only plan has no status to follow day by day.", nameof(plan));
        }

        return new FollowUpSchedule(person, exposure, plan, new[] { exposedOn }, null, null, 0);
    }

    /// <summary>Restarts the plan on a re-exposure: the new exposure's day is day 1 again.</summary>
    /// <param name="exposedOn">The day of the new exposure, on or after the latest one and before the follow-up ended.</param>
    /// <returns>The extended schedule (<see cref="Revision"/> + 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="exposedOn"/> is before the latest exposure, or the follow-up ended early on or before it.</exception>
    public FollowUpSchedule Extend(LocalDate exposedOn)
    {
        if (exposedOn < _starts[_starts.Length - 1])
        {
            throw new ArgumentOutOfRangeException(nameof(exposedOn), "A re-exposure must be on or after the latest exposure.");
        }

        if (EndedOn is { } ended && exposedOn >= ended)
        {
            throw new ArgumentOutOfRangeException(nameof(exposedOn), "The follow-up ended before this day; create a new schedule.");
        }

        return new FollowUpSchedule(Person, Exposure, Plan, _starts.Append(exposedOn).ToArray(), EndedOn, EndReason, Revision + 1);
    }

    /// <summary>Ends the follow-up early: from <paramref name="on"/>, the person is no longer followed up.</summary>
    /// <param name="on">The first day without follow-up, after <see cref="FirstDay"/> and not after the planned last day.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The ended schedule (<see cref="Revision"/> + 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="on"/> is not after <see cref="FirstDay"/>, or is after the planned last day.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is <see cref="FollowUpEndReason.Unknown"/> or undefined.</exception>
    public FollowUpSchedule End(LocalDate on, FollowUpEndReason reason)
    {
        if (on <= FirstDay || on > PlannedUntil)
        {
            throw new ArgumentOutOfRangeException(nameof(on), "An early end must fall after the first day and not after the planned last day.");
        }

        if (reason <= FollowUpEndReason.Unknown || reason > FollowUpEndReason.RuledOut)
        {
            throw new ArgumentException("The reason must be a defined value other than Unknown.", nameof(reason));
        }

        return new FollowUpSchedule(Person, Exposure, Plan, _starts, on, reason, Revision + 1);
    }

    /// <summary>Gets the status on a day: <see cref="MonitoringStatus.None"/> before the first day and after <see cref="Until"/>.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The status (what a gate sees as <c>AccessRequest.Status</c>).</returns>
    public MonitoringStatus StatusOn(LocalDate date) => DayOn(date).Status;

    /// <summary>Tells whether the person is followed up on a day.</summary>
    /// <param name="date">The day.</param>
    /// <returns>True from <see cref="FirstDay"/> to <see cref="Until"/>.</returns>
    public bool IsActiveOn(LocalDate date) => date >= FirstDay && date <= Until;

    /// <summary>Gets the follow-up day of a date.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The day's status and test; status <see cref="MonitoringStatus.None"/> and day 0 outside the follow-up.</returns>
    public FollowUpDay DayOn(LocalDate date)
    {
        if (!IsActiveOn(date))
        {
            return new FollowUpDay(date, 0, MonitoringStatus.None, false);
        }

        var start = _starts[0];
        foreach (var s in _starts)
        {
            start = s <= date ? s : start;
        }

        var day = Period.Between(start, date, PeriodUnits.Days).Days + 1;
        if (day <= Plan.FirstDays)
        {
            return new FollowUpDay(date, day, Plan.First, Plan.FirstTestDays.Contains(day));
        }

        var then = day - Plan.FirstDays;
        return then <= Plan.ThenDays
            ? new FollowUpDay(date, day, Plan.Then, Plan.ThenTestDays.Contains(then))
            : new FollowUpDay(date, 0, MonitoringStatus.None, false);
    }

    /// <summary>Returns the exposure, plan and dates; never the person's id.</summary>
    /// <returns>E.g. <c>CloseContact: CentralizedQuarantine 7 d + HomeHealthMonitoring 3 d, 2022-07-01 to 2022-07-10</c>.</returns>
    public override string ToString()
        => $"{Exposure}: {Plan}, {FirstDay:uuuu'-'MM'-'dd} to {Until:uuuu'-'MM'-'dd}{(EndReason is { } r ? $" (ended: {r})" : string.Empty)}";
}
