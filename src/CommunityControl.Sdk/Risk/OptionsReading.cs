using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CommunityControl.Internal;
using CommunityControl.Zones;

namespace CommunityControl.Risk;

/// <summary>Helpers shared by the validation of every rule family's options: problems carry a path.</summary>
internal static class OptionsReading
{
    public static string Index(string path, int i) => path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";

    public static RiskLevel? Level(RiskScale? scale, string? code, string path, List<(string Path, string Message)> problems, bool allowNone = false)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            problems.Add((path, "A level code is required."));
            return null;
        }

        if (scale is null)
        {
            return null; // the scale itself is reported
        }

        if (!scale.TryGetLevel(code, out var level))
        {
            problems.Add((path, $"Scale '{scale.Id}' has no level '{code}'; it has {string.Join(", ", scale.Levels.Select(l => l.Code))}."));
            return null;
        }

        if (level.IsNone && !allowNone)
        {
            problems.Add((path, $"'{code}' is the scale's zero (no designation); a rule designates a level above it."));
            return null;
        }

        return level;
    }

    public static ZoneKind? Kind(ZoneKind? kind, string path, List<(string Path, string Message)> problems)
    {
        if (kind is null || !ZoneKinds.IsDefined(kind.Value))
        {
            problems.Add((path, "A zone kind is required (City, District, Subdistrict, Community, Grid, Compound, Building, Unit, Floor or Household)."));
            return null;
        }

        return kind;
    }

    public static int? AtLeast(int? value, int minimum, string path, List<(string Path, string Message)> problems, bool required = true)
    {
        if (value is null)
        {
            if (required)
            {
                problems.Add((path, "A number is required: the reference gives it, so the edition must state it."));
            }

            return null;
        }

        if (Check.Range(value.Value, minimum, 3650, string.Empty) is { } message)
        {
            problems.Add((path, message));
            return null;
        }

        return value;
    }

    public static T[] Enums<T>(IList<T>? values, string path, List<(string Path, string Message)> problems, bool required)
        where T : struct, Enum
    {
        var array = values?.ToArray() ?? Array.Empty<T>();
        if (required && array.Length == 0)
        {
            problems.Add((path, "At least one value is required."));
        }

        for (var i = 0; i < array.Length; i++)
        {
            if (!Enum.IsDefined(typeof(T), array[i]) || Convert.ToInt64(array[i], CultureInfo.InvariantCulture) == 0)
            {
                problems.Add((Index(path, i), $"'{array[i]}' is not a valid {typeof(T).Name}."));
            }
        }

        return array.Distinct().ToArray();
    }

    public static bool Finite(double? value, string path, List<(string Path, string Message)> problems, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                problems.Add((path, "A number is required."));
            }

            return !required;
        }

        if (double.IsNaN(value.Value) || double.IsInfinity(value.Value))
        {
            problems.Add((path, "The number must be finite."));
            return false;
        }

        return true;
    }

    public static string Metric(string? metric, string path, List<(string Path, string Message)> problems)
    {
        if (string.IsNullOrWhiteSpace(metric))
        {
            problems.Add((path, "A metric name is required."));
            return string.Empty;
        }

        return metric!;
    }
}

/// <summary>Validates a <see cref="RiskPolicyOptions"/> (the one validation path for code and documents) and builds the policy.</summary>
internal static class RiskPolicyOptionsReader
{
    public static RiskPolicy? TryRead(RiskPolicyOptions options, string path, List<(string Path, string Message)> problems)
    {
        var before = problems.Count;
        var scale = ReadScale(options, path, problems);
        var rules = ReadRules(options.Rules, scale, path, problems);
        var baseline = ReadBaseline(options.Baseline, scale, path, problems);
        var aggregations = ReadAggregations(options.Aggregations, path, problems);

        if (problems.Count > before || scale is null)
        {
            return null;
        }

        return new RiskPolicy(scale, rules.ToArray(), baseline, aggregations.ToArray());
    }

    private static List<IRiskRule> ReadRules(IList<RiskRuleOptions>? options, RiskScale? scale, string path, List<(string Path, string Message)> problems)
    {
        var rules = new List<IRiskRule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var list = options ?? new List<RiskRuleOptions>();
        for (var i = 0; i < list.Count; i++)
        {
            var rulePath = OptionsReading.Index(path + ".rules", i);
            var rule = list[i];
            if (rule is null)
            {
                problems.Add((rulePath, "A rule must be an object, not null."));
                continue;
            }

            var id = rule.Id;
            if (string.IsNullOrWhiteSpace(id))
            {
                problems.Add((rulePath + ".id", "The rule id is required."));
                id = "rule" + (i + 1).ToString(CultureInfo.InvariantCulture);
            }
            else if (!ids.Add(id!))
            {
                problems.Add((rulePath + ".id", $"Rule id '{id}' is used twice."));
            }

            var created = CreateRule(rule, id!, scale, rulePath, problems);
            if (created is not null)
            {
                rules.Add(created);
            }
        }

        return rules;
    }

