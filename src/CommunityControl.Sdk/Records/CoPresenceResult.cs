using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Authority;
using CommunityControl.Epidemiology;
using CommunityControl.Internal;
using CommunityControl.Measures;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// The outcome of tracing one case: the gates the case passed in its infectious period (its activity places), the people
/// who passed the same gates within the window, and the households that share the case's building or unit; or, when the
/// caller lacked the permission to trace (<see cref="IsEscalated"/>), nothing but the roles the trace escalates to.
/// </summary>
/// <threadsafety static="true" instance="true">Immutable; safe to share between threads.</threadsafety>
public sealed class CoPresenceResult
{
    internal CoPresenceResult(CoPresenceQuery query, IReadOnlyList<PassageRecord> casePassages, IReadOnlyList<ZoneId> gates, IReadOnlyList<CoPresenceContact> contacts, IReadOnlyList<HouseholdId> households)
    {
        Query = query;
        CasePassages = casePassages;
        Gates = gates;
        Contacts = contacts;
        Households = households;
    }

    private CoPresenceResult(CoPresenceQuery query, Permissions missing, Roles escalateTo)
        : this(query, Array.Empty<PassageRecord>(), Array.Empty<ZoneId>(), Array.Empty<CoPresenceContact>(), Array.Empty<HouseholdId>())
    {
        MissingPermissions = missing;
        EscalateTo = escalateTo;
    }

    /// <summary>Gets a value indicating whether the trace was not run because the caller lacked a permission: hand it to <see cref="EscalateTo"/>.</summary>
    public bool IsEscalated => MissingPermissions != Permissions.None;

    /// <summary>Gets, for an escalated trace, the permissions the caller lacks (<see cref="Permissions.TraceContacts"/>); none otherwise.</summary>
    public Permissions MissingPermissions { get; }

    /// <summary>Gets, for an escalated trace, the roles that hold the missing permissions under the authority policy; none otherwise.</summary>
    public Roles EscalateTo { get; }

    /// <summary>Gets the query traced.</summary>
    public CoPresenceQuery Query { get; }

    /// <summary>Gets the case's passages in the infectious period, by instant.</summary>
    public IReadOnlyList<PassageRecord> CasePassages { get; }

    /// <summary>Gets the distinct gates the case passed in the infectious period, ordinally: the case's activity places at the register.</summary>
    public IReadOnlyList<ZoneId> Gates { get; }

    /// <summary>Gets the co-presence contacts, ordered by person id (ordinal); the case is never one.</summary>
    public IReadOnlyList<CoPresenceContact> Contacts { get; }

    /// <summary>Gets the households whose residence lies in the case's building or unit (the case's own included), ordinally; empty when no residences were given.</summary>
    public IReadOnlyList<HouseholdId> Households { get; }

    /// <summary>
    /// Returns the case's gates as activity places for its <see cref="CaseReport.Activities"/>, so the risk policy can
    /// designate them (the investigation decides whether a place is high-risk; the register does not know how long the
    /// case stayed, so the stay is <see cref="Duration.Zero"/>, unknown).
    /// </summary>
    /// <returns>One activity per gate, in the order of <see cref="Gates"/>.</returns>
    public IReadOnlyList<CaseActivity> ToActivities() => Gates.Select(g => new CaseActivity { Zone = g }).ToList().AsReadOnly();

    /// <summary>
    /// Returns the follow-up of each contact under a plan (e.g. <c>edition.Measures.PlanFor(ExposureCategory.CloseContact)</c>,
    /// once the investigation confirms the contacts): day 1 is the local date of the contact's first co-presence, and each
    /// later date with a co-presence restarts the plan (<see cref="FollowUpSchedule.Extend"/>). Saved in an
    /// <see cref="IFollowUpStore"/>, a schedule's <see cref="FollowUpSchedule.StatusOn"/> is what the gate sees
    /// (<c>AccessRequest.Status</c>).
    /// </summary>
    /// <param name="plan">The plan the contacts follow.</param>
    /// <param name="zone">The community's time zone (the tree's), which dates the co-presences.</param>
    /// <param name="exposure">Why the contacts are followed up.</param>
    /// <returns>One schedule per contact, in the order of <see cref="Contacts"/>; empty for an escalated trace.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> or <paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="exposure"/> is <see cref="ExposureCategory.None"/> or undefined,
    /// or <paramref name="plan"/> is test-only.</exception>
    public IReadOnlyList<FollowUpSchedule> ToFollowUpSchedules(QuarantinePlan plan, DateTimeZone zone, ExposureCategory exposure = ExposureCategory.CloseContact)
    {
        Guard.NotNull(plan);
        Guard.NotNull(zone);
        var schedules = new List<FollowUpSchedule>(Contacts.Count);
        foreach (var contact in Contacts)
        {
            FollowUpSchedule? schedule = null;
            foreach (var date in contact.Evidence.Select(e => e.ContactPassage.At.InZone(zone).Date).Distinct().OrderBy(d => d))
            {
                schedule = schedule is null ? FollowUpSchedule.Create(contact.Person, exposure, plan, date) : schedule.Extend(date);
            }

            schedules.Add(schedule!);
        }

        return schedules.AsReadOnly();
    }

    /// <summary>Describes the result in Chinese or English: the counts, or for an escalated trace the permission needed and
    /// whom it escalates to (as <c>AccessDecision.Describe</c> does for the gate).</summary>
    /// <param name="culture">Simplified Chinese for any <c>zh</c> culture, English otherwise (the library's one bilingual rule).</param>
    /// <returns>E.g. <c>需要权限：流行病学调查（追踪密接）；移交：疾控中心</c>, or <c>3 gates, 12 contacts, 48 households</c>; never an id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string Describe(System.Globalization.CultureInfo culture)
    {
        Guard.NotNull(culture);
        var chinese = Bilingual.IsChinese(culture);
        if (IsEscalated)
        {
            return CommunityControl.Access.AccessText.Escalation(MissingPermissions, EscalateTo, chinese);
        }

        return chinese
            ? $"{Gates.Count} 个门岗，{Contacts.Count} 名接触者，{Households.Count} 户"
            : $"{Gates.Count} gates, {Contacts.Count} contacts, {Households.Count} households";
    }

    /// <summary>Returns the counts, or the escalation; never an id of a person or household.</summary>
    /// <returns>E.g. <c>Co-presence: 3 gates, 12 contacts, 48 households</c>, or <c>Co-presence: escalate TraceContacts to Cdc</c>.</returns>
    public override string ToString() => IsEscalated
        ? $"Co-presence: escalate {MissingPermissions} to {EscalateTo}"
        : $"Co-presence: {Gates.Count} gates, {Contacts.Count} contacts, {Households.Count} households";

    /// <summary>The result of a trace the caller may not run.</summary>
    internal static CoPresenceResult Escalated(CoPresenceQuery query, Permissions missing, Roles escalateTo) => new(query, missing, escalateTo);
}
