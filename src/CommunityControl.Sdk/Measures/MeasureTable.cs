using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using CommunityControl.Internal;
using CommunityControl.Risk;

namespace CommunityControl.Measures;

/// <summary>
/// What each risk level of an edition means: a <see cref="MeasureSet"/> per level, the <see cref="QuarantinePlan"/>s of
/// people by exposure, and what the edition forbids. A level the table does not list has no measures.
/// </summary>
/// <remarks>
/// <para>Create one from <see cref="MeasureTableOptions"/> with <see cref="FromOptions"/>, or from JSON with
/// <see cref="Serialization.MeasureTableJson"/>; the built-in tables are the <c>measures</c> sections of the editions' documents (<c>PolicyEditions.Get(id).Measures</c>). Both paths
/// share one validation that reports every problem. The table keeps frozen copies of its measures.</para>
/// <para>A table checks its measures against its prohibitions: under the ten measures (2022-12-07) no level below the
/// highest restricts movement, no level checks health codes outside the listed venues, and no level closes the gates.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable; safe to share between threads.</threadsafety>
public sealed class MeasureTable
{
    private readonly MeasureSet[] _bySeverity;
    private readonly Prohibition[] _prohibitions;
    private readonly Dictionary<ExposureCategory, QuarantinePlan> _plans;

    internal MeasureTable(string? edition, RiskScale scale, MeasureSet[] bySeverity, Dictionary<ExposureCategory, QuarantinePlan> plans, Prohibition[] prohibitions)
    {
        Edition = edition;
        Scale = scale;
        _bySeverity = bySeverity;
        _plans = plans;
        _prohibitions = prohibitions;
        var levels = new Dictionary<RiskLevel, MeasureSet>();
        for (var s = 0; s < bySeverity.Length; s++)
        {
            if (!ReferenceEquals(bySeverity[s], MeasureSet.Empty))
            {
                levels[RiskLevel.FromSeverity(s)] = bySeverity[s];
            }
        }

        Levels = new ReadOnlyDictionary<RiskLevel, MeasureSet>(levels);
        Plans = new ReadOnlyDictionary<ExposureCategory, QuarantinePlan>(plans);
        Prohibitions = Array.AsReadOnly(prohibitions);
    }

    /// <summary>Gets the id of the edition the table belongs to, e.g. <c>cn-2022-06-ninth-edition</c>, or null.</summary>
    public string? Edition { get; }

    /// <summary>Gets the scale whose levels the table maps.</summary>
    public RiskScale Scale { get; }

    /// <summary>Gets the levels that have measures, with their sets.</summary>
    public IReadOnlyDictionary<RiskLevel, MeasureSet> Levels { get; }

    /// <summary>Gets the plans of people by exposure.</summary>
    public IReadOnlyDictionary<ExposureCategory, QuarantinePlan> Plans { get; }

    /// <summary>Gets what the edition forbids.</summary>
    public IReadOnlyList<Prohibition> Prohibitions { get; }

    /// <summary>Gets the measures of a level; <see cref="MeasureSet.Empty"/> when the table lists none.</summary>
    /// <param name="level">The level.</param>
    /// <returns>The measures.</returns>
    public MeasureSet For(RiskLevel level) => _bySeverity[level.Severity];

    /// <summary>Gets the plan for an exposure, if the edition has one.</summary>
    /// <param name="exposure">The exposure.</param>
    /// <returns>The plan, or null (e.g. no secondary contacts after 2022-11-11).</returns>
    public QuarantinePlan? PlanFor(ExposureCategory exposure) => _plans.TryGetValue(exposure, out var plan) ? plan : null;

    /// <summary>Tells whether the edition forbids something.</summary>
    /// <param name="prohibition">The prohibition.</param>
    /// <returns>True when forbidden.</returns>
    public bool Prohibits(Prohibition prohibition) => Array.IndexOf(_prohibitions, prohibition) >= 0;

    /// <summary>Creates a table from options (the JSON binding shape).</summary>
    /// <param name="options">The options.</param>
    /// <param name="scale">The scale, when <see cref="MeasureTableOptions.Scale"/> does not name a known one; null to resolve it by id.</param>
    /// <returns>The validated table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ModelValidationException">The options are invalid (every problem is listed, with its path).</exception>
    public static MeasureTable FromOptions(MeasureTableOptions options, RiskScale? scale = null)
    {
        Guard.NotNull(options);
        var problems = new List<(string Path, string Message)>();
        var table = TryCreate(options, scale, "$", problems);
        if (table is null)
        {
            throw new ModelValidationException(typeof(MeasureTable), problems.ConvertAll(p => $"{p.Path}: {p.Message}"));
        }

        return table;
    }

