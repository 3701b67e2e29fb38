using System.Collections.Generic;
using CommunityControl.Measures;
using NodaTime;

namespace CommunityControl.Serialization;

// The JSON shapes of measure tables. Source-generated System.Text.Json sets init-only properties through an object
// initializer and passes default(T) for absent members, which would lose the public types' documented defaults (37.3 °C,
// OnEntry = true …). So documents are read into these mutable shapes, whose absent members stay null, and mapped onto
// the public types starting from their own defaults.
#pragma warning disable SA1402, SA1649 // one file for the document shapes, as in ZoneTreeJson.cs

internal sealed class MeasureTableDocument
{
    public string? Edition { get; set; }

    public string? Scale { get; set; }

    public Dictionary<string, MeasureSetDocument?>? Levels { get; set; }

    public Dictionary<string, QuarantinePlanDocument?>? Plans { get; set; }

    public List<Prohibition>? Prohibitions { get; set; }

    public static MeasureTableDocument From(MeasureTableOptions options)
    {
        var document = new MeasureTableDocument
        {
            Edition = options.Edition,
            Scale = options.Scale,
            Levels = new Dictionary<string, MeasureSetDocument?>(),
            Plans = new Dictionary<string, QuarantinePlanDocument?>(),
            Prohibitions = new List<Prohibition>(options.Prohibitions),
        };
        foreach (var pair in options.Levels)
        {
            document.Levels[pair.Key] = MeasureSetDocument.From(pair.Value);
        }

        foreach (var pair in options.Plans)
        {
            document.Plans[pair.Key] = QuarantinePlanDocument.From(pair.Value);
        }

        return document;
    }

    public MeasureTableOptions ToOptions() => ToOptions("$", new List<(string Path, string Message)>());

    /// <summary>Maps the document to options, resolving each <c>"preset"</c> (problems with their paths under <paramref name="path"/>).</summary>
    public MeasureTableOptions ToOptions(string path, List<(string Path, string Message)> problems)
    {
        var options = new MeasureTableOptions { Edition = Edition, Scale = Scale, Levels = null!, Plans = null!, Prohibitions = null! };
        if (Levels is not null)
        {
            options.Levels = new Dictionary<string, MeasureSet>();
            foreach (var pair in Levels)
            {
                options.Levels[pair.Key] = pair.Value?.ToMeasures(path + ".levels." + pair.Key, problems)!;
            }
        }

        if (Plans is not null)
        {
            options.Plans = new Dictionary<string, QuarantinePlan>();
            foreach (var pair in Plans)
            {
                options.Plans[pair.Key] = pair.Value?.ToPlan()!;
            }
        }

        options.Levels ??= new Dictionary<string, MeasureSet>();
        options.Plans ??= new Dictionary<string, QuarantinePlan>();
        options.Prohibitions = Prohibitions ?? new List<Prohibition>();
        return options;
    }
}

internal sealed class MeasureSetDocument
{
    public ClosedManagementDocument? ClosedManagement { get; set; }

    public StayHomeDocument? StayHome { get; set; }

    public StayInAreaDocument? StayInArea { get; set; }

    public OutingQuotaDocument? OutingQuota { get; set; }

    public TemperatureCheckDocument? TemperatureCheck { get; set; }

    public HealthCodeCheckDocument? HealthCodeCheck { get; set; }

    public PassRequirementDocument? PassRequirement { get; set; }

    public RegistrationDocument? Registration { get; set; }

    public VisitorRuleDocument? Visitors { get; set; }

    public CourierRuleDocument? Couriers { get; set; }

    public NightClosureDocument? NightClosure { get; set; }

    public LeaveCityTestDocument? LeaveCityTest { get; set; }

    public VenueChecksDocument? VenueChecks { get; set; }

    public List<CommunityAction>? Actions { get; set; }

    /// <summary>Gets or sets the name of a gate fragment (<see cref="MeasureFragments"/>) whose fields this level's own fields override.</summary>
    public string? Preset { get; set; }

