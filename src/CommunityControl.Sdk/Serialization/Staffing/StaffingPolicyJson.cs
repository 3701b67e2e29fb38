using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityControl.Internal;
using CommunityControl.Risk;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Serialization;

/// <summary>
/// Reads and writes a <see cref="StaffingPolicy"/> as JSON, so that an edition's staffing is a document, not code.
/// </summary>
/// <remarks>
/// <para>The document (levels are codes of the scale passed in; enums are names, never numbers):</para>
/// <code language="json">
/// {
///   "scale": "cn-low-medium-high",
///   "planningUnit": "Compound",
///   "shifts": { "preset": "TwoTwelveHour", "firstStart": "08:00", "handoverMinutes": 15 },
///   "limits": { "maxHoursPerDay": 12.5, "maxHoursPerWeek": 60, "maxNightShiftsPerWeek": 4, "minimumRestHours": 11 },
///   "checkSeconds": { "ManualRegistration": 40, "CodeScan": 10 },
///   "coverageOrder": [ "CommunityWorker", "PropertyStaff", "DeployedCadre", "Volunteer" ],
///   "levels": {
///     "High": {
///       "gate": { "check": "CodeScan", "serviceLevel": 0.8, "answerWithinSeconds": 20, "maximumOccupancy": 0.85,
///                 "shrinkage": 0.1, "minimumOnDuty": 2, "arrivalFactor": 0.1 },
///       "workloads": [
///         { "kind": "Delivery", "basis": "PerHousehold", "timesPerDay": 1, "minutesEach": 4, "from": "08:00", "until": "20:00" },
///         { "kind": "TemperatureCheck", "basis": "PerHousehold", "timesPerDay": 2, "minutesEach": 2, "minimumPeople": 2 }
///       ]
///     }
///   }
/// }
/// </code>
/// <para><c>shifts</c> is either a preset (<c>ThreeEightHour</c> or <c>TwoTwelveHour</c> with <c>firstStart</c>) or a
/// <c>pattern</c>: a list of <c>{ "name", "start", "hours", "night" }</c>. <c>scale</c> is optional; when present it must be
/// the id of the scale passed in. Unknown fields are rejected. Every problem is reported at once in a
/// <see cref="DocumentFormatException"/>, with its JSON path and line; nothing is half-loaded.</para>
/// <para>All the figures in a document are the author's: the library supplies no defaults for check times, targets or
/// workloads (the reference gives none).</para>
/// </remarks>
/// <threadsafety static="true" instance="true"/>
public static class StaffingPolicyJson
{
    private const string DocumentKind = "staffing policy";

    /// <summary>Reads a policy from a JSON string.</summary>
    /// <param name="json">The document.</param>
    /// <param name="scale">The scale whose codes name the levels.</param>
    /// <param name="limits">The limits the document must keep within; null for <see cref="DocumentLimits.Default"/>.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="limits"/> is out of its documented range.</exception>
    /// <exception cref="DocumentFormatException">The document is malformed, beyond a limit, or describes an invalid policy.</exception>
    public static StaffingPolicy Parse(string json, RiskScale scale, DocumentLimits? limits = null)
    {
        Guard.NotNull(json);
        Guard.NotNull(scale);
        var l = DocumentLimits.Resolve(limits);
        return Read(JsonDocumentReader.Utf8(json, DocumentKind, l), scale, l);
    }

    /// <summary>Reads a policy from a UTF-8 JSON stream (read to its end, or to the size limit; not closed).</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="scale">The scale whose codes name the levels.</param>
    /// <param name="limits">The limits the document must keep within; null for <see cref="DocumentLimits.Default"/>.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="limits"/> is out of its documented range.</exception>
    /// <exception cref="DocumentFormatException">The document is malformed, beyond a limit, or describes an invalid policy.</exception>
    public static StaffingPolicy Read(Stream utf8Json, RiskScale scale, DocumentLimits? limits = null)
    {
        Guard.NotNull(utf8Json);
        Guard.NotNull(scale);
        var l = DocumentLimits.Resolve(limits);
        return Read(JsonDocumentReader.ReadAll(utf8Json, DocumentKind, l), scale, l);
    }

