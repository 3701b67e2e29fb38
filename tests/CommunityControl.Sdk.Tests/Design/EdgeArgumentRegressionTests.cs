using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CommunityControl.Access;
using CommunityControl.Editions;
using CommunityControl.Epidemiology;
using CommunityControl.Measures;
using CommunityControl.Records;
using CommunityControl.Serialization;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Design;

/// <summary>
/// The edges <see cref="EdgeArgumentTests"/> found, each pinned on both sides: a stray <see cref="OverflowException"/> or
/// <see cref="NullReferenceException"/> became the documented argument exception, and the value just inside still works.
/// </summary>
public class EdgeArgumentRegressionTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly Lazy<ZoneTree> Tree = new(() => ZoneTreeJson.Parse(File.ReadAllText(RepositoryRoot.Combine("samples", "Quickstart", "community.json"))));

    [Fact]
    public void HashCodes_NearTheEndOfTime_DoNotOverflow()
    {
        var window = OutingWindow.Rolling(Instant.MaxValue - Duration.FromDays(2), Duration.FromDays(1));
        var day = FollowUpSchedule.Create(PersonId.From("p-1"), ExposureCategory.CloseContact, NinthEditionPlan(), new LocalDate(2199, 12, 1)).Days[0];

        var hashes = () => (window.GetHashCode(), day.GetHashCode(), new RosterAssignment(int.MaxValue, int.MaxValue).GetHashCode());

        hashes.Should().NotThrow("the build checks arithmetic, and a hash must never throw");
    }

    [Fact]
    public void OutingWindow_RunningPastTheInstantsNodaTimeHas_ThrowsArgumentOutOfRange_NamingTheInstantOrDate()
    {
        var rolling = () => OutingWindow.Rolling(Instant.MinValue, Duration.FromHours(1));
        var calendar = () => OutingWindow.CalendarDays(LocalDate.MaxIsoValue, 1, Shanghai);
        var inside = () => OutingWindow.Rolling(Instant.MinValue + Duration.FromHours(1), Duration.FromHours(1));

        rolling.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("at");
        calendar.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("date");
        inside.Should().NotThrow();
    }

    [Theory]
    [InlineData(1899, 12, 31, false)]
    [InlineData(1900, 1, 1, true)]
    [InlineData(2199, 12, 31, true)]
    [InlineData(2200, 1, 1, false)]
    public void EpidemicHistory_FirstDay_IsADayOfTheDocumentsRange(int year, int month, int day, bool accepted)
    {
        var firstDay = new LocalDate(year, month, day);

        var create = () => EpidemicHistory.Create(Tree.Value, firstDay);
        var build = () => new EpidemicHistoryBuilder(Tree.Value, firstDay);

        if (accepted)
        {
            create().FirstDay.Should().Be(firstDay);
            build().FirstDay.Should().Be(firstDay);
        }
        else
        {
            create.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("firstDay");
            build.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("firstDay");
        }
    }

    [Fact]
    public void FollowUpList_ScheduleThatIsNull_ThrowsArgumentNull_NamingTheSchedules()
    {
        var schedules = new List<FollowUpSchedule> { null! };

        var act = () => FollowUpList.ForDay(schedules, new LocalDate(2022, 7, 1), new[] { PersonId.From("staff-1") });

        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("schedules");
    }

    [Fact]
    public void HealthReportPolicy_NullReport_OrAnObservationOffTheCalendar_ThrowTheDocumentedArgumentExceptions()
    {
        var policy = HealthReportPolicy.FromMeasures(PolicyEditions.China.WuhanEpidemicFree2020.Measures!.Levels.Values.First(m => m.TemperatureCheck is not null));
        var person = PersonId.From("p-1");
        var now = Instant.FromUtc(2022, 7, 2, 0, 0);

        var nullReport = () => policy.FindMissedReports(person, new HealthReport[] { null! }, new Interval(now - Duration.FromDays(1), null), Shanghai, now);
        var offCalendar = () => policy.FindMissedReports(person, Array.Empty<HealthReport>(), new Interval(Instant.MinValue, null), Shanghai, now);
        var farFuture = () => policy.FindMissedReports(person, Array.Empty<HealthReport>(), new Interval(now - Duration.FromDays(1), null), Shanghai, Instant.MaxValue);

        nullReport.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("reports");
        offCalendar.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("observed");
        farFuture.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("now");
    }

    [Fact]
    public void DoorToDoorLedger_RequestOffTheCalendar_ThrowsArgumentOutOfRange_AndTheFirstDayOfTheRangeIsTaken()
    {
        var ledger = new DoorToDoorLedger(Shanghai, new[] { new LocalTime(16, 0) });

        var early = () => ledger.Submit(Request("r-1", Instant.FromUtc(1899, 12, 31, 23, 59)));

        early.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("request");
        ledger.Submit(Request("r-2", Instant.FromUtc(1900, 1, 1, 0, 0))).Should().BeTrue();
    }

    [Theory]
    [InlineData(168 * 60, true)]
    [InlineData((168 * 60) + 1, false)]
    public void WorkLimits_MinimumRest_IsAtMostAWeek(int minutes, bool accepted)
    {
        var limits = new WorkLimits { MinimumRest = Duration.FromMinutes(minutes) };

        var demand = new RosterDemand(Tree.Value[1].Id, StaffingDuties.DayGates, new LocalDateTime(2022, 7, 1, 8, 0), Duration.FromHours(8), isNight: false, people: 1);

        var act = () => new RosterProblem(Tree.Value, new[] { demand }, Array.Empty<RosterCandidate>(), limits);

        if (accepted)
        {
            act.Should().NotThrow();
        }
        else
        {
            act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("limits.minimumRestHours: must be from 0 to 168 hours");
        }
    }

    [Fact]
    public async System.Threading.Tasks.Task PassageStatistics_DaysOffTheCalendar_ThrowArgumentOutOfRange_NamingTheDays()
    {
        var store = new InMemoryPassageStore();

        var act = async () => await PassageStatistics.HourlyArrivalsAsync(store, Tree.Value[1].Id, new DateInterval(LocalDate.MinIsoValue, new LocalDate(2022, 7, 1)), Shanghai);

        (await act.Should().ThrowAsync<ArgumentOutOfRangeException>()).Which.ParamName.Should().Be("days");
    }

    [Fact]
    public void ShiftDefinition_LongerThanAnIntOfMinutes_StillTellsItsEnd()
    {
        var shift = new ShiftDefinition("Long", new LocalTime(8, 0), Duration.FromDays(2_000_000), isNight: false);

        shift.End.Should().Be(new LocalTime(8, 0), "2,000,000 whole days (more minutes than an int holds) end at the time they started");
    }

    private static QuarantinePlan NinthEditionPlan() => PolicyEditions.China.NinthEdition.Measures!.PlanFor(ExposureCategory.CloseContact)!;

    private static HouseholdRequest Request(string id, Instant at)
        => new() { Id = id, Household = HouseholdId.From("hh-" + id), Building = Tree.Value[1].Id, Kind = RequestKind.Groceries, Quantity = 1, At = at };
}