    public static MeasureSetDocument From(MeasureSet set) => new()
    {
        ClosedManagement = set.ClosedManagement is { } cm ? new() { Source = cm.Source, OpenGates = cm.OpenGates, StaffedAroundTheClock = cm.StaffedAroundTheClock, ExitPurposes = ListOrNull(cm.ExitPurposes) } : null,
        StayHome = set.StayHome is { } sh ? new() { Source = sh.Source, ExitPurposes = ListOrNull(sh.ExitPurposes), ExitNeedsApproval = sh.ExitNeedsApproval } : null,
        StayInArea = set.StayInArea is { } sa ? new() { Source = sa.Source, ExitPurposes = ListOrNull(sa.ExitPurposes), ExitNeedsApproval = sa.ExitNeedsApproval, EscortToPickupPoint = sa.EscortToPickupPoint } : null,
        OutingQuota = set.OutingQuota is { } q ? new() { Source = q.Source, Persons = q.Persons, Interval = q.Interval, Window = q.Window == OutingWindowKind.Unknown ? null : q.Window, MaxAbsence = q.MaxAbsence, ExemptPurposes = ListOrNull(q.ExemptPurposes) } : null,
        TemperatureCheck = set.TemperatureCheck is { } t ? new()
        {
            Source = t.Source,
            ReportAboveCelsius = t.ReportAboveCelsius,
            PlausibleMinimumCelsius = t.PlausibleMinimumCelsius,
            PlausibleMaximumCelsius = t.PlausibleMaximumCelsius,
            OnEntry = t.OnEntry,
            OnExit = t.OnExit,
        }
        : null,
        HealthCodeCheck = set.HealthCodeCheck is { } h ? new() { Source = h.Source, Accepted = ListOrNull(h.Accepted), OnEntry = h.OnEntry, OnExit = h.OnExit } : null,
        PassRequirement = set.PassRequirement is { } p ? new() { Source = p.Source, OnEntry = p.OnEntry, OnExit = p.OnExit } : null,
        Registration = set.Registration is { } r ? new() { Source = r.Source, Categories = ListOrNull(r.Categories) } : null,
        Visitors = set.Visitors is { } v ? new() { Source = v.Source, Policy = v.Policy, SpecialReasons = ListOrNull(v.SpecialReasons) } : null,
        Couriers = set.Couriers is { } c ? new() { Source = c.Source, Handover = c.Handover } : null,
        NightClosure = set.NightClosure is { } n ? new() { Source = n.Source, Start = n.Start, End = n.End, ExemptPurposes = ListOrNull(n.ExemptPurposes), ClosesEntries = n.ClosesEntries } : null,
        LeaveCityTest = set.LeaveCityTest is { } l ? new() { Source = l.Source, Validity = l.Validity } : null,
        VenueChecks = set.VenueChecks is { } vc ? new() { Source = vc.Source, Venues = ListOrNull(vc.Venues), HealthCodeRequired = vc.HealthCodeRequired, NegativeTestValidity = vc.NegativeTestValidity } : null,
        Actions = ListOrNull(set.Actions),
    };

    public MeasureSet ToMeasures(string path, List<(string Path, string Message)> problems)
    {
        var level = MeasureFragments.Resolve(this, path, problems);
        return level.Map(path, problems);
    }

    /// <summary>This level's fields, each in place of the fragment's field of the same name.</summary>
    public MeasureSetDocument Overlay(MeasureSetDocument fragment) => new()
    {
        ClosedManagement = ClosedManagement ?? fragment.ClosedManagement,
        StayHome = StayHome ?? fragment.StayHome,
        StayInArea = StayInArea ?? fragment.StayInArea,
        OutingQuota = OutingQuota ?? fragment.OutingQuota,
        TemperatureCheck = TemperatureCheck ?? fragment.TemperatureCheck,
        HealthCodeCheck = HealthCodeCheck ?? fragment.HealthCodeCheck,
        PassRequirement = PassRequirement ?? fragment.PassRequirement,
        Registration = Registration ?? fragment.Registration,
        Visitors = Visitors ?? fragment.Visitors,
        Couriers = Couriers ?? fragment.Couriers,
        NightClosure = NightClosure ?? fragment.NightClosure,
        LeaveCityTest = LeaveCityTest ?? fragment.LeaveCityTest,
        VenueChecks = VenueChecks ?? fragment.VenueChecks,
        Actions = Actions ?? fragment.Actions,
    };

