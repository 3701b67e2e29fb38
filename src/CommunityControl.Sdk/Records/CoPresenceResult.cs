using System.Collections.Generic;
using System.Linq;
using CommunityControl.Epidemiology;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// The outcome of tracing one case: the gates the case passed in its infectious period (its activity places), the people
/// who passed the same gates within the window, and the households that share the case's building or unit.
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

    /// <summary>Returns the counts; never an id of a person or household.</summary>
    /// <returns>E.g. <c>Co-presence: 3 gates, 12 contacts, 48 households</c>.</returns>
    public override string ToString() => $"Co-presence: {Gates.Count} gates, {Contacts.Count} contacts, {Households.Count} households";
}
