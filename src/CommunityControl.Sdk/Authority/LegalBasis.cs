using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Internal;

namespace CommunityControl.Authority;

/// <summary>
/// A legal provision that gives a power: its instrument and article, what it allows, who may exercise it, and where the
/// text was read. The built-in provisions are its static properties (<see cref="All"/>, <see cref="Get"/>, <see cref="TryGet"/>).
/// </summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class LegalBasis
{
    /// <summary>Creates a legal basis.</summary>
    /// <param name="id">A stable id, e.g. <c>cn-idl-2013-art39</c>, used in documents.</param>
    /// <param name="instrumentZh">The instrument's Chinese title, e.g. <c>传染病防治法</c>.</param>
    /// <param name="instrumentEn">The instrument's English title.</param>
    /// <param name="article">The article number, or null for a whole instrument (an announcement).</param>
    /// <param name="summaryEn">What the provision allows, in English.</param>
    /// <param name="allows">The permissions the provision can found.</param>
    /// <param name="source">Where the text was read, e.g. <c>cn-policy §4 [S31]</c>.</param>
    /// <exception cref="ArgumentNullException">A string argument is null.</exception>
    /// <exception cref="ArgumentException">A string argument is empty, or <paramref name="article"/> is not positive.</exception>
    public LegalBasis(string id, string instrumentZh, string instrumentEn, int? article, string summaryEn, Permissions allows, string source)
    {
        Id = Guard.NotNullOrWhiteSpace(id);
        InstrumentZh = Guard.NotNullOrWhiteSpace(instrumentZh);
        InstrumentEn = Guard.NotNullOrWhiteSpace(instrumentEn);
        if (article is { } a && a <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(article), a, $"An article number must be positive; it was {a}.");
        }

        Article = article;
        SummaryEn = Guard.NotNullOrWhiteSpace(summaryEn);
        Allows = allows;
        Source = Guard.NotNullOrWhiteSpace(source);
    }

    /// <summary>Gets the stable id, e.g. <c>cn-idl-2013-art39</c>.</summary>
    public string Id { get; }

    /// <summary>Gets the instrument's Chinese title.</summary>
    public string InstrumentZh { get; }

    /// <summary>Gets the instrument's English title.</summary>
    public string InstrumentEn { get; }

    /// <summary>Gets the article number, or null when the basis is a whole instrument.</summary>
    public int? Article { get; }

    /// <summary>Gets what the provision allows, in English.</summary>
    public string SummaryEn { get; }

    /// <summary>Gets the permissions the provision can found; a grant may not give more.</summary>
    public Permissions Allows { get; }

    /// <summary>Gets where the text was read.</summary>
    public string Source { get; }

    /// <summary>Returns the citation, e.g. <c>传染病防治法 Art. 39</c>.</summary>
    /// <returns>The instrument and article.</returns>
    public override string ToString() => Article is { } a ? $"{InstrumentZh} Art. {a}" : InstrumentZh;

    private const string Law = "传染病防治法";
    private const string LawEn = "Law on the Prevention and Control of Infectious Diseases (2013)";

    /// <summary>
    /// NHC Announcement 2020 No. 1 (2020-01-20): COVID-19 is a Class B disease managed as Class A (乙类甲管), which lets
    /// governments, health departments and medical institutions apply isolation treatment and medical observation of close
    /// contacts. [S30]
    /// </summary>
    public static LegalBasis NhcAnnouncement2020No1 { get; } = new(
        "cn-nhc-2020-no1",
        "国家卫生健康委员会公告2020年第1号",
        "NHC Announcement 2020 No. 1",
        null,
        "Class B managed as Class A: governments, health departments and medical institutions may apply isolation treatment and close-contact medical observation.",
        Permissions.OrderHomeObservation | Permissions.OrderCentralizedQuarantine,
        "cn-policy §0 E0, §4 [S30]");

    /// <summary>
    /// Art. 9: residents' and villagers' committees organize residents to take part in prevention and control: an
    /// organizing and assisting role, with no coercive power. [S31d, grade C]
    /// </summary>
    public static LegalBasis InfectiousDiseaseLawArticle9 { get; } = new(
        "cn-idl-2013-art9",
        Law,
        LawEn,
        9,
        "Residents' and villagers' committees organize residents to take part in prevention and control (organizing/assisting role, no coercive power).",
        Permissions.Check | Permissions.Register | Permissions.ApproveExit,
        "cn-policy §4 [S31d]");

    /// <summary>
    /// Art. 39: medical institutions isolate Class A patients; on refusal or early leaving, public security assists with
    /// compulsory isolation. [S31]
    /// </summary>
    public static LegalBasis InfectiousDiseaseLawArticle39 { get; } = new(
        "cn-idl-2013-art39",
        Law,
        LawEn,
        39,
        "Medical institutions isolate Class A patients; on refusal or early leaving, public security assists with compulsory isolation.",
        Permissions.CompelIsolation,
        "cn-policy §4 [S31]");

    /// <summary>
    /// Art. 40: centres for disease control place close contacts under medical observation in designated places [S31];
    /// determining who the close contacts are (tracing them, <see cref="Permissions.TraceContacts"/>) is part of that duty.
    /// </summary>
    public static LegalBasis InfectiousDiseaseLawArticle40 { get; } = new(
        "cn-idl-2013-art40",
        Law,
        LawEn,
        40,
        "Centres for disease control: close contacts are determined and placed under medical observation in designated places.",
        Permissions.OrderHomeObservation | Permissions.OrderCentralizedQuarantine | Permissions.TraceContacts,
        "cn-policy §4 [S31]");

    /// <summary>
    /// Art. 41: a government at county level or above may isolate the people in a place or area with Class A cases,
    /// reporting to the next level, which approves or not; the government provides living support, the employer keeps
    /// paying wages, and the deciding authority lifts the isolation. [S31b]
    /// </summary>
    public static LegalBasis InfectiousDiseaseLawArticle41 { get; } = new(
        "cn-idl-2013-art41",
        Law,
        LawEn,
        41,
        "A county-level-or-above government may isolate the people in a place or area with Class A cases, reporting to the next level for approval; living support and wages continue; the deciding authority lifts it.",
        Permissions.SealBuilding | Permissions.DenyEntry | Permissions.Check | Permissions.Register,
        "cn-policy §4 [S31b]");

    /// <summary>
    /// Art. 42: emergency measures (stopping gatherings; stopping work, business or classes; sealing places …) with the
    /// approval of the next-higher government, publicly announced. [S31c]
    /// </summary>
    public static LegalBasis InfectiousDiseaseLawArticle42 { get; } = new(
        "cn-idl-2013-art42",
        Law,
        LawEn,
        42,
        "Emergency measures (stop gatherings; stop work, business or classes; seal places) with the next-higher government's approval, publicly announced.",
        Permissions.SealBuilding | Permissions.DenyEntry | Permissions.Check | Permissions.Register,
        "cn-policy §4 [S31c]");

    /// <summary>
    /// Art. 43: declaration of an epidemic area (疫区); provinces may blockade Class A epidemic areas; blockading a large or
    /// medium city or an area across provinces needs the State Council. [S31e, grade C]
    /// </summary>
    public static LegalBasis InfectiousDiseaseLawArticle43 { get; } = new(
        "cn-idl-2013-art43",
        Law,
        LawEn,
        43,
        "Declaration of an epidemic area; provinces may blockade Class A epidemic areas; large/medium cities or cross-province areas need the State Council.",
        Permissions.SealBuilding | Permissions.DenyEntry | Permissions.Check | Permissions.Register,
        "cn-policy §4 [S31e]");

    /// <summary>
    /// Regulations on Public Health Emergencies Art. 40: subdistricts, townships, residents' and villagers' committees
    /// "组织力量，团结协作，群防群治". [S31f, grade C]
    /// </summary>
    public static LegalBasis EmergencyRegulationsArticle40 { get; } = new(
        "cn-phe-regs-art40",
        "突发公共卫生事件应急条例",
        "Regulations on Public Health Emergencies",
        40,
        "Subdistricts, townships, residents' and villagers' committees organize forces for mass prevention and control (组织力量，团结协作，群防群治).",
        Permissions.Check | Permissions.Register | Permissions.ApproveExit,
        "cn-policy §4 [S31f]");

    /// <summary>Gets every built-in provision, in the order above.</summary>
    public static IReadOnlyList<LegalBasis> All { get; } = Array.AsReadOnly(new[]
    {
        NhcAnnouncement2020No1,
        InfectiousDiseaseLawArticle9,
        InfectiousDiseaseLawArticle39,
        InfectiousDiseaseLawArticle40,
        InfectiousDiseaseLawArticle41,
        InfectiousDiseaseLawArticle42,
        InfectiousDiseaseLawArticle43,
        EmergencyRegulationsArticle40,
    });

    /// <summary>Gets a built-in provision by its id.</summary>
    /// <param name="id">The id, e.g. <c>cn-idl-2013-art39</c>.</param>
    /// <returns>The provision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No built-in provision has that id.</exception>
    public static LegalBasis Get(string id)
        => TryGet(Internal.Guard.NotNull(id), out var basis)
            ? basis
            : throw new KeyNotFoundException($"No built-in legal basis has that id; known: {string.Join(", ", All.Select(b => b.Id))}.");

    /// <summary>Finds a built-in provision by its id.</summary>
    /// <param name="id">The id, e.g. <c>cn-idl-2013-art39</c>.</param>
    /// <param name="basis">The provision, or null.</param>
    /// <returns>True when found.</returns>
    public static bool TryGet(string? id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LegalBasis? basis)
    {
        foreach (var b in All)
        {
            if (string.Equals(b.Id, id, StringComparison.Ordinal))
            {
                basis = b;
                return true;
            }
        }

        basis = null;
        return false;
    }
}