    private MeasureSet Map(string path, List<(string Path, string Message)> problems) => new()
    {
        ClosedManagement = ClosedManagement?.ToMeasure(),
        StayHome = StayHome?.ToMeasure(),
        StayInArea = StayInArea?.ToMeasure(),
        OutingQuota = OutingQuota is null ? null : MeasureFragments.Resolve(OutingQuota, path + ".outingQuota", problems)?.ToMeasure(),
        TemperatureCheck = TemperatureCheck?.ToMeasure(),
        HealthCodeCheck = HealthCodeCheck?.ToMeasure(),
        PassRequirement = PassRequirement?.ToMeasure(),
        Registration = Registration?.ToMeasure(),
        Visitors = Visitors?.ToMeasure(),
        Couriers = Couriers?.ToMeasure(),
        NightClosure = NightClosure is null ? null : MeasureFragments.Resolve(NightClosure, path + ".nightClosure", problems)?.ToMeasure(),
        LeaveCityTest = LeaveCityTest?.ToMeasure(),
        VenueChecks = VenueChecks?.ToMeasure(),
        Actions = Actions ?? MeasureSet.Empty.Actions,
    };

    internal static List<T>? ListOrNull<T>(IReadOnlyList<T>? list) => list is null ? null : new List<T>(list);
}

internal sealed class ClosedManagementDocument
{
    public string? Source { get; set; }

    public int? OpenGates { get; set; }

    public bool? StaffedAroundTheClock { get; set; }

    public List<OutingPurpose>? ExitPurposes { get; set; }

    public ClosedManagement ToMeasure() => new() { Source = Source, OpenGates = OpenGates, StaffedAroundTheClock = StaffedAroundTheClock ?? false, ExitPurposes = ExitPurposes };
}

internal sealed class StayHomeDocument
{
    private static readonly StayHome Defaults = new();

    public string? Source { get; set; }

    public List<OutingPurpose>? ExitPurposes { get; set; }

    public bool? ExitNeedsApproval { get; set; }

    public StayHome ToMeasure() => new() { Source = Source, ExitPurposes = ExitPurposes ?? Defaults.ExitPurposes, ExitNeedsApproval = ExitNeedsApproval ?? Defaults.ExitNeedsApproval };
}

internal sealed class StayInAreaDocument
{
    private static readonly StayInArea Defaults = new();

    public string? Source { get; set; }

    public List<OutingPurpose>? ExitPurposes { get; set; }

    public bool? ExitNeedsApproval { get; set; }

    public bool? EscortToPickupPoint { get; set; }

    public StayInArea ToMeasure() => new()
    {
        Source = Source,
        ExitPurposes = ExitPurposes ?? Defaults.ExitPurposes,
        ExitNeedsApproval = ExitNeedsApproval ?? Defaults.ExitNeedsApproval,
        EscortToPickupPoint = EscortToPickupPoint ?? Defaults.EscortToPickupPoint,
    };
}

internal sealed class OutingQuotaDocument
{
    private static readonly OutingQuota Defaults = new();

    public string? Source { get; set; }

    public int? Persons { get; set; }

    public Duration? Interval { get; set; }

    public OutingWindowKind? Window { get; set; }

    public Duration? MaxAbsence { get; set; }

    public List<OutingPurpose>? ExemptPurposes { get; set; }

    /// <summary>Gets or sets the name of an outing-quota fragment (<see cref="MeasureFragments"/>) whose fields this quota's own fields override.</summary>
    public string? Preset { get; set; }

    public OutingQuotaDocument Overlay(OutingQuotaDocument fragment) => new()
    {
        Source = Source ?? fragment.Source,
        Persons = Persons ?? fragment.Persons,
        Interval = Interval ?? fragment.Interval,
        Window = Window ?? fragment.Window,
        MaxAbsence = MaxAbsence ?? fragment.MaxAbsence,
        ExemptPurposes = ExemptPurposes ?? fragment.ExemptPurposes,
    };

