namespace CommunityControl.Risk;

/// <summary>One band: values from <see cref="AtLeast"/> (inclusive) up to the next band's lower bound are at <see cref="Level"/>.</summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class IndicatorBandLevelOptions
{
    /// <summary>Gets or sets the inclusive lower bound. Required.</summary>
    public double? AtLeast { get; set; }

    /// <summary>Gets or sets the code of the band's level. Required.</summary>
    public string? Level { get; set; }
}
