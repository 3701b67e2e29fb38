using System;
using System.Collections.Generic;
using CommunityControl.Risk;
using NodaTime;

namespace CommunityControl.Measures;

/// <summary>
/// The built-in measure tables of the editions, keyed by edition id (e.g. <c>cn-2022-06-ninth-edition</c>). Each encodes
/// what the reference documents say the levels mean; local rules (Wuhan's gate, Huanggang's quota) are presets in
/// <see cref="GatePresets"/>, <see cref="OutingQuotaPresets"/> and <see cref="NightClosurePresets"/>.
/// </summary>
/// <remarks>
/// <para>The tables are built in code through <see cref="MeasureTableBuilder"/> (so they pass the same validation as a
/// document) and can be written as JSON with <see cref="Serialization.MeasureTableJson.ToJson"/>.</para>
/// <para>Every table uses the scale of its edition's risk rules, e.g. the January 2020 community types
/// (<see cref="RiskScales.ChinaCommunityTypes"/>: NoCase, Case, Outbreak, Transmission) and Wuhan's epidemic-free compounds
/// (<see cref="RiskScales.WuhanEpidemicFree"/>: Certified, Suspended, NotCertified).</para>
/// </remarks>
/// <threadsafety static="true" instance="true"/>
public static class MeasureTables
{
    private static readonly Dictionary<string, MeasureTable> ById = new(StringComparer.Ordinal);

    static MeasureTables()
    {
        foreach (var table in new[]
        {
            CommunityTypes2020, CountyGrading2020, WuhanEpidemicFree2020, ThreeZones2022, NinthEdition2022, TwentyMeasures2022,
            TenMeasures2022, ClassB2023, CdcCommunityLevels2022, CdcTransmissionLevels, GermanyEmergencyBrake2021,
        })
        {
            ById.Add(table.Edition!, table);
        }

        Ids = Array.AsReadOnly(new List<string>(ById.Keys).ToArray());
    }

    /// <summary>Gets the ids of the built-in tables, in edition order.</summary>
    public static IReadOnlyList<string> Ids { get; }

    /// <summary>
    /// Gets <c>cn-2020-01-community-types</c> (E1, 2020-01-24): community without a case → 外防输入 (organize, educate,
    /// inform, manage returnees, sanitation, supplies); cases or an outbreak → also 内防扩散、外防输出 (close contacts,
    /// disinfection); community transmission → also blockade of the epidemic area and limits on gatherings. Arrivals from
    /// Wuhan register and stay 14 days under home medical observation. (cn-policy §1b, §6.2 [S3, S3b, S4])
    /// </summary>
    public static MeasureTable CommunityTypes2020 { get; } = new MeasureTableBuilder(RiskScales.ChinaCommunityTypes)
        .WithEdition("cn-2020-01-community-types")
        .At("NoCase", new MeasureSet { Actions = NoCaseActions() })
        .At("Case", new MeasureSet { Actions = Concat(NoCaseActions(), CommunityAction.PreventSpread, CommunityAction.PreventExport, CommunityAction.CloseContactManagement, CommunityAction.Disinfection) })
        .At("Outbreak", new MeasureSet { Actions = Concat(NoCaseActions(), CommunityAction.PreventSpread, CommunityAction.PreventExport, CommunityAction.CloseContactManagement, CommunityAction.Disinfection) })
        .At("Transmission", new MeasureSet { Actions = Concat(NoCaseActions(), CommunityAction.PreventSpread, CommunityAction.PreventExport, CommunityAction.CloseContactManagement, CommunityAction.Disinfection, CommunityAction.EpidemicAreaBlockade, CommunityAction.RestrictGatherings) })
        .Plan(ExposureCategory.ArrivedFromOutbreakCity, new QuarantinePlan { First = MonitoringStatus.HomeMedicalObservation, FirstDays = 14, Source = "cn-policy §1b, §6.2 row 5 [S3]" })
        .Build();