    /// <summary>Returns the options that describe this table (for JSON), with frozen copies of its measures.</summary>
    /// <returns>New options.</returns>
    public MeasureTableOptions ToOptions()
    {
        var options = new MeasureTableOptions { Edition = Edition, Scale = Scale.Id };
        foreach (var definition in Scale.Levels)
        {
            var set = _bySeverity[definition.Level.Severity];
            if (!ReferenceEquals(set, MeasureSet.Empty))
            {
                options.Levels[definition.Code] = set;
            }
        }

        foreach (var category in SortedKeys())
        {
            options.Plans[category.ToString()] = _plans[category];
        }

        foreach (var p in _prohibitions)
        {
            options.Prohibitions.Add(p);
        }

        return options;
    }

    /// <summary>Returns the edition, scale and number of levels with measures.</summary>
    /// <returns>E.g. <c>MeasureTable cn-2022-06-ninth-edition on cn-low-medium-high (3 levels)</c>.</returns>
    public override string ToString() => $"MeasureTable {Edition ?? "(no edition)"} on {Scale.Id} ({Levels.Count} levels)";

    internal static MeasureTable? TryCreate(MeasureTableOptions options, RiskScale? scale, string path, List<(string Path, string Message)> problems)
    {
        var before = problems.Count;
        scale = ResolveScale(options.Scale, scale, path, problems);

        var bySeverity = new MeasureSet[RiskLevel.MaxSeverity + 1];
        for (var i = 0; i < bySeverity.Length; i++)
        {
            bySeverity[i] = MeasureSet.Empty;
        }

        var levelPaths = new string?[bySeverity.Length];
        ReadLevels(options.Levels, scale, path, bySeverity, levelPaths, problems);
        var plans = ReadPlans(options.Plans, path, problems);
        var prohibitions = ReadProhibitions(options.Prohibitions, path, problems);

        if (scale is not null)
        {
            CheckArrivals(plans, scale, path, problems);
            CheckProhibitions(prohibitions, scale, bySeverity, levelPaths, plans, path, problems);
        }

        return problems.Count == before ? new MeasureTable(options.Edition, scale!, bySeverity, plans, prohibitions.ToArray()) : null;
    }

    /// <summary>The scale given, or the one the document names; reports an unknown or a different scale.</summary>
    private static RiskScale? ResolveScale(string? scaleId, RiskScale? scale, string path, List<(string Path, string Message)> problems)
    {
        if (scale is null)
        {
            if (scaleId is null)
            {
                problems.Add((path + ".scale", "The scale id is required, e.g. cn-low-medium-high."));
            }
            else if (!EditionScales.TryResolve(scaleId, out scale))
            {
                problems.Add((path + ".scale", $"'{Shorten(scaleId)}' is not a known scale; known: {string.Join(", ", EditionScales.KnownIds)}."));
            }
        }
        else if (scaleId is not null && scaleId != scale.Id)
        {
            problems.Add((path + ".scale", $"The document is for scale '{Shorten(scaleId)}' but scale '{scale.Id}' was given."));
        }

        return scale;
    }

    private static void ReadLevels(IDictionary<string, MeasureSet>? levels, RiskScale? scale, string path, MeasureSet[] bySeverity, string?[] levelPaths, List<(string Path, string Message)> problems)
    {
        if (levels is null)
        {
            problems.Add((path + ".levels", "The levels must not be null; use {} for none."));
        }
        else
        {
            foreach (var pair in levels)
            {
                var at = path + ".levels." + pair.Key;
                if (pair.Value is null)
                {
                    problems.Add((at, "A level's measures must be an object, not null."));
                    continue;
                }

                pair.Value.Validate(at, problems);
                if (scale is null)
                {
                    continue;
                }

                if (!scale.TryGetLevel(pair.Key, out var level))
                {
                    problems.Add((at, $"'{Shorten(pair.Key)}' is not a level of scale '{scale.Id}'; its levels are {Codes(scale)}."));
                    continue;
                }

                bySeverity[level.Severity] = pair.Value.Freeze();
                levelPaths[level.Severity] = at;
            }
        }
    }

    private static Dictionary<ExposureCategory, QuarantinePlan> ReadPlans(IDictionary<string, QuarantinePlan>? options, string path, List<(string Path, string Message)> problems)
    {
        var plans = new Dictionary<ExposureCategory, QuarantinePlan>();
        if (options is null)
        {
            problems.Add((path + ".plans", "The plans must not be null; use {} for none."));
        }
        else
        {
            foreach (var pair in options)
            {
                var at = path + ".plans." + pair.Key;
                if (pair.Key.Length == 0 || !char.IsLetter(pair.Key[0]) || !Enum.TryParse<ExposureCategory>(pair.Key, ignoreCase: false, out var category)
                    || category == ExposureCategory.None || !Enum.IsDefined(typeof(ExposureCategory), category))
                {
                    problems.Add((at, $"'{Shorten(pair.Key)}' is not an exposure category; use one of {string.Join(", ", Enum.GetNames(typeof(ExposureCategory)))} except None."));
                    continue;
                }

                if (pair.Value is null)
                {
                    problems.Add((at, "A plan must be an object, not null."));
                    continue;
                }

                pair.Value.Validate(at, problems);
                plans[category] = pair.Value.Freeze();
            }
        }

        return plans;
    }

