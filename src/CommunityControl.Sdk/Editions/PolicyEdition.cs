using System;
using System.Collections.Generic;
using System.Diagnostics.Contracts;
using System.Linq;
using System.Text.RegularExpressions;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Internal;
using CommunityControl.Measures;
using CommunityControl.Risk;
using CommunityControl.Staffing;
using NodaTime;

namespace CommunityControl.Editions;

/// <summary>
/// A named, dated, versioned policy edition: metadata (titles, issuer, source, effective dates, jurisdiction) and its
/// parts: the risk rules (<see cref="Risk"/>), what each level means (<see cref="Measures"/>), the gate decision
/// (<see cref="Access"/>) and the staffing the measures need (<see cref="Staffing"/>). Real policy changed every few
/// months: a new edition is a document, not a rewrite.
/// </summary>
/// <remarks>
/// Read one with <see cref="Serialization.PolicyEditionJson"/> (the built-in editions in <see cref="PolicyEditions"/> are read by the
/// same loader) or create one from <see cref="PolicyEditionOptions"/>. Dates the sources do not confirm stay
/// unconfirmed: such an edition is reachable by id but not picked by date (<see cref="IsEffectiveFromConfirmed"/>).
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class PolicyEdition
{
    private static readonly Regex IdPattern = new("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant);
    private static readonly Regex VersionPattern = new(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$", RegexOptions.CultureInvariant);

    private PolicyEdition(PolicyEdition other, MeasureTable? measures, AccessPolicy? access, StaffingPolicy? staffing)
    {
        Id = other.Id;
        Version = other.Version;
        Jurisdiction = other.Jurisdiction;
        Title = other.Title;
        Issuer = other.Issuer;
        Source = other.Source;
        EffectiveFrom = other.EffectiveFrom;
        EffectiveUntil = other.EffectiveUntil;
        EffectiveNote = other.EffectiveNote;
        Notes = other.Notes;
        Risk = other.Risk;
        Measures = measures;
        Access = access;
        Staffing = staffing?.WithMeasures(measures);
    }

    private PolicyEdition(PolicyEditionOptions options, EditionDate? from, EditionDate? until, RiskPolicy risk)
    {
        Id = options.Id!;
        Version = options.Version!;
        Jurisdiction = options.Jurisdiction!;
        Title = new LocalizedText(options.Title!.Zh!, options.Title.En!);
        Issuer = new LocalizedText(options.Issuer!.Zh!, options.Issuer.En!);
        Source = new EditionSource(options.Source!.Reference!, (options.Source.Documents ?? new List<string>()).ToArray(), (options.Source.Urls ?? new List<string>()).ToArray());
        EffectiveFrom = from;
        EffectiveUntil = until;
        EffectiveNote = options.Effective!.Note;
        Notes = Array.AsReadOnly((options.Notes ?? new List<string>()).ToArray());
        Risk = risk;
    }

    /// <summary>Gets the id, e.g. <c>cn-2022-06-ninth-edition</c>.</summary>
    public string Id { get; }

    /// <summary>Gets the semantic version of this encoding of the edition.</summary>
    public string Version { get; }

    /// <summary>Gets where the edition applies, e.g. <c>CN</c>, <c>US</c>, <c>DE</c> or <c>CN-Wuhan</c>.</summary>
    public string Jurisdiction { get; }

    /// <summary>Gets the title.</summary>
    public LocalizedText Title { get; }

    /// <summary>Gets the issuer.</summary>
    public LocalizedText Issuer { get; }

    /// <summary>Gets where the rules come from.</summary>
    public EditionSource Source { get; }

    /// <summary>Gets the first day in force, as precise as the sources give it; null when unknown.</summary>
    public EditionDate? EffectiveFrom { get; }

    /// <summary>Gets the last day in force (inclusive), as precise as known; null while not ended (or superseded by a later edition).</summary>
    public EditionDate? EffectiveUntil { get; }

    /// <summary>Gets a value indicating whether the first day in force is confirmed to the day (only then does <see cref="EditionCatalog"/> pick the edition by date).</summary>
    public bool IsEffectiveFromConfirmed => EffectiveFrom is { IsExact: true };

    /// <summary>Gets a note on the dates, if any.</summary>
    public string? EffectiveNote { get; }

    /// <summary>Gets notes on how the rules were encoded (flags, UNCONFIRMED items).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Gets the risk rules.</summary>
    public RiskPolicy Risk { get; }

    /// <summary>
    /// Gets what each level of <see cref="Risk"/>'s scale means (closed management, quotas, checks …); null when the edition
    /// carries none. Every built-in edition carries its table in its document's <c>measures</c> section.
    /// </summary>
    public MeasureTable? Measures { get; }

    /// <summary>
    /// Gets the gate decision of the edition; null when the edition carries none. Each built-in edition carries its own
    /// authority part: the Chinese editions China's Infectious Disease Law (<see cref="AuthorityPolicy.ChinaInfectiousDiseaseLaw2013"/>),
    /// the US and German editions an authority with no grants (nothing escalates under China's law there).
    /// </summary>
    public AccessPolicy? Access { get; }

    /// <summary>
    /// Gets the staffing the edition's measures need; null when the edition carries none. The built-in editions carry none:
    /// the references give no national figures for check times, staff per checkpoint or workloads (UNCONFIRMED), so a
    /// host attaches its own with <see cref="WithStaffing"/> or a <c>staffing</c> section of its edition document.
    /// </summary>
    /// <remarks>The staffing follows the edition's <see cref="Measures"/> (<see cref="StaffingPolicy.WithMeasures"/>): gates
    /// that closed management keeps open, night closures, door-to-door work where stay-home is in force. Attaching other
    /// measures re-binds it.</remarks>
    public StaffingPolicy? Staffing { get; }

    /// <summary>Returns a copy of this edition with a measure table, and the access policy built from it with the edition's
    /// authority (China's Infectious Disease Law when the edition had no access policy).</summary>
    /// <param name="measures">The measure table, on the same scale as <see cref="Risk"/>.</param>
    /// <returns>The new edition; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="measures"/> is null.</exception>
    /// <exception cref="ArgumentException">The table's scale is not the edition's scale.</exception>
    [Pure]
    public PolicyEdition WithMeasures(MeasureTable measures)
    {
        CheckScale(Guard.NotNull(measures).Scale, nameof(measures));
        return new PolicyEdition(this, measures, AccessPolicy.Create(measures, Access?.Authority), Staffing);
    }

    /// <summary>Returns a copy of this edition with an access policy (and its measure table).</summary>
    /// <param name="access">The access policy, whose measure table is on the same scale as <see cref="Risk"/>.</param>
    /// <returns>The new edition; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="access"/> is null.</exception>
    /// <exception cref="ArgumentException">The policy's scale is not the edition's scale.</exception>
    [Pure]
    public PolicyEdition WithAccess(AccessPolicy access)
    {
        CheckScale(Guard.NotNull(access).Measures.Scale, nameof(access));
        return new PolicyEdition(this, access.Measures, access, Staffing);
    }

    /// <summary>Returns a copy of this edition with a staffing policy.</summary>
    /// <param name="staffing">The staffing policy, on the same scale as <see cref="Risk"/>.</param>
    /// <returns>The new edition; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="staffing"/> is null.</exception>
    /// <exception cref="ArgumentException">The policy's scale is not the edition's scale.</exception>
    [Pure]
    public PolicyEdition WithStaffing(StaffingPolicy staffing)
    {
        CheckScale(Guard.NotNull(staffing).Scale, nameof(staffing));
        return new PolicyEdition(this, Measures, Access, staffing);
    }

    /// <summary>Creates an edition from options.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The edition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ModelValidationException">The options are invalid; every problem is listed with its path.</exception>
    public static PolicyEdition FromOptions(PolicyEditionOptions options)
    {
        Guard.NotNull(options);
        var problems = new List<(string Path, string Message)>();
        return TryCreate(options, string.Empty, problems)
            ?? throw new ModelValidationException(typeof(PolicyEdition), problems.Select(p => p.Path + ": " + p.Message));
    }

    /// <summary>Tells whether the edition is certainly in force on a date (its first day confirmed, and not ended).</summary>
    /// <param name="date">The date.</param>
    /// <returns>True when in force; false when not, or when the dates cannot tell.</returns>
    public bool IsInForceOn(LocalDate date)
    {
        if (EffectiveFrom is not { IsExact: true } from || date < from.EarliestDay)
        {
            return false;
        }

        if (EffectiveUntil is not { } until)
        {
            return true;
        }

        return until.IsExact ? date <= until.LatestDay : date < until.EarliestDay;
    }

    private void CheckScale(RiskScale scale, string parameterName)
    {
        if (!string.Equals(scale.Id, Risk.Scale.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The scale '{scale.Id}' is not the scale of edition '{Id}' ('{Risk.Scale.Id}').", parameterName);
        }
    }

    /// <summary>Returns the id, version and first day.</summary>
    /// <returns>E.g. <c>cn-2022-06-ninth-edition 1.0.0 (from 2022-06-28)</c>.</returns>
    public override string ToString() => $"{Id} {Version} (from {(EffectiveFrom?.ToString() ?? "UNCONFIRMED")})";

    internal static PolicyEdition? TryCreate(PolicyEditionOptions options, string root, List<(string Path, string Message)> problems)
    {
        var before = problems.Count;
        string P(string field) => root.Length == 0 ? field : root + "." + field;
        if (string.IsNullOrWhiteSpace(options.Id) || !IdPattern.IsMatch(options.Id))
        {
            problems.Add((P("id"), "The id is required: lower-case letters, digits and hyphens, e.g. cn-2022-06-ninth-edition."));
        }

        if (string.IsNullOrWhiteSpace(options.Version) || !VersionPattern.IsMatch(options.Version))
        {
            problems.Add((P("version"), "A semantic version is required, e.g. 1.0.0."));
        }

        if (string.IsNullOrWhiteSpace(options.Jurisdiction))
        {
            problems.Add((P("jurisdiction"), "The jurisdiction is required, e.g. CN, US, DE or CN-Wuhan."));
        }

        Text(options.Title, P("title"), problems);
        Text(options.Issuer, P("issuer"), problems);
        if (options.Source is null)
        {
            problems.Add((P("source"), "The source is required."));
        }
        else if (string.IsNullOrWhiteSpace(options.Source.Reference))
        {
            problems.Add((P("source.reference"), "The reference is required, e.g. cn-policy.md E5, §1d, §6.6."));
        }

        EditionDate? from = null, until = null;
        if (options.Effective is null)
        {
            problems.Add((P("effective"), "The effective dates are required (use a note for dates the sources do not confirm)."));
        }
        else
        {
            from = Date(options.Effective.From, P("effective.from"), problems);
            until = Date(options.Effective.Until, P("effective.until"), problems);
            if (options.Effective.From is null && string.IsNullOrWhiteSpace(options.Effective.Note))
            {
                problems.Add((P("effective.note"), "Without a first day, a note must say what the sources give."));
            }

            if (from is { } f && until is { } u && u.LatestDay < f.EarliestDay)
            {
                problems.Add((P("effective.until"), $"The edition cannot end ({u}) before it begins ({f})."));
            }
        }

        RiskPolicy? risk = null;
        if (options.Risk is null)
        {
            problems.Add((P("risk"), "The risk section is required (an edition without risk areas has an empty list of rules)."));
        }
        else
        {
            risk = RiskPolicyOptionsReader.TryRead(options.Risk, P("risk"), problems);
            risk = risk?.WithApplicability(from?.EarliestDay, options.Effective?.EarlierDaysCount ?? false);
        }

        return problems.Count > before || risk is null ? null : new PolicyEdition(options, from, until, risk);
    }

    private static void Text(LocalizedTextOptions? text, string path, List<(string Path, string Message)> problems)
    {
        if (text is null)
        {
            problems.Add((path, "A text in Chinese (zh) and English (en) is required."));
            return;
        }

        if (string.IsNullOrWhiteSpace(text.Zh))
        {
            problems.Add((path + ".zh", "The Chinese text is required."));
        }

        if (string.IsNullOrWhiteSpace(text.En))
        {
            problems.Add((path + ".en", "The English text is required."));
        }
    }

    private static EditionDate? Date(string? text, string path, List<(string Path, string Message)> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (EditionDate.TryParse(text, out var date))
        {
            return date;
        }

        problems.Add((path, "Expected a date like 2022-06-28, or 2020-03 / 2021 when the day is not confirmed."));
        return null;
    }
}