    /// <summary>Reads a policy from UTF-8 JSON bytes.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="scale">The scale whose codes name the levels.</param>
    /// <param name="limits">The limits the document must keep within; null for <see cref="DocumentLimits.Default"/>.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scale"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="limits"/> is out of its documented range.</exception>
    /// <exception cref="DocumentFormatException">The document is malformed, beyond a limit, or describes an invalid policy.</exception>
    public static StaffingPolicy Read(ReadOnlySpan<byte> utf8Json, RiskScale scale, DocumentLimits? limits = null)
        => Read(utf8Json, Guard.NotNull(scale), DocumentLimits.Resolve(limits));

    internal static StaffingPolicy Read(ReadOnlySpan<byte> utf8Json, RiskScale scale, in Limits limits)
    {
        Guard.NotNull(scale);
        utf8Json = JsonDocumentReader.Check(utf8Json, DocumentKind, limits);
        var document = JsonDocumentReader.Deserialize(utf8Json, DocumentJsonContext.Default.StaffingPolicyDocument, DocumentKind, limits);
        var problems = new List<PolicyProblem>();
        var builder = new StaffingPolicyBuilder(scale);

        if (document.Scale is not null && document.Scale != scale.Id)
        {
            problems.Add(new("$.scale", $"the document is for another scale, but the levels are read with scale '{scale.Id}'."));
        }

        if (document.PlanningUnit is { } unit)
        {
            builder.WithPlanningUnit(unit);
        }

        ReadShifts(document.Shifts, builder, problems);
        if (document.Limits is { } work)
        {
            var rest = Hours(work.MinimumRestHours, 0, 168, "$.limits.minimumRestHours", problems);
            builder.WithLimits(new WorkLimits
            {
                MaxHoursPerDay = work.MaxHoursPerDay,
                MaxHoursPerWeek = work.MaxHoursPerWeek,
                MaxNightShiftsPerWeek = work.MaxNightShiftsPerWeek,
                MinimumRest = rest,
            });
        }

        ReadCheckSeconds(document.CheckSeconds, builder, problems);
        if (document.CoverageOrder is { } order)
        {
            ReadCoverageOrder(order, builder, problems);
        }

        ReadLevels(document.Levels, scale, builder, problems);
        ReadDoorToDoor(document.DoorToDoor, builder, problems);

        var before = problems.Count;
        var policy = builder.TryBuild(problems);
        if (policy is not null && before == 0)
        {
            return policy;
        }

        // A shift problem already reported while reading makes the builder's "the shift pattern is required" redundant.
        if (problems.Take(before).Any(p => p.Path.StartsWith("$.shifts", StringComparison.Ordinal)))
        {
            problems = problems.Take(before).Concat(problems.Skip(before).Where(p => p.Path != "$.shifts")).ToList();
        }

        throw JsonDocumentReader.Fail(DocumentKind, utf8Json, problems.Distinct().Select(p => (p.Path, p.Message)), limits);
    }

    private static void ReadCheckSeconds(Dictionary<string, double>? checkSeconds, StaffingPolicyBuilder builder, List<PolicyProblem> problems)
    {
        foreach (var pair in checkSeconds ?? new Dictionary<string, double>())
        {
            if (!TryEnum<GateCheckMethod>(pair.Key, out var method))
            {
                problems.Add(new("$.checkSeconds." + pair.Key, $"The key is not a check method (ManualRegistration, CodeScan)."));
            }
            else if (double.IsNaN(pair.Value) || pair.Value <= 0 || pair.Value > 86_400)
            {
                problems.Add(new("$.checkSeconds." + pair.Key, "the service time of a check must be more than 0 and at most 86400 seconds."));
            }
            else
            {
                builder.WithCheckTime(method, Duration.FromSeconds(pair.Value));
            }
        }
    }

    private static void ReadCoverageOrder(List<string?> order, StaffingPolicyBuilder builder, List<PolicyProblem> problems)
    {
        var sources = new List<WorkforceSource>();
        for (var i = 0; i < order.Count; i++)
        {
            if (TryEnum<WorkforceSource>(order[i], out var source))
            {
                sources.Add(source);
            }
            else
            {
                problems.Add(new($"$.coverageOrder[{i}]", $"The value is not one of {string.Join(", ", Names<WorkforceSource>())}."));
            }
        }

        builder.WithCoverageOrder(sources.ToArray());
    }

