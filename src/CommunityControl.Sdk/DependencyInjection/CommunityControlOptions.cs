using System.Collections.Generic;
using CommunityControl.Editions;
using NodaTime;

namespace CommunityControl.DependencyInjection;

/// <summary>
/// What <see cref="Microsoft.Extensions.DependencyInjection.CommunityControlServiceCollectionExtensions.AddCommunityControl(Microsoft.Extensions.DependencyInjection.IServiceCollection, System.Action{CommunityControlOptions}?)"/>
/// registers: which editions, which jurisdiction, and whether one edition is pinned. Read through
/// <c>IOptions&lt;CommunityControlOptions&gt;</c>; validated when the host starts (<c>ValidateOnStart</c>), every problem in one
/// <c>OptionsValidationException</c>.
/// </summary>
/// <remarks>
/// <para>Bound from configuration by the <c>AddCommunityControl(IConfiguration)</c> overload: the keys are the property
/// names (<c>Jurisdiction</c>, <c>EditionId</c>, <c>TimeZone</c> as a tzdb id, <c>IncludeBuiltInEditions</c>,
/// <c>RequireAccess</c>, <c>RequireStaffing</c>, <c>EditionFiles</c> as an array); an empty value means "not set" and keeps the default.</para>
/// </remarks>
/// <threadsafety static="true" instance="false">A mutable options object: fill it in the configure callback.</threadsafety>
public sealed class CommunityControlOptions
{
    /// <summary>Gets or sets the jurisdiction whose editions apply when choosing by date.</summary>
    /// <value>The default value is <c>CN</c>.</value>
    public string Jurisdiction { get; set; } = "CN";

    /// <summary>
    /// Gets or sets an edition id to use whatever the date (e.g. <c>cn-2022-06-ninth-edition</c>); null or empty to choose by date.
    /// </summary>
    /// <value>The default value is null: the edition certainly in force today for <see cref="Jurisdiction"/>.</value>
    public string? EditionId { get; set; }

    /// <summary>Gets or sets the time zone of "today" when choosing by date.</summary>
    /// <value>The default value is Asia/Shanghai.</value>
    public DateTimeZone TimeZone { get; set; } = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    /// <summary>Gets or sets a value indicating whether the built-in editions (<see cref="PolicyEditions"/>) are in the catalog.</summary>
    /// <value>The default value is true.</value>
    public bool IncludeBuiltInEditions { get; set; } = true;

    /// <summary>
    /// Gets or sets a value indicating whether the edition in use must have an access policy (a <c>measures</c> or
    /// <c>access</c> part): the gate's <c>AccessPolicy</c> is resolved from it. When true, an edition without one (the
    /// pinned edition, or, chosen by date, the edition in force today and every later edition of its jurisdiction in the
    /// catalog) is a validation failure at start-up instead of an exception on every gate request.
    /// </summary>
    /// <value>The default value is true (every built-in edition has one); false for a host that only evaluates risk.</value>
    public bool RequireAccess { get; set; } = true;

    /// <summary>
    /// Gets or sets a value indicating whether the edition in use must have a staffing policy (the built-in editions carry
    /// none: attach one with <c>WithStaffing</c> or a <c>staffing</c> section). When true, an edition without one (checked
    /// as for <see cref="RequireAccess"/>) is a validation failure at start-up instead of an exception on every request
    /// that resolves the <c>StaffingPolicy</c>.
    /// </summary>
    /// <value>The default value is false.</value>
    public bool RequireStaffing { get; set; }

    /// <summary>
    /// Gets the host's own editions (local variants, or a built-in edition with a staffing policy attached). One with the
    /// id of a built-in edition replaces it.
    /// </summary>
    /// <value>The default value is an empty list.</value>
    public IList<PolicyEdition> Editions { get; } = new List<PolicyEdition>();

    /// <summary>
    /// Gets the paths of edition documents (JSON) to read into the catalog when the options are first used, after
    /// <see cref="Editions"/>; a relative path is resolved against the process's current directory. A file that cannot be
    /// read, or a document with problems, is a validation failure naming the file and the problems.
    /// </summary>
    /// <value>The default value is an empty list.</value>
    public IList<string> EditionFiles { get; } = new List<string>();

    /// <summary>Gets the problems found while binding configuration or reading <see cref="EditionFiles"/>; reported by validation.</summary>
    internal List<string> BindingFailures { get; } = new();
}
