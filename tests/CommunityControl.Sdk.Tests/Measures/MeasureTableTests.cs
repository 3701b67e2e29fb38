using System;
using System.Linq;
using CommunityControl.Editions;
using CommunityControl.Measures;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Measures;

public class MeasureTableTests
{
    private static readonly RiskLevel Low = RiskScales.ChinaLowMediumHigh["Low"];
    private static readonly RiskLevel Medium = RiskScales.ChinaLowMediumHigh["Medium"];
    private static readonly RiskLevel High = RiskScales.ChinaLowMediumHigh["High"];

    [Theory]
    [InlineData("cn-2020-01-community-types")]
    [InlineData("cn-2020-02-county-grading")]
    [InlineData("cn-2020-03-wuhan-epidemic-free")]
    [InlineData("cn-2022-three-zones")]
    [InlineData("cn-2022-06-ninth-edition")]
    [InlineData("cn-2022-11-twenty-measures")]
    [InlineData("cn-2022-12-ten-measures")]
    [InlineData("cn-2023-01-class-b")]
    [InlineData("us-cdc-community-levels-2022")]
    [InlineData("us-cdc-transmission-levels")]
    [InlineData("de-28b-emergency-brake-2021")]
    public void Get_EveryEditionId_HasATableThatRoundTripsThroughJson(string id)
    {
        var table = PolicyEditions.Get(id).Measures!;

        var json = MeasureTableJson.ToJson(table);
        var back = MeasureTableJson.Parse(json);

        table.Edition.Should().Be(id);
        MeasureTableJson.ToJson(back).Should().Be(json);
        back.Scale.Id.Should().Be(table.Scale.Id);
    }

    [Fact]
    public void NinthEdition_Levels_AreStayHomeStayInAreaAnd48HourTest_Section6_6()
    {
        var table = PolicyEditions.China.NinthEdition.Measures!;

        table.For(High).StayHome.Should().NotBeNull();
        table.For(Medium).StayInArea.Should().NotBeNull();
        table.For(Low).LeaveCityTest!.Validity.Should().Be(Duration.FromHours(48));
        table.For(Low).Actions.Should().Equal(CommunityAction.PersonalProtection, CommunityAction.AvoidGatherings);
        table.For(RiskLevel.None).IsEmpty.Should().BeTrue("no risk area means no measures");
    }

    [Fact]
    public void NinthEdition_Plans_MatchTheTravellerAndContactRules_Section1d()
    {
        var table = PolicyEditions.China.NinthEdition.Measures!;

        var contact = table.PlanFor(ExposureCategory.CloseContact)!;
        contact.First.Should().Be(MonitoringStatus.CentralizedQuarantine);
        contact.FirstDays.Should().Be(7);
        contact.FirstTestDays.Should().Equal(1, 2, 3, 5, 7);
        contact.ThenDays.Should().Be(3);
        contact.ThenTestDays.Should().Equal(3);
        table.PlanFor(ExposureCategory.SecondaryContact)!.FirstTestDays.Should().Equal(1, 4, 7);
        table.PlanFor(ExposureCategory.ArrivedFromHighRiskArea)!.BeginsCentralized.Should().BeTrue("arrivals from a high-risk area begin in centralized quarantine");
        table.PlanFor(ExposureCategory.ArrivedFromMediumRiskArea)!.First.Should().Be(MonitoringStatus.HomeMedicalObservation);
        var low = table.PlanFor(ExposureCategory.ArrivedFromLowRiskArea)!;
        (low.TestsRequired, low.TestWindowDays, low.HistoryWindowDays).Should().Be((2, 3, 7));
    }

    [Fact]
    public void TwentyMeasures_NoMediumNoSecondaryContacts_FivePlusThree_Section1e()
    {
        var table = PolicyEditions.China.TwentyMeasures.Measures!;

        table.For(Medium).IsEmpty.Should().BeTrue("the table defines nothing for Medium");
        table.PlanFor(ExposureCategory.SecondaryContact).Should().BeNull();
        table.PlanFor(ExposureCategory.CloseContact)!.ToString().Should().Be("CentralizedQuarantine 5 d + HomeIsolation 3 d");
        table.PlanFor(ExposureCategory.HighRiskAreaSpillover)!.FirstTestDays.Should().Equal(1, 3, 5, 7);
    }

