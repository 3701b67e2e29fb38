using System;
using System.Linq;
using CommunityControl.Editions;
using CommunityControl.Epidemiology;
using CommunityControl.Risk;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;
using static CommunityControl.Tests.Risk.SmallCity;

namespace CommunityControl.Tests.Risk;

/// <summary>A vendor's own rule family in C#, next to the built-in ones.</summary>
public class VendorRuleTests
{
    [Fact]
    public void Evaluate_VendorRule_DesignatesThroughTheSameEngine()
    {
        var scale = RiskScales.ChinaLowMediumHigh;
        var policy = new RiskPolicyBuilder(scale)
            .AddRule(new PositiveScreeningRule(scale["Medium"], days: 2))
            .WithBaseline(ZoneKind.District, scale["Low"])
            .Build();
        var history = new EpidemicHistoryBuilder(Tree, Day0)
            .Add(new ScreeningRound { Zone = Z("c2-a"), Date = Day(1), AllNegative = false })
            .Build(Day(5));

        var timeline = policy.Evaluate(history, new DateInterval(Day0, Day(5)));

        timeline.LevelOf(Z("c2-a-1-1"), Day0).Should().Be(RiskLevel.None);
        var a = timeline.At(Z("c2-a-1-1"), Day(2));
        a.Level.Should().Be(scale["Medium"]);
        a.Reason!.RuleId.Should().Be("positive-screening");
        a.SetBy.Should().Be(Z("c2-a"));
        timeline.LevelOf(Z("c1-a"), Day(2)).Should().Be(scale["Low"], "the county baseline applies to vendor rules too");
        timeline.LevelOf(Z("c2-a"), Day(3)).Should().Be(RiskLevel.None);
    }

    [Fact]
    public void WithRule_AddsAVendorRuleToOptionsOrABuiltInPolicy()
    {
        var scale = RiskScales.ChinaLowMediumHigh;
        var rule = new PositiveScreeningRule(scale["Medium"], days: 2);
        var fromOptions = RiskPolicy.FromOptions(new RiskPolicyOptions { Scale = scale.Id }).WithRule(rule);
        var history = new EpidemicHistoryBuilder(Tree, Day0)
            .Add(new ScreeningRound { Zone = Z("c2-a"), Date = Day(1), AllNegative = false })
            .Build(Day(5));

        fromOptions.Rules.Select(r => r.Id).Should().Equal("positive-screening");
        fromOptions.Evaluate(history, new DateInterval(Day0, Day(5))).LevelOf(Z("c2-a-1-1"), Day(2)).Should().Be(scale["Medium"]);

        var builtIn = PolicyEditions.China.NinthEdition.Risk;
        var extended = builtIn.WithRule(rule);
        extended.Rules.Should().HaveCount(builtIn.Rules.Count + 1);
        extended.Rules[^1].Should().BeSameAs(rule);
        builtIn.Rules.Should().NotContain(rule, "WithRule returns a new policy");
        FluentActions.Invoking(() => extended.WithRule(rule)).Should().Throw<ModelValidationException>().WithMessage("*used twice*");
    }

    [Fact]
    public void Writer_LevelNotOnTheScaleOrZoneOutsideTheTree_Throws()
    {
        var scale = RiskScales.ChinaLowMediumHigh;
        var history = new EpidemicHistoryBuilder(Tree, Day0).Build(Day0);

        var badLevel = new RiskPolicyBuilder(scale).AddRule(new DelegateRule(w => w.Designate(0, RiskLevel.FromSeverity(9), new RiskReason("X", "bad")))).Build();
        var badZone = new RiskPolicyBuilder(scale).AddRule(new DelegateRule(w => w.Designate(Tree.Count, scale["High"], new RiskReason("X", "bad")))).Build();

        badLevel.Invoking(p => p.Evaluate(history, new DateInterval(Day0, Day0))).Should().Throw<ArgumentException>().WithParameterName("level");
        badZone.Invoking(p => p.Evaluate(history, new DateInterval(Day0, Day0))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("zoneIndex");
    }

    /// <summary>A zone screened with positives is at a level for a few days.</summary>
    private sealed class PositiveScreeningRule : IRiskRule
    {
        private readonly RiskLevel _level;
        private readonly int _days;

        public PositiveScreeningRule(RiskLevel level, int days)
        {
            _level = level;
            _days = days;
        }

        public string Id => "positive-screening";

        public IRiskRuleEvaluator CreateEvaluator(RiskRuleSetup setup) => new Evaluator(this);

        private sealed class Evaluator : IRiskRuleEvaluator
        {
            private readonly PositiveScreeningRule _rule;
            private readonly System.Collections.Generic.Dictionary<int, LocalDate> _until = new();

            public Evaluator(PositiveScreeningRule rule) => _rule = rule;

            public void EvaluateDay(RiskDay day, RiskDesignationWriter writer)
            {
                foreach (var pair in new System.Collections.Generic.Dictionary<int, LocalDate>(_until))
                {
                    if (pair.Value < day.Date)
                    {
                        _until.Remove(pair.Key);
                        writer.Lift(pair.Key, new RiskReason("ScreeningClear", _rule.Id));
                    }
                }

                foreach (var round in day.Screenings)
                {
                    if (!round.AllNegative)
                    {
                        var zone = day.Tree.GetIndex(round.Zone);
                        _until[zone] = day.Date.PlusDays(_rule._days - 1);
                        writer.Designate(zone, _rule._level, new RiskReason("PositiveScreening", _rule.Id) { Zone = round.Zone, EvidenceDate = day.Date }, day.Date.PlusDays(_rule._days));
                    }
                }
            }
        }
    }

    private sealed class DelegateRule : IRiskRule
    {
        private readonly Action<RiskDesignationWriter> _write;

        public DelegateRule(Action<RiskDesignationWriter> write) => _write = write;

        public string Id => "delegate";

        public IRiskRuleEvaluator CreateEvaluator(RiskRuleSetup setup) => new Evaluator(_write);

        private sealed class Evaluator : IRiskRuleEvaluator
        {
            private readonly Action<RiskDesignationWriter> _write;

            public Evaluator(Action<RiskDesignationWriter> write) => _write = write;

            public void EvaluateDay(RiskDay day, RiskDesignationWriter writer) => _write(writer);
        }
    }
}
