using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Internal;
using CommunityControl.Zones;

namespace CommunityControl.Risk;

/// <summary>
/// The grade-matrix family: two count-threshold tables, one grading the areas (e.g. counties: low / medium / high), one
/// grading the zones inside them (e.g. communities: no case / a case / transmission), and a matrix whose cells give each
/// pair a level of the policy's scale. China's April 2020 precision plan (精准化精细化指导方案) pairs county risk with
/// community type this way, and attaches the community measures to the pair.
/// </summary>
/// <remarks>
/// <para><b>Days.</b> Both tables are evaluated as <see cref="CountThresholdRule"/> evaluates them (the same windows and
/// edges); a zone's level on day D is the cell of the area's grade and the zone's grade on day D.</para>
/// <para><b>Unknowns.</b> When either grade is insufficient data, or the pair is an open cell (none of the cells names
/// it), or no area of the area table's kind encloses the zone, the zone's level is
/// <see cref="RiskAssessmentOutcome.InsufficientData"/> — never a guess.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
internal sealed class GradeMatrixRule : IRiskRule
{
    private readonly Dictionary<int, RiskLevel> _cells;

    private GradeMatrixRule(string id, RiskScale scale, CountThresholdRule area, CountThresholdRule zone, Dictionary<int, RiskLevel> cells)
    {
        Id = id;
        Scale = scale;
        Area = area;
        Zone = zone;
        _cells = cells;
    }

    /// <inheritdoc/>
    public string Id { get; }

    /// <summary>Gets the policy's scale, which names the cells' levels.</summary>
    public RiskScale Scale { get; }

    /// <summary>Gets the table that grades the areas.</summary>
    public CountThresholdRule Area { get; }

    /// <summary>Gets the table that grades the zones.</summary>
    public CountThresholdRule Zone { get; }

    /// <summary>Gets the number of cells the matrix defines.</summary>
    public int CellCount => _cells.Count;

    /// <summary>Creates the rule from options.</summary>
    /// <param name="id">The rule's id.</param>
    /// <param name="options">The parameters.</param>
    /// <param name="scale">The policy's scale, which names the cells' levels.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ModelValidationException">The options are invalid; every problem is listed with its path.</exception>
    public static GradeMatrixRule FromOptions(string id, GradeMatrixOptions options, RiskScale scale)
    {
        Guard.NotNullOrWhiteSpace(id);
        Guard.NotNull(options);
        Guard.NotNull(scale);
        var problems = new List<(string Path, string Message)>();
        return TryCreate(id, options, scale, "gradeMatrix", problems)
            ?? throw new ModelValidationException(typeof(GradeMatrixRule), problems.Select(p => p.Path + ": " + p.Message));
    }

    /// <summary>Tells the level of a cell, if the matrix defines it.</summary>
    /// <param name="area">The area's level on the area table's scale.</param>
    /// <param name="zone">The zone's level on the zone table's scale.</param>
    /// <param name="level">The cell's level, or <see cref="RiskLevel.None"/> for an open cell.</param>
    /// <returns>True when the cell is defined.</returns>
    public bool TryGetCell(RiskLevel area, RiskLevel zone, out RiskLevel level) => _cells.TryGetValue(Key(area, zone), out level);

    /// <inheritdoc/>
    public IRiskRuleEvaluator CreateEvaluator(RiskRuleSetup setup) => new Evaluator(this, Guard.NotNull(setup));

    /// <summary>Returns the id, the two units and the number of cells.</summary>
    /// <returns>E.g. <c>GradeMatrixRule precision (District × Community; 4 cells)</c>.</returns>
    public override string ToString() => $"GradeMatrixRule {Id} ({Area.Unit} × {Zone.Unit}; {_cells.Count} cells)";

    internal static GradeMatrixRule? TryCreate(string id, GradeMatrixOptions options, RiskScale? scale, string path, List<(string Path, string Message)> problems)
    {
        var before = problems.Count;
        var areaScale = ReadScale(options.AreaScale, path + ".areaScale", problems);
        var zoneScale = ReadScale(options.ZoneScale, path + ".zoneScale", problems);
        var area = ReadTable(id + ".area", options.Area, areaScale, path + ".area", problems);
        var zone = ReadTable(id + ".zone", options.Zone, zoneScale, path + ".zone", problems);
        if (options.Area?.Unit is { } areaUnit && options.Zone?.Unit is { } zoneUnit && ZoneKinds.IsDefined(areaUnit) && ZoneKinds.IsDefined(zoneUnit) && zoneUnit <= areaUnit)
        {
            problems.Add((path + ".zone.unit", $"The graded zones ({zoneUnit}) must be smaller than the areas ({areaUnit})."));
        }

        var cells = ReadCells(options.Cells, areaScale, zoneScale, scale, path, problems);
        return problems.Count > before || scale is null || area is null || zone is null ? null : new GradeMatrixRule(id, scale, area, zone, cells);
    }

