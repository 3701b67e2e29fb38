using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using CommunityControl.Measures;
using CommunityControl.Serialization;

namespace CommunityControl.Editions;

/// <summary>
/// The built-in editions, read from the library's embedded JSON documents by <see cref="Serialization.PolicyEditionJson"/> — the same
/// loader users call for their own. Each is loaded once, on first use.
/// </summary>
/// <threadsafety static="true" instance="true"/>
public static class PolicyEditions
{
    private static readonly Lazy<EditionCatalog> LazyCatalog = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Gets the ids of the built-in editions.</summary>
    public static IReadOnlyList<string> Ids { get; } = Array.AsReadOnly(new[]
    {
        China.CommunityTypes2020Id,
        China.CountyGrading2020Id,
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

    private static EditionCatalog Load()
    {
        var assembly = typeof(PolicyEditions).Assembly;
        var names = assembly.GetManifestResourceNames();
        return EditionCatalog.Create(Ids.Select(id => Read(assembly, names, id)));
    }

    private static PolicyEdition Read(Assembly assembly, string[] names, string id)
    {
        var suffix = "." + id + ".edition.json";
        var name = names.FirstOrDefault(n => n.EndsWith(suffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The built-in edition '{id}' is missing from the assembly.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        var edition = PolicyEditionJson.Read(stream);

        // The measure tables of the built-in editions are built in code (MeasureTables), so attach them here.
        return edition.Measures is null && MeasureTables.TryGet(id, out var table) && table is not null ? edition.WithMeasures(table) : edition;
    }

    /// <summary>China's national editions (and Wuhan's 2020 local one), 2020–2023 (cn-policy.md).</summary>
    public static class China
    {
        /// <summary>The id of <see cref="CommunityTypes2020"/>.</summary>
        public const string CommunityTypes2020Id = "cn-2020-01-community-types";

        /// <summary>The id of <see cref="CountyGrading2020"/>.</summary>
        public const string CountyGrading2020Id = "cn-2020-02-county-grading";

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