    /// <summary>
    /// Gets <c>cn-2020-02-county-grading</c> (E2, 2020-02-17): Low → 外防输入; Medium → 外防输入、内防扩散; High →
    /// 内防扩散、外防输出、严格管控. Gate rules of the time were local: see <see cref="GatePresets"/>. (cn-policy §1a, §6.1 [S1])
    /// </summary>
    public static MeasureTable CountyGrading2020 { get; } = new MeasureTableBuilder(RiskScales.ChinaLowMediumHigh)
        .WithEdition("cn-2020-02-county-grading")
        .At("Low", new MeasureSet { Actions = MeasureLists.Of(CommunityAction.PreventImport) })
        .At("Medium", new MeasureSet { Actions = MeasureLists.Of(CommunityAction.PreventImport, CommunityAction.PreventSpread) })
        .At("High", new MeasureSet { Actions = MeasureLists.Of(CommunityAction.PreventSpread, CommunityAction.PreventExport, CommunityAction.StrictControl) })
        .Build();

    /// <summary>
    /// Gets <c>cn-2020-03-wuhan-epidemic-free</c> (2020-03): every compound stays closed (one gate, 24 h guard, temperature
    /// checks — 封闭管理 of the "六个到位"); compounds not certified, revoked or suspended let residents out only for medical
    /// care or epidemic and service posts; certified compounds allow activity inside by batch and, from 2020-03-19, one
    /// person per household per day out for up to 2 hours with a pass or a health-code e-pass. The 7-day-certified
    /// privilege of 2020-03-18 (free non-gathering activity inside) is not a gate rule. (cn-policy §1c, §6.3 [S15, S16, S17, S18])
    /// </summary>
    public static MeasureTable WuhanEpidemicFree2020 { get; } = new MeasureTableBuilder(RiskScales.WuhanEpidemicFree)
        .WithEdition("cn-2020-03-wuhan-epidemic-free")
        .At("Certified", new MeasureSet
        {
            ClosedManagement = WuhanClosure(exitPurposes: null),
            TemperatureCheck = WuhanTemperature(),
            PassRequirement = new PassRequirement { OnEntry = false, OnExit = true, Source = "cn-policy §6.3 row 8: pass or health-code e-pass [S17]" },
            OutingQuota = OutingQuotaPresets.WuhanEpidemicFree2020,
            Actions = MeasureLists.Of(CommunityAction.InCompoundActivityByBatch),
        })
        .At("Suspended", new MeasureSet { ClosedManagement = WuhanClosure(EssentialExits()), TemperatureCheck = WuhanTemperature() })
        .At("NotCertified", new MeasureSet { ClosedManagement = WuhanClosure(EssentialExits()), TemperatureCheck = WuhanTemperature() })
        .Build();

    /// <summary>
    /// Gets <c>cn-2022-three-zones</c> (E4b, ≤ 2022-01): 封控区 → 区域封闭、足不出户、服务上门 (out only for emergencies with
    /// community approval; visitors barred); 管控区 → 人不出区、严禁聚集; 防范区 → 强化社会面管控、严格限制人员聚集. Close contacts
    /// under the eighth edition: 14 days centralized (tests on days 1, 4, 7, 14) + 7 days at home. The 管控区 quota of
    /// "2–3 days" is grade C and a range: add <see cref="OutingQuotaPresets.ThreeZonesControlled"/> locally.
    /// (cn-policy §1c, §6.5 [S41, S41b, S7])
    /// </summary>
    public static MeasureTable ThreeZones2022 { get; } = new MeasureTableBuilder(RiskScales.ChinaThreeZones)
        .WithEdition("cn-2022-three-zones")
        .At("Sealed", new MeasureSet
        {
            StayHome = new StayHome { Source = "cn-policy §1c, §6.5 row 1: 区域封闭、足不出户、服务上门 [S41, S41b]" },
            Visitors = new VisitorRule { Policy = VisitorPolicy.Barred, Source = "cn-policy §1c: 区域封闭 [S41]" },
        })
        .At("Controlled", new MeasureSet
        {
            StayInArea = new StayInArea { Source = "cn-policy §1c, §6.5 row 2: 人不出区、严禁聚集 [S41]" },
            Actions = MeasureLists.Of(CommunityAction.BanGatherings),
        })
        .At("Precaution", new MeasureSet { Actions = MeasureLists.Of(CommunityAction.StrengthenSocialControl, CommunityAction.RestrictGatherings) })
        .Plan(ExposureCategory.CloseContact, new QuarantinePlan
        {
            First = MonitoringStatus.CentralizedQuarantine,
            FirstDays = 14,
            FirstTestDays = MeasureLists.Of(1, 4, 7, 14),
            Then = MonitoringStatus.HomeHealthMonitoring,
            ThenDays = 7,
            Source = "cn-policy §1d: eighth edition 14+7, NAT 1, 4, 7, 14 [S7]",
        })
        .Build();

