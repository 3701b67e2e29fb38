using System;
using System.IO;
using System.Linq;
using System.Text;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using CommunityControl.Staffing;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Staffing;

public class StaffingPolicyJsonTests
{
    private const string Document = """
        {
          "scale": "cn-low-medium-high",
          "planningUnit": "Compound",
          "shifts": { "preset": "TwoTwelveHour", "firstStart": "08:00", "handoverMinutes": 30 },
          "limits": { "maxHoursPerDay": 12.5, "maxHoursPerWeek": 75, "maxNightShiftsPerWeek": 4, "minimumRestHours": 11 },
          "checkSeconds": { "CodeScan": 10, "ManualRegistration": 30 },
          "levels": {
            "Low": {
              "gate": { "check": "ManualRegistration", "serviceLevel": 0.8, "answerWithinSeconds": 20, "maximumOccupancy": 0.85, "minimumOnDuty": 1 }
            },
            "High": {
              "gate": { "check": "CodeScan", "serviceLevel": 0.8, "answerWithinSeconds": 20, "minimumOnDuty": 2 },
              "workloads": [
                { "kind": "Delivery", "basis": "PerHousehold", "timesPerDay": 1, "minutesEach": 6, "from": "08:00", "until": "20:00", "minimumPeople": 2 },
                { "kind": "Disinfection", "basis": "PerBuilding", "timesPerDay": 2, "minutesEach": 45, "from": "08:00", "until": "20:00" }
              ]
            }
          }
        }
        """;

    [Fact]
    public void Parse_Document_BuildsThePolicy()
    {
        var policy = StaffingPolicyJson.Parse(Document, RiskScales.ChinaLowMediumHigh);

        policy.Shifts.ToString().Should().Be("Day 08:00–20:00, Night 20:00–08:00 (night); handover 30 min");
        policy.Limits.MaxNightShiftsPerWeek.Should().Be(4);
        policy.Limits.MinimumRest.Should().Be(Duration.FromHours(11));
        policy.CheckTimes[GateCheckMethod.ManualRegistration].Should().Be(Duration.FromSeconds(30));
        var high = policy.ForLevel(RiskScales.ChinaLowMediumHigh["High"])!;
        high.Gate!.MinimumOnDuty.Should().Be(2);
        high.Gate.Target.ToString().Should().Be("80 % within 20 s");
        high.Workloads[0].ToString().Should().Be("Delivery: 1×/day × 6 min per household, 08:00–20:00");
        high.Workloads[1].TimeEach.Should().Be(Duration.FromMinutes(45));
        policy.ForLevel(RiskScales.ChinaLowMediumHigh["Low"])!.Gate!.Target.MaximumOccupancy.Should().Be(0.85);
    }

    [Fact]
    public void ToJson_SeedsPolicy_ReadsBackToTheSamePlan()
    {
        var original = SeedsCommunity.Policy();

        var json = StaffingPolicyJson.ToJson(original);
        var read = StaffingPolicyJson.Parse(json, RiskScales.ChinaLowMediumHigh);

        StaffingPolicyJson.ToJson(read).Should().Be(json);
        var days = SeedsCommunity.Days();
        var a = original.Calculate(days, SeedsCommunity.Arrivals(), SeedsCommunity.Workforce()).Totals();
        var b = read.Calculate(days, SeedsCommunity.Arrivals(), SeedsCommunity.Workforce()).Totals();
        b.RequiredPersonHours.Should().Be(a.RequiredPersonHours);
        b.GapPersonHours.Should().Be(a.GapPersonHours);
    }

