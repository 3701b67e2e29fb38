using System.Collections.Generic;

namespace CommunityControl.Measures;

/// <summary>
/// Local gate rules of 2020 as measure sets (cn-policy §2 and GateCheck_2020, §6.12), to put at a level of a local table.
/// </summary>
/// <remarks>
/// "Special reasons" that let a barred visitor in are not listed by the sources; they are modelled as
/// <see cref="OutingPurpose.Emergency"/>, <see cref="OutingPurpose.MedicalCare"/>, <see cref="OutingPurpose.EpidemicWork"/>
/// and <see cref="OutingPurpose.EssentialServiceWork"/>, the purposes of the exemptions row of §2.
/// </remarks>
public static class GatePresets
{
    private static readonly IReadOnlyList<OutingPurpose> SpecialReasons = MeasureLists.Of(
        OutingPurpose.Emergency, OutingPurpose.MedicalCare, OutingPurpose.EpidemicWork, OutingPurpose.EssentialServiceWork);

    /// <summary>
    /// Gets Wuhan's gate of February 2020: one gate per compound, staffed 24 h, 测温、登记、审核放行; residents out only for
    /// medical care or an epidemic or service post (2020-02-14 [S15]); above 37.3 °C refused and reported (2020-02-20
    /// [S18]); outsiders barred without a special reason; couriers hand over at a designated point (§6.12).
    /// </summary>
    public static MeasureSet Wuhan2020February { get; } = new()
    {
        ClosedManagement = new ClosedManagement
        {
            OpenGates = 1,
            StaffedAroundTheClock = true,
            ExitPurposes = MeasureLists.Of(OutingPurpose.MedicalCare, OutingPurpose.EpidemicWork, OutingPurpose.EssentialServiceWork, OutingPurpose.Emergency),
            Source = "cn-policy §2: Wuhan CDC 2020-02-14 [S15]",
        },
        TemperatureCheck = new TemperatureCheck { ReportAboveCelsius = 37.3, Source = "cn-policy §2: 双测温两报告 2020-02-20 [S18]" },
        Registration = new Registration
        {
            Categories = MeasureLists.Of(PersonCategory.Resident, PersonCategory.Visitor, PersonCategory.Courier, PersonCategory.Staff),
            Source = "cn-policy §2: 测温、登记、审核放行 [S15]",
        },
        Visitors = new VisitorRule { Policy = VisitorPolicy.Barred, SpecialReasons = SpecialReasons, Source = "cn-policy §2, §6.12: outsiders barred without special reason [S15]" },
        Couriers = new CourierRule { Handover = CourierHandover.AtGate, Source = "cn-policy §6.12 [S15, S20]" },
    };

    /// <summary>
    /// Gets Beijing's gate of 2020-02-09: checkpoints, residents 凭证出入, visitors barred in principle (registered in
    /// special cases), temperature, couriers to a designated pickup area (§2 [S20]). S20 states no threshold; 37.3 °C is
    /// the threshold of S18.
    /// </summary>
    public static MeasureSet Beijing2020February { get; } = new()
    {
        PassRequirement = new PassRequirement { Source = "cn-policy §2: Beijing 2020-02-09 凭证出入 [S20]" },
        TemperatureCheck = new TemperatureCheck { ReportAboveCelsius = 37.3, Source = "cn-policy §2: Beijing 2020-02-09 [S20]; threshold from [S18]" },
        Registration = new Registration { Categories = MeasureLists.Of(PersonCategory.Visitor, PersonCategory.Courier), Source = "cn-policy §2: Beijing 2020-02-01/09 [S20, S20b]" },
        Visitors = new VisitorRule { Policy = VisitorPolicy.Barred, SpecialReasons = SpecialReasons, Source = "cn-policy §2, §6.12: register if special [S20]" },
        Couriers = new CourierRule { Handover = CourierHandover.AtGate, Source = "cn-policy §2: designated pickup area [S20]" },
    };

    /// <summary>
    /// Gets Zhuhai Xiangzhou's gate of about March 2020: above 37.3 °C not admitted and reported; couriers may enter to the
    /// lockers or gatehouse after registration and temperature (§2 [S21], grade C).
    /// </summary>
    public static MeasureSet Zhuhai2020March { get; } = new()
    {
        TemperatureCheck = new TemperatureCheck { ReportAboveCelsius = 37.3, Source = "cn-policy §2: Zhuhai Xiangzhou ~2020-03 [S21]" },
        Registration = new Registration { Categories = MeasureLists.Of(PersonCategory.Courier), Source = "cn-policy §2 [S21]" },
        Couriers = new CourierRule { Handover = CourierHandover.LockerAfterRegistration, Source = "cn-policy §2, §6.12 [S21]" },
    };

    /// <summary>
    /// Gets Daqing's gate of about March 2020: the outing quota lifted; one gate, masks, temperature, health code; visitors
    /// let in on a resident's confirmation with code, temperature and registration (§2 [S22], grade C). S22 states no
    /// threshold; 37.3 °C is the threshold of S18.
    /// </summary>
    public static MeasureSet Daqing2020March { get; } = new()
    {
        ClosedManagement = new ClosedManagement { OpenGates = 1, Source = "cn-policy §2: Daqing ~2020-03 [S22]" },
        TemperatureCheck = new TemperatureCheck { ReportAboveCelsius = 37.3, Source = "cn-policy §2: Daqing [S22]; threshold from [S18]" },
        HealthCodeCheck = new HealthCodeCheck { Source = "cn-policy §2: Daqing [S22]" },
        Registration = new Registration { Categories = MeasureLists.Of(PersonCategory.Visitor), Source = "cn-policy §2: Daqing [S22]" },
        Visitors = new VisitorRule { Policy = VisitorPolicy.AdmittedOnResidentConfirmation, Source = "cn-policy §2: Daqing [S22]" },
    };
}
