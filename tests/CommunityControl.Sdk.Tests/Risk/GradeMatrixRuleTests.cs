using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CommunityControl.Editions;
using CommunityControl.Epidemiology;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;
using static CommunityControl.Tests.Risk.SmallCity;

namespace CommunityControl.Tests.Risk;

public class GradeMatrixRuleTests
{
    private static readonly string[] Communities = { "c1", "c2", "c3" };

    // The cells the April 2020 plan fills (cn-policy E3, §1b): every other pair is open.
    private static readonly Dictionary<(string County, string Community), string> PlanCells = new()
    {
        [("Low", "NoCase")] = "LowNoCase",
        [("Medium", "Case")] = "MediumCase",
        [("Medium", "Outbreak")] = "MediumCase",
        [("High", "Transmission")] = "HighTransmission",
    };

    [Fact]
    public void FromOptions_SeveralMistakes_ReportsEveryOneWithItsPath()
    {
        var options = new GradeMatrixOptions
        {
            AreaScale = "cn-nowhere",
            Area = CommunityTable(ZoneKind.District),
            ZoneScale = "cn-community-types",
            Zone = CommunityTable(ZoneKind.City),
            Cells = new List<GradeMatrixCellOptions>
            {
                new() { Area = "Low", Zone = "NoCase", Level = "LowNoCase" },
                new() { Area = "Low", Zone = "Nowhere", Level = "LowNoCase" },
                new() { Area = "Low", Zone = "Case", Level = "Unheard" },
                null!,
            },
        };

        var failures = FluentActions.Invoking(() => GradeMatrixRule.FromOptions("precision", options, PolicyEditions.China.Precision2020.Risk.Scale))
            .Should().Throw<ModelValidationException>().Which.Failures;

        failures.Select(f => f.Substring(0, f.IndexOf(':', StringComparison.Ordinal))).Should().BeEquivalentTo(
            "gradeMatrix.areaScale",
            "gradeMatrix.zone.unit",
            "gradeMatrix.cells[1].zone",
            "gradeMatrix.cells[2].level",
            "gradeMatrix.cells[3]");
    }

    [Fact]
    public void FromOptions_APairTwiceOrNoCells_AreProblems()
    {
        var twice = PrecisionOptions();
        twice.Cells.Add(new GradeMatrixCellOptions { Area = "Low", Zone = "NoCase", Level = "MediumCase" });
        var none = PrecisionOptions();
        none.Cells.Clear();
        var scale = PolicyEditions.China.Precision2020.Risk.Scale;

        FluentActions.Invoking(() => GradeMatrixRule.FromOptions("precision", twice, scale)).Should().Throw<ModelValidationException>()
            .Which.Failures.Should().ContainSingle().Which.Should().StartWith("gradeMatrix.cells[4]: The pair Low × NoCase has a cell already");
        FluentActions.Invoking(() => GradeMatrixRule.FromOptions("precision", none, scale)).Should().Throw<ModelValidationException>()
            .Which.Failures.Should().ContainSingle().Which.Should().StartWith("gradeMatrix.cells: At least one cell");
        FluentActions.Invoking(() => GradeMatrixRule.FromOptions("precision", null!, scale)).Should().Throw<ArgumentNullException>().WithParameterName("options");
    }

    [Fact]
    public void FromOptions_ThePlan_HasFourCellsAndLeavesTheOthersOpen()
    {
        var rule = PolicyEditions.China.Precision2020.Risk.Rules.OfType<GradeMatrixRule>().Single();
        var county = RiskScales.ChinaLowMediumHigh;
        var types = RiskScales.ChinaCommunityTypes;

        rule.CellCount.Should().Be(4);
        rule.ToString().Should().Be("GradeMatrixRule precision (District × Community; 4 cells)");
        foreach (var c in county.Levels.Where(l => !l.Level.IsNone))
        {
            foreach (var t in types.Levels)
            {
                var defined = rule.TryGetCell(c.Level, t.Level, out var level);
                defined.Should().Be(PlanCells.ContainsKey((c.Code, t.Code)), $"{c.Code} × {t.Code}");
                if (defined)
                {
                    rule.Scale.Describe(level).Code.Should().Be(PlanCells[(c.Code, t.Code)]);
                }
            }
        }
    }

