using System;
using System.Collections.Generic;
using NodaTime;

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

    /// <summary>Gets the threshold: a reading strictly above it is a fever.</summary>
    /// <value>The default is 37.3 °C (cn-policy §2 [S18]).</value>
    public double ReportAboveCelsius { get; init; } = 37.3;

    /// <summary>Gets the lowest plausible reading.</summary>
    /// <value>The default is 34.0 °C.</value>
    public double PlausibleMinimumCelsius { get; init; } = 34.0;

    /// <summary>Gets the highest plausible reading.</summary>
    /// <value>The default is 43.0 °C.</value>
    public double PlausibleMaximumCelsius { get; init; } = 43.0;

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

/// <summary>A health-code check at the gate: only the listed colours pass.</summary>
/// <remarks>Hangzhou 2020-02-11: green passes, yellow is restricted, red is denied (cn-policy §6.10 [S34]); 2021–2022 compound
/// gates checked 健康码 + 行程码 + 出入证 (§2 [S43b]).</remarks>
public sealed class HealthCodeCheck : ControlMeasure
{
    /// <inheritdoc/>
    public override MeasureKind Kind => MeasureKind.HealthCodeCheck;

    /// <inheritdoc/>
    public override string NameZh => "查验健康码";

    /// <inheritdoc/>
    public override string NameEn => "Health-code check";

    /// <summary>Gets the colours that pass.</summary>
    /// <value>The default is <see cref="HealthCodeColour.Green"/> only.</value>
    public IReadOnlyList<HealthCodeColour> Accepted { get; init; } = new[] { HealthCodeColour.Green };

    /// <summary>Gets a value indicating whether codes are checked on entry.</summary>
    /// <value>The default is true.</value>
    public bool OnEntry { get; init; } = true;

    /// <summary>Gets a value indicating whether residents' codes are checked on exit.</summary>
    /// <value>The default is false.</value>
    public bool OnExit { get; init; }

    internal override void Validate(string path, List<(string Path, string Message)> problems)
    {
        CheckColours(Accepted, path + ".accepted", problems);
        CheckDirections(OnEntry, OnExit, path + ".onEntry", problems);
    }

    internal override ControlMeasure Freeze() => new HealthCodeCheck { Source = Source, Accepted = FreezeList(Accepted), OnEntry = OnEntry, OnExit = OnExit };

    internal static void CheckColours(IReadOnlyList<HealthCodeColour>? colours, string path, List<(string Path, string Message)> problems)
    {
        if (colours is null || colours.Count == 0)
        {
            problems.Add((path, "At least one colour must pass."));
            return;
        }

        for (var i = 0; i < colours.Count; i++)
        {
            if (colours[i] <= HealthCodeColour.Unknown || colours[i] > HealthCodeColour.Invalid)
            {
                problems.Add(($"{path}[{i}]", $"'{colours[i]}' cannot be an accepted colour."));
            }
        }
    }
}

/// <summary>A pass (出入证) is required to go in and out (凭证出入): residents without one are refused.</summary>
/// <remarks>Beijing 2020-02-09: residents and vehicles 凭证出入 (cn-policy §2 [S20]); Yangling colour passes (§5 [S29]).</remarks>
public sealed class PassRequirement : ControlMeasure
{
    /// <inheritdoc/>
    public override MeasureKind Kind => MeasureKind.PassRequirement;

    /// <inheritdoc/>
    public override string NameZh => "凭证出入";

    /// <inheritdoc/>
    public override string NameEn => "Pass required";

    /// <summary>Gets a value indicating whether residents need the pass to come in.</summary>
    /// <value>The default is true.</value>
    public bool OnEntry { get; init; } = true;

    /// <summary>Gets a value indicating whether residents need the pass to go out.</summary>
    /// <value>The default is true.</value>
    public bool OnExit { get; init; } = true;

    internal override void Validate(string path, List<(string Path, string Message)> problems)
        => CheckDirections(OnEntry, OnExit, path + ".onEntry", problems);

    internal override ControlMeasure Freeze() => new PassRequirement { Source = Source, OnEntry = OnEntry, OnExit = OnExit };
}

/// <summary>Registration at the gate (登记) of the listed categories of people coming in.</summary>
/// <remarks>Wuhan 2020-02-14: 测温、登记、审核放行 (cn-policy §2 [S15]); Beijing 2020-02-01: visitors, outside cars and new tenants (§2 [S20b]).</remarks>
public sealed class Registration : ControlMeasure
{
    /// <inheritdoc/>
    public override MeasureKind Kind => MeasureKind.Registration;

    /// <inheritdoc/>
    public override string NameZh => "登记";

    /// <inheritdoc/>
    public override string NameEn => "Registration";

    /// <summary>Gets the categories of people registered when they come in.</summary>
    /// <value>The default is empty, which is rejected: the categories must be stated.</value>
    public IReadOnlyList<PersonCategory> Categories { get; init; } = Array.Empty<PersonCategory>();

    internal override void Validate(string path, List<(string Path, string Message)> problems)
    {
        if (Categories is null || Categories.Count == 0)
        {
            problems.Add((path + ".categories", "At least one category of people must be registered."));
            return;
        }

        for (var i = 0; i < Categories.Count; i++)
        {
            if (Categories[i] <= PersonCategory.Unknown || Categories[i] > PersonCategory.Staff)
            {
                problems.Add(($"{path}.categories[{i}]", $"'{Categories[i]}' is not a category of people."));
            }
        }
    }

