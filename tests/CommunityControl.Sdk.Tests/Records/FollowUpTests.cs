using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CommunityControl.Editions;
using CommunityControl.Measures;
using CommunityControl.Records;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Records;

public class FollowUpTests
{
    private static readonly PersonId Person = PersonId.From("p-contact-1");
    private static readonly LocalDate July1 = new(2022, 7, 1);
    private static readonly QuarantinePlan Ninth = PolicyEditions.China.NinthEdition.Measures!.PlanFor(ExposureCategory.CloseContact)!;
    private static readonly QuarantinePlan Twenty = PolicyEditions.China.TwentyMeasures.Measures!.PlanFor(ExposureCategory.CloseContact)!;

    [Fact]
    public void Create_NinthEditionCloseContact_SevenCentralizedPlusThreeHome_TestsOnDays1235And7AndHomeDay3()
    {
        // cn-policy §1d [S7]: close contacts 7+3, NAT on days 1, 2, 3, 5, 7 and on day 3 at home.
        var schedule = FollowUpSchedule.Create(Person, ExposureCategory.CloseContact, Ninth, July1);

        schedule.Days.Select(d => (d.DayOfPlan, d.Status, d.TestDue)).Should().Equal(
            (1, MonitoringStatus.CentralizedQuarantine, true),
            (2, MonitoringStatus.CentralizedQuarantine, true),
            (3, MonitoringStatus.CentralizedQuarantine, true),
            (4, MonitoringStatus.CentralizedQuarantine, false),
            (5, MonitoringStatus.CentralizedQuarantine, true),
            (6, MonitoringStatus.CentralizedQuarantine, false),
            (7, MonitoringStatus.CentralizedQuarantine, true),
            (8, MonitoringStatus.HomeHealthMonitoring, false),
            (9, MonitoringStatus.HomeHealthMonitoring, false),
            (10, MonitoringStatus.HomeHealthMonitoring, true));
        schedule.Until.Should().Be(new LocalDate(2022, 7, 10));
        schedule.ReleaseDate.Should().Be(new LocalDate(2022, 7, 11));
        schedule.StatusOn(new LocalDate(2022, 7, 7)).Should().Be(MonitoringStatus.CentralizedQuarantine, "day 7 is the last centralized day");
        schedule.StatusOn(new LocalDate(2022, 7, 8)).Should().Be(MonitoringStatus.HomeHealthMonitoring, "day 8 is the first at home");
        schedule.StatusOn(new LocalDate(2022, 7, 11)).Should().Be(MonitoringStatus.None, "released");
        schedule.StatusOn(new LocalDate(2022, 6, 30)).Should().Be(MonitoringStatus.None);
        schedule.ToString().Should().Be("CloseContact: CentralizedQuarantine 7 d + HomeHealthMonitoring 3 d, 2022-07-01 to 2022-07-10").And.NotContain("p-contact-1");
    }

    [Fact]
    public void Create_TwentyMeasuresCloseContact_FivePlusThree_TestsOnDays1235AndHomeDays1And3()
    {
        // cn-policy §1e [S10]: close contacts 5 days centralized + 3 days home isolation; NAT centralized 1, 2, 3, 5; home 1, 3.
        var schedule = FollowUpSchedule.Create(Person, ExposureCategory.CloseContact, Twenty, July1);

        schedule.Days.Where(d => d.TestDue).Select(d => d.DayOfPlan).Should().Equal(1, 2, 3, 5, 6, 8);
        schedule.Days.Select(d => d.Status).Should().Equal(Enumerable.Repeat(MonitoringStatus.CentralizedQuarantine, 5).Concat(Enumerable.Repeat(MonitoringStatus.HomeIsolation, 3)));
        schedule.ReleaseDate.Should().Be(new LocalDate(2022, 7, 9));
    }

    [Fact]
    public void Extend_ReExposureOnDay4_RestartsThePlan_DaysBeforeKeepTheirStatus()
    {
        var schedule = FollowUpSchedule.Create(Person, ExposureCategory.CloseContact, Ninth, July1);

        var extended = schedule.Extend(new LocalDate(2022, 7, 4));

        extended.Revision.Should().Be(1);
        extended.Exposures.Should().Equal(July1, new LocalDate(2022, 7, 4));
        extended.Until.Should().Be(new LocalDate(2022, 7, 13), "day 10 counted from 4 July");
        extended.DayOn(new LocalDate(2022, 7, 3)).Should().Be(schedule.DayOn(new LocalDate(2022, 7, 3)));
        extended.DayOn(new LocalDate(2022, 7, 4)).DayOfPlan.Should().Be(1);
        extended.DayOn(new LocalDate(2022, 7, 4)).TestDue.Should().BeTrue("day 1 of the restarted plan has a test");
        extended.StatusOn(new LocalDate(2022, 7, 11)).Should().Be(MonitoringStatus.HomeHealthMonitoring);
        schedule.Until.Should().Be(new LocalDate(2022, 7, 10), "the original schedule is unchanged");
        FluentActions.Invoking(() => extended.Extend(new LocalDate(2022, 7, 3))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("exposedOn");
    }

    [Fact]
    public void End_BecameCase_EndsTheFollowUpWithTheReasonAndNoRelease()
    {
        var ended = FollowUpSchedule.Create(Person, ExposureCategory.CloseContact, Ninth, July1).End(new LocalDate(2022, 7, 3), FollowUpEndReason.BecameCase);

        ended.Until.Should().Be(new LocalDate(2022, 7, 2));
        ended.ReleaseDate.Should().BeNull();
        ended.EndReason.Should().Be(FollowUpEndReason.BecameCase);
        ended.StatusOn(new LocalDate(2022, 7, 3)).Should().Be(MonitoringStatus.None);
        ended.Days.Should().HaveCount(2);
        FluentActions.Invoking(() => ended.Extend(new LocalDate(2022, 7, 5))).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => FollowUpSchedule.Create(Person, ExposureCategory.CloseContact, Ninth, July1).End(July1, FollowUpEndReason.RuledOut))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("on");
        FluentActions.Invoking(() => FollowUpSchedule.Create(Person, ExposureCategory.CloseContact, Ninth, July1).End(July1.PlusDays(2), FollowUpEndReason.Unknown))
            .Should().Throw<ArgumentException>().WithParameterName("reason");
    }

