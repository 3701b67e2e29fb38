using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CommunityControl.Epidemiology;
using CommunityControl.Internal;
using CommunityControl.Zones;

namespace CommunityControl.Risk;

/// <summary>
/// The count-driven family: for every zone of a unit kind, counts of cases by residence over windows (cumulative since the
/// history's first day, or the last N days), optionally the largest count of any smaller zone inside it, or an indicator's
/// value; a table of rows maps the counts to a level, the first row whose conditions all hold winning. China's February
/// 2020 county grading and January 2020 community types are such tables.
/// </summary>
/// <remarks>
/// <para><b>Unknowns.</b> A metric not published that day is unknown; a case whose residence is known only at a zone larger
/// than the graded unit makes the counts of every unit inside that zone known only as a lower bound. A row is decided when
/// its conditions are decided by the bounds; the first undecided row before any match makes the level
/// <see cref="RiskAssessmentOutcome.InsufficientData"/> — never a guess.</para>
/// <para><b>Days.</b> A window of N days ending on day D holds the cases reported on D − N + 1 to D. The level of day D
/// uses the counts through D.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
internal sealed class CountThresholdRule : IRiskRule
{
    private readonly CountDefinition[] _counts;
    private readonly CountRow[] _rows;

    private CountThresholdRule(string id, RiskScale scale, ZoneKind unit, CountDefinition[] counts, CountRow[] rows)
    {
        Id = id;
        Scale = scale;
        Unit = unit;
        _counts = counts;
        _rows = rows;
    }

    /// <inheritdoc/>
    public string Id { get; }

    /// <summary>Gets the scale the rows' levels are on.</summary>
    public RiskScale Scale { get; }

    /// <summary>Gets the kind of the zones graded.</summary>
    public ZoneKind Unit { get; }

    /// <summary>Gets the ids of the counts, in order.</summary>
    public IReadOnlyList<string> CountIds => Array.AsReadOnly(_counts.Select(c => c.Id).ToArray());

    /// <summary>Gets the number of rows in the table.</summary>
    public int RowCount => _rows.Length;

    /// <summary>Creates the rule from options.</summary>
    /// <param name="id">The rule's id.</param>
    /// <param name="options">The parameters.</param>
    /// <param name="scale">The policy's scale, which names the rows' levels.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ModelValidationException">The options are invalid; every problem is listed with its path.</exception>
    public static CountThresholdRule FromOptions(string id, CountThresholdOptions options, RiskScale scale)
    {
        Guard.NotNullOrWhiteSpace(id);
        Guard.NotNull(options);
        Guard.NotNull(scale);
        var problems = new List<(string Path, string Message)>();
        return TryCreate(id, options, scale, "countThresholds", problems)
            ?? throw new ModelValidationException(typeof(CountThresholdRule), problems.Select(p => p.Path + ": " + p.Message));
    }

    /// <inheritdoc/>
    public IRiskRuleEvaluator CreateEvaluator(RiskRuleSetup setup) => new Evaluator(this, Guard.NotNull(setup));

    /// <summary>Returns the id, unit and counts.</summary>
    /// <returns>E.g. <c>CountThresholdRule county-grading (District: cumulative, new14, cluster14; 3 rows)</c>.</returns>
    public override string ToString() => $"CountThresholdRule {Id} ({Unit}: {string.Join(", ", _counts.Select(c => c.Id))}; {_rows.Length} rows)";

    internal static CountThresholdRule? TryCreate(string id, CountThresholdOptions options, RiskScale? scale, string path, List<(string Path, string Message)> problems)
    {
        var before = problems.Count;
        var unit = OptionsReading.Kind(options.Unit, path + ".unit", problems);
        var countOptions = options.Counts ?? new List<CaseCountOptions>();
        if (countOptions.Count == 0)
        {
            problems.Add((path + ".counts", "At least one count is required."));
        }

        var counts = new List<CountDefinition>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        ReadCounts(countOptions, unit, path, counts, ids, problems);

        var rowOptions = options.Levels ?? new List<CountLevelOptions>();
        if (rowOptions.Count == 0)
        {
            problems.Add((path + ".levels", "At least one row is required."));
        }

        var rows = ReadRows(rowOptions, scale, ids, path, problems);

        return problems.Count > before || scale is null ? null : new CountThresholdRule(id, scale, unit!.Value, counts.ToArray(), rows.ToArray());
    }