    /// <summary>
    /// Gets <c>cn-2022-06-ninth-edition</c> (E5, 2022-06-28): High → 足不出户、上门服务; Medium → 人不出区、错峰取物; Low →
    /// 个人防护、避免聚集 and a 48 h negative test to leave the city. People: close contacts and inbound travellers 7 days
    /// centralized (tests on days 1, 2, 3, 5, 7) + 3 days at home (test on day 3); secondary contacts 7 days home isolation
    /// (tests on days 1, 4, 7); arrivals with a 7-day history in a high-risk area 7 days centralized, in a medium-risk area
    /// 7 days home medical observation, in a low-risk area 2 tests within 3 days. The "+3" at home is 居家健康监测 in the
    /// edition's text; the reference says only "home". (cn-policy §1d, §6.6 [S7, S7b, S8])
    /// </summary>
    public static MeasureTable NinthEdition2022 { get; } = new MeasureTableBuilder(RiskScales.ChinaLowMediumHigh)
        .WithEdition("cn-2022-06-ninth-edition")
        .At("High", new MeasureSet { StayHome = new StayHome { Source = "cn-policy §1d, §6.6: 足不出户、上门服务 [S8]" } })
        .At("Medium", new MeasureSet { StayInArea = new StayInArea { Source = "cn-policy §1d, §6.6: 人不出区、错峰取物 [S8]" } })
        .At("Low", new MeasureSet
        {
            LeaveCityTest = new LeaveCityTest { Validity = Duration.FromHours(48), Source = "cn-policy §1d, §6.6: 48h NAT to leave the city [S8]" },
            Actions = MeasureLists.Of(CommunityAction.PersonalProtection, CommunityAction.AvoidGatherings),
        })
        .Plan(ExposureCategory.CloseContact, NinthContacts("cn-policy §1d: close contacts 7+3 [S7]"))
        .Plan(ExposureCategory.Inbound, NinthContacts("cn-policy §1d: inbound 7+3 [S7]"))
        .Plan(ExposureCategory.SecondaryContact, new QuarantinePlan
        {
            First = MonitoringStatus.HomeIsolation,
            FirstDays = 7,
            FirstTestDays = MeasureLists.Of(1, 4, 7),
            Source = "cn-policy §1d: 密接的密接 7 d home isolation, NAT 1, 4, 7 [S7]",
        })
        .Plan(ExposureCategory.ArrivedFromHighRiskArea, new QuarantinePlan { First = MonitoringStatus.CentralizedQuarantine, FirstDays = 7, HistoryWindowDays = 7, Source = "cn-policy §1d, §6.6: 7-day history, high → 7 d centralized [S7b]" })
        .Plan(ExposureCategory.ArrivedFromMediumRiskArea, new QuarantinePlan { First = MonitoringStatus.HomeMedicalObservation, FirstDays = 7, HistoryWindowDays = 7, Source = "cn-policy §1d, §6.6: 7-day history, medium → 7 d home medical observation [S7b]" })
        .Plan(ExposureCategory.ArrivedFromLowRiskArea, new QuarantinePlan { TestsRequired = 2, TestWindowDays = 3, HistoryWindowDays = 7, Source = "cn-policy §1d, §6.6: 7-day history, low → 2 NATs in 3 days [S7b]" })
        .Build();

