namespace CommunityControl.Risk;

/// <summary>One tier of <see cref="IndicatorHysteresisOptions"/>.</summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class HysteresisTierOptions
{
    /// <summary>Gets or sets the code of the tier's level. Required.</summary>
    public string? Level { get; set; }

    /// <summary>Gets or sets the threshold T: strictly above to enter, strictly below to leave (a value equal to T does neither). Required.</summary>
    public double? Threshold { get; set; }

    /// <summary>Gets or sets the number of consecutive calendar days above T that bring the tier into force (3 under §28b). Required, at least 1.</summary>
    public int? EnterAfterDays { get; set; }

    /// <summary>Gets or sets the delay from the last of those days to the first day in force (2: "ab dem übernächsten Tag"). Required, at least 1.</summary>
    public int? EnterTakesEffectAfterDays { get; set; }

    /// <summary>Gets or sets the number of consecutive counted days below T that make the tier lapse (5 under §28b). Required, at least 1.</summary>
    public int? ExitAfterDays { get; set; }

    /// <summary>Gets or sets which days count towards lapsing: calendar days, or working days (Sundays and public holidays skipped without resetting). Required.</summary>
    public DayCountKind? ExitCounts { get; set; }

    /// <summary>Gets or sets the delay from the last of those days to the first day no longer in force (2 under §28b). Required, at least 1.</summary>
    public int? ExitTakesEffectAfterDays { get; set; }
}
