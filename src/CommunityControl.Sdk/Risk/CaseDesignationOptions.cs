using System.Collections.Generic;
using CommunityControl.Epidemiology;
using CommunityControl.Zones;

namespace CommunityControl.Risk;

/// <summary>
/// Parameters of the built-in case-designation rule family (<c>caseDesignation</c> in a rule of an edition document): a case designates its residence and activity places (lifted to the
/// drawing unit) at a stage of a step-down ladder; a stage steps down after N consecutive days without a new infection,
/// optionally only after an all-negative screening round.
/// </summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class CaseDesignationOptions
{
    /// <summary>Gets or sets the drawing unit, e.g. <see cref="ZoneKind.Compound"/> (9th edition) or <see cref="ZoneKind.Building"/>. Required.</summary>
    public ZoneKind? DrawingUnit { get; set; }

    /// <summary>
    /// Gets or sets the drawing units the investigation may choose from, per designation (<see cref="Epidemiology.CaseReport.DrawingUnit"/>),
    /// e.g. Building, Unit, Floor and Household (楼栋/单元/楼层/住户, the ten measures of 2022-12-07). It must include
    /// <see cref="DrawingUnit"/>, which stays the default. The default is empty: <see cref="DrawingUnit"/> only.
    /// </summary>
    public IList<ZoneKind> DrawingUnits { get; set; } = new List<ZoneKind>();

    /// <summary>Gets or sets the case kinds that count as infections, e.g. Confirmed and Asymptomatic. Required, not empty.</summary>
    public IList<CaseKind> Infections { get; set; } = new List<CaseKind>();

    /// <summary>Gets or sets the stage a residence enters. Required.</summary>
    public string? ResidenceStage { get; set; }

    /// <summary>Gets or sets the stage an activity place enters; null (the default) when activity places designate nothing.</summary>
    public string? ActivityStage { get; set; }

    /// <summary>Gets or sets the stage a high-risk activity place enters; null (the default) to use <see cref="ActivityStage"/>.</summary>
    public string? HighRiskActivityStage { get; set; }

    /// <summary>Gets or sets the settings in which a found infection designates nothing and restarts no count. The default is none.</summary>
    public IList<ControlSetting> NotDesignatingWhenFoundUnder { get; set; } = new List<ControlSetting>();

    /// <summary>Gets or sets the stages of the ladder. Required, not empty.</summary>
    public IList<CaseStageOptions> Stages { get; set; } = new List<CaseStageOptions>();
}