    /// <summary>Reports an arrival level that is not a level of the scale, and a level named by two plans.</summary>
    private static void CheckArrivals(Dictionary<ExposureCategory, QuarantinePlan> plans, RiskScale scale, string path, List<(string Path, string Message)> problems)
    {
        var seen = new Dictionary<int, ExposureCategory>();
        foreach (var pair in plans.OrderBy(p => p.Key))
        {
            if (pair.Value.ArrivalFrom is not { } name)
            {
                continue;
            }

            var at = path + ".plans." + pair.Key + ".arrivalFrom";
            if (!scale.TryGetLevel(name, out var level))
            {
                problems.Add((at, $"'{Shorten(name)}' is not a level of scale '{scale.Id}'; its levels are {Codes(scale)}."));
            }
            else if (seen.TryGetValue(level.Severity, out var first))
            {
                problems.Add((at, $"Level '{Shorten(name)}' is already the arrival level of plan {first}; a level has at most one arrival plan."));
            }
            else
            {
                seen.Add(level.Severity, pair.Key);
            }
        }
    }

    private static List<Prohibition> ReadProhibitions(IList<Prohibition>? options, string path, List<(string Path, string Message)> problems)
    {
        var prohibitions = new List<Prohibition>();
        if (options is null)
        {
            problems.Add((path + ".prohibitions", "The prohibitions must not be null; use [] for none."));
        }
        else
        {
            for (var i = 0; i < options.Count; i++)
            {
                var p = options[i];
                if (p <= Prohibition.None || p > Prohibition.RiskAreas)
                {
                    problems.Add(($"{path}.prohibitions[{i}]", $"'{p}' is not a prohibition."));
                }
                else if (!prohibitions.Contains(p))
                {
                    prohibitions.Add(p);
                }
            }
        }

        return prohibitions;
    }

    private static void CheckProhibitions(List<Prohibition> prohibitions, RiskScale scale, MeasureSet[] bySeverity, string?[] levelPaths, Dictionary<ExposureCategory, QuarantinePlan> plans, string path, List<(string Path, string Message)> problems)
    {
        for (var s = 0; s < bySeverity.Length; s++)
        {
            var set = bySeverity[s];
            var at = levelPaths[s];
            if (at is null)
            {
                continue;
            }

            if (prohibitions.Contains(Prohibition.RestrictionsOutsideHighRiskAreas) && s < scale.Highest.Severity)
            {
                foreach (var m in new ControlMeasure?[] { set.ClosedManagement, set.StayHome, set.StayInArea, set.OutingQuota, set.NightClosure, set.PassRequirement })
                {
                    if (m is not null)
                    {
                        problems.Add((at, $"{m.NameEn} restricts movement below the highest level, which the edition forbids (RestrictionsOutsideHighRiskAreas)."));
                    }
                }
            }

            if (prohibitions.Contains(Prohibition.ChecksOutsideListedVenues))
            {
                foreach (var m in new ControlMeasure?[] { set.HealthCodeCheck, set.LeaveCityTest })
                {
                    if (m is not null)
                    {
                        problems.Add((at, $"{m.NameEn} checks codes or tests outside the listed venues, which the edition forbids (ChecksOutsideListedVenues)."));
                    }
                }
            }

            if (prohibitions.Contains(Prohibition.BlockingCompoundGates))
            {
                foreach (var m in new ControlMeasure?[] { set.ClosedManagement, set.NightClosure })
                {
                    if (m is not null)
                    {
                        problems.Add((at, $"{m.NameEn} closes compound gates, which the edition forbids (BlockingCompoundGates)."));
                    }
                }
            }

            if (prohibitions.Contains(Prohibition.RiskAreas) && s > 0 && (set.All.Count > 0 || set.Actions.Count > 0))
            {
                problems.Add((at, "The edition draws no risk areas (RiskAreas), so only the level without designation may have measures."));
            }
        }

        foreach (var pair in plans)
        {
            var at = $"{path}.plans.{pair.Key}";
            if (prohibitions.Contains(Prohibition.CloseContactDetermination) && pair.Key is ExposureCategory.CloseContact or ExposureCategory.SecondaryContact)
            {
                problems.Add((at, "The edition determines no close contacts (CloseContactDetermination)."));
            }

            if (prohibitions.Contains(Prohibition.IsolationOrders) && (IsOrder(pair.Value.First) || IsOrder(pair.Value.Then)))
            {
                problems.Add((at, "The edition orders no isolation or observation (IsolationOrders)."));
            }
        }
    }

    private static bool IsOrder(MonitoringStatus status) => status is MonitoringStatus.HomeMedicalObservation or MonitoringStatus.HomeIsolation or MonitoringStatus.CentralizedQuarantine;

    private static string Codes(RiskScale scale)
    {
        var codes = new string[scale.Levels.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = scale.Levels[i].Code;
        }

        return string.Join(", ", codes);
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text.Substring(0, 64) + "…";

    private List<ExposureCategory> SortedKeys()
    {
        var keys = new List<ExposureCategory>(_plans.Keys);
        keys.Sort();
        return keys;
    }
}
