using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Editions;
using CommunityControl.Measures;
using CommunityControl.Records;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Records;

/// <summary>The arrival rules of cn-policy §1d and table 6.6 (ninth edition, traveller rules with a 7-day history), §1e
/// (twenty measures: high-risk-area spill-over, window not stated), §1f and §6.8 (ten measures: no checks on arrivals).</summary>
public class ArrivalAssessmentTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly LocalDate ArrivalDay = new(2022, 7, 10);
    private static readonly MeasureTable Ninth = PolicyEditions.China.NinthEdition.Measures!;

    [Theory]
    [InlineData("High", 7, ExposureCategory.ArrivedFromHighRiskArea)]
    [InlineData("High", 8, ExposureCategory.None)]
    [InlineData("Medium", 7, ExposureCategory.ArrivedFromMediumRiskArea)]
    [InlineData("Medium", 8, ExposureCategory.None)]
    [InlineData("Low", 7, ExposureCategory.ArrivedFromLowRiskArea)]
    [InlineData("Low", 8, ExposureCategory.None)]
    [InlineData("High", 1, ExposureCategory.ArrivedFromHighRiskArea)]
    public void Assess_NinthEdition_Day7SinceLeavingCounts_Day8DoesNot(string level, int daySinceLeaving, ExposureCategory expected)
    {
        // The day the area was left is day 1: day 7 on the arrival date means it was left 6 days before.
        var arrival = Arrival(Stop("310104", ArrivalDay.PlusDays(-(daySinceLeaving - 1)), level));

        var assessment = ArrivalAssessment.Assess(arrival, Ninth, Shanghai);

        assessment.Category.Should().Be(expected);
        assessment.DaySinceLeaving.Should().Be(expected == ExposureCategory.None ? 0 : daySinceLeaving);
        assessment.NeedsInvestigation.Should().BeFalse();
    }

    [Fact]
    public void CreateSchedule_HighRiskArea_SevenDaysCentralizedFromTheArrivalDate_ThenReleased()
    {
        var assessment = ArrivalAssessment.Assess(Arrival(Stop("310104", ArrivalDay.PlusDays(-2), "High")), Ninth, Shanghai);

        var schedule = assessment.CreateSchedule()!;

        schedule.Exposure.Should().Be(ExposureCategory.ArrivedFromHighRiskArea);
        schedule.FirstDay.Should().Be(ArrivalDay);
        schedule.StatusOn(ArrivalDay).Should().Be(MonitoringStatus.CentralizedQuarantine);
        schedule.StatusOn(ArrivalDay.PlusDays(6)).Should().Be(MonitoringStatus.CentralizedQuarantine, "day 7");
        schedule.StatusOn(ArrivalDay.PlusDays(7)).Should().Be(MonitoringStatus.None, "day 8: released");
        schedule.ReleaseDate.Should().Be(ArrivalDay.PlusDays(7));
    }

    [Fact]
    public void CreateSchedule_MediumRiskArea_SevenDaysHomeMedicalObservation_LowRiskArea_TestsOnlyNoSchedule()
    {
        var medium = ArrivalAssessment.Assess(Arrival(Stop("310104", ArrivalDay, "Medium")), Ninth, Shanghai).CreateSchedule()!;
        var low = ArrivalAssessment.Assess(Arrival(Stop("310104", ArrivalDay, "Low")), Ninth, Shanghai);

        medium.Days.Select(d => d.Status).Should().Equal(Enumerable.Repeat(MonitoringStatus.HomeMedicalObservation, 7));
        low.Plan!.TestsRequired.Should().Be(2);
        low.Plan.TestWindowDays.Should().Be(3);
        low.CreateSchedule().Should().BeNull("2 tests in 3 days is not a day-by-day follow-up");
    }

    [Fact]
    public void Assess_SeveralStops_HighestLevelWithinItsWindowWins_ThenTheOneLeftLast()
    {
        var highTooLong = Stop("110105", ArrivalDay.PlusDays(-7), "High"); // day 8: outside
        var medium = Stop("310104", ArrivalDay.PlusDays(-3), "Medium");
        var mediumLater = Stop("310115", ArrivalDay.PlusDays(-1), "Medium");

        var assessment = ArrivalAssessment.Assess(Arrival(highTooLong, medium, mediumLater), Ninth, Shanghai);

        assessment.Category.Should().Be(ExposureCategory.ArrivedFromMediumRiskArea);
        assessment.Stop.Should().BeSameAs(mediumLater);
        assessment.DaySinceLeaving.Should().Be(2);

        var high = Stop("110105", ArrivalDay.PlusDays(-6), "High");
        ArrivalAssessment.Assess(Arrival(medium, high), Ninth, Shanghai).Category.Should().Be(ExposureCategory.ArrivedFromHighRiskArea);
    }

    [Fact]
    public void Assess_UnknownLevelWithinTheWindow_NeedsInvestigation_NeverReadAsNoRisk_NoRiskAreaIsNone()
    {
        var unknown = Stop("440305", ArrivalDay.PlusDays(-6), null);
        var unknownTooLong = Stop("440306", ArrivalDay.PlusDays(-7), null);
        var none = Stop("440307", ArrivalDay, ItineraryStop.NoRiskArea);

        var assessment = ArrivalAssessment.Assess(Arrival(unknown, unknownTooLong, none), Ninth, Shanghai);

        assessment.Category.Should().Be(ExposureCategory.None);
        assessment.UnknownLevelStops.Should().Equal(unknown);
        assessment.NeedsInvestigation.Should().BeTrue();
        assessment.ToString().Should().Be("No arrival rule applies; 1 stops of unknown level to investigate");
    }

    [Fact]
    public void Assess_ArrivalDateIsTheLocalDate_InTheCommunitysTimeZone()
    {
        // 2022-07-09T17:00Z is 2022-07-10 01:00 in Shanghai: a stop left on 07-03 is day 8 there, day 7 in UTC.
        var arrival = ArrivalAt(Instant.FromUtc(2022, 7, 9, 17, 0), Stop("310104", new LocalDate(2022, 7, 3), "High"));

        ArrivalAssessment.Assess(arrival, Ninth, Shanghai).Category.Should().Be(ExposureCategory.None);
        ArrivalAssessment.Assess(arrival, Ninth, DateTimeZone.Utc).Category.Should().Be(ExposureCategory.ArrivedFromHighRiskArea);
    }

    [Fact]
    public void Assess_TwentyMeasures_SpilloverHasNoWindowInTheSources_TheCallerMustPassOne()
    {
        var measures = PolicyEditions.China.TwentyMeasures.Measures!;
        var arrival = Arrival(Stop("310104", ArrivalDay.PlusDays(-3), "High"));

        FluentActions.Invoking(() => ArrivalAssessment.Assess(arrival, measures, Shanghai))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("historyWindowDays");

        var assessment = ArrivalAssessment.Assess(arrival, measures, Shanghai, historyWindowDays: 7);
        assessment.Category.Should().Be(ExposureCategory.HighRiskAreaSpillover);
        assessment.CreateSchedule()!.Days.Select(d => (d.Status, d.TestDue)).Should().Equal(
            (MonitoringStatus.HomeIsolation, true), (MonitoringStatus.HomeIsolation, false), (MonitoringStatus.HomeIsolation, true), (MonitoringStatus.HomeIsolation, false),
            (MonitoringStatus.HomeIsolation, true), (MonitoringStatus.HomeIsolation, false), (MonitoringStatus.HomeIsolation, true));
        ArrivalAssessment.Assess(arrival, measures, Shanghai, historyWindowDays: 3).Category.Should().Be(ExposureCategory.None, "day 4 is outside a 3-day window");
    }

    [Fact]
    public void Assess_TenMeasuresAndClassB_NoArrivalRule_EveryArrivalIsNone()
    {
        var arrival = Arrival(Stop("310104", ArrivalDay, "High"));

        ArrivalAssessment.Assess(arrival, PolicyEditions.China.TenMeasures.Measures!, Shanghai).Category.Should().Be(ExposureCategory.None);
        ArrivalAssessment.Assess(arrival, PolicyEditions.China.ClassB2023.Measures!, Shanghai).Category.Should().Be(ExposureCategory.None);
    }

    [Fact]
    public void Assess_BadInput_ThrowsNamingTheProperty_NeverAValue()
    {
        var notALevel = Arrival(Stop("310104", ArrivalDay, "Severe"));
        var leftAfterArrival = Arrival(Stop("310104", ArrivalDay.PlusDays(1), "High"));

        FluentActions.Invoking(() => ArrivalAssessment.Assess(notALevel, Ninth, Shanghai)).Should().Throw<ArgumentException>().WithMessage("Itinerary[0].Level: *");
        FluentActions.Invoking(() => ArrivalAssessment.Assess(leftAfterArrival, Ninth, Shanghai)).Should().Throw<ArgumentException>().WithMessage("Itinerary[0].To: *");
        FluentActions.Invoking(() => Stop("张江镇", ArrivalDay, "High")).Should().Throw<ArgumentException>()
            .Which.Message.Should().NotContain("张江镇", "a place that is not a code is refused as the stop is built");
        FluentActions.Invoking(() => ArrivalAssessment.Assess(notALevel, Ninth, Shanghai, historyWindowDays: 0)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("historyWindowDays");
        FluentActions.Invoking(() => ArrivalAssessment.Assess(null!, Ninth, Shanghai)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("arrival");
    }

    [Fact]
    public void MeasureTable_ArrivalFrom_UnknownLevelOrALevelTwice_AreProblems_AndJsonRoundTripKeepsIt()
    {
        var options = Ninth.ToOptions();
        options.Plans["ArrivedFromLowRiskArea"] = new QuarantinePlan { TestsRequired = 2, TestWindowDays = 3, HistoryWindowDays = 7, ArrivalFrom = "Medium" };
        options.Plans["Inbound"] = new QuarantinePlan { First = MonitoringStatus.HomeIsolation, FirstDays = 7, ArrivalFrom = "Severe" };

        var failures = FluentActions.Invoking(() => MeasureTable.FromOptions(options)).Should().Throw<ModelValidationException>().Which.Failures;

        failures.Select(f => f.Substring(0, f.IndexOf(':', StringComparison.Ordinal))).Should().BeEquivalentTo(
            "$.plans.ArrivedFromLowRiskArea.arrivalFrom", "$.plans.Inbound.arrivalFrom");
        var again = CommunityControl.Serialization.MeasureTableJson.Parse(CommunityControl.Serialization.MeasureTableJson.ToJson(Ninth));
        again.PlanFor(ExposureCategory.ArrivedFromHighRiskArea)!.ArrivalFrom.Should().Be("High");
    }

    internal static ItineraryStop Stop(string place, LocalDate left, string? level)
        => new() { Place = place, From = left.PlusDays(-2), To = left, Level = level };

    internal static ArrivalRecord Arrival(params ItineraryStop[] stops) => ArrivalAt(ArrivalDay.At(new LocalTime(10, 0)).InZoneLeniently(Shanghai).ToInstant(), stops);

    internal static ArrivalRecord ArrivalAt(Instant at, params ItineraryStop[] stops) => new()
    {
        IdempotencyKey = "arr-1",
        Person = PersonId.From("p-arrival"),
        Household = HouseholdId.From("h-9"),
        Destination = ZoneId.From("c1-a-1"),
        ArrivedAt = at,
        Origin = "310000",
        Itinerary = stops,
    };
}
