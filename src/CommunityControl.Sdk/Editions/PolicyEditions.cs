using System;
using System.Collections.Generic;
using System.Linq;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text;
using System.Threading;
using CommunityControl.Internal;
using CommunityControl.Serialization;

namespace CommunityControl.Editions;

/// <summary>
/// The built-in editions, read from the library's embedded JSON documents by <see cref="Serialization.PolicyEditionJson"/> — the same
/// loader users call for their own. Each is loaded once, on first use.
/// </summary>
/// <threadsafety static="true" instance="true"/>
public static class PolicyEditions
{
    private static readonly Lazy<Dictionary<string, string>> LazyDocuments = new(LoadDocuments, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<EditionCatalog> LazyCatalog = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Gets the ids of the built-in editions.</summary>
    public static IReadOnlyList<string> Ids { get; } = Array.AsReadOnly(new[]
    {
        China.CommunityTypes2020Id,
        China.CountyGrading2020Id,
        China.Precision2020Id,
        China.WuhanEpidemicFree2020Id,
        China.ThreeZones2022Id,
        China.NinthEditionId,
        China.TwentyMeasuresId,
        China.TenMeasuresId,
        China.ClassB2023Id,
        UnitedStates.CdcCommunityLevels2022Id,
        UnitedStates.CdcTransmissionLevelsId,
        Germany.EmergencyBrake2021Id,
    });

    /// <summary>Gets a catalog of every built-in edition.</summary>
    public static EditionCatalog Catalog => LazyCatalog.Value;

    /// <summary>Gets every built-in edition.</summary>
    public static IReadOnlyList<PolicyEdition> All => Catalog.Editions;

    /// <summary>Gets a built-in edition by id.</summary>
    /// <param name="id">The edition's id, e.g. <c>cn-2022-06-ninth-edition</c>.</param>
    /// <returns>The edition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">There is no built-in edition with that id.</exception>
    public static PolicyEdition Get(string id) => Catalog.Get(id);

    /// <summary>
    /// Gets the JSON document of a built-in edition, as embedded in the library: risk rules, measures and every other part
    /// are data. A local variant starts from it: edit a copy and read it with <see cref="PolicyEditionJson.Parse(string, DocumentLimits?)"/>,
    /// or write a short document that says <c>"extends": "&lt;id&gt;"</c> and overrides only what it changes.
    /// </summary>
    /// <param name="id">The edition's id, e.g. <c>cn-2022-06-ninth-edition</c>.</param>
    /// <returns>The document (UTF-8 JSON text); reading it gives an edition that behaves as <see cref="Get(string)"/>'s.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">There is no built-in edition with that id.</exception>
    public static string GetDocument(string id)
        => TryGetDocument(Guard.NotNull(id), out var document)
            ? document
            : throw new KeyNotFoundException($"There is no built-in edition '{id}'; the built-in ones are {string.Join(", ", Ids)}.");

    /// <summary>Gets the JSON document of a built-in edition, if there is one with that id.</summary>
    /// <param name="id">The edition's id.</param>
    /// <param name="document">The document, or null.</param>
    /// <returns>True when found.</returns>
    public static bool TryGetDocument(string? id, [NotNullWhen(true)] out string? document)
    {
        document = null;
        return id is not null && LazyDocuments.Value.TryGetValue(id, out document);
    }

    private static EditionCatalog Load()
        => EditionCatalog.Create(Ids.Select(id => PolicyEditionJson.Parse(LazyDocuments.Value[id])));

    private static Dictionary<string, string> LoadDocuments()
    {
        var assembly = typeof(PolicyEditions).Assembly;
        var names = assembly.GetManifestResourceNames();
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in Ids)
        {
            var suffix = "." + id + ".edition.json";
            var name = names.FirstOrDefault(n => n.EndsWith(suffix, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"The built-in edition '{id}' is missing from the assembly.");
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            documents.Add(id, reader.ReadToEnd());
        }

        return documents;
    }

    /// <summary>China's national editions (and Wuhan's 2020 local one), 2020–2023 (cn-policy.md).</summary>
    public static class China
    {
        /// <summary>The id of <see cref="CommunityTypes2020"/>.</summary>
        public const string CommunityTypes2020Id = "cn-2020-01-community-types";

        /// <summary>The id of <see cref="CountyGrading2020"/>.</summary>
        public const string CountyGrading2020Id = "cn-2020-02-county-grading";

        /// <summary>The id of <see cref="Precision2020"/>.</summary>
        public const string Precision2020Id = "cn-2020-04-precision";

        /// <summary>The id of <see cref="WuhanEpidemicFree2020"/>.</summary>
        public const string WuhanEpidemicFree2020Id = "cn-2020-03-wuhan-epidemic-free";

        /// <summary>The id of <see cref="ThreeZones2022"/>.</summary>
        public const string ThreeZones2022Id = "cn-2022-three-zones";

        /// <summary>The id of <see cref="NinthEdition"/>.</summary>
        public const string NinthEditionId = "cn-2022-06-ninth-edition";

        /// <summary>The id of <see cref="TwentyMeasures"/>.</summary>
        public const string TwentyMeasuresId = "cn-2022-11-twenty-measures";

        /// <summary>The id of <see cref="TenMeasures"/>.</summary>
        public const string TenMeasuresId = "cn-2022-12-ten-measures";

        /// <summary>The id of <see cref="ClassB2023"/>.</summary>
        public const string ClassB2023Id = "cn-2023-01-class-b";

        /// <summary>Gets the January 2020 community prevention plan's community types (E1, 2020-01-24).</summary>
        public static PolicyEdition CommunityTypes2020 => Get(CommunityTypes2020Id);

        /// <summary>Gets the February 2020 county low/medium/high grading (E2, 2020-02-17).</summary>
        public static PolicyEdition CountyGrading2020 => Get(CountyGrading2020Id);

        /// <summary>Gets the April 2020 precision plan: county risk level × community type → community measures (E3, 2020-04-14).</summary>
        public static PolicyEdition Precision2020 => Get(Precision2020Id);

        /// <summary>Gets Wuhan's March 2020 epidemic-free compounds (day UNCONFIRMED: reachable by id, not picked by date).</summary>
        public static PolicyEdition WuhanEpidemicFree2020 => Get(WuhanEpidemicFree2020Id);

        /// <summary>Gets the 2022 three zones 封控/管控/防范 (E4b; issue date UNCONFIRMED).</summary>
        public static PolicyEdition ThreeZones2022 => Get(ThreeZones2022Id);

        /// <summary>Gets the 9th edition's high/medium/low risk areas (E5, 2022-06-28).</summary>
        public static PolicyEdition NinthEdition => Get(NinthEditionId);

        /// <summary>Gets the twenty measures' high/low risk areas (E6/E6b, 2022-11-11).</summary>
        public static PolicyEdition TwentyMeasures => Get(TwentyMeasuresId);

        /// <summary>Gets the ten measures' high-risk buildings, units and households (E7, 2022-12-07).</summary>
        public static PolicyEdition TenMeasures => Get(TenMeasuresId);

        /// <summary>Gets Class B management: no risk areas (E8, 2023-01-08).</summary>
        public static PolicyEdition ClassB2023 => Get(ClassB2023Id);
    }

    /// <summary>The United States CDC's county levels (intl-policy.md §a).</summary>
    public static class UnitedStates
    {
        /// <summary>The id of <see cref="CdcCommunityLevels2022"/>.</summary>
        public const string CdcCommunityLevels2022Id = "us-cdc-community-levels-2022";

        /// <summary>The id of <see cref="CdcTransmissionLevels"/>.</summary>
        public const string CdcTransmissionLevelsId = "us-cdc-transmission-levels";

        /// <summary>Gets the COVID-19 Community Levels (2022-02-25 to 2023-05).</summary>
        public static PolicyEdition CdcCommunityLevels2022 => Get(CdcCommunityLevels2022Id);

        /// <summary>Gets the community transmission levels (start 2020/21 UNCONFIRMED).</summary>
        public static PolicyEdition CdcTransmissionLevels => Get(CdcTransmissionLevelsId);
    }

    /// <summary>Germany's federal rules (intl-policy.md §b).</summary>
    public static class Germany
    {
        /// <summary>The id of <see cref="EmergencyBrake2021"/>.</summary>
        public const string EmergencyBrake2021Id = "de-28b-emergency-brake-2021";

        /// <summary>Gets §28b IfSG, the federal emergency brake (2021-04-23 to 2021-06-30).</summary>
        public static PolicyEdition EmergencyBrake2021 => Get(EmergencyBrake2021Id);
    }
}
