using System.Linq;
using CommunityControl.Epidemiology;
using CommunityControl.Serialization;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;
using static CommunityControl.Tests.Risk.SmallCity;

namespace CommunityControl.Tests.Epidemiology;

public class EpidemicHistoryJsonTests
{
    [Fact]
    public void ToJson_ThenParse_GivesTheSameEvents()
    {
        var history = new EpidemicHistoryBuilder(Tree, Day0)
            .Add(Case("p-1", 0, "c1-a-1-1", activities: new CaseActivity { Zone = Z("c2-p-m"), Stay = Duration.FromMinutes(90), HighRisk = true }))
            .Add(Case("s-1", 1, "c1-b-1-1", CaseKind.Suspected, ControlSetting.HomeIsolation))
            .Add(new CaseExclusion { CaseId = "s-1", Date = Day(2) })
            .Add(Negative("c1-a", 2))
            .Add(new IndicatorReading { Zone = Z("d1"), Date = Day(1), Metric = IndicatorMetrics.Cluster14Day, Value = 1 })
            .Build(Day(3));

        var back = EpidemicHistoryJson.Parse(EpidemicHistoryJson.ToJson(history), Tree);

        back.FirstDay.Should().Be(history.FirstDay);
        back.LastDay.Should().Be(Day(3));
        back.Cases.Should().BeEquivalentTo(history.Cases);
        back.ExclusionsOn(Day(2)).Should().BeEquivalentTo(history.ExclusionsOn(Day(2)));
        back.ScreeningsOn(Day(2)).Should().BeEquivalentTo(history.ScreeningsOn(Day(2)));
        back.IndicatorsOn(Day(1)).Should().BeEquivalentTo(history.IndicatorsOn(Day(1)));
    }

    [Fact]
    public void Parse_UnknownField_IsRejectedWithPathAndLine()
    {
        const string json = "{\n  \"firstDay\": \"2022-07-01\",\n  \"cases\": [\n    { \"id\": \"p-1\", \"kind\": \"Confirmed\", \"reported\": \"2022-07-01\", \"name\": \"x\" }\n  ]\n}";

        var problem = FluentActions.Invoking(() => EpidemicHistoryJson.Parse(json, Tree))
            .Should().Throw<DocumentFormatException>().Which.Problems.Single();

        problem.Path.Should().Contain("$.cases[0]");
        problem.LineNumber.Should().Be(4);
    }

    [Fact]
    public void Parse_KindAsNumber_IsRejected()
    {
        const string json = "{ \"firstDay\": \"2022-07-01\", \"cases\": [ { \"id\": \"p-1\", \"kind\": 1, \"reported\": \"2022-07-01\" } ] }";

        FluentActions.Invoking(() => EpidemicHistoryJson.Parse(json, Tree))
            .Should().Throw<DocumentFormatException>().Which.Problems.Single().Message.Should().Contain("Confirmed");
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEachWithItsPathAndLine()
    {
        const string json = """
            {
              "firstDay": "2022-07-01",
              "lastDay": "2022-07-05",
              "cases": [
                { "id": "p-1", "kind": "Confirmed", "reported": "2022-07-01", "residence": "nowhere" },
                { "id": "p-1", "kind": "Confirmed", "reported": "2022-07-02", "residence": "c1-a-1-1" },
                { "id": "p-3", "reported": "2022-07-09" },
                { "id": "p-4", "kind": "Asymptomatic", "reported": "2022-07-01", "activities": [ { "zone": "c2-p-m", "stayMinutes": -1 } ] }
              ],
              "indicators": [
                { "zone": "d1", "date": "2022-07-01", "values": { "CovidBedsPercent": 120 } }
              ]
            }
            """;

        var problems = FluentActions.Invoking(() => EpidemicHistoryJson.Parse(json, Tree))
            .Should().Throw<DocumentFormatException>().Which.Problems;

        problems.Select(p => (p.Path, p.LineNumber)).Should().BeEquivalentTo(new (string, long?)[]
        {
            ("$.cases[0].residence", 5),
            ("$.cases[1].id", 6),
            ("$.cases[2].kind", 7),
            ("$.cases[3].activities[0].stayMinutes", 8),
            ("$.indicators[0].values.CovidBedsPercent", 11),
        });
        problems.Select(p => p.Message).Should().NotContain(m => m.Contains("c1-a-1-1"), "messages name the problem, not every zone");
    }

    [Fact]
    public void Parse_MissingFirstDay_IsReported()
    {
        FluentActions.Invoking(() => EpidemicHistoryJson.Parse("{ \"cases\": [] }", Tree))
            .Should().Throw<DocumentFormatException>().Which.Problems.Single().Path.Should().Be("$.firstDay");
    }

    [Fact]
    public void Parse_NoEventsAndNoLastDay_CoversNoDay()
    {
        var history = EpidemicHistoryJson.Parse("{ \"firstDay\": \"2022-07-01\" }", Tree);

        history.DayCount.Should().Be(0);
        history.Tree.Should().BeSameAs(Tree);
    }

    [Fact]
    public void Parse_NullArguments_Throw()
    {
        FluentActions.Invoking(() => EpidemicHistoryJson.Parse(null!, Tree)).Should().Throw<System.ArgumentNullException>().WithParameterName("json");
        FluentActions.Invoking(() => EpidemicHistoryJson.Parse("{}", (ZoneTree)null!)).Should().Throw<System.ArgumentNullException>().WithParameterName("tree");
    }
}
