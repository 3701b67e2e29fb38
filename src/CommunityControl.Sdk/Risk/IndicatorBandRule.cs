using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CommunityControl.Epidemiology;
using CommunityControl.Internal;
using CommunityControl.Zones;

namespace CommunityControl.Risk;

/// <summary>
/// The indicator-band family: each classifier maps a metric's latest value to a level by bands whose lower bound belongs
/// to the band (a cut-point belongs to the higher level, as in the US CDC tables), optionally only when other metrics meet
/// conditions (CDC 2022: one scale below 200 new cases per 100,000, another at or above); the zone's level is the highest
/// classifier's.
/// </summary>
/// <remarks>
/// <para><b>Validity.</b> A value published on day P is used on days P to P + <see cref="ValueValidDays"/> − 1 (7 for weekly data).</para>
/// <para><b>Missing values.</b> CDC's own tables treat a county without hospital data inconsistently (Medium, N/A or blank),
/// so the behaviour is the rule's parameter <see cref="MissingValues"/>: a classifier whose condition needs a metric with no
/// valid value is undecided and makes the level <see cref="RiskAssessmentOutcome.InsufficientData"/>; a classifier that
/// applies but has no value implies its floor (its lowest band's level) and, per the parameter, makes the level insufficient
/// data (at least the decided levels and floors), is left out while another classifier that applies has a value, or gives
/// its floor. A level that is already the scale's highest is never insufficient: no other value can raise it.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
internal sealed class IndicatorBandRule : IRiskRule
{
    private readonly Classifier[] _classifiers;
    private readonly string[] _metrics;

    private IndicatorBandRule(string id, RiskScale scale, ZoneKind unit, int validDays, Classifier[] classifiers, string[] metrics, MissingIndicatorHandling missing)
    {
        MissingValues = missing;
        Id = id;
        Scale = scale;
        Unit = unit;
        ValueValidDays = validDays;
        _classifiers = classifiers;
        _metrics = metrics;
    }

    /// <inheritdoc/>
    public string Id { get; }

    /// <summary>Gets the scale the bands' levels are on.</summary>
    public RiskScale Scale { get; }

    /// <summary>Gets the kind of the zones graded.</summary>
    public ZoneKind Unit { get; }

    /// <summary>Gets how many days a published value stays valid.</summary>
    public int ValueValidDays { get; }

    /// <summary>Gets what a classifier that applies but has no valid value does.</summary>
    public MissingIndicatorHandling MissingValues { get; }

    /// <summary>Gets the metrics the rule reads.</summary>
    public IReadOnlyList<string> Metrics => Array.AsReadOnly(_metrics);

    /// <summary>Creates the rule from options.</summary>
    /// <param name="id">The rule's id.</param>
    /// <param name="options">The parameters.</param>
    /// <param name="scale">The policy's scale.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ModelValidationException">The options are invalid; every problem is listed with its path.</exception>
    public static IndicatorBandRule FromOptions(string id, IndicatorBandOptions options, RiskScale scale)
    {
        Guard.NotNullOrWhiteSpace(id);
        Guard.NotNull(options);
        Guard.NotNull(scale);
        var problems = new List<(string Path, string Message)>();
        return TryCreate(id, options, scale, "indicatorBands", problems)
            ?? throw new ModelValidationException(typeof(IndicatorBandRule), problems.Select(p => p.Path + ": " + p.Message));
    }

    /// <inheritdoc/>
    public IRiskRuleEvaluator CreateEvaluator(RiskRuleSetup setup) => new Evaluator(this, Guard.NotNull(setup));

    /// <summary>Returns the id, unit and metrics.</summary>
    /// <returns>E.g. <c>IndicatorBandRule community-levels (District: CasesPer100K7Day, AdmissionsPer100K7Day, CovidBedsPercent)</c>.</returns>
    public override string ToString() => $"IndicatorBandRule {Id} ({Unit}: {string.Join(", ", _metrics)})";

