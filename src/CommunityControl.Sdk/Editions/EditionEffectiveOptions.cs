namespace CommunityControl.Editions;

/// <summary>When an edition is in force: dates as precise as the sources give them.</summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class EditionEffectiveOptions
{
    /// <summary>Gets or sets the first day in force: <c>uuuu-MM-dd</c>, or <c>uuuu-MM</c>/<c>uuuu</c> when the day is UNCONFIRMED, or null when unknown (then <see cref="Note"/> is required).</summary>
    public string? From { get; set; }

    /// <summary>Gets or sets the last day in force (inclusive), as precise as known; null (the default) while not ended or superseded by a later edition.</summary>
    public string? Until { get; set; }

    /// <summary>
    /// Gets or sets whether the days before <see cref="From"/> count towards a trigger of the edition's rules (e.g. the three
    /// days above a threshold of §28b IfSG). The edition sets no level before <see cref="From"/> either way. The default (null)
    /// is false: the rules see no day before the edition applies.
    /// </summary>
    public bool? EarlierDaysCount { get; set; }

    /// <summary>Gets or sets a note on the dates (conflicting sources, UNCONFIRMED days).</summary>
    public string? Note { get; set; }
}