    /// <summary>Reads the staffing of each level named by the scale: its gate rule and its workloads.</summary>
    private static void ReadLevels(Dictionary<string, LevelDocument?>? levels, RiskScale scale, StaffingPolicyBuilder builder, List<PolicyProblem> problems)
    {
        foreach (var pair in levels ?? new Dictionary<string, LevelDocument?>())
        {
            var path = "$.levels." + pair.Key;
            if (!scale.TryGetLevel(pair.Key, out var level))
            {
                problems.Add(new(path, $"scale '{scale.Id}' has no level of that code; it has {string.Join(", ", scale.Levels.Select(l => l.Code))}."));
                continue;
            }

            if (pair.Value is null)
            {
                problems.Add(new(path, "a level must be an object, not null."));
                continue;
            }

            var gate = ReadGate(pair.Value.Gate, path + ".gate", problems);
            var workloads = new List<Workload>();
            var list = pair.Value.Workloads ?? new List<WorkloadDocument?>();
            for (var i = 0; i < list.Count; i++)
            {
                var w = ReadWorkload(list[i], $"{path}.workloads[{i}]", problems);
                if (w is not null)
                {
                    workloads.Add(w);
                }
            }

            builder.ForLevel(level, new LevelStaffing { Gate = gate, Workloads = workloads });
        }
    }

    private static void ReadDoorToDoor(List<WorkloadDocument?>? document, StaffingPolicyBuilder builder, List<PolicyProblem> problems)
    {
        var doorToDoor = document ?? new List<WorkloadDocument?>();
        var doorToDoorWork = new List<Workload>();
        for (var i = 0; i < doorToDoor.Count; i++)
        {
            if (ReadWorkload(doorToDoor[i], $"$.doorToDoor[{i}]", problems) is { } w)
            {
                doorToDoorWork.Add(w);
            }
        }

        builder.WithDoorToDoor(doorToDoorWork.ToArray());
    }

    /// <summary>Writes a policy as an indented JSON document that <see cref="Parse"/> reads back to an equivalent policy.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public static string ToJson(StaffingPolicy policy)
    {
        Guard.NotNull(policy);
        var document = new StaffingPolicyDocument
        {
            Scale = policy.Scale.Id,
            PlanningUnit = policy.PlanningUnit,
            Shifts = new ShiftsDocument
            {
                HandoverMinutes = policy.Shifts.Handover.TotalMinutes,
                Pattern = policy.Shifts.Shifts.Select(s => (ShiftDocument?)new ShiftDocument { Name = s.Name, Start = s.Start, Hours = s.Length.TotalHours, Night = s.IsNight }).ToList(),
            },
            Limits = new LimitsDocument
            {
                MaxHoursPerDay = policy.Limits.MaxHoursPerDay,
                MaxHoursPerWeek = policy.Limits.MaxHoursPerWeek,
                MaxNightShiftsPerWeek = policy.Limits.MaxNightShiftsPerWeek,
                MinimumRestHours = policy.Limits.MinimumRest?.TotalHours,
            },
            CheckSeconds = policy.CheckTimes.OrderBy(p => p.Key).ToDictionary(p => p.Key.ToString(), p => p.Value.TotalSeconds),
            CoverageOrder = policy.CoverageOrder.Select(s => (string?)s.ToString()).ToList(),
            Levels = new Dictionary<string, LevelDocument?>(),
        };

        foreach (var pair in policy.Levels)
        {
            var gate = pair.Value.Gate;
            document.Levels[policy.Scale.Describe(pair.Key).Code] = new LevelDocument
            {
                Gate = gate is null ? null : new GateDocument
                {
                    Check = gate.Check,
                    ServiceLevel = gate.Target.ServiceLevel,
                    AnswerWithinSeconds = gate.Target.AnswerWithin?.TotalSeconds,
                    MaximumAverageWaitSeconds = gate.Target.MaximumAverageWait?.TotalSeconds,
                    MaximumOccupancy = gate.Target.MaximumOccupancy,
                    Shrinkage = gate.Target.Shrinkage,
                    MinimumOnDuty = gate.MinimumOnDuty,
                    ArrivalFactor = gate.ArrivalFactor,
                    StaffedFrom = gate.StaffedFrom,
                    StaffedUntil = gate.StaffedUntil,
                    Source = gate.Source,
                },
                Workloads = pair.Value.Workloads.Select(ToDocument).ToList(),
            };
        }

        document.DoorToDoor = policy.DoorToDoor.Count == 0 ? null : policy.DoorToDoor.Select(ToDocument).ToList();

        return JsonSerializer.Serialize(document, DocumentJsonContext.Default.StaffingPolicyDocument);
    }