    /// <summary>
    /// Gets <c>cn-2022-11-twenty-measures</c> (E6/E6b, 2022-11-11): no medium-risk areas; High → 足不出户、上门服务; Low →
    /// 个人防护、避免聚集 and a 48 h negative test to leave the city. People: close contacts 5 days centralized (tests on
    /// days 1, 2, 3, 5) + 3 days home isolation (tests on days 1, 3); no secondary contacts; high-risk-area spill-over 7 days
    /// home isolation (tests on days 1, 3, 5, 7); inbound 5 + 3. (cn-policy §1e, §6.7 [S10, S10c, S11])
    /// </summary>
    public static MeasureTable TwentyMeasures2022 { get; } = new MeasureTableBuilder(RiskScales.ChinaLowMediumHigh)
        .WithEdition("cn-2022-11-twenty-measures")
        .At("High", new MeasureSet { StayHome = new StayHome { Source = "cn-policy §1e, §6.7: 足不出户、上门服务 [S11b]" } })
        .At("Low", new MeasureSet
        {
            LeaveCityTest = new LeaveCityTest { Validity = Duration.FromHours(48), Source = "cn-policy §1e, §6.7: 48h NAT to leave the city [S11, S11c]" },
            Actions = MeasureLists.Of(CommunityAction.PersonalProtection, CommunityAction.AvoidGatherings),
        })
        .Plan(ExposureCategory.CloseContact, new QuarantinePlan
        {
            First = MonitoringStatus.CentralizedQuarantine,
            FirstDays = 5,
            FirstTestDays = MeasureLists.Of(1, 2, 3, 5),
            Then = MonitoringStatus.HomeIsolation,
            ThenDays = 3,
            ThenTestDays = MeasureLists.Of(1, 3),
            Source = "cn-policy §1e: close contacts 5+3 [S10]",
        })
        .Plan(ExposureCategory.HighRiskAreaSpillover, new QuarantinePlan
        {
            First = MonitoringStatus.HomeIsolation,
            FirstDays = 7,
            FirstTestDays = MeasureLists.Of(1, 3, 5, 7),
            Source = "cn-policy §1e: high-risk-area spill-over 7 d home isolation [S10]",
        })
        .Plan(ExposureCategory.Inbound, new QuarantinePlan
        {
            First = MonitoringStatus.CentralizedQuarantine,
            FirstDays = 5,
            Then = MonitoringStatus.HomeIsolation,
            ThenDays = 3,
            Source = "cn-policy §1e: inbound 5+3 [S10c]",
        })
        .Build();

    /// <summary>
    /// Gets <c>cn-2022-12-ten-measures</c> (E7, 2022-12-07): High (drawn by building, unit, floor or household only) →
    /// 足不出户 until 5 days without a new infection; everywhere else no movement or business restrictions; only elderly-care
    /// homes, welfare homes, medical institutions, childcare and primary/secondary schools may check the health code (and
    /// test proof, whose validity is not stated); no temporary lockdowns; fire exits, unit doors and compound gates must not
    /// be blocked; no arrival testing, no area-wide testing. (cn-policy §1f, §6.8 [S12, S12b])
    /// </summary>
    public static MeasureTable TenMeasures2022 { get; } = new MeasureTableBuilder(RiskScales.ChinaLowMediumHigh)
        .WithEdition("cn-2022-12-ten-measures")
        .At("High", new MeasureSet { StayHome = new StayHome { Source = "cn-policy §1f, §6.8 row 3 [S12]" }, VenueChecks = TenMeasuresVenues() })
        .At("Low", new MeasureSet { VenueChecks = TenMeasuresVenues() })
        .At("Normal", new MeasureSet { VenueChecks = TenMeasuresVenues() })
        .Prohibit(
            Prohibition.TemporaryLockdown,
            Prohibition.BlockingFireExits,
            Prohibition.BlockingUnitDoors,
            Prohibition.BlockingCompoundGates,
            Prohibition.RestrictionsOutsideHighRiskAreas,
            Prohibition.ChecksOutsideListedVenues,
            Prohibition.ArrivalTesting,
            Prohibition.AreaWideTesting)
        .Build();

    /// <summary>
    /// Gets <c>cn-2023-01-class-b</c> (E8, 2023-01-08, 乙类乙管): no risk areas, no isolation orders, no close-contact
    /// determination, testing voluntary and no mass screening. (cn-policy §1g, §6.9 [S13, S13c])
    /// </summary>
    public static MeasureTable ClassB2023 { get; } = new MeasureTableBuilder(RiskScales.ChinaLowMediumHigh)
        .WithEdition("cn-2023-01-class-b")
        .Prohibit(Prohibition.RiskAreas, Prohibition.IsolationOrders, Prohibition.CloseContactDetermination, Prohibition.AreaWideTesting)
        .Build();

    /// <summary>Gets <c>us-cdc-community-levels-2022</c> (2022-02-25 to 2023-05): the reference lists no gate measures for
    /// the levels, so the table is empty. (intl-policy §a.1)</summary>
    public static MeasureTable CdcCommunityLevels2022 { get; } = new MeasureTableBuilder(RiskScales.CdcCommunityLevels)
        .WithEdition("us-cdc-community-levels-2022")
        .Build();

    /// <summary>Gets <c>us-cdc-transmission-levels</c>: the reference lists no gate measures, so the table is empty. (intl-policy §a.2)</summary>
    public static MeasureTable CdcTransmissionLevels { get; } = new MeasureTableBuilder(RiskScales.CdcTransmissionLevels)
        .WithEdition("us-cdc-transmission-levels")
        .Build();