    internal static IndicatorBandRule? TryCreate(string id, IndicatorBandOptions options, RiskScale? scale, string path, List<(string Path, string Message)> problems)
    {
        var before = problems.Count;
        var unit = OptionsReading.Kind(options.Unit, path + ".unit", problems);
        var valid = OptionsReading.AtLeast(options.ValueValidDays, 1, path + ".valueValidDays", problems);
        var missing = options.MissingValues ?? MissingIndicatorHandling.InsufficientData;
        if (missing is < MissingIndicatorHandling.InsufficientData or > MissingIndicatorHandling.Floor)
        {
            problems.Add((path + ".missingValues", "State InsufficientData, UseMetricsPresent or Floor (or leave it out for InsufficientData)."));
        }
        var metrics = new List<string>();
        var list = options.Classifiers ?? new List<IndicatorClassifierOptions>();
        if (list.Count == 0)
        {
            problems.Add((path + ".classifiers", "At least one classifier is required."));
        }

        var classifiers = new List<Classifier>();
        for (var i = 0; i < list.Count; i++)
        {
            var classifierPath = OptionsReading.Index(path + ".classifiers", i);
            var c = list[i];
            if (c is null)
            {
                problems.Add((classifierPath, "A classifier must be an object, not null."));
                continue;
            }

            var metric = OptionsReading.Metric(c.Metric, classifierPath + ".metric", problems);
            var conditions = ReadConditions(c.When, classifierPath, metrics, problems);
            var bands = ReadBands(c.Bands, classifierPath, scale, problems);

            if (metric.Length > 0)
            {
                classifiers.Add(new Classifier(MetricIndex(metrics, metric), metric, conditions.ToArray(), bands.ToArray()));
            }
        }

        return problems.Count > before || scale is null ? null : new IndicatorBandRule(id, scale, unit!.Value, valid!.Value, classifiers.ToArray(), metrics.ToArray(), missing);
    }

    private static int MetricIndex(List<string> metrics, string metric)
    {
        var index = metrics.IndexOf(metric);
        if (index < 0)
        {
            metrics.Add(metric);
            index = metrics.Count - 1;
        }

        return index;
    }

    private static List<ThresholdCondition> ReadConditions(IList<ThresholdConditionOptions>? whenOptions, string classifierPath, List<string> metrics, List<(string Path, string Message)> problems)
    {
        var conditions = new List<ThresholdCondition>();
        var when = whenOptions ?? new List<ThresholdConditionOptions>();
        for (var k = 0; k < when.Count; k++)
        {
            var conditionPath = OptionsReading.Index(classifierPath + ".when", k);
            var w = when[k];
            if (w is null)
            {
                problems.Add((conditionPath, "A condition must be an object, not null."));
                continue;
            }

            if (w.Count is not null || string.IsNullOrWhiteSpace(w.Metric))
            {
                problems.Add((conditionPath + ".metric", "A condition of an indicator classifier names a metric (not a count)."));
                continue;
            }

            var condition = ThresholdCondition.TryCreate(MetricIndex(metrics, w.Metric!), w.Metric!, w, conditionPath, problems);
            if (condition is not null)
            {
                conditions.Add(condition);
            }
        }

        return conditions;
    }

    /// <summary>Reads the bands of a classifier: each a lower bound, strictly increasing, and the level it reaches.</summary>
    private static List<(double AtLeast, RiskLevel Level)> ReadBands(IList<IndicatorBandLevelOptions>? bandOptions, string classifierPath, RiskScale? scale, List<(string Path, string Message)> problems)
    {
        var bands = new List<(double AtLeast, RiskLevel Level)>();
        var bandList = bandOptions ?? new List<IndicatorBandLevelOptions>();
        if (bandList.Count == 0)
        {
            problems.Add((classifierPath + ".bands", "At least one band is required."));
        }

        for (var b = 0; b < bandList.Count; b++)
        {
            var bandPath = OptionsReading.Index(classifierPath + ".bands", b);
            var band = bandList[b];
            if (band is null)
            {
                problems.Add((bandPath, "A band must be an object, not null."));
                continue;
            }

            var ok = OptionsReading.Finite(band.AtLeast, bandPath + ".atLeast", problems, required: true);
            var level = OptionsReading.Level(scale, band.Level, bandPath + ".level", problems);
            if (ok && level is not null)
            {
                if (bands.Count > 0 && band.AtLeast!.Value <= bands[bands.Count - 1].AtLeast)
                {
                    problems.Add((bandPath + ".atLeast", "Bands must be listed by strictly increasing lower bound."));
                }

                bands.Add((band.AtLeast!.Value, level.Value));
            }
        }

        return bands;
    }