    private static WorkloadDocument? ToDocument(Workload w) => new()
    {
        Kind = w.Kind,
        Basis = w.Basis,
        TimesPerDay = w.TimesPerDay,
        MinutesEach = w.TimeEach.TotalMinutes,
        From = w.From,
        Until = w.Until,
        Shrinkage = w.Shrinkage,
        MinimumPeople = w.MinimumPeople,
    };

    private static void ReadShifts(ShiftsDocument? shifts, StaffingPolicyBuilder builder, List<PolicyProblem> problems)
    {
        if (shifts is null)
        {
            problems.Add(new("$.shifts", "the shift pattern is required."));
            return;
        }

        var handover = Duration.FromMinutes(0);
        if (shifts.HandoverMinutes is { } minutes)
        {
            if (Check.Range(minutes, 0, 1440, "minutes") is { } message)
            {
                problems.Add(new("$.shifts.handoverMinutes", message));
                return;
            }

            handover = Duration.FromMinutes(minutes);
        }

        var failures = new List<string>();
        ShiftPattern? pattern;
        if (shifts.Preset is not null)
        {
            if (!TryPresetPattern(shifts, shifts.Preset, handover, failures, problems, out pattern))
            {
                return;
            }
        }
        else if (shifts.Pattern is { } list)
        {
            if (!TryListedPattern(list, handover, failures, problems, out pattern))
            {
                return;
            }
        }
        else
        {
            problems.Add(new("$.shifts", "give a preset (with firstStart) or a pattern."));
            return;
        }

        foreach (var f in failures)
        {
            var colon = f.IndexOf(':');
            var field = f.Substring(0, colon);
            var path = field.StartsWith("handover", StringComparison.Ordinal) ? "$.shifts.handoverMinutes" : "$.shifts." + (shifts.Pattern is null ? "preset" : field.Replace("shifts", "pattern"));
            problems.Add(new(path, f.Substring(colon + 1).Trim()));
        }

        if (pattern is not null)
        {
            builder.WithShifts(pattern);
        }
    }

    /// <summary>Makes the pattern of a preset; false when reading the shifts must stop.</summary>
    private static bool TryPresetPattern(ShiftsDocument shifts, string preset, Duration handover, List<string> failures, List<PolicyProblem> problems, out ShiftPattern? pattern)
    {
        pattern = null;
        if (shifts.Pattern is not null)
        {
            problems.Add(new("$.shifts.pattern", "give either a preset or a pattern, not both."));
        }

        if (shifts.FirstStart is not { } first)
        {
            problems.Add(new("$.shifts.firstStart", "a preset needs the start of its first shift."));
            return false;
        }

        pattern = preset switch
        {
            "ThreeEightHour" => ShiftPattern.TryEven(3, first, handover, failures),
            "TwoTwelveHour" => ShiftPattern.TryEven(2, first, handover, failures),
            _ => null,
        };
        if (preset is not ("ThreeEightHour" or "TwoTwelveHour"))
        {
            problems.Add(new("$.shifts.preset", $"The preset is not ThreeEightHour or TwoTwelveHour."));
            return false;
        }

        return true;
    }

    /// <summary>Makes a pattern from its listed shifts; false when reading the shifts must stop.</summary>
    private static bool TryListedPattern(List<ShiftDocument?> list, Duration handover, List<string> failures, List<PolicyProblem> problems, out ShiftPattern? pattern)
    {
        pattern = null;
        var defs = new ShiftDefinition[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            var s = list[i];
            if (s?.Name is null || s.Start is null || s.Hours is null)
            {
                problems.Add(new($"$.shifts.pattern[{i}]", "a shift needs a name, a start and hours."));
                return false;
            }

            if (double.IsNaN(s.Hours.Value) || s.Hours.Value <= 0 || s.Hours.Value > 24)
            {
                problems.Add(new($"$.shifts.pattern[{i}].hours", "a shift lasts more than 0 and at most 24 hours."));
                return false;
            }

            defs[i] = new ShiftDefinition(s.Name, s.Start.Value, Duration.FromMinutes(Math.Round(s.Hours.Value * 60, 6)), s.Night ?? false);
        }

        pattern = ShiftPattern.TryCreate(defs, handover, failures);

        return true;
    }