    public OutingQuota ToMeasure() => new()
    {
        Source = Source,
        Persons = Persons ?? Defaults.Persons,
        Interval = Interval,
        Window = Window ?? OutingWindowKind.Unknown,
        MaxAbsence = MaxAbsence,
        ExemptPurposes = ExemptPurposes ?? Defaults.ExemptPurposes,
    };
}

internal sealed class TemperatureCheckDocument
{
    private static readonly TemperatureCheck Defaults = new();

    public string? Source { get; set; }

    public double? ReportAboveCelsius { get; set; }

    public double? PlausibleMinimumCelsius { get; set; }

    public double? PlausibleMaximumCelsius { get; set; }

    public bool? OnEntry { get; set; }

    public bool? OnExit { get; set; }

    public TemperatureCheck ToMeasure() => new()
    {
        Source = Source,
        ReportAboveCelsius = ReportAboveCelsius ?? Defaults.ReportAboveCelsius,
        PlausibleMinimumCelsius = PlausibleMinimumCelsius ?? Defaults.PlausibleMinimumCelsius,
        PlausibleMaximumCelsius = PlausibleMaximumCelsius ?? Defaults.PlausibleMaximumCelsius,
        OnEntry = OnEntry ?? Defaults.OnEntry,
        OnExit = OnExit ?? Defaults.OnExit,
    };
}

internal sealed class HealthCodeCheckDocument
{
    private static readonly HealthCodeCheck Defaults = new();

    public string? Source { get; set; }

    public List<HealthCodeColour>? Accepted { get; set; }

    public bool? OnEntry { get; set; }

    public bool? OnExit { get; set; }

    public HealthCodeCheck ToMeasure() => new() { Source = Source, Accepted = Accepted ?? Defaults.Accepted, OnEntry = OnEntry ?? Defaults.OnEntry, OnExit = OnExit ?? Defaults.OnExit };
}

internal sealed class PassRequirementDocument
{
    private static readonly PassRequirement Defaults = new();

    public string? Source { get; set; }

    public bool? OnEntry { get; set; }

    public bool? OnExit { get; set; }

    public PassRequirement ToMeasure() => new() { Source = Source, OnEntry = OnEntry ?? Defaults.OnEntry, OnExit = OnExit ?? Defaults.OnExit };
}

internal sealed class RegistrationDocument
{
    private static readonly Registration Defaults = new();

    public string? Source { get; set; }

    public List<PersonCategory>? Categories { get; set; }

    public Registration ToMeasure() => new() { Source = Source, Categories = Categories ?? Defaults.Categories };
}

internal sealed class VisitorRuleDocument
{
    private static readonly VisitorRule Defaults = new();

    public string? Source { get; set; }

    public VisitorPolicy? Policy { get; set; }

    public List<OutingPurpose>? SpecialReasons { get; set; }

    public VisitorRule ToMeasure() => new() { Source = Source, Policy = Policy ?? Defaults.Policy, SpecialReasons = SpecialReasons ?? Defaults.SpecialReasons };
}

internal sealed class CourierRuleDocument
{
    public string? Source { get; set; }

    public CourierHandover? Handover { get; set; }

    public CourierRule ToMeasure() => new() { Source = Source, Handover = Handover ?? CourierHandover.Unknown };
}

internal sealed class NightClosureDocument
{
    private static readonly NightClosure Defaults = new();

    public string? Source { get; set; }

    public LocalTime? Start { get; set; }

    public LocalTime? End { get; set; }

    public List<OutingPurpose>? ExemptPurposes { get; set; }

    public bool? ClosesEntries { get; set; }

    /// <summary>Gets or sets the name of a night-closure fragment (<see cref="MeasureFragments"/>) whose fields this closure's own fields override.</summary>
    public string? Preset { get; set; }

    public NightClosureDocument Overlay(NightClosureDocument fragment) => new()
    {
        Source = Source ?? fragment.Source,
        Start = Start ?? fragment.Start,
        End = End ?? fragment.End,
        ExemptPurposes = ExemptPurposes ?? fragment.ExemptPurposes,
        ClosesEntries = ClosesEntries ?? fragment.ClosesEntries,
    };

