using System.Collections.Generic;

namespace CommunityControl.Measures;

/// <summary>
/// A temperature check at the gate. A reading above <see cref="ReportAboveCelsius"/> is a fever: the person is not let
/// in and is reported to the community. A reading outside the plausible range (or not a number) asks for a re-measure.
/// </summary>
/// <remarks>
/// <para>Wuhan "双测温两报告" (2020-02-20): "&gt; 37.3 °C must be reported" (cn-policy §2 [S18]); GateCheck_2020 (§6.12):
/// "temperature &gt; 37.3 °C → deny entry, report to community". So 37.3 °C itself passes and 37.4 °C does not. Readings
/// are compared as given (no rounding).</para>
/// <para>The plausible range, 34.0–43.0 °C by default, is this library's guard against a failed reading, not a rule of
/// any source: an infrared reading of 20 °C or 80 °C is a faulty measurement, never an allow.</para>
/// </remarks>
public sealed class TemperatureCheck : ControlMeasure
{
    /// <inheritdoc/>
    public override MeasureKind Kind => MeasureKind.TemperatureCheck;

    /// <inheritdoc/>
    public override string NameZh => "体温检测";

    /// <inheritdoc/>
    public override string NameEn => "Temperature check";

    /// <summary>The lowest plausible reading where a level sets no temperature check, and the default of <see cref="PlausibleMinimumCelsius"/>: 34.0 °C.</summary>
    public const double DefaultPlausibleMinimumCelsius = 34.0;

    /// <summary>The highest plausible reading where a level sets no temperature check, and the default of <see cref="PlausibleMaximumCelsius"/>: 43.0 °C.</summary>
    public const double DefaultPlausibleMaximumCelsius = 43.0;

    /// <summary>Gets the threshold: a reading strictly above it is a fever.</summary>
    /// <value>The default is 37.3 °C (cn-policy §2 [S18]).</value>
    public double ReportAboveCelsius { get; init; } = 37.3;

    /// <summary>Gets the lowest plausible reading.</summary>
    /// <value>The default is 34.0 °C.</value>
    public double PlausibleMinimumCelsius { get; init; } = DefaultPlausibleMinimumCelsius;

    /// <summary>Gets the highest plausible reading.</summary>
    /// <value>The default is 43.0 °C.</value>
    public double PlausibleMaximumCelsius { get; init; } = DefaultPlausibleMaximumCelsius;

    /// <summary>Gets a value indicating whether people are measured on entry.</summary>
    /// <value>The default is true.</value>
    public bool OnEntry { get; init; } = true;

    /// <summary>Gets a value indicating whether residents are measured on exit.</summary>
    /// <value>The default is false.</value>
    public bool OnExit { get; init; }

    internal override void Validate(string path, List<(string Path, string Message)> problems)
    {
        var finite = IsFinite(ReportAboveCelsius) && IsFinite(PlausibleMinimumCelsius) && IsFinite(PlausibleMaximumCelsius);
        if (!finite)
        {
            problems.Add((path + ".reportAboveCelsius", "Temperatures must be finite numbers."));
        }
        else if (!(PlausibleMinimumCelsius < ReportAboveCelsius && ReportAboveCelsius < PlausibleMaximumCelsius))
        {
            problems.Add((path + ".reportAboveCelsius", $"The threshold {ReportAboveCelsius} °C must lie inside the plausible range {PlausibleMinimumCelsius}–{PlausibleMaximumCelsius} °C."));
        }
        else if (PlausibleMinimumCelsius < 25 || PlausibleMaximumCelsius > 50)
        {
            problems.Add((path + ".plausibleMinimumCelsius", "The plausible range must lie within 25–50 °C."));
        }

        CheckDirections(OnEntry, OnExit, path + ".onEntry", problems);
    }

    internal override ControlMeasure Freeze() => new TemperatureCheck
    {
        Source = Source,
        ReportAboveCelsius = ReportAboveCelsius,
        PlausibleMinimumCelsius = PlausibleMinimumCelsius,
        PlausibleMaximumCelsius = PlausibleMaximumCelsius,
        OnEntry = OnEntry,
        OnExit = OnExit,
    };

    private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);
}
