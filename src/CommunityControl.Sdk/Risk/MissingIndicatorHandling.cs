namespace CommunityControl.Risk;

/// <summary>
/// What an indicator-band rule does when a classifier that applies has no valid value (e.g. a US county without hospital
/// data). In every mode a classifier whose conditions cannot be decided (e.g. no case rate) leaves the level undecided, and a
/// classifier that applies but has no value still implies its floor, the level of its lowest band (a non-negative metric
/// cannot fall below it): with 200 or more new cases per 100,000 CDC's table never gives less than Medium.
/// </summary>
/// <remarks>Values never change between versions.</remarks>
public enum MissingIndicatorHandling
{
    /// <summary>Not set; rejected when stated explicitly.</summary>
    Unknown = 0,

    /// <summary>
    /// The level is <see cref="RiskAssessmentOutcome.InsufficientData"/>, at least the highest of the decided classifiers'
    /// levels and the floors of those without a value, unless that is already the scale's highest level. The default.
    /// </summary>
    InsufficientData = 1,

    /// <summary>
    /// Classifiers without a value are left out while another classifier that applies has one: the level is the highest of
    /// the classifiers with a value (CDC's "the higher of the new admissions and inpatient beds metrics" read over the metrics
    /// present). When no classifier that applies has a value, as <see cref="InsufficientData"/>.
    /// </summary>
    UseMetricsPresent = 2,

    /// <summary>A classifier without a value gives its floor: the level is determined as the highest of the decided levels and the floors.</summary>
    Floor = 3,
}