    private static int Key(RiskLevel area, RiskLevel zone) => (area.Severity * (RiskLevel.MaxSeverity + 1)) + zone.Severity;

    private static RiskScale? ReadScale(string? id, string path, List<(string Path, string Message)> problems)
    {
        if (RiskScales.TryGet(id, out var scale))
        {
            return scale;
        }

        problems.Add((path, "A built-in scale is required: " + string.Join(", ", RiskScales.All.Select(s => s.Id)) + "."));
        return null;
    }

    private static CountThresholdRule? ReadTable(string id, CountThresholdOptions? options, RiskScale? scale, string path, List<(string Path, string Message)> problems)
    {
        if (options is null)
        {
            problems.Add((path, "The table is required: a unit, counts and levels, as in countThresholds."));
            return null;
        }

        return CountThresholdRule.TryCreate(id, options, scale, path, problems);
    }

    /// <summary>Reads the cells: an area code, a zone code (each scale's zero allowed) and the policy's level; no pair twice.</summary>
    private static Dictionary<int, RiskLevel> ReadCells(IList<GradeMatrixCellOptions>? options, RiskScale? areaScale, RiskScale? zoneScale, RiskScale? scale, string path, List<(string Path, string Message)> problems)
    {
        var cells = new Dictionary<int, RiskLevel>();
        var list = options ?? new List<GradeMatrixCellOptions>();
        if (list.Count == 0)
        {
            problems.Add((path + ".cells", "At least one cell is required."));
        }

        for (var i = 0; i < list.Count; i++)
        {
            var cellPath = OptionsReading.Index(path + ".cells", i);
            var c = list[i];
            if (c is null)
            {
                problems.Add((cellPath, "A cell must be an object, not null."));
                continue;
            }

            var area = ZeroOrLevel(areaScale, c.Area, cellPath + ".area", problems);
            var zone = ZeroOrLevel(zoneScale, c.Zone, cellPath + ".zone", problems);
            var level = OptionsReading.Level(scale, c.Level, cellPath + ".level", problems, allowNone: true);
            if (area is null || zone is null || level is null)
            {
                continue;
            }

            if (!cells.ContainsKey(Key(area.Value, zone.Value)))
            {
                cells.Add(Key(area.Value, zone.Value), level.Value);
            }
            else
            {
                problems.Add((cellPath, $"The pair {c.Area} × {c.Zone} has a cell already."));
            }
        }

        return cells;
    }

    /// <summary>Reads a level code of a table's scale; <c>None</c> names the zero of a scale that does not name it.</summary>
    private static RiskLevel? ZeroOrLevel(RiskScale? scale, string? code, string path, List<(string Path, string Message)> problems)
    {
        if (scale is not null && code == "None" && !scale.Defines(RiskLevel.None))
        {
            return RiskLevel.None;
        }

        return OptionsReading.Level(scale, code, path, problems, allowNone: true);
    }

    /// <summary>A grade as a table reported it: the level, whether it is insufficient data, and why.</summary>
    private readonly struct Grade
    {
        public Grade(RiskLevel level, bool insufficient, RiskReason? reason)
        {
            Level = level;
            Insufficient = insufficient;
            Reason = reason;
        }

        public RiskLevel Level { get; }

        public bool Insufficient { get; }

        public RiskReason? Reason { get; }
    }

    private sealed class Evaluator : IRiskRuleEvaluator
    {
        private readonly GradeMatrixRule _rule;
        private readonly IRiskRuleEvaluator _areaEvaluator;
        private readonly IRiskRuleEvaluator _zoneEvaluator;
        private readonly RiskDesignationWriter _areaWriter;
        private readonly RiskDesignationWriter _zoneWriter;
        private readonly Dictionary<int, Grade> _areaGrades = new();
        private readonly Dictionary<int, Grade> _zoneGrades = new();
        private readonly Dictionary<int, List<int>> _zonesOfArea = new();
        private readonly Dictionary<int, int> _areaOfZone = new();
        private readonly List<int> _orphans = new();
        private readonly HashSet<int> _touched = new();
        private readonly ZoneTree _tree;
        private bool _started;