    [Fact]
    public void TenMeasures_OnlyListedVenuesCheck_AndGatesMayNotBeBlocked_Section6_8()
    {
        var table = PolicyEditions.China.TenMeasures.Measures!;

        table.For(Low).VenueChecks!.Venues.Should().Equal(VenueKind.ElderlyCareHome, VenueKind.WelfareHome, VenueKind.MedicalInstitution, VenueKind.Childcare, VenueKind.School);
        table.For(Low).VenueChecks!.NegativeTestValidity.Should().BeNull("the ten measures state no validity");
        table.Prohibits(Prohibition.TemporaryLockdown).Should().BeTrue("the ten measures forbid temporary lockdowns");
        table.Prohibits(Prohibition.BlockingCompoundGates).Should().BeTrue("the ten measures forbid blocking compound gates");
        table.For(Low).HealthCodeCheck.Should().BeNull();
    }

    [Fact]
    public void Build_ProhibitedMeasures_AreRejected()
    {
        var builder = new MeasureTableBuilder(RiskScales.ChinaLowMediumHigh)
            .At("Low", new MeasureSet { OutingQuota = MeasureFragments.GetOutingQuota("huanggang-2020", OutingWindowKind.Rolling), HealthCodeCheck = new HealthCodeCheck() })
            .At("High", new MeasureSet { NightClosure = MeasureFragments.GetNightClosure("yinchuan-2020") })
            .Prohibit(Prohibition.RestrictionsOutsideHighRiskAreas, Prohibition.ChecksOutsideListedVenues, Prohibition.BlockingCompoundGates);

        var failures = builder.Invoking(b => b.Build()).Should().Throw<ModelValidationException>().Which.Failures;

        failures.Should().HaveCount(3);
        failures.Should().Contain(f => f.StartsWith("$.levels.Low: Outing quota restricts movement", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("$.levels.Low: Health-code check", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("$.levels.High: Night closure closes compound gates", StringComparison.Ordinal));
    }

    [Fact]
    public void ClassB_NoRiskAreas_RejectsMeasuresAboveNone_AndContactPlans()
    {
        var builder = new MeasureTableBuilder(RiskScales.ChinaLowMediumHigh)
            .At("High", new MeasureSet { StayHome = new StayHome() })
            .Plan(ExposureCategory.CloseContact, new QuarantinePlan { First = MonitoringStatus.HomeIsolation, FirstDays = 5 })
            .Prohibit(Prohibition.RiskAreas, Prohibition.CloseContactDetermination, Prohibition.IsolationOrders);

        builder.Invoking(b => b.Build()).Should().Throw<ModelValidationException>().Which.Failures.Should().HaveCount(3);
        PolicyEditions.China.ClassB2023.Measures!.Levels.Should().BeEmpty();
    }

    [Fact]
    public void Build_FreezesMeasures_SoLaterChangesToTheCallersListDoNotLeakIn()
    {
        var purposes = new[] { OutingPurpose.MedicalCare };
        var table = new MeasureTableBuilder(RiskScales.ChinaLowMediumHigh)
            .At("High", new MeasureSet { StayHome = new StayHome { ExitPurposes = purposes } })
            .Build();

        purposes[0] = OutingPurpose.Shopping;

        table.For(High).StayHome!.ExitPurposes.Should().Equal(OutingPurpose.MedicalCare);
    }

    [Fact]
    public void FromOptions_EveryProblemIsReportedWithItsPath()
    {
        var options = new MeasureTableOptions
        {
            Scale = "cn-low-medium-high",
            Levels =
            {
                ["Severe"] = new MeasureSet(),
                ["High"] = new MeasureSet
                {
                    OutingQuota = new OutingQuota { Persons = 0, Interval = Duration.FromDays(-1) },
                    TemperatureCheck = new TemperatureCheck { ReportAboveCelsius = double.NaN },
                    Visitors = new VisitorRule(),
                },
            },
            Plans = { ["Neighbour"] = new QuarantinePlan() },
        };

        var failures = FluentActions.Invoking(() => MeasureTable.FromOptions(options)).Should().Throw<ModelValidationException>().Which.Failures;

        failures.Select(f => f.Substring(0, f.IndexOf(':', StringComparison.Ordinal))).Should().BeEquivalentTo(new[]
        {
            "$.levels.Severe",
            "$.levels.High.outingQuota.persons",
            "$.levels.High.outingQuota.interval",
            "$.levels.High.temperatureCheck.reportAboveCelsius",
            "$.levels.High.visitors.policy",
            "$.plans.Neighbour",
        });
    }

    [Fact]
    public void Parse_SemanticProblems_ReportEachWithPathAndLine()
    {
        const string json = """
            {
              "scale": "cn-low-medium-high",
              "levels": {
                "High": {
                  "outingQuota": { "persons": 0, "interval": "P2D", "window": "Rolling" },
                  "nightClosure": { "start": "22:30", "end": "22:30" }
                }
              }
            }
            """;

        var problems = FluentActions.Invoking(() => MeasureTableJson.Parse(json)).Should().Throw<DocumentFormatException>().Which.Problems;

        problems.Select(p => (p.Path, p.LineNumber)).Should().Equal(
            ("$.levels.High.outingQuota.persons", 5L),
            ("$.levels.High.nightClosure.end", 6L));
    }

    [Fact]
    public void Parse_UnknownFieldOrNumericEnum_IsRejectedWithPathAndLine()
    {
        const string misspelt = """
            {
              "scale": "cn-low-medium-high",
              "levels": { "High": { "stayHome": { "exitPurpose": ["MedicalCare"] } } }
            }
            """;
        const string numeric = """
            {
              "scale": "cn-low-medium-high",
              "levels": { "High": { "stayHome": { "exitPurposes": [3] } } }
            }
            """;

        FluentActions.Invoking(() => MeasureTableJson.Parse(misspelt)).Should().Throw<DocumentFormatException>().Which.Problems.Single().LineNumber.Should().Be(3);
        FluentActions.Invoking(() => MeasureTableJson.Parse(numeric)).Should().Throw<DocumentFormatException>().Which.Problems.Single().Message.Should().Contain("MedicalCare");
    }

    [Fact]
    public void Parse_DurationsAndTimes_ReadAsIsoPeriodsAndHoursMinutes()
    {
        const string json = """
            {
              "edition": "local",
              "scale": "cn-low-medium-high",
              "levels": {
                "Medium": {
                  "outingQuota": { "persons": 1, "interval": "P2D", "window": "Rolling", "maxAbsence": "PT2H30M", "exemptPurposes": ["MedicalCare"] },
                  "nightClosure": { "start": "22:30", "end": "06:30" }
                }
              }
            }
            """;

        var set = MeasureTableJson.Parse(json).For(Medium);

        set.OutingQuota!.Interval.Should().Be(Duration.FromHours(48));
        set.OutingQuota.MaxAbsence.Should().Be(Duration.FromMinutes(150));
        set.NightClosure!.Start.Should().Be(new LocalTime(22, 30));
        set.NightClosure.IsClosedAt(new LocalTime(23, 0)).Should().BeTrue("23:00 is inside the night closure");
    }

    [Fact]
    public void Parse_ScaleNotKnown_CanBeSupplied()
    {
        var scale = RiskScale.Create("local-scale", new[] { new RiskLevelDefinition(RiskLevel.FromSeverity(1), "Amber", "黄", "Amber") });
        const string json = """{ "scale": "local-scale", "levels": { "Amber": { "passRequirement": {} } } }""";

        FluentActions.Invoking(() => MeasureTableJson.Parse(json)).Should().Throw<DocumentFormatException>().Which.Problems.Single().Path.Should().Be("$.scale");
        MeasureTableJson.Parse(json, scale).For(scale["Amber"]).PassRequirement.Should().NotBeNull();
    }

    [Fact]
    public void MeasureSet_All_ListsMeasuresInKindOrder()
    {
        var set = MeasureFragments.GetGate("wuhan-2020-02");

        set.All.Select(m => m.Kind).Should().Equal(MeasureKind.ClosedManagement, MeasureKind.TemperatureCheck, MeasureKind.Registration, MeasureKind.Visitors, MeasureKind.Couriers);
        set.Get(MeasureKind.TemperatureCheck)!.NameZh.Should().Be("体温检测");
        set.ToString().Should().StartWith("Closed management; Temperature check");
    }
}
