using System.Globalization;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// Why a person is a co-presence contact: one of the contact's passages at a gate, the case's passage at the same gate
/// nearest to it in time, and the gap between them.
/// </summary>
/// <threadsafety static="true" instance="true">Immutable; safe to share between threads.</threadsafety>
public sealed class ContactEvidence
{
    internal ContactEvidence(PassageRecord casePassage, PassageRecord contactPassage)
    {
        CasePassage = casePassage;
        ContactPassage = contactPassage;
    }

    /// <summary>Gets the case's passage.</summary>
    public PassageRecord CasePassage { get; }

    /// <summary>Gets the contact's passage at the same gate.</summary>
    public PassageRecord ContactPassage { get; }

    /// <summary>Gets the gate both passed.</summary>
    public ZoneId Gate => CasePassage.Gate;

    /// <summary>Gets the time from the case's passage to the contact's: negative when the contact passed first.</summary>
    public Duration Gap => ContactPassage.At - CasePassage.At;

    /// <summary>Returns the gate and the gap; never an id of a person.</summary>
    /// <returns>E.g. <c>At 500101-001-01, 0:03:00 from the case</c> (<c>-0:03:00</c> when the contact passed first).</returns>
    public override string ToString() => $"At {Gate}, {Gap.ToString("-H:mm:ss", CultureInfo.InvariantCulture)} from the case";
}
