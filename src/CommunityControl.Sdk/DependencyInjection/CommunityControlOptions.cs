using System.Collections.Generic;
using CommunityControl.Editions;
using NodaTime;

namespace CommunityControl.DependencyInjection;

/// <summary>
/// What <see cref="CommunityControlServiceCollectionExtensions.AddCommunityControl"/> registers: which editions, which
/// jurisdiction, and whether one edition is pinned. Validated when registered, so bad configuration fails at start-up.
/// </summary>
/// <threadsafety static="true" instance="false">A mutable options object: fill it in the configure callback.</threadsafety>
public sealed class CommunityControlOptions
{
    /// <summary>Gets or sets the jurisdiction whose editions apply when choosing by date.</summary>
    /// <value>The default value is <c>CN</c>.</value>
    public string Jurisdiction { get; set; } = "CN";

    /// <summary>Gets or sets an edition id to use whatever the date (e.g. <c>cn-2022-06-ninth-edition</c>); null to choose by date.</summary>
    /// <value>The default value is null: the edition certainly in force today for <see cref="Jurisdiction"/>.</value>
    public string? EditionId { get; set; }

    /// <summary>Gets or sets the time zone of "today" when choosing by date.</summary>
    /// <value>The default value is Asia/Shanghai.</value>
    public DateTimeZone TimeZone { get; set; } = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    /// <summary>Gets or sets a value indicating whether the built-in editions (<see cref="PolicyEditions"/>) are in the catalog.</summary>
    /// <value>The default value is true.</value>
    public bool IncludeBuiltInEditions { get; set; } = true;

    /// <summary>
    /// Gets the host's own editions (local variants, or a built-in edition with a staffing policy attached). One with the
    /// id of a built-in edition replaces it.
    /// </summary>
    /// <value>The default value is an empty list.</value>
    public IList<PolicyEdition> Editions { get; } = new List<PolicyEdition>();
}