    [Fact]
    public void ReadEdition_UnknownFieldInTheMatrix_IsAProblemWithItsPathAndLine()
    {
        var document = JsonNode.Parse(PolicyEditions.GetDocument(PolicyEditions.China.Precision2020Id))!;
        document["risk"]!["rules"]![0]!["gradeMatrix"]!["cells"]![0]!["zones"] = "NoCase";

        var problems = FluentActions.Invoking(() => PolicyEditionJson.Parse(document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true })))
            .Should().Throw<DocumentFormatException>().Which.Problems;

        problems.Should().ContainSingle(p => p.Path == "$.risk.rules[0].gradeMatrix.cells[0].zones").Which.LineNumber.Should().BeGreaterThan(1);
    }

    [Fact]
    public void Extends_ALocalEditionFillsAnOpenCell_ItsCommunitiesAreDetermined()
    {
        // A medium-risk county's community without a case: open in the plan (UNCONFIRMED), decided by a local edition.
        var rules = JsonNode.Parse(PolicyEditions.GetDocument(PolicyEditions.China.Precision2020Id))!["risk"]!["rules"]!;
        rules[0]!["gradeMatrix"]!["cells"]!.AsArray().Add(new JsonObject { ["area"] = "Medium", ["zone"] = "NoCase", ["level"] = "MediumCase" });
        var local = new JsonObject
        {
            ["extends"] = PolicyEditions.China.Precision2020Id,
            ["id"] = "cn-wh-2020-04-local",
            ["version"] = "1.0.0",
            ["jurisdiction"] = "CN-WH",
            ["title"] = new JsonObject { ["zh"] = "本地精准化方案", ["en"] = "Local precision plan" },
            ["effective"] = new JsonObject { ["from"] = "2020-04-20" },
            ["risk"] = new JsonObject { ["rules"] = rules.DeepClone() },
        };
        var history = History(2, new[] { Case("p-1", 1, "c1-a-1-1") });

        var builtIn = PolicyEditions.China.Precision2020.Risk.Evaluate(history, new DateInterval(Day0, Day(2)));
        var edited = PolicyEditionJson.Parse(local.ToJsonString()).Risk.Evaluate(history, new DateInterval(Day0, Day(2)));

        builtIn.At(Z("c2"), Day(1)).Outcome.Should().Be(RiskAssessmentOutcome.InsufficientData);
        builtIn.At(Z("c2"), Day(1)).Reason!.Code.Should().Be(RiskReasonCodes.GradeMatrixOpenCell);
        builtIn.At(Z("c2"), Day(1)).Reason!.Detail.Should().Be("Medium × NoCase is an open cell");
        edited.At(Z("c2"), Day(1)).Outcome.Should().Be(RiskAssessmentOutcome.Determined);
        edited.At(Z("c2"), Day(1)).LevelDefinition.Code.Should().Be("MediumCase");
        edited.At(Z("c2"), Day(0)).LevelDefinition.Code.Should().Be("LowNoCase");
    }

    [Fact]
    public void Evaluate_CellReason_NamesTheCountyAndThePairInBothLanguages()
    {
        var timeline = PolicyEditions.China.Precision2020.Risk.Evaluate(History(0, new[] { Case("p-1", 0, "c1-a-1-1") }), new DateInterval(Day0, Day0));

        var reason = timeline.At(Z("c1"), Day0).Reason!;

        reason.Code.Should().Be(RiskReasonCodes.GradeMatrixCell);
        reason.Zone.Should().Be(Z("d1"));
        reason.Detail.Should().Be("Medium × Case");
        reason.Describe(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")).Should().Be("按所在地区风险等级与本区域类型确定（区域 d1，2022-07-01）");
        reason.Describe(System.Globalization.CultureInfo.GetCultureInfo("en-GB")).Should().Be("set by the area's risk level and the zone's own type (zone d1, 2022-07-01)");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Evaluate_RandomHistories_EqualsTheCountyGradingAndCommunityTypesComposedCellByCell(int seed)
    {
        // Brute force: the two editions the plan pairs, evaluated on their own, and the plan's cells looked up by hand.
        var random = new Random(seed);
        var days = 30;
        var builder = new EpidemicHistoryBuilder(Tree, Day0);
        var units = Tree.OfKind(ZoneKind.Unit).Select(z => z.Id.Value).ToArray();
        for (var i = 0; i < random.Next(0, 25); i++)
        {
            builder.Add(new CaseReport { Id = "p-" + i, Kind = CaseKind.Confirmed, Reported = Day(random.Next(days)), Residence = Z(units[random.Next(units.Length)]), UnknownSource = random.Next(3) == 0 });
        }

        foreach (var d in new[] { "d1", "d2" })
        {
            builder.Add(new IndicatorReading { Zone = Z(d), Date = Day0, Metric = "ConfirmedBeforeHistory", Value = random.Next(0, 60) });
            for (var day = 0; day < days; day++)
            {
                if (random.Next(10) > 0)
                {
                    builder.Add(new IndicatorReading { Zone = Z(d), Date = Day(day), Metric = IndicatorMetrics.Cluster14Day, Value = random.Next(2) });
                }
            }
        }

        var history = builder.Build(Day(days - 1));
        var period = new DateInterval(Day0, Day(days - 1));
        var plan = PolicyEditions.China.Precision2020.Risk.Evaluate(history, period);
        var counties = PolicyEditions.China.CountyGrading2020.Risk.Evaluate(history, period);
        var types = PolicyEditions.China.CommunityTypes2020.Risk.Evaluate(history, period);

        var checks = 0;
        foreach (var date in period)
        {
            foreach (var c in Communities)
            {
                var county = counties.At(Z(c == "c3" ? "d2" : "d1"), date);
                var type = types.At(Z(c), date);
                var actual = plan.At(Z(c), date);
                var insufficient = county.Outcome == RiskAssessmentOutcome.InsufficientData || type.Outcome == RiskAssessmentOutcome.InsufficientData
                    || !PlanCells.ContainsKey((county.LevelDefinition.Code, type.LevelDefinition.Code));
                actual.Outcome.Should().Be(insufficient ? RiskAssessmentOutcome.InsufficientData : RiskAssessmentOutcome.Determined, $"{c} on {date}: {county} / {type}");
                if (!insufficient)
                {
                    actual.LevelDefinition.Code.Should().Be(PlanCells[(county.LevelDefinition.Code, type.LevelDefinition.Code)], $"{c} on {date}");
                }

                checks++;
            }
        }

        checks.Should().Be(days * Communities.Length);
    }

    private static GradeMatrixOptions PrecisionOptions() => new()
    {
        AreaScale = "cn-low-medium-high",
        Area = new CountThresholdOptions
        {
            Unit = ZoneKind.District,
            Counts = new List<CaseCountOptions> { new() { Id = "new14", Cases = new List<CaseKind> { CaseKind.Confirmed }, WindowDays = 14 } },
            Levels = new List<CountLevelOptions>
            {
                new() { Level = "Medium", When = new List<ThresholdConditionOptions> { new() { Count = "new14", AtLeast = 1 } } },
                new() { Level = "Low" },
            },
        },
        ZoneScale = "cn-community-types",
        Zone = CommunityTable(ZoneKind.Community),
        Cells = new List<GradeMatrixCellOptions>
        {
            new() { Area = "Low", Zone = "NoCase", Level = "LowNoCase" },
            new() { Area = "Medium", Zone = "Case", Level = "MediumCase" },
            new() { Area = "Medium", Zone = "Outbreak", Level = "MediumCase" },
            new() { Area = "High", Zone = "Transmission", Level = "HighTransmission" },
        },
    };

    private static CountThresholdOptions CommunityTable(ZoneKind unit) => new()
    {
        Unit = unit,
        Counts = new List<CaseCountOptions> { new() { Id = "residents", Cases = new List<CaseKind> { CaseKind.Confirmed } } },
        Levels = new List<CountLevelOptions>
        {
            new() { Level = "Case", When = new List<ThresholdConditionOptions> { new() { Count = "residents", AtLeast = 1 } } },
            new() { Level = "NoCase" },
        },
    };
}