        public Evaluator(GradeMatrixRule rule, RiskRuleSetup setup)
        {
            _rule = rule;
            _tree = setup.Tree;
            _areaEvaluator = rule.Area.CreateEvaluator(new RiskRuleSetup(setup.Tree, rule.Area.Scale, setup.FirstDay, setup.Holidays, setup.AppliesFrom, setup.EarlierDaysCount));
            _zoneEvaluator = rule.Zone.CreateEvaluator(new RiskRuleSetup(setup.Tree, rule.Zone.Scale, setup.FirstDay, setup.Holidays, setup.AppliesFrom, setup.EarlierDaysCount));
            _areaWriter = new RiskDesignationWriter(rule.Area.Scale, setup.Tree.Count);
            _zoneWriter = new RiskDesignationWriter(rule.Zone.Scale, setup.Tree.Count);
            foreach (var zone in _tree.OfKind(rule.Zone.Unit))
            {
                var area = zone.Index;
                while (area >= 0 && _tree.KindAt(area) != rule.Area.Unit)
                {
                    area = _tree.ParentIndexAt(area);
                }

                if (area < 0)
                {
                    _orphans.Add(zone.Index);
                    continue;
                }

                _areaOfZone[zone.Index] = area;
                if (!_zonesOfArea.TryGetValue(area, out var zones))
                {
                    _zonesOfArea[area] = zones = new List<int>();
                }

                zones.Add(zone.Index);
            }
        }

        public void EvaluateDay(RiskDay day, RiskDesignationWriter writer)
        {
            _touched.Clear();
            _areaEvaluator.EvaluateDay(day, _areaWriter);
            foreach (var change in _areaWriter.TakePending())
            {
                _areaGrades[change.Key] = new Grade(change.Value.Level, change.Value.Insufficient, change.Value.Reason);
                if (_zonesOfArea.TryGetValue(change.Key, out var zones))
                {
                    _touched.UnionWith(zones);
                }
            }

            _zoneEvaluator.EvaluateDay(day, _zoneWriter);
            foreach (var change in _zoneWriter.TakePending())
            {
                _zoneGrades[change.Key] = new Grade(change.Value.Level, change.Value.Insufficient, change.Value.Reason);
                if (_areaOfZone.ContainsKey(change.Key))
                {
                    _touched.Add(change.Key);
                }
            }

            if (!_started)
            {
                _started = true;
                _touched.UnionWith(_areaOfZone.Keys);
                foreach (var orphan in _orphans)
                {
                    writer.MarkInsufficientData(orphan, RiskLevel.None, new RiskReason(RiskReasonCodes.GradeMatrixOpenCell, _rule.Id) { EvidenceDate = day.Date, Detail = $"no {_rule.Area.Unit} encloses the zone" });
                }
            }

            foreach (var zone in _touched)
            {
                Decide(day, zone, writer);
            }
        }

        /// <summary>Decides one zone from its area's grade and its own: the cell, or insufficient data.</summary>
        private void Decide(RiskDay day, int zone, RiskDesignationWriter writer)
        {
            var areaIndex = _areaOfZone[zone];
            _areaGrades.TryGetValue(areaIndex, out var area);
            _zoneGrades.TryGetValue(zone, out var own);
            var areaZone = _tree.IdAt(areaIndex);
            if (area.Insufficient || own.Insufficient)
            {
                var missing = area.Insufficient ? area.Reason : own.Reason;
                writer.MarkInsufficientData(zone, RiskLevel.None, new RiskReason(missing?.Code ?? RiskReasonCodes.CountThreshold, _rule.Id)
                {
                    Zone = area.Insufficient ? areaZone : default,
                    Metric = missing?.Metric,
                    EvidenceDate = day.Date,
                    Detail = (area.Insufficient ? "the area's grade: " : "the zone's grade: ") + missing?.Detail,
                });
                return;
            }

            var pair = _rule.Area.Scale.Describe(area.Level).Code + " × " + _rule.Zone.Scale.Describe(own.Level).Code;
            if (!_rule.TryGetCell(area.Level, own.Level, out var level))
            {
                writer.MarkInsufficientData(zone, RiskLevel.None, new RiskReason(RiskReasonCodes.GradeMatrixOpenCell, _rule.Id) { Zone = areaZone, EvidenceDate = day.Date, Detail = pair + " is an open cell" });
                return;
            }

            writer.Designate(zone, level, new RiskReason(RiskReasonCodes.GradeMatrixCell, _rule.Id) { Zone = areaZone, EvidenceDate = day.Date, Detail = pair });
        }
    }
}
