using System.Collections.Generic;
using CommunityControl.Zones;

namespace CommunityControl.Risk;

/// <summary>
/// Parameters of the built-in indicator-band rule family (<c>indicatorBands</c> in a rule of an edition document): each classifier maps one metric to a level by bands (each band's lower
/// bound belongs to it), optionally only when other metrics meet conditions; the level is the highest classifier's.
/// </summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class IndicatorBandOptions
{
    /// <summary>Gets or sets the kind of the zones graded (a US county is a <see cref="ZoneKind.District"/>). Required.</summary>
    public ZoneKind? Unit { get; set; }

    /// <summary>Gets or sets how many days a published value stays valid (7 for weekly data). Required, at least 1.</summary>
    public int? ValueValidDays { get; set; }

    /// <summary>
    /// Gets or sets what a classifier that applies but has no valid value does (see <see cref="MissingIndicatorHandling"/>).
    /// The default (null) is <see cref="MissingIndicatorHandling.InsufficientData"/>.
    /// </summary>
    public MissingIndicatorHandling? MissingValues { get; set; }

    /// <summary>Gets or sets the classifiers. Required, not empty.</summary>
    public IList<IndicatorClassifierOptions> Classifiers { get; set; } = new List<IndicatorClassifierOptions>();
}