    private sealed class Classifier
    {
        public Classifier(int metric, string name, ThresholdCondition[] when, (double AtLeast, RiskLevel Level)[] bands)
        {
            Metric = metric;
            Name = name;
            When = when;
            Bands = bands;
        }

        public int Metric { get; }

        public string Name { get; }

        public ThresholdCondition[] When { get; }

        public (double AtLeast, RiskLevel Level)[] Bands { get; }

        /// <summary>Gets the least level the classifier can give: its lowest band's, when that band starts at 0 or below (the metrics are non-negative).</summary>
        public RiskLevel FloorLevel => Bands.Length > 0 && Bands[0].AtLeast <= 0 ? Bands[0].Level : RiskLevel.None;

        public RiskLevel? Classify(double value)
        {
            RiskLevel? level = null;
            foreach (var band in Bands)
            {
                if (value >= band.AtLeast)
                {
                    level = band.Level;
                }
            }

            return level;
        }
    }

    private struct Latest
    {
        public int Day;
        public double Value;
    }

    private struct Written
    {
        public RiskLevel Level;
        public bool Insufficient;
        public int Metric;
        public int ReadingDay;
    }

    private sealed class Evaluator : IRiskRuleEvaluator
    {
        private readonly IndicatorBandRule _rule;
        private readonly RiskRuleSetup _setup;
        private readonly int[] _units;
        private readonly Latest[,] _latest;
        private readonly Written?[] _written;

        public Evaluator(IndicatorBandRule rule, RiskRuleSetup setup)
        {
            _rule = rule;
            _setup = setup;
            var units = setup.Tree.OfKind(rule.Unit);
            _units = new int[units.Count];
            for (var u = 0; u < _units.Length; u++)
            {
                _units[u] = units.IndexAt(u);
            }

            _latest = new Latest[_units.Length, rule._metrics.Length];
            for (var u = 0; u < _units.Length; u++)
            {
                for (var m = 0; m < rule._metrics.Length; m++)
                {
                    _latest[u, m].Day = int.MinValue;
                }
            }

            _written = new Written?[_units.Length];
        }

        public void EvaluateDay(RiskDay day, RiskDesignationWriter writer)
        {
            var d = day.DayIndex;
            var metrics = _rule._metrics;
            var values = new Bounds[metrics.Length];
            for (var u = 0; u < _units.Length; u++)
            {
                for (var m = 0; m < metrics.Length; m++)
                {
                    if (day.TryGetIndicator(_units[u], metrics[m], out var v))
                    {
                        _latest[u, m] = new Latest { Day = d, Value = v };
                    }

                    var latest = _latest[u, m];
                    values[m] = latest.Day != int.MinValue && d - latest.Day < _rule.ValueValidDays ? Bounds.Exactly(latest.Value) : Bounds.Missing;
                }

                Write(day, writer, u, Classify(values));
            }
        }