    public NightClosure ToMeasure() => new()
    {
        Source = Source,
        Start = Start ?? Defaults.Start,
        End = End ?? Defaults.End,
        ExemptPurposes = ExemptPurposes ?? Defaults.ExemptPurposes,
        ClosesEntries = ClosesEntries ?? Defaults.ClosesEntries,
    };
}

internal sealed class LeaveCityTestDocument
{
    private static readonly LeaveCityTest Defaults = new();

    public string? Source { get; set; }

    public Duration? Validity { get; set; }

    public LeaveCityTest ToMeasure() => new() { Source = Source, Validity = Validity ?? Defaults.Validity };
}

internal sealed class VenueChecksDocument
{
    private static readonly VenueChecks Defaults = new();

    public string? Source { get; set; }

    public List<VenueKind>? Venues { get; set; }

    public bool? HealthCodeRequired { get; set; }

    public Duration? NegativeTestValidity { get; set; }

    public VenueChecks ToMeasure() => new()
    {
        Source = Source,
        Venues = Venues ?? Defaults.Venues,
        HealthCodeRequired = HealthCodeRequired ?? Defaults.HealthCodeRequired,
        NegativeTestValidity = NegativeTestValidity,
    };
}

internal sealed class QuarantinePlanDocument
{
    private static readonly QuarantinePlan Defaults = new();

    public MonitoringStatus? First { get; set; }

    public int? FirstDays { get; set; }

    public List<int>? FirstTestDays { get; set; }

    public MonitoringStatus? Then { get; set; }

    public int? ThenDays { get; set; }

    public List<int>? ThenTestDays { get; set; }

    public int? TestsRequired { get; set; }

    public int? TestWindowDays { get; set; }

    public int? HistoryWindowDays { get; set; }

    public string? ArrivalFrom { get; set; }

    public string? Source { get; set; }

    public static QuarantinePlanDocument From(QuarantinePlan plan) => new()
    {
        First = plan.First,
        FirstDays = plan.FirstDays,
        FirstTestDays = MeasureSetDocument.ListOrNull(plan.FirstTestDays),
        Then = plan.Then == MonitoringStatus.None ? null : plan.Then,
        ThenDays = plan.Then == MonitoringStatus.None ? null : plan.ThenDays,
        ThenTestDays = plan.Then == MonitoringStatus.None ? null : MeasureSetDocument.ListOrNull(plan.ThenTestDays),
        TestsRequired = plan.TestsRequired == 0 ? null : plan.TestsRequired,
        TestWindowDays = plan.TestWindowDays == 0 ? null : plan.TestWindowDays,
        HistoryWindowDays = plan.HistoryWindowDays,
        ArrivalFrom = plan.ArrivalFrom,
        Source = plan.Source,
    };

    public QuarantinePlan ToPlan() => new()
    {
        First = First ?? Defaults.First,
        FirstDays = FirstDays ?? Defaults.FirstDays,
        FirstTestDays = FirstTestDays ?? Defaults.FirstTestDays,
        Then = Then ?? Defaults.Then,
        ThenDays = ThenDays ?? Defaults.ThenDays,
        ThenTestDays = ThenTestDays ?? Defaults.ThenTestDays,
        TestsRequired = TestsRequired ?? Defaults.TestsRequired,
        TestWindowDays = TestWindowDays ?? Defaults.TestWindowDays,
        HistoryWindowDays = HistoryWindowDays,
        ArrivalFrom = ArrivalFrom,
        Source = Source,
    };
}

/// <summary>One named fragment of <c>Editions/Fragments/*.fragments.json</c>: exactly one of its three values, of its file's kind.</summary>
internal sealed class MeasureFragmentDocument
{
    public string? Summary { get; set; }

    /// <summary>Gets or sets the fields the including document must give (the source leaves them open), with an optional duration range.</summary>
    public Dictionary<string, RequiredFieldDocument?>? Requires { get; set; }

    public MeasureSetDocument? Measures { get; set; }

    public OutingQuotaDocument? OutingQuota { get; set; }

    public NightClosureDocument? NightClosure { get; set; }
}

/// <summary>A field a fragment leaves to the including document; for a duration, the range its source states.</summary>
internal sealed class RequiredFieldDocument
{
    public Duration? Minimum { get; set; }

    public Duration? Maximum { get; set; }
}