    /// <summary>Creates the rule of the one family the options give; reports a rule with none or several.</summary>
    private static IRiskRule? CreateRule(RiskRuleOptions rule, string id, RiskScale? scale, string rulePath, List<(string Path, string Message)> problems)
    {
        var families = (rule.CaseDesignation is null ? 0 : 1) + (rule.CountThresholds is null ? 0 : 1) + (rule.EpidemicFreeCertification is null ? 0 : 1)
            + (rule.IndicatorBands is null ? 0 : 1) + (rule.IndicatorHysteresis is null ? 0 : 1) + (rule.GradeMatrix is null ? 0 : 1);
        if (families != 1)
        {
            problems.Add((rulePath, families == 0
                ? "A rule needs one family: caseDesignation, countThresholds, gradeMatrix, epidemicFreeCertification, indicatorBands or indicatorHysteresis."
                : "A rule has exactly one family; split it into several rules."));
            return null;
        }

        return rule.CaseDesignation is not null ? CaseDesignationRule.TryCreate(id, rule.CaseDesignation, scale, rulePath + ".caseDesignation", problems)
            : rule.CountThresholds is not null ? CountThresholdRule.TryCreate(id, rule.CountThresholds, scale, rulePath + ".countThresholds", problems)
            : rule.GradeMatrix is not null ? GradeMatrixRule.TryCreate(id, rule.GradeMatrix, scale, rulePath + ".gradeMatrix", problems)
            : rule.EpidemicFreeCertification is not null ? EpidemicFreeCertificationRule.TryCreate(id, rule.EpidemicFreeCertification, scale, rulePath + ".epidemicFreeCertification", problems)
            : rule.IndicatorBands is not null ? IndicatorBandRule.TryCreate(id, rule.IndicatorBands, scale, rulePath + ".indicatorBands", problems)
            : IndicatorHysteresisRule.TryCreate(id, rule.IndicatorHysteresis!, scale, rulePath + ".indicatorHysteresis", problems);
    }

    private static RiskBaseline? ReadBaseline(RiskBaselineOptions? options, RiskScale? scale, string path, List<(string Path, string Message)> problems)
    {
        RiskBaseline? baseline = null;
        if (options is { } b)
        {
            var unit = OptionsReading.Kind(b.Unit, path + ".baseline.unit", problems);
            var level = OptionsReading.Level(scale, b.Level, path + ".baseline.level", problems);
            if (unit is not null && level is not null)
            {
                baseline = new RiskBaseline(unit.Value, level.Value);
            }
        }

        return baseline;
    }

    private static List<RiskAggregation> ReadAggregations(IList<RiskAggregationOptions>? options, string path, List<(string Path, string Message)> problems)
    {
        var aggregations = new List<RiskAggregation>();
        var aggregationList = options ?? new List<RiskAggregationOptions>();
        for (var i = 0; i < aggregationList.Count; i++)
        {
            var aggregationPath = OptionsReading.Index(path + ".aggregations", i);
            var a = aggregationList[i];
            if (a is null)
            {
                problems.Add((aggregationPath, "An aggregation must be an object, not null."));
                continue;
            }

            var target = OptionsReading.Kind(a.Target, aggregationPath + ".target", problems);
            var from = OptionsReading.Kind(a.From, aggregationPath + ".from", problems);
            if (target is not null && from is not null)
            {
                if (from <= target)
                {
                    problems.Add((aggregationPath + ".from", $"The parts ({from}) must be smaller than the target ({target})."));
                }
                else
                {
                    aggregations.Add(new RiskAggregation(target.Value, from.Value));
                }
            }
        }

        return aggregations;
    }

    internal static RiskScale? ReadScale(RiskPolicyOptions options, string path, List<(string Path, string Message)> problems)
    {
        if (string.IsNullOrWhiteSpace(options.Scale))
        {
            problems.Add((path + ".scale", "The scale is required: a built-in id (" + string.Join(", ", RiskScales.All.Select(s => s.Id)) + ") or the id of the levels defined here."));
            return null;
        }

        if (options.Levels is null)
        {
            if (RiskScales.TryGet(options.Scale, out var builtIn))
            {
                return builtIn;
            }

            problems.Add((path + ".scale", $"'{options.Scale}' is not a built-in scale (" + string.Join(", ", RiskScales.All.Select(s => s.Id)) + "); define its levels under \"levels\"."));
            return null;
        }

        if (RiskScales.TryGet(options.Scale, out _))
        {
            problems.Add((path + ".scale", $"'{options.Scale}' is a built-in scale; a custom scale needs its own id."));
            return null;
        }

        var levels = ReadLevelDefinitions(options.Levels, path, problems);
        if (levels is null)
        {
            return null;
        }


        try
        {
            return RiskScale.Create(options.Scale!, levels);
        }
        catch (ModelValidationException ex)
        {
            foreach (var failure in ex.Failures)
            {
                problems.Add((path + ".levels", failure));
            }

            return null;
        }
    }

    /// <summary>Reads the levels of a custom scale, or returns null when one has a problem.</summary>
    private static List<RiskLevelDefinition>? ReadLevelDefinitions(IList<RiskLevelOptions> options, string path, List<(string Path, string Message)> problems)
    {
        var levels = new List<RiskLevelDefinition>();
        var before = problems.Count;
        for (var i = 0; i < options.Count; i++)
        {
            var levelPath = OptionsReading.Index(path + ".levels", i);
            var l = options[i];
            if (l is null)
            {
                problems.Add((levelPath, "A level must be an object, not null."));
                continue;
            }

            if (l.Severity is null or < 0 or > RiskLevel.MaxSeverity)
            {
                problems.Add((levelPath + ".severity", $"A severity in [0-{RiskLevel.MaxSeverity}] is required."));
            }

            if (string.IsNullOrWhiteSpace(l.Code))
            {
                problems.Add((levelPath + ".code", "A level code is required."));
            }

            if (string.IsNullOrWhiteSpace(l.NameZh))
            {
                problems.Add((levelPath + ".nameZh", "The Chinese name is required."));
            }

            if (string.IsNullOrWhiteSpace(l.NameEn))
            {
                problems.Add((levelPath + ".nameEn", "The English name is required."));
            }

            if (problems.Count == before)
            {
                levels.Add(new RiskLevelDefinition(RiskLevel.FromSeverity(l.Severity!.Value), l.Code!, l.NameZh!, l.NameEn!));
            }
        }

        return problems.Count > before ? null : levels;
    }
}
