using System.Collections.Generic;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>A person who passed a gate the case passed, within the window around the case's passage, with every such passage as evidence.</summary>
/// <threadsafety static="true" instance="true">Immutable; safe to share between threads.</threadsafety>
public sealed class CoPresenceContact
{
    internal CoPresenceContact(PersonId person, HouseholdId household, IReadOnlyList<ContactEvidence> evidence)
    {
        Person = person;
        Household = household;
        Evidence = evidence;
    }

    /// <summary>Gets the contact's pseudonymous id.</summary>
    public PersonId Person { get; }

    /// <summary>Gets the household of the contact's first passage in the evidence; empty when none was recorded.</summary>
    public HouseholdId Household { get; }

    /// <summary>Gets the evidence: one item per passage of the contact within the window, in time order.</summary>
    public IReadOnlyList<ContactEvidence> Evidence { get; }

    /// <summary>Gets the smallest absolute gap between the contact and the case over the evidence.</summary>
    public Duration ClosestGap
    {
        get
        {
            var best = Duration.MaxValue;
            foreach (var e in Evidence)
            {
                var gap = e.Gap < Duration.Zero ? -e.Gap : e.Gap;
                best = gap < best ? gap : best;
            }

            return best;
        }
    }

    /// <summary>Returns the number of passages in the evidence; never an id.</summary>
    /// <returns>E.g. <c>Co-presence contact (2 passages)</c>.</returns>
    public override string ToString() => $"Co-presence contact ({Evidence.Count} passages)";
}