    /// <summary>Reads the counts: case counts over a window (optionally the largest per smaller zone) or a metric's value.</summary>
    private static void ReadCounts(IList<CaseCountOptions> countOptions, ZoneKind? unit, string path, List<CountDefinition> counts, Dictionary<string, int> ids, List<(string Path, string Message)> problems)
    {
        for (var i = 0; i < countOptions.Count; i++)
        {
            var countPath = OptionsReading.Index(path + ".counts", i);
            var c = countOptions[i];
            if (c is null)
            {
                problems.Add((countPath, "A count must be an object, not null."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(c.Id))
            {
                problems.Add((countPath + ".id", "The count id is required."));
                continue;
            }

            if (ids.ContainsKey(c.Id!))
            {
                problems.Add((countPath + ".id", $"Count id '{c.Id}' is used twice."));
                continue;
            }

            var hasCases = c.Cases is { Count: > 0 };
            if (c.WhenMissing is not null && c.Metric is null)
            {
                problems.Add((countPath + ".whenMissing", "Only a metric count can be missing."));
            }

            if (c.BeforeHistoryMetric is not null && (c.Metric is not null || c.WindowDays is not null || c.LargestPer is not null || string.IsNullOrWhiteSpace(c.BeforeHistoryMetric)))
            {
                problems.Add((countPath + ".beforeHistoryMetric", "Only a cumulative count of cases (no metric, window or largestPer) starts from a count before the history; name its metric."));
            }

            if (c.Metric is not null)
            {
                OptionsReading.Finite(c.WhenMissing, countPath + ".whenMissing", problems, required: false);
                if (hasCases || c.WindowDays is not null || c.LargestPer is not null || c.UnknownSourceOnly)
                {
                    problems.Add((countPath + ".metric", "A metric count takes the metric's value that day: it has no cases, window, largestPer or unknownSourceOnly."));
                    continue;
                }

                ids[c.Id!] = counts.Count;
                counts.Add(new CountDefinition(c.Id!, Array.Empty<CaseKind>(), 0, null, false, OptionsReading.Metric(c.Metric, countPath + ".metric", problems)) { WhenMissing = c.WhenMissing });
                continue;
            }

            var kinds = OptionsReading.Enums(c.Cases, countPath + ".cases", problems, required: true);
            var window = OptionsReading.AtLeast(c.WindowDays, 1, countPath + ".windowDays", problems, required: false);
            ZoneKind? per = null;
            if (c.LargestPer is not null)
            {
                per = OptionsReading.Kind(c.LargestPer, countPath + ".largestPer", problems);
                if (per is not null && unit is not null && per <= unit)
                {
                    problems.Add((countPath + ".largestPer", $"'{per}' must be smaller than the graded unit '{unit}'."));
                }
            }

            ids[c.Id!] = counts.Count;
            counts.Add(new CountDefinition(c.Id!, kinds, window ?? 0, per, c.UnknownSourceOnly, null) { BeforeHistoryMetric = c.BeforeHistoryMetric });
        }
    }

    /// <summary>Reads the rows of the table: a level and the conditions on the counts that reach it.</summary>
    private static List<CountRow> ReadRows(IList<CountLevelOptions> rowOptions, RiskScale? scale, Dictionary<string, int> ids, string path, List<(string Path, string Message)> problems)
    {
        var rows = new List<CountRow>();
        for (var i = 0; i < rowOptions.Count; i++)
        {
            var rowPath = OptionsReading.Index(path + ".levels", i);
            var r = rowOptions[i];
            if (r is null)
            {
                problems.Add((rowPath, "A row must be an object, not null."));
                continue;
            }

            var level = OptionsReading.Level(scale, r.Level, rowPath + ".level", problems);
            var conditions = ReadConditions(r.When, rowPath, ids, problems);

            if (level is not null)
            {
                rows.Add(new CountRow(i + 1, level.Value, conditions.ToArray()));
            }
        }

        return rows;
    }

    private static List<ThresholdCondition> ReadConditions(IList<ThresholdConditionOptions>? whenOptions, string rowPath, Dictionary<string, int> ids, List<(string Path, string Message)> problems)
    {
        var conditions = new List<ThresholdCondition>();
        var when = whenOptions ?? new List<ThresholdConditionOptions>();
        for (var k = 0; k < when.Count; k++)
        {
            var conditionPath = OptionsReading.Index(rowPath + ".when", k);
            var w = when[k];
            if (w is null)
            {
                problems.Add((conditionPath, "A condition must be an object, not null."));
                continue;
            }

            if (w.Metric is not null)
            {
                problems.Add((conditionPath + ".metric", "A count table tests counts; declare a metric as a count with \"metric\" and test it by its id."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(w.Count) || !ids.TryGetValue(w.Count!, out var operand))
            {
                problems.Add((conditionPath + ".count", $"The condition must name a count: {string.Join(", ", ids.Keys)}."));
                continue;
            }

            var condition = ThresholdCondition.TryCreate(operand, w.Count!, w, conditionPath, problems);
            if (condition is not null)
            {
                conditions.Add(condition);
            }
        }

        return conditions;
    }

    private sealed class CountDefinition
    {
        public CountDefinition(string id, CaseKind[] kinds, int window, ZoneKind? largestPer, bool unknownSourceOnly, string? metric)
        {
            Id = id;
            Kinds = new bool[4];
            foreach (var k in kinds)
            {
                Kinds[(int)k] = true;
            }

            Window = window;
            LargestPer = largestPer;
            UnknownSourceOnly = unknownSourceOnly;
            Metric = metric;
        }

        public string Id { get; }

        public bool[] Kinds { get; }

        public int Window { get; }

        public ZoneKind? LargestPer { get; }

        public bool UnknownSourceOnly { get; }

        public string? Metric { get; }

        public double? WhenMissing { get; init; }

        /// <summary>Gets the metric that gives the count before the history, read on its first day; null for none.</summary>
        public string? BeforeHistoryMetric { get; init; }
    }

    private sealed class CountRow
    {
        public CountRow(int number, RiskLevel level, ThresholdCondition[] when)
        {
            Number = number;
            Level = level;
            When = when;
        }

        public int Number { get; }

        public RiskLevel Level { get; }

        public ThresholdCondition[] When { get; }
    }

    /// <summary>The counters of one count definition.</summary>
    private sealed class Counters
    {
        /// <summary>Cases per graded unit, or per group zone when counting the largest per group.</summary>
        public Dictionary<int, int> ByZone { get; } = new();

        /// <summary>Cases in a unit that cannot be placed in a group.</summary>
        public Dictionary<int, int> Unattributed { get; } = new();

        /// <summary>Cases known only at a zone larger than the unit.</summary>
        public Dictionary<int, int> Above { get; } = new();

        /// <summary>The groups of each unit that ever had a case.</summary>
        public Dictionary<int, List<int>> Groups { get; } = new();

        /// <summary>What to subtract when a windowed count moves on: day → (map, key).</summary>
        public Dictionary<int, List<(int Map, int Key)>> Expiry { get; } = new();

        public Dictionary<int, int> Map(int map) => map switch { 0 => ByZone, 1 => Unattributed, _ => Above };
    }

    private sealed class Evaluator : IRiskRuleEvaluator
    {
        private readonly CountThresholdRule _rule;
        private readonly RiskRuleSetup _setup;
        private readonly Counters[] _counters;
        private readonly Dictionary<int, int> _lastRow;

        public Evaluator(CountThresholdRule rule, RiskRuleSetup setup)
        {
            _rule = rule;
            _setup = setup;
            _counters = rule._counts.Select(_ => new Counters()).ToArray();
            _lastRow = new Dictionary<int, int>();
        }

        public void EvaluateDay(RiskDay day, RiskDesignationWriter writer)
        {
            var tree = day.Tree;
            var d = day.DayIndex;
            for (var c = 0; c < _rule._counts.Length; c++)
            {
                var definition = _rule._counts[c];
                var counters = _counters[c];
                if (definition.Metric is not null)
                {
                    continue;
                }

                if (d == 0 && definition.BeforeHistoryMetric is not null)
                {
                    AddBeforeHistory(day, definition.BeforeHistoryMetric, counters);
                }

                if (definition.Window > 0 && counters.Expiry.TryGetValue(d, out var expired))
                {
                    counters.Expiry.Remove(d);
                    foreach (var (map, key) in expired)
                    {
                        Add(counters.Map(map), key, -1);
                    }
                }

                var events = day.Events;
                for (var i = 0; i < events.Cases.Length; i++)
                {
                    var report = events.Cases[i];
                    var residence = events.Residences[i];
                    if (residence < 0 || !definition.Kinds[(int)report.Kind] || (definition.UnknownSourceOnly && !report.UnknownSource))
                    {
                        continue;
                    }

                    var (map, key) = Place(tree, definition, counters, residence);
                    if (map < 0)
                    {
                        continue;
                    }

                    Add(counters.Map(map), key, 1);
                    if (definition.Window > 0)
                    {
                        var at = d + definition.Window;
                        if (!counters.Expiry.TryGetValue(at, out var list))
                        {
                            list = new List<(int Map, int Key)>();
                            counters.Expiry[at] = list;
                        }

                        list.Add((map, key));
                    }
                }
            }

            var units = tree.OfKind(_rule.Unit);
            var values = new Bounds[_rule._counts.Length];
            for (var u = 0; u < units.Count; u++)
            {
                var unit = units.IndexAt(u);
                for (var c = 0; c < values.Length; c++)
                {
                    values[c] = Value(day, tree, c, unit);
                }

                var row = -1;
                var undecided = -1;
                for (var r = 0; r < _rule._rows.Length && row < 0 && undecided < 0; r++)
                {
                    var truth = Truth.True;
                    foreach (var condition in _rule._rows[r].When)
                    {
                        truth = ThresholdCondition.And(truth, condition.Test(values[condition.Operand]));
                    }

                    if (truth == Truth.True)
                    {
                        row = r;
                    }
                    else if (truth == Truth.Unknown)
                    {
                        undecided = r;
                    }
                }

                var code = row >= 0 ? row : undecided >= 0 ? -2 - undecided : int.MinValue;
                if (_lastRow.TryGetValue(unit, out var last) && last == code)
                {
                    continue;
                }

                _lastRow[unit] = code;
                var detail = Describe(values);
                if (row >= 0)
                {
                    writer.Designate(unit, _rule._rows[row].Level, new RiskReason(RiskReasonCodes.CountThreshold, _rule.Id) { EvidenceDate = day.Date, Detail = $"row {_rule._rows[row].Number}: {detail}" });
                }
                else if (undecided >= 0)
                {
                    var missing = _rule._rows[undecided].When.FirstOrDefault(w => w.Test(values[w.Operand]) == Truth.Unknown);
                    var metric = missing is null ? null : _rule._counts[missing.Operand].Metric;
                    writer.MarkInsufficientData(unit, LeastPossible(undecided, values), new RiskReason(metric is null ? RiskReasonCodes.CountThreshold : RiskReasonCodes.MissingIndicator, _rule.Id)
                    {
                        Metric = metric,
                        EvidenceDate = day.Date,
                        Detail = $"row {_rule._rows[undecided].Number} cannot be decided: {detail}",
                    });
                }
                else
                {
                    writer.Lift(unit, new RiskReason(RiskReasonCodes.CountThreshold, _rule.Id) { EvidenceDate = day.Date, Detail = "no row matches: " + detail });
                }
            }
        }

        /// <summary>The least level the rows from the first undecided one on can give: undecided rows up to the first row that surely holds.</summary>
        private RiskLevel LeastPossible(int undecided, Bounds[] values)
        {
            var least = _rule._rows[undecided].Level;
            for (var r = undecided + 1; r < _rule._rows.Length; r++)
            {
                var truth = Truth.True;
                foreach (var condition in _rule._rows[r].When)
                {
                    truth = ThresholdCondition.And(truth, condition.Test(values[condition.Operand]));
                }

                if (truth == Truth.False)
                {
                    continue;
                }

                least = RiskLevel.Min(least, _rule._rows[r].Level);
                if (truth == Truth.True)
                {
                    return least;
                }
            }

            return RiskLevel.None;
        }

        private static void Add(Dictionary<int, int> map, int key, int delta)
        {
            map.TryGetValue(key, out var n);
            n += delta;
            if (n == 0)
            {
                map.Remove(key);
            }
            else
            {
                map[key] = n;
            }
        }

        private static int AncestorOfKind(ZoneTree tree, int zone, ZoneKind kind)
        {
            for (var z = zone; z >= 0; z = tree.ParentIndexAt(z))
            {
                var k = tree.KindAt(z);
                if (k == kind)
                {
                    return z;
                }

                if (k < kind)
                {
                    return -1;
                }
            }

            return -1;
        }

        /// <summary>Where a case is counted: (0, unit or group), (1, unit) when it cannot be placed in a group, (2, zone) above the unit, or (−1, _).</summary>
        private (int Map, int Key) Place(ZoneTree tree, CountDefinition definition, Counters counters, int residence)
        {
            if (tree.KindAt(residence) < _rule.Unit)
            {
                return (2, residence);
            }

            var unit = AncestorOfKind(tree, residence, _rule.Unit);
            if (unit < 0)
            {
                return (-1, 0);
            }

            if (definition.LargestPer is not { } per)
            {
                return (0, unit);
            }

            var group = tree.KindAt(residence) < per ? -1 : AncestorOfKind(tree, residence, per);
            if (group < 0)
            {
                return (1, unit);
            }

            if (!counters.Groups.TryGetValue(unit, out var groups))
            {
                groups = new List<int>();
                counters.Groups[unit] = groups;
            }

            if (!groups.Contains(group))
            {
                groups.Add(group);
            }

            return (0, group);
        }

        /// <summary>Starts a cumulative count of every graded zone from the cases reported before the history.</summary>
        private void AddBeforeHistory(RiskDay day, string metric, Counters counters)
        {
            var units = day.Tree.OfKind(_rule.Unit);
            for (var u = 0; u < units.Count; u++)
            {
                var unit = units.IndexAt(u);
                if (day.TryGetIndicator(unit, metric, out var before) && before >= 1)
                {
                    Add(counters.ByZone, unit, before >= 1e9 ? 1_000_000_000 : (int)Math.Floor(before)); // capped far above any threshold, so later cases cannot overflow
                }
            }
        }

        private Bounds Value(RiskDay day, ZoneTree tree, int c, int unit)
        {
            var definition = _rule._counts[c];
            if (definition.Metric is not null)
            {
                return day.TryGetIndicator(unit, definition.Metric, out var v) ? Bounds.Exactly(v)
                    : definition.WhenMissing is { } missing ? Bounds.Exactly(missing) : Bounds.Missing;
            }

            var counters = _counters[c];
            double low;
            if (definition.LargestPer is null)
            {
                counters.ByZone.TryGetValue(unit, out var n);
                low = n;
            }
            else
            {
                var max = 0;
                if (counters.Groups.TryGetValue(unit, out var groups))
                {
                    foreach (var g in groups)
                    {
                        counters.ByZone.TryGetValue(g, out var n);
                        max = Math.Max(max, n);
                    }
                }

                low = max;
            }

            double extra = 0;
            if (counters.Unattributed.TryGetValue(unit, out var unplaced))
            {
                extra += unplaced;
            }

            if (counters.Above.Count > 0)
            {
                for (var z = tree.ParentIndexAt(unit); z >= 0; z = tree.ParentIndexAt(z))
                {
                    if (counters.Above.TryGetValue(z, out var above))
                    {
                        extra += above;
                    }
                }
            }

            return new Bounds(low, low + extra);
        }

        private string Describe(Bounds[] values)
        {
            var text = new StringBuilder();
            for (var c = 0; c < values.Length; c++)
            {
                if (c > 0)
                {
                    text.Append(", ");
                }

                text.Append(_rule._counts[c].Id).Append('=').Append(values[c].ToString());
            }

            return text.ToString();
        }
    }
}