    internal override ControlMeasure Freeze() => new Registration { Source = Source, Categories = FreezeList(Categories) };
}

/// <summary>The rule for visitors.</summary>
public sealed class VisitorRule : ControlMeasure
{
    /// <inheritdoc/>
    public override MeasureKind Kind => MeasureKind.Visitors;

    /// <inheritdoc/>
    public override string NameZh => "访客管理";

    /// <inheritdoc/>
    public override string NameEn => "Visitors";

    /// <summary>Gets whether visitors are let in.</summary>
    /// <value>The default is <see cref="VisitorPolicy.Unknown"/>, which is rejected.</value>
    public VisitorPolicy Policy { get; init; }

    /// <summary>Gets the special reasons for which a barred visitor is still let in (and registered).</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<OutingPurpose> SpecialReasons { get; init; } = Array.Empty<OutingPurpose>();

    internal override void Validate(string path, List<(string Path, string Message)> problems)
    {
        if (Policy is not (VisitorPolicy.Barred or VisitorPolicy.AdmittedOnResidentConfirmation or VisitorPolicy.Admitted))
        {
            problems.Add((path + ".policy", "The visitor policy is required: Barred, AdmittedOnResidentConfirmation or Admitted."));
        }

        CheckPurposes(SpecialReasons, path + ".specialReasons", problems);
    }

    internal override ControlMeasure Freeze() => new VisitorRule { Source = Source, Policy = Policy, SpecialReasons = FreezeList(SpecialReasons) };
}

/// <summary>The rule for couriers and take-out riders.</summary>
public sealed class CourierRule : ControlMeasure
{
    /// <inheritdoc/>
    public override MeasureKind Kind => MeasureKind.Couriers;

    /// <inheritdoc/>
    public override string NameZh => "快递外卖管理";

    /// <inheritdoc/>
    public override string NameEn => "Couriers";

    /// <summary>Gets how goods are handed over.</summary>
    /// <value>The default is <see cref="CourierHandover.Unknown"/>, which is rejected.</value>
    public CourierHandover Handover { get; init; }

    internal override void Validate(string path, List<(string Path, string Message)> problems)
    {
        if (Handover is not (CourierHandover.AtGate or CourierHandover.LockerAfterRegistration or CourierHandover.ToDoor))
        {
            problems.Add((path + ".handover", "The hand-over is required: AtGate, LockerAfterRegistration or ToDoor."));
        }
    }

    internal override ControlMeasure Freeze() => new CourierRule { Source = Source, Handover = Handover };
}

/// <summary>
/// The checks that only the listed venues may make (the ten measures, 2022-12-07, §6.8): at these venues the health
/// code (and, when a validity is set, a negative test) is checked; elsewhere nothing is.
/// </summary>
/// <remarks>The ten measures name 养老院、福利院、医疗机构、托幼机构、中小学 and say they "may require health code + NAT proof";
/// the validity of that proof is not stated (UNCONFIRMED), so <see cref="NegativeTestValidity"/> has no default.</remarks>
public sealed class VenueChecks : ControlMeasure
{
    /// <inheritdoc/>
    public override MeasureKind Kind => MeasureKind.VenueChecks;

    /// <inheritdoc/>
    public override string NameZh => "特定场所查验";

    /// <inheritdoc/>
    public override string NameEn => "Checks at listed venues";

    /// <summary>Gets the venues that check.</summary>
    /// <value>The default is empty, which is rejected.</value>
    public IReadOnlyList<VenueKind> Venues { get; init; } = Array.Empty<VenueKind>();

    /// <summary>Gets a value indicating whether those venues check the health code (green passes).</summary>
    /// <value>The default is false.</value>
    public bool HealthCodeRequired { get; init; }

    /// <summary>Gets how long before entry a negative test may have been sampled; null when no test proof is checked.</summary>
    /// <value>The default is null: the ten measures state no validity.</value>
    public Duration? NegativeTestValidity { get; init; }

    internal override void Validate(string path, List<(string Path, string Message)> problems)
    {
        if (Venues is null || Venues.Count == 0)
        {
            problems.Add((path + ".venues", "At least one venue must be listed."));
        }
        else
        {
            for (var i = 0; i < Venues.Count; i++)
            {
                if (Venues[i] <= VenueKind.None || Venues[i] > VenueKind.Other)
                {
                    problems.Add(($"{path}.venues[{i}]", $"'{Venues[i]}' is not a venue."));
                }
            }
        }

        if (!HealthCodeRequired && NegativeTestValidity is null)
        {
            problems.Add((path + ".healthCodeRequired", "The venues must check the health code, a negative test, or both."));
        }

        CheckDuration(NegativeTestValidity, path + ".negativeTestValidity", Duration.FromDays(30), problems);
    }

    internal override ControlMeasure Freeze() => new VenueChecks
    {
        Source = Source,
        Venues = FreezeList(Venues),
        HealthCodeRequired = HealthCodeRequired,
        NegativeTestValidity = NegativeTestValidity,
    };
}
