using System;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// One place of an arrival's itinerary (行程): an area the person stayed in, from which day to the day they left it, and
/// the area's risk level on those days when known.
/// </summary>
/// <remarks>
/// <para><see cref="Place"/> is a code (e.g. the administrative division code of the county or the risk area's code as
/// published), never free text. <see cref="Level"/> is a level code of the edition's scale (e.g. <c>High</c>,
/// <c>Medium</c>, <c>Low</c>); <c>None</c> for an area with no risk designation (常态化); null when unknown, which
/// <see cref="ArrivalAssessment"/> reports for investigation and never reads as no risk.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable once initialized; safe to share between threads.</threadsafety>
public sealed class ItineraryStop
{
    /// <summary>The <see cref="Level"/> of an area with no risk designation.</summary>
    public const string NoRiskArea = "None";

    /// <summary>Gets the area's code: 1–128 ASCII letters, digits and <c>- _ . :</c>.</summary>
    public required string Place { get; init; }

    /// <summary>Gets the first day of the stay.</summary>
    public required LocalDate From { get; init; }

    /// <summary>Gets the day the person left the area (day 1 when counting the days since leaving); on or after <see cref="From"/>.</summary>
    public required LocalDate To { get; init; }

    /// <summary>Gets the area's risk level code during the stay; <see cref="NoRiskArea"/> for none; null when unknown.</summary>
    /// <value>The default is null (unknown).</value>
    public string? Level { get; init; }

    /// <summary>Returns the place, dates and level (a place is an area's code, not a person's).</summary>
    /// <returns>E.g. <c>310104 2022-07-01..2022-07-03 (High)</c>.</returns>
    public override string ToString() => $"{Place} {From:uuuu'-'MM'-'dd}..{To:uuuu'-'MM'-'dd} ({Level ?? "level unknown"})";

    /// <summary>Returns why the stop is invalid, naming the property at fault; null when it is valid.</summary>
    internal string? Validate(string path)
    {
        var place = Place is null ? "is required" : RecordKey.Validate(Place);
        if (place is not null)
        {
            return $"{path}.Place: the area's code {place}.";
        }

        if (To < From)
        {
            return $"{path}.To: the day the area was left must not be before the first day of the stay.";
        }

        if (Level is not null && Level.Length == 0)
        {
            return $"{path}.Level: must not be empty; use null for unknown.";
        }

        return null;
    }
}
