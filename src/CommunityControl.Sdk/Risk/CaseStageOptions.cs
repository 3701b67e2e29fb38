namespace CommunityControl.Risk;

/// <summary>One stage of a step-down ladder.</summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class CaseStageOptions
{
    /// <summary>Gets or sets the stage's id, e.g. <c>High</c> or <c>MediumFromHigh</c>. Required.</summary>
    public string? Id { get; set; }

    /// <summary>Gets or sets the code of the stage's level on the scale. Required.</summary>
    public string? Level { get; set; }

    /// <summary>Gets or sets N: the stage steps down after N consecutive days without a new infection (the day of the last infection, or of entering the stage by a step-down, is day 0 and day 1 respectively). Required, at least 1.</summary>
    public int? StepDownAfterDays { get; set; }

    /// <summary>Gets or sets whether stepping down also needs an all-negative screening round of the zone (or an ancestor). Required: the references dispute it, so there is no default.</summary>
    public bool? RequireNegativeScreening { get; set; }

    /// <summary>Gets or sets how many days, ending on the day the run of N days is complete (or a later day of the run), the round may lie in: 1 = on that day. Required when <see cref="RequireNegativeScreening"/> is true.</summary>
    public int? ScreeningWithinDays { get; set; }

    /// <summary>Gets or sets the stage entered on stepping down; null (the default) when the designation is lifted.</summary>
    public string? StepDownTo { get; set; }

    /// <summary>Gets or sets the stage entered when a new infection hits a zone in this stage; null (the default) to restart this stage's count.</summary>
    public string? OnNewInfection { get; set; }
}