        /// <summary>Classifies one unit's valid values under the rule's missing-value handling.</summary>
        private Outcome Classify(Bounds[] values)
        {
            var o = new Outcome { Level = RiskLevel.None, Floor = RiskLevel.None, Decider = -1, Missing = -1, Unsure = -1 };
            foreach (var classifier in _rule._classifiers)
            {
                var applies = Truth.True;
                foreach (var condition in classifier.When)
                {
                    applies = ThresholdCondition.And(applies, condition.Test(values[condition.Operand]));
                }

                if (applies == Truth.False)
                {
                    continue;
                }

                var value = values[classifier.Metric];
                if (applies == Truth.Unknown)
                {
                    o.Unsure = o.Unsure >= 0 ? o.Unsure : classifier.When.First(w => !values[w.Operand].IsExact).Operand;
                }
                else if (!value.IsExact)
                {
                    o.Missing = o.Missing >= 0 ? o.Missing : classifier.Metric;
                    o.Floor = RiskLevel.Max(o.Floor, classifier.FloorLevel);
                }
                else if (classifier.Classify(value.Low) is { } l && (o.Decider < 0 || l > o.Level))
                {
                    o.Level = l;
                    o.Decider = classifier.Metric;
                }
            }

            var highest = _rule.Scale.Highest;
            var atLeast = RiskLevel.Max(o.Level, o.Floor);
            var missingCounts = o.Missing >= 0 && _rule.MissingValues switch
            {
                MissingIndicatorHandling.UseMetricsPresent => o.Decider < 0,
                MissingIndicatorHandling.Floor => false,
                _ => true,
            };
            o.Insufficient = (o.Unsure >= 0 || missingCounts) && atLeast < highest;
            if (!o.Insufficient && _rule.MissingValues == MissingIndicatorHandling.Floor && o.Floor > o.Level)
            {
                (o.Level, o.Decider, o.ByFloor) = (o.Floor, o.Missing, true);
            }

            if (o.Insufficient)
            {
                o.Level = atLeast;
            }

            return o;
        }

        private void Write(RiskDay day, RiskDesignationWriter writer, int u, in Outcome o)
        {
            var metrics = _rule._metrics;
            var reasonMetric = o.Insufficient ? (o.Unsure >= 0 ? o.Unsure : o.Missing) : o.Decider;
            var readingDay = !o.Insufficient && !o.ByFloor && o.Decider >= 0 ? _latest[u, o.Decider].Day : -1;
            var now = new Written { Level = o.Level, Insufficient = o.Insufficient, Metric = reasonMetric, ReadingDay = readingDay };
            if (_written[u] is { } before && before.Level == now.Level && before.Insufficient == now.Insufficient && before.Metric == now.Metric && before.ReadingDay == now.ReadingDay)
            {
                return;
            }

            var first = _written[u] is null;
            _written[u] = now;
            if (first && o.Level.IsNone && !o.Insufficient)
            {
                return;
            }

            if (o.Insufficient)
            {
                writer.MarkInsufficientData(_units[u], o.Level, new RiskReason(RiskReasonCodes.MissingIndicator, _rule.Id) { Metric = metrics[reasonMetric], EvidenceDate = day.Date, Detail = $"no value of {metrics[reasonMetric]} within {_rule.ValueValidDays} days" });
            }
            else if (o.Decider < 0)
            {
                writer.Lift(_units[u], new RiskReason(RiskReasonCodes.IndicatorBand, _rule.Id) { EvidenceDate = day.Date, Detail = "no classifier applies" });
            }
            else if (o.ByFloor)
            {
                writer.Designate(_units[u], o.Level, new RiskReason(RiskReasonCodes.MissingIndicator, _rule.Id) { Metric = metrics[o.Decider], EvidenceDate = day.Date, Detail = $"no value of {metrics[o.Decider]}: the floor of its bands" });
            }
            else
            {
                var reading = _latest[u, o.Decider];
                writer.Designate(_units[u], o.Level, new RiskReason(RiskReasonCodes.IndicatorBand, _rule.Id)
                {
                    Metric = metrics[o.Decider],
                    Value = reading.Value,
                    EvidenceDate = _setup.FirstDay.PlusDays(reading.Day),
                });
            }
        }
    }

    /// <summary>What the classifiers give for one unit on one day (metric indexes; −1 for none).</summary>
    private struct Outcome
    {
        public RiskLevel Level;
        public RiskLevel Floor;
        public int Decider;
        public int Missing;
        public int Unsure;
        public bool Insufficient;
        public bool ByFloor;
    }
}