    private static GateRule? ReadGate(GateDocument? gate, string path, List<PolicyProblem> problems)
    {
        if (gate is null)
        {
            return null;
        }

        var failures = new List<string>();
        var within = Seconds(gate.AnswerWithinSeconds, path + ".answerWithinSeconds", problems);
        var wait = Seconds(gate.MaximumAverageWaitSeconds, path + ".maximumAverageWaitSeconds", problems);
        if ((gate.AnswerWithinSeconds is not null && within is null) || (gate.MaximumAverageWaitSeconds is not null && wait is null))
        {
            return null;
        }

        var target = ServiceTarget.TryCreate(
            gate.ServiceLevel,
            within,
            wait,
            gate.MaximumOccupancy ?? 1,
            gate.Shrinkage ?? 0,
            failures);
        foreach (var f in failures)
        {
            var colon = f.IndexOf(':');
            var field = f.Substring(0, colon) switch
            {
                "answerWithin" => "answerWithinSeconds",
                "maximumAverageWait" => "maximumAverageWaitSeconds",
                var other => other,
            };
            problems.Add(new(path + "." + field, f.Substring(colon + 1).Trim()));
        }

        if (gate.Check is null)
        {
            problems.Add(new(path + ".check", "the check method is required (ManualRegistration or CodeScan)."));
        }

        if (target is null || gate.Check is null)
        {
            return null;
        }

        return new GateRule
        {
            Check = gate.Check.Value,
            Target = target,
            MinimumOnDuty = gate.MinimumOnDuty ?? 0,
            ArrivalFactor = gate.ArrivalFactor ?? 1,
            StaffedFrom = gate.StaffedFrom ?? LocalTime.Midnight,
            StaffedUntil = gate.StaffedUntil ?? LocalTime.Midnight,
            Source = gate.Source,
        };
    }

    private static Workload? ReadWorkload(WorkloadDocument? w, string path, List<PolicyProblem> problems)
    {
        if (w is null)
        {
            problems.Add(new(path, "a workload must be an object, not null."));
            return null;
        }

        var missing = false;
        void Require(bool present, string field)
        {
            if (!present)
            {
                problems.Add(new(path + "." + field, $"{field} is required."));
                missing = true;
            }
        }

        Require(w.Kind is not null, "kind");
        Require(w.Basis is not null, "basis");
        Require(w.TimesPerDay is not null, "timesPerDay");
        Require(w.MinutesEach is not null, "minutesEach");
        if (missing)
        {
            return null;
        }

        if (double.IsNaN(w.MinutesEach!.Value) || w.MinutesEach.Value <= 0 || w.MinutesEach.Value > 1440)
        {
            problems.Add(new(path + ".minutesEach", "must be more than 0 and at most 1440 minutes."));
            return null;
        }

        return new Workload
        {
            Kind = w.Kind!.Value,
            Basis = w.Basis!.Value,
            TimesPerDay = w.TimesPerDay!.Value,
            TimeEach = Duration.FromMinutes(w.MinutesEach.Value),
            From = w.From ?? LocalTime.Midnight,
            Until = w.Until ?? LocalTime.Midnight,
            Shrinkage = w.Shrinkage ?? 0,
            MinimumPeople = w.MinimumPeople ?? 0,
        };
    }

    private static Duration? Hours(double? hours, double minimum, double maximum, string path, List<PolicyProblem> problems)
    {
        if (hours is not { } h)
        {
            return null;
        }

        if (Check.Range(h, minimum, maximum, "hours") is { } message)
        {
            problems.Add(new(path, message));
            return null;
        }

        return Duration.FromHours(h);
    }

    private static Duration? Seconds(double? seconds, string path, List<PolicyProblem> problems)
    {
        if (seconds is not { } s)
        {
            return null;
        }

        if (Check.Range(s, 0, 86_400, "seconds") is { } message)
        {
            problems.Add(new(path, message));
            return null;
        }

        return Duration.FromSeconds(s);
    }