    [Fact]
    public void Read_Stream_SameAsParse()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Document));

        StaffingPolicyJson.ToJson(StaffingPolicyJson.Read(stream, RiskScales.ChinaLowMediumHigh))
            .Should().Be(StaffingPolicyJson.ToJson(StaffingPolicyJson.Parse(Document, RiskScales.ChinaLowMediumHigh)));
    }

    [Fact]
    public void Parse_MisspeltField_FailsWithPathAndLine()
    {
        var json = Document.Replace("\"minimumOnDuty\": 2", "\"minimumOnDutty\": 2", StringComparison.Ordinal);

        var act = () => StaffingPolicyJson.Parse(json, RiskScales.ChinaLowMediumHigh);

        var problem = act.Should().Throw<DocumentFormatException>().Which.Problems.Single();
        problem.Path.Should().Contain("minimumOnDutty");
        problem.LineNumber.Should().Be(12);
    }

    [Fact]
    public void Parse_EnumAsNumber_Rejected()
    {
        var json = Document.Replace("\"check\": \"CodeScan\"", "\"check\": 2", StringComparison.Ordinal);

        var act = () => StaffingPolicyJson.Parse(json, RiskScales.ChinaLowMediumHigh);

        act.Should().Throw<DocumentFormatException>().Which.Problems.Single().LineNumber.Should().Be(12);
    }

    [Fact]
    public void Parse_SeveralSemanticProblems_ReportsEveryOneWithItsLine()
    {
        const string json = """
            {
              "scale": "cn-three-zones",
              "shifts": { "preset": "ThreeEightHour", "firstStart": "07:00", "handoverMinutes": 15 },
              "checkSeconds": { "FaceScan": 3 },
              "coverageOrder": [ "Volunteer", "Robot" ],
              "levels": {
                "Severe": { },
                "High": {
                  "gate": { "check": "CodeScan", "serviceLevel": 1.5, "answerWithinSeconds": 20 },
                  "workloads": [ { "kind": "Patrol", "basis": "PerBuilding", "timesPerDay": 1 } ]
                }
              }
            }
            """;

        var act = () => StaffingPolicyJson.Parse(json, RiskScales.ChinaLowMediumHigh);

        var problems = act.Should().Throw<DocumentFormatException>().Which.Problems;
        problems.Select(p => (p.Path, p.LineNumber)).Should().BeEquivalentTo(new (string, long?)[]
        {
            ("$.scale", 2),
            ("$.checkSeconds.FaceScan", 4),
            ("$.coverageOrder[1]", 5),
            ("$.levels.Severe", 7),
            ("$.levels.High.gate.serviceLevel", 9),
            ("$.levels.High.workloads[0].minutesEach", 10),
        });
        problems.Select(p => p.LineNumber).Should().BeInAscendingOrder();
    }

    [Fact]
    public void Parse_GateCheckWithoutServiceTime_NoDefaultIsInvented()
    {
        var json = Document.Replace("\"checkSeconds\": { \"CodeScan\": 10, \"ManualRegistration\": 30 }", "\"checkSeconds\": { \"CodeScan\": 10 }", StringComparison.Ordinal);

        var act = () => StaffingPolicyJson.Parse(json, RiskScales.ChinaLowMediumHigh);

        var problem = act.Should().Throw<DocumentFormatException>().Which.Problems.Single();
        problem.Path.Should().Be("$.levels.Low.gate.check");
        problem.Message.Should().Contain("no service time is set for ManualRegistration");
        problem.LineNumber.Should().Be(9);
    }

    [Fact]
    public void Parse_NoShifts_Rejected()
    {
        var act = () => StaffingPolicyJson.Parse("""{ "levels": { } }""", RiskScales.ChinaLowMediumHigh);

        act.Should().Throw<DocumentFormatException>().Which.Problems.Single().Path.Should().Be("$.shifts");
    }

    [Fact]
    public void Parse_ExplicitPatternWithGap_ReportsThePatternPath()
    {
        const string json = """
            {
              "shifts": { "handoverMinutes": 0, "pattern": [
                { "name": "Day", "start": "08:00", "hours": 12 },
                { "name": "Night", "start": "21:00", "hours": 12, "night": true } ] }
            }
            """;

        var act = () => StaffingPolicyJson.Parse(json, RiskScales.ChinaLowMediumHigh);

        act.Should().Throw<DocumentFormatException>().Which.Problems.Should().Contain(p => p.Path == "$.shifts.pattern[1]" && p.LineNumber == 4);
    }

    [Fact]
    public void Parse_Null_Throws()
    {
        var act = () => StaffingPolicyJson.Parse(null!, RiskScales.ChinaLowMediumHigh);

        act.Should().Throw<ArgumentNullException>().WithParameterName("json");
    }
}
