using System;
using System.Linq;
using CommunityControl.Editions;
using CommunityControl.Epidemiology;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Risk;

/// <summary>
/// Finer drawing units (cn-policy §6.8 row 1): the ten measures allow 楼栋/单元/楼层/住户 and the investigation decides,
/// so a case names the unit for its residence; without a choice the edition's default (the building) applies.
/// </summary>
public class DrawingUnitTests
{
    private static readonly LocalDate Day0 = new(2022, 12, 10);

    private static readonly ZoneTree Tree = new ZoneTreeBuilder(DateTimeZoneProviders.Tzdb["Asia/Shanghai"])
        .Add("d", ZoneKind.District, "区")
        .Add("c", ZoneKind.Compound, "小区", parent: "d")
        .Add("b1", ZoneKind.Building, "1栋", parent: "c")
        .Add("b1-u1", ZoneKind.Unit, "1单元", parent: "b1")
        .Add("b1-u1-f3", ZoneKind.Floor, "3层", parent: "b1-u1")
        .Add("b1-u1-f3-301", ZoneKind.Household, "301", parent: "b1-u1-f3")
        .Add("b1-u1-f3-302", ZoneKind.Household, "302", parent: "b1-u1-f3")
        .Add("b1-u1-f4", ZoneKind.Floor, "4层", parent: "b1-u1")
        .Add("b1-u2", ZoneKind.Unit, "2单元", parent: "b1")
        .Build();

    [Theory]
    [InlineData(ZoneKind.Unknown, "b1")]
    [InlineData(ZoneKind.Building, "b1")]
    [InlineData(ZoneKind.Unit, "b1-u1")]
    [InlineData(ZoneKind.Floor, "b1-u1-f3")]
    [InlineData(ZoneKind.Household, "b1-u1-f3-301")]
    public void TenMeasures_TheInvestigationsChoice_IsTheZoneDesignated(ZoneKind chosen, string designated)
    {
        var timeline = Evaluate(PolicyEditions.China.TenMeasures, chosen);

        var zones = new[] { "c", "b1", "b1-u1", "b1-u1-f3", "b1-u1-f3-301", "b1-u1-f3-302", "b1-u1-f4", "b1-u2" };
        var high = zones.Where(z => timeline.At(ZoneId.From(z), Day0).LevelDefinition.Code == "High").ToArray();

        high.Should().Equal(zones.Where(z => z.StartsWith(designated, StringComparison.Ordinal)), "the designated zone and what lies inside it are High, nothing beside or above it");
        timeline.At(ZoneId.From(designated), Day0).Reason!.Code.Should().Be(RiskReasonCodes.ResidenceOfCase);
    }

    [Fact]
    public void Editions_SayWhichUnitsMayBeChosen_AndTheDefault()
    {
        Rule(PolicyEditions.China.TenMeasures).DrawingUnits.Should().Equal(ZoneKind.Building, ZoneKind.Unit, ZoneKind.Floor, ZoneKind.Household);
        Rule(PolicyEditions.China.TenMeasures).DrawingUnit.Should().Be(ZoneKind.Building);
        Rule(PolicyEditions.China.TwentyMeasures).DrawingUnits.Should().Equal(ZoneKind.Building, ZoneKind.Unit);
        Rule(PolicyEditions.China.NinthEdition).DrawingUnits.Should().Equal(ZoneKind.Compound);
    }

    [Fact]
    public void AUnitTheEditionDoesNotAllow_IsRejectedNamingTheHistory()
    {
        var act = () => Evaluate(PolicyEditions.China.TwentyMeasures, ZoneKind.Floor);

        act.Should().Throw<ArgumentException>().WithParameterName("history").Which.Message.Should().Contain("Floor").And.Contain("Building, Unit").And.NotContain("p-1");
    }

    [Fact]
    public void DrawingUnits_WithoutTheDefault_IsAProblem()
    {
        var options = new CaseDesignationOptions
        {
            DrawingUnit = ZoneKind.Building,
            DrawingUnits = { ZoneKind.Unit, ZoneKind.Floor },
            Infections = { CaseKind.Confirmed },
            ResidenceStage = "High",
            Stages = { new CaseStageOptions { Id = "High", Level = "High", StepDownAfterDays = 5, RequireNegativeScreening = false } },
        };

        FluentActions.Invoking(() => CaseDesignationRule.FromOptions("risk-areas", options, RiskScales.ChinaLowMediumHigh))
            .Should().Throw<ModelValidationException>().Which.Failures.Should().ContainSingle().Which.Should().StartWith("caseDesignation.drawingUnits");
    }

    [Fact]
    public void HistoryDocument_CarriesTheChoice_BothWays()
    {
        var history = History(ZoneKind.Floor);

        var json = EpidemicHistoryJson.ToJson(history);
        json.Should().Contain("\"drawingUnit\": \"Floor\"");
        EpidemicHistoryJson.Parse(json, Tree).Cases.Single().DrawingUnit.Should().Be(ZoneKind.Floor);
    }

    private static CaseDesignationRule Rule(PolicyEdition edition) => edition.Risk.Rules.OfType<CaseDesignationRule>().Single();

    private static RiskTimeline Evaluate(PolicyEdition edition, ZoneKind chosen)
        => edition.Risk.Evaluate(History(chosen), new DateInterval(Day0, Day0.PlusDays(1)));

    private static EpidemicHistory History(ZoneKind chosen)
        => new EpidemicHistoryBuilder(Tree, Day0)
            .Add(new CaseReport { Id = "p-1", Kind = CaseKind.Confirmed, Reported = Day0, Residence = ZoneId.From("b1-u1-f3-301"), DrawingUnit = chosen })
            .Build(Day0.PlusDays(1));
}