    [Fact]
    public void Create_BadArguments_ThrowNamingTheArgument()
    {
        var testOnly = PolicyEditions.China.NinthEdition.Measures!.PlanFor(ExposureCategory.ArrivedFromLowRiskArea)!;

        FluentActions.Invoking(() => FollowUpSchedule.Create(default, ExposureCategory.CloseContact, Ninth, July1)).Should().Throw<ArgumentException>().WithParameterName("person");
        FluentActions.Invoking(() => FollowUpSchedule.Create(Person, ExposureCategory.None, Ninth, July1)).Should().Throw<ArgumentException>().WithParameterName("exposure");
        FluentActions.Invoking(() => FollowUpSchedule.Create(Person, ExposureCategory.CloseContact, null!, July1)).Should().Throw<ArgumentNullException>().WithParameterName("plan");
        FluentActions.Invoking(() => FollowUpSchedule.Create(Person, ExposureCategory.ArrivedFromLowRiskArea, testOnly, July1)).Should().Throw<ArgumentException>().WithParameterName("plan");
    }

    [Fact]
    public async Task Store_KeepsTheHighestRevision_RetryAndStaleWriterChangeNothing_PurgeByLastDay()
    {
        var store = new InMemoryFollowUpStore();
        var created = FollowUpSchedule.Create(Person, ExposureCategory.CloseContact, Ninth, July1);
        var extended = created.Extend(new LocalDate(2022, 7, 4));

        (await store.SaveAsync(created)).IsNew.Should().BeTrue();
        (await store.SaveAsync(extended)).IsNew.Should().BeTrue();
        (await store.SaveAsync(extended)).Should().Be(new AppendResult<FollowUpSchedule>(extended, false), "a retried save is not applied twice");
        (await store.SaveAsync(created.End(new LocalDate(2022, 7, 2), FollowUpEndReason.RuledOut))).Should().Be(new AppendResult<FollowUpSchedule>(extended, false), "a stale writer does not overwrite a newer revision");
        (await store.FindAsync(Person)).Should().BeSameAs(extended);

        (await store.PurgeAsync(new LocalDate(2022, 7, 13))).Should().Be(0, "the last day, 13 July, is kept");
        (await store.PurgeAsync(new LocalDate(2022, 7, 14))).Should().Be(1);
        store.Count.Should().Be(0);
    }

    [Fact]
    public async Task FollowUpList_DailyList_OnlyActivePeople_BalancedOverStaff()
    {
        var store = new InMemoryFollowUpStore();
        for (var i = 0; i < 7; i++)
        {
            await store.SaveAsync(FollowUpSchedule.Create(PersonId.From($"p-{i}"), ExposureCategory.CloseContact, Ninth, July1.PlusDays(i)));
        }

        var staff = new[] { PersonId.From("staff-a"), PersonId.From("staff-b"), PersonId.From("staff-c") };
        var list = await FollowUpList.ForDayAsync(store, new LocalDate(2022, 7, 12), staff);

        // Active on 12 July: exposed on 3–7 July (p-2 … p-6); p-0 ended on 10 July, p-1 on 11 July.
        list.Select(a => a.Person.Value).Should().Equal("p-2", "p-3", "p-4", "p-5", "p-6");
        list.Select(a => a.Day.DayOfPlan).Should().Equal(10, 9, 8, 7, 6);
        list.Single(a => a.Person.Value == "p-2").Day.TestDue.Should().BeTrue("home day 3 (day 10) has a test");
        list.GroupBy(a => a.Staff).Select(g => g.Count()).Should().BeEquivalentTo(new[] { 2, 2, 1 });
        FollowUpList.ForDay(await Schedules(store), new LocalDate(2022, 7, 12), staff).Select(a => (a.Person, a.Staff)).Should().Equal(list.Select(a => (a.Person, a.Staff)));
        list[0].ToString().Should().Be("Follow-up 2022-07-12 day 10: HomeHealthMonitoring, test due");
        await FluentActions.Awaiting(async () => await FollowUpList.ForDayAsync(store, July1, Array.Empty<PersonId>())).Should().ThrowAsync<ArgumentException>().WithParameterName("staff");
        await FluentActions.Awaiting(async () => await FollowUpList.ForDayAsync(store, July1, new[] { staff[0], staff[0] })).Should().ThrowAsync<ArgumentException>().WithParameterName("staff");
    }

    private static async Task<List<FollowUpSchedule>> Schedules(InMemoryFollowUpStore store)
    {
        var all = new List<FollowUpSchedule>();
        for (var d = July1; d <= new LocalDate(2022, 7, 20); d = d.PlusDays(1))
        {
            await foreach (var s in store.ActiveOnAsync(d))
            {
                if (!all.Contains(s))
                {
                    all.Add(s);
                }
            }
        }

        return all;
    }
}
