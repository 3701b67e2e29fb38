namespace CommunityControl.Risk;

/// <summary>One rule of a policy: an id and exactly one rule family's parameters.</summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class RiskRuleOptions
{
    /// <summary>Gets or sets the rule's id, unique in the policy. Required.</summary>
    public string? Id { get; set; }

    /// <summary>Gets or sets the parameters of a case-driven designation with a step-down ladder.</summary>
    public CaseDesignationOptions? CaseDesignation { get; set; }

    /// <summary>Gets or sets the parameters of a count-driven threshold table.</summary>
    public CountThresholdOptions? CountThresholds { get; set; }

    /// <summary>Gets or sets the parameters of a grade matrix: the area's grade × the zone's own grade (e.g. China's April 2020 precision plan).</summary>
    public GradeMatrixOptions? GradeMatrix { get; set; }

    /// <summary>Gets or sets the parameters of an epidemic-free certification.</summary>
    public EpidemicFreeCertificationOptions? EpidemicFreeCertification { get; set; }

    /// <summary>Gets or sets the parameters of indicator bands (e.g. the US CDC levels).</summary>
    public IndicatorBandOptions? IndicatorBands { get; set; }

    /// <summary>Gets or sets the parameters of indicator thresholds with hysteresis (e.g. Germany's §28b).</summary>
    public IndicatorHysteresisOptions? IndicatorHysteresis { get; set; }
}