    private static bool TryEnum<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return text is not null && StrictEnumConverter<TEnum>.TryParseName(text, out value) && Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 0;
    }

    private static IEnumerable<string> Names<TEnum>()
        where TEnum : struct, Enum
        => Enum.GetNames(typeof(TEnum)).Where(n => n != "Unknown");

    private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class StaffingPolicyDocument
{
    [JsonPropertyName("scale")]
    public string? Scale { get; set; }

    [JsonPropertyName("planningUnit")]
    [JsonConverter(typeof(StrictEnumConverter<ZoneKind>))]
    public ZoneKind? PlanningUnit { get; set; }

    [JsonPropertyName("shifts")]
    public ShiftsDocument? Shifts { get; set; }

    [JsonPropertyName("limits")]
    public LimitsDocument? Limits { get; set; }

    [JsonPropertyName("checkSeconds")]
    public Dictionary<string, double>? CheckSeconds { get; set; }

    [JsonPropertyName("coverageOrder")]
    public List<string?>? CoverageOrder { get; set; }

    [JsonPropertyName("doorToDoor")]
    public List<WorkloadDocument?>? DoorToDoor { get; set; }

    [JsonPropertyName("levels")]
    public Dictionary<string, LevelDocument?>? Levels { get; set; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class ShiftsDocument
{
    [JsonPropertyName("preset")]
    public string? Preset { get; set; }

    [JsonPropertyName("firstStart")]
    [JsonConverter(typeof(LocalTimeJsonConverter))]
    public LocalTime? FirstStart { get; set; }

    [JsonPropertyName("handoverMinutes")]
    public double? HandoverMinutes { get; set; }

    [JsonPropertyName("pattern")]
    public List<ShiftDocument?>? Pattern { get; set; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class ShiftDocument
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("start")]
    [JsonConverter(typeof(LocalTimeJsonConverter))]
    public LocalTime? Start { get; set; }

    [JsonPropertyName("hours")]
    public double? Hours { get; set; }

    [JsonPropertyName("night")]
    public bool? Night { get; set; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class LimitsDocument
{
    [JsonPropertyName("maxHoursPerDay")]
    public double? MaxHoursPerDay { get; set; }

    [JsonPropertyName("maxHoursPerWeek")]
    public double? MaxHoursPerWeek { get; set; }

    [JsonPropertyName("maxNightShiftsPerWeek")]
    public int? MaxNightShiftsPerWeek { get; set; }

    [JsonPropertyName("minimumRestHours")]
    public double? MinimumRestHours { get; set; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class LevelDocument
{
    [JsonPropertyName("gate")]
    public GateDocument? Gate { get; set; }

    [JsonPropertyName("workloads")]
    public List<WorkloadDocument?>? Workloads { get; set; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class GateDocument
{
    [JsonPropertyName("check")]
    [JsonConverter(typeof(StrictEnumConverter<GateCheckMethod>))]
    public GateCheckMethod? Check { get; set; }

    [JsonPropertyName("serviceLevel")]
    public double? ServiceLevel { get; set; }

    [JsonPropertyName("answerWithinSeconds")]
    public double? AnswerWithinSeconds { get; set; }

    [JsonPropertyName("maximumAverageWaitSeconds")]
    public double? MaximumAverageWaitSeconds { get; set; }

    [JsonPropertyName("maximumOccupancy")]
    public double? MaximumOccupancy { get; set; }

    [JsonPropertyName("shrinkage")]
    public double? Shrinkage { get; set; }

    [JsonPropertyName("minimumOnDuty")]
    public int? MinimumOnDuty { get; set; }

    [JsonPropertyName("arrivalFactor")]
    public double? ArrivalFactor { get; set; }

    [JsonPropertyName("staffedFrom")]
    [JsonConverter(typeof(LocalTimeJsonConverter))]
    public LocalTime? StaffedFrom { get; set; }

    [JsonPropertyName("staffedUntil")]
    [JsonConverter(typeof(LocalTimeJsonConverter))]
    public LocalTime? StaffedUntil { get; set; }

    [JsonPropertyName("source")]
    public string? Source { get; set; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class WorkloadDocument
{
    [JsonPropertyName("kind")]
    [JsonConverter(typeof(StrictEnumConverter<WorkKind>))]
    public WorkKind? Kind { get; set; }

    [JsonPropertyName("basis")]
    [JsonConverter(typeof(StrictEnumConverter<WorkloadBasis>))]
    public WorkloadBasis? Basis { get; set; }

    [JsonPropertyName("timesPerDay")]
    public double? TimesPerDay { get; set; }

    [JsonPropertyName("minutesEach")]
    public double? MinutesEach { get; set; }

    [JsonPropertyName("from")]
    [JsonConverter(typeof(LocalTimeJsonConverter))]
    public LocalTime? From { get; set; }

    [JsonPropertyName("until")]
    [JsonConverter(typeof(LocalTimeJsonConverter))]
    public LocalTime? Until { get; set; }

    [JsonPropertyName("shrinkage")]
    public double? Shrinkage { get; set; }

    [JsonPropertyName("minimumPeople")]
    public int? MinimumPeople { get; set; }
}