    /// <summary>
    /// Gets <c>de-28b-emergency-brake-2021</c> (2021-04-23 to 2021-06-30): above 100 (and so above 150 and 165), private
    /// gatherings of one household plus one other person, and a curfew from 22:00 to 05:00 with the listed exceptions. The
    /// shop (150) and school (165) tiers are not gate rules. (intl-policy §b)
    /// </summary>
    public static MeasureTable GermanyEmergencyBrake2021 { get; } = new MeasureTableBuilder(RiskScales.GermanyEmergencyBrake)
        .WithEdition("de-28b-emergency-brake-2021")
        .At("Above100", GermanBrake())
        .At("Above150", GermanBrake())
        .At("Above165", GermanBrake())
        .Build();

    /// <summary>Gets the built-in table of an edition.</summary>
    /// <param name="editionId">The edition id, e.g. <c>cn-2022-06-ninth-edition</c>.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="editionId"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No built-in table has that id.</exception>
    public static MeasureTable Get(string editionId)
    {
        if (editionId is null)
        {
            throw new ArgumentNullException(nameof(editionId));
        }

        return TryGet(editionId, out var table)
            ? table!
            : throw new KeyNotFoundException($"No built-in measure table for edition '{editionId}'; known: {string.Join(", ", Ids)}.");
    }

    /// <summary>Gets the built-in table of an edition, if there is one.</summary>
    /// <param name="editionId">The edition id.</param>
    /// <param name="table">The table, or null.</param>
    /// <returns>True when found.</returns>
    public static bool TryGet(string? editionId, out MeasureTable? table)
    {
        if (editionId is not null && ById.TryGetValue(editionId, out var found))
        {
            table = found;
            return true;
        }

        table = null;
        return false;
    }

    private static IReadOnlyList<CommunityAction> NoCaseActions() => MeasureLists.Of(
        CommunityAction.PreventImport,
        CommunityAction.Mobilization,
        CommunityAction.HealthEducation,
        CommunityAction.InformationNotice,
        CommunityAction.ReturneeManagement,
        CommunityAction.EnvironmentalSanitation,
        CommunityAction.SupplyPreparation);

    private static System.Collections.ObjectModel.ReadOnlyCollection<CommunityAction> Concat(IReadOnlyList<CommunityAction> first, params CommunityAction[] more)
    {
        var all = new List<CommunityAction>(first);
        all.AddRange(more);
        return all.AsReadOnly();
    }

    private static IReadOnlyList<OutingPurpose> EssentialExits() => MeasureLists.Of(
        OutingPurpose.MedicalCare, OutingPurpose.EpidemicWork, OutingPurpose.EssentialServiceWork, OutingPurpose.Emergency);

    private static ClosedManagement WuhanClosure(IReadOnlyList<OutingPurpose>? exitPurposes) => new()
    {
        OpenGates = 1,
        StaffedAroundTheClock = true,
        ExitPurposes = exitPurposes,
        Source = "cn-policy §1c 六个到位: one gate, 24h guard, temperature checks [S17]; exits [S15]",
    };

    private static TemperatureCheck WuhanTemperature() => new() { ReportAboveCelsius = 37.3, Source = "cn-policy §2: > 37.3 °C reported [S18]" };

    private static QuarantinePlan NinthContacts(string source) => new()
    {
        First = MonitoringStatus.CentralizedQuarantine,
        FirstDays = 7,
        FirstTestDays = MeasureLists.Of(1, 2, 3, 5, 7),
        Then = MonitoringStatus.HomeHealthMonitoring,
        ThenDays = 3,
        ThenTestDays = MeasureLists.Of(3),
        Source = source,
    };

    private static VenueChecks TenMeasuresVenues() => new()
    {
        Venues = MeasureLists.Of(VenueKind.ElderlyCareHome, VenueKind.WelfareHome, VenueKind.MedicalInstitution, VenueKind.Childcare, VenueKind.School),
        HealthCodeRequired = true,
        NegativeTestValidity = null,
        Source = "cn-policy §1f, §6.8 rows 5-6 [S12]",
    };

    private static MeasureSet GermanBrake() => new()
    {
        NightClosure = NightClosurePresets.GermanyCurfew2021,
        Actions = MeasureLists.Of(CommunityAction.GatheringOneHouseholdPlusOne),
    };
}
