namespace CommunityControl.Records;

/// <summary>Why a <see cref="HealthAlert"/> was raised about a person under observation.</summary>
/// <remarks>Values never change between versions.</remarks>
public enum HealthAlertKind
{
    /// <summary>Not set.</summary>
    Unknown = 0,

    /// <summary>A reading above the temperature check's threshold (a fever: 37.4 °C with the 37.3 °C threshold).</summary>
    Fever = 1,

    /// <summary>A report naming at least one symptom.</summary>
    Symptoms = 2,

    /// <summary>A reporting period passed without a report that carries a reading.</summary>
    MissedReport = 3,

    /// <summary>A reading outside the plausible range, or not a number: a faulty measurement to repeat.</summary>
    ImplausibleReading = 4,
}
