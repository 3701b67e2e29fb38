using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Risk;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Staffing;

public class SubsidyStatementTests
{
    private static readonly RiskScale Scale = RiskScales.ChinaLowMediumHigh;
    private static readonly LocalDate Monday = new(2020, 2, 10);
    private static readonly PersonId Worker = PersonId.From("cw-01");

    [Fact]
    public void Sichuan2020_PaysTheStatedMinimums()
    {
        var sichuan = SubsidyPolicy.Sichuan2020;

        sichuan.DailyByLevel[Scale["High"]].Should().Be(70m);
        sichuan.DailyByLevel[Scale["Medium"]].Should().Be(50m);
        sichuan.DailyByLevel[Scale["Low"]].Should().Be(30m);
        sichuan.DailyByLevel.ContainsKey(RiskLevel.None).Should().BeFalse();
        sichuan.Source.Should().Contain("≥").And.Contain("minimums").And.Contain("S26c");
        sichuan.Currency.Should().Be("CNY");
        sichuan.TransportPerDay.Should().BeNull("transport allowances are UNCONFIRMED");
        sichuan.MealPerDay.Should().BeNull("meal allowances are UNCONFIRMED");
        sichuan.OvertimeDayRate.Should().BeNull();
    }

    [Fact]
    public void Xiamen2020_Pays150PerOvertimeDay()
    {
        SubsidyPolicy.Xiamen2020.OvertimeDayRate.Should().Be(150m);
        SubsidyPolicy.Xiamen2020.DailyByLevel.Should().BeEmpty();
        SubsidyPolicy.Xiamen2020.Source.Should().Contain("S26d");
    }

    [Fact]
    public void Calculate_OneWeekAcrossLevelsWithRestDays_MatchesTheHandSum()
    {
        // One community worker covers the only shift (a day gate, minimum 1) every day, Mon 2020-02-10 to Sun 02-16.
        // The compound is Medium Mon–Thu and High Fri–Sun. Sichuan daily + Xiamen overtime (Sat and Sun are rest days),
        // transport 10.005 (rounds to 10.01, midpoint away from zero) and meal 15 per day:
        //   Mon–Thu 4 × 50 = 200; Fri–Sun 3 × 70 = 210; overtime 2 × 150 = 300; transport 7 × 10.01 = 70.07;
        //   meal 7 × 15 = 105; total 885.07 CNY.
        var plan = OnePersonWeek(WorkforceSource.CommunityWorker);
        var policy = SubsidyPolicy.Sichuan2020.WithOvertimeDayRate(150m).WithAllowances(10.005m, 15m);
        var calendar = new SubsidyCalendar { RestDays = new[] { IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday } };

        var statement = SubsidyStatement.Calculate(policy, plan, Worker, plan.Period, calendar);

        statement.Days.Select(d => d.DailySubsidy).Should().Equal(50m, 50m, 50m, 50m, 70m, 70m, 70m);
        statement.Days.Select(d => d.OvertimeReason).Should().Equal(
            OvertimeReason.None, OvertimeReason.None, OvertimeReason.None, OvertimeReason.None, OvertimeReason.None, OvertimeReason.RestDay, OvertimeReason.RestDay);
        statement.DailySubsidy.Should().Be(410m);
        statement.Overtime.Should().Be(300m);
        statement.Transport.Should().Be(70.07m);
        statement.Meal.Should().Be(105m);
        statement.Total.Should().Be(885.07m);
        statement.Days[5].Explain().Should().Be("2020-02-15: 12.5 h at c (High) → 70.00 daily + 150.00 overtime (RestDay) + 10.01 transport + 15.00 meal = 245.01 CNY.");
        statement.Explain().Should().Contain("Total 885.07 CNY (each amount rounded to 2 decimal places, midpoints away from zero; the total is their sum).");
        statement.ToString().Should().Be($"{PersonId.From("cw-01")}: 885.07 CNY for 7 days (2020-02-10..2020-02-16)");
    }

    [Fact]
    public void Describe_TheHandSummedWeek_InChineseAndEnglish_WithTheSameAmounts()
    {
        var plan = OnePersonWeek(WorkforceSource.CommunityWorker);
        var policy = SubsidyPolicy.Sichuan2020.WithOvertimeDayRate(150m).WithAllowances(10.005m, 15m);
        var calendar = new SubsidyCalendar { RestDays = new[] { IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday } };
        var zh = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");
        var en = System.Globalization.CultureInfo.GetCultureInfo("en-US");

        var statement = SubsidyStatement.Calculate(policy, plan, Worker, plan.Period, calendar);

        statement.Days[5].Describe(zh).Should().Be("2020-02-15：在 c（高风险）工作 12.5 小时 → 日补贴 70.00 + 休息日加班 150.00 + 交通补贴 10.01 + 餐补 15.00 = 245.01 CNY。");
        statement.Days[5].Describe(en).Should().Be("2020-02-15: 12.5 h at c (High risk) → 70.00 daily + 150.00 overtime (rest day) + 10.01 transport + 15.00 meal = 245.01 CNY.");
        statement.Describe(zh).Should().StartWith($"{Worker}（社区工作者），2020-02-10 至 2020-02-16，按 ")
            .And.EndWith("合计 885.07 CNY（每项金额保留 2 位小数，四舍五入，合计为各项之和）。")
            .And.NotContain("cw-01", "a person appears only by the redacted id");
        statement.Describe(en).Should().StartWith($"{Worker} (community worker), 2020-02-10 to 2020-02-16, under ")
            .And.EndWith("Total 885.07 CNY (each amount rounded to 2 decimal places, midpoints away from zero; the total is their sum).")
            .And.NotContain("RestDay", "words, not enum names");
        FluentActions.Invoking(() => statement.Describe(null!)).Should().Throw<ArgumentNullException>().WithParameterName("culture");
    }

    [Fact]
    public void Describe_SourceNotEligible_SaysWhyInBothLanguages()
    {
        var plan = OnePersonWeek(WorkforceSource.Volunteer);

        var statement = SubsidyStatement.Calculate(SubsidyPolicy.Sichuan2020, plan, Worker, plan.Period, new SubsidyCalendar());

        statement.Describe(System.Globalization.CultureInfo.GetCultureInfo("zh-Hans")).Should().EndWith("志愿者不在补贴范围内（社区工作者），工作 7 天，无应发金额。");
        statement.Describe(System.Globalization.CultureInfo.InvariantCulture).Should().EndWith("volunteers are not paid under it (community workers); nothing is owed for 7 day(s) worked.");
    }

    [Fact]
    public void Calculate_HolidayAndLongDay_AreOvertimeDays()
    {
        // A holiday on Wednesday; regular hours 8 a day, so every 12.5 h day is an overtime day by hours.
        var plan = OnePersonWeek(WorkforceSource.CommunityWorker);
        var calendar = new SubsidyCalendar { Holidays = HolidayCalendar.Empty.With(Monday.PlusDays(2)), RegularHoursPerDay = 8 };

        var statement = SubsidyStatement.Calculate(SubsidyPolicy.Xiamen2020, plan, Worker, plan.Period, calendar);

        statement.Days[2].OvertimeReason.Should().Be(OvertimeReason.Holiday);
        statement.Days.Where(d => d.Date != Monday.PlusDays(2)).Should().OnlyContain(d => d.OvertimeReason == OvertimeReason.Hours);
        statement.Total.Should().Be(7 * 150m);
        statement.Days[0].Explain().Should().Contain("no daily rate for Medium");
    }

    [Fact]
    public void Calculate_PeriodNarrowerThanThePlan_CountsOnlyItsDays()
    {
        var plan = OnePersonWeek(WorkforceSource.CommunityWorker);

        var statement = SubsidyStatement.Calculate(SubsidyPolicy.Sichuan2020, plan, Worker, new DateInterval(Monday.PlusDays(3), Monday.PlusDays(4)), SubsidyCalendar.None);

        statement.Total.Should().Be(50m + 70m);
    }

    [Fact]
    public void Calculate_SourceNotEligible_OwesNothingAndSaysWhy()
    {
        var plan = OnePersonWeek(WorkforceSource.Volunteer);

        var statement = SubsidyStatement.Calculate(SubsidyPolicy.Sichuan2020, plan, Worker, plan.Period, SubsidyCalendar.None);

        statement.IsEligible.Should().BeFalse();
        statement.Total.Should().Be(0m);
        statement.Explain().Should().Contain("Volunteer is not an eligible source (CommunityWorker); nothing is owed for 7 day(s) worked.");
        SubsidyStatement.Calculate(SubsidyPolicy.Sichuan2020.WithEligibleSources(WorkforceSource.Volunteer), plan, Worker, plan.Period, SubsidyCalendar.None)
            .Total.Should().Be((4 * 50m) + (3 * 70m));
    }

    [Fact]
    public void Calculate_UnknownPerson_Throws()
    {
        var plan = OnePersonWeek(WorkforceSource.CommunityWorker);

        var act = () => SubsidyStatement.Calculate(SubsidyPolicy.Sichuan2020, plan, PersonId.From("nobody"), plan.Period, SubsidyCalendar.None);

        act.Should().Throw<ArgumentException>().WithParameterName("person");
    }

    [Fact]
    public void Create_NegativeAmountsAndBadCurrency_ReportsEveryProblem()
    {
        var act = () => SubsidyPolicy.Create("x", "test", new[] { new KeyValuePair<RiskLevel, decimal>(Scale["High"], -1m) }, -5m, Array.Empty<WorkforceSource>(), "cny", 7);

        // Negative daily rate, no scale for it, negative overtime, no eligible source, "cny", 7 places.
        act.Should().Throw<ModelValidationException>().Which.Failures.Should().HaveCount(6).And.Contain("scale: daily rates by level need the scale that names the levels.");
    }

    [Fact]
    public void Calculate_PlanOnAnotherScale_Refused()
    {
        var tree = new ZoneTreeBuilder().Add("c", ZoneKind.Compound, "c", gates: 1).Build();
        var zones = RiskScales.ChinaThreeZones;
        var policy = new StaffingPolicyBuilder(zones)
            .WithShifts(ShiftPattern.TwoTwelveHour(new LocalTime(8, 0), Duration.Zero))
            .WithCheckTime(GateCheckMethod.CodeScan, Duration.FromSeconds(10))
            .ForLevel("Sealed", new LevelStaffing { Gate = new GateRule { Check = GateCheckMethod.CodeScan, Target = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20)), MinimumOnDuty = 1 } })
            .Build();
        var plan = policy.Calculate(RiskSnapshot.Uniform(tree, Monday, zones, zones["Sealed"]), new GateArrivals(ArrivalProfile.ClosedCompoundIllustrative), Workforce.Empty, new DateInterval(Monday, Monday));

        var act = () => SubsidyStatement.CalculateAll(SubsidyPolicy.Sichuan2020, plan, plan.Period, SubsidyCalendar.None);

        act.Should().Throw<ArgumentException>().WithParameterName("plan").WithMessage("*cn-low-medium-high*cn-three-zones*");
        SubsidyStatement.CalculateAll(SubsidyPolicy.Xiamen2020, plan, plan.Period, SubsidyCalendar.None).Should().BeEmpty("nobody worked; Xiamen's rate does not depend on levels");
        SubsidyPolicy.Sichuan2020.ToString().Should().Be("sichuan-2020-04-10: Low 30, Medium 50, High 70 CNY/day");
    }

    [Fact]
    public void WithAllowances_Negative_Rejected()
    {
        var act = () => SubsidyPolicy.Sichuan2020.WithAllowances(-1m, null);

        act.Should().Throw<ModelValidationException>().WithMessage("*transportPerDay*");
    }

    /// <summary>A compound with one day gate (minimum 1, staffed 08:00–20:00), Medium Mon–Thu and High Fri–Sun, and one person who covers it.</summary>
    private static StaffingPlan OnePersonWeek(WorkforceSource source)
    {
        var tree = new ZoneTreeBuilder().Add("c", ZoneKind.Compound, "c", gates: 1).Add("c-b", ZoneKind.Building, "b", parent: "c", households: 50).Build();
        var gate = new GateRule { Check = GateCheckMethod.CodeScan, Target = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20)), MinimumOnDuty = 1, StaffedFrom = new LocalTime(8, 0), StaffedUntil = new LocalTime(20, 0) };
        var policy = new StaffingPolicyBuilder(Scale)
            .WithShifts(ShiftPattern.TwoTwelveHour(new LocalTime(8, 0), Duration.FromMinutes(30)))
            .WithCheckTime(GateCheckMethod.CodeScan, Duration.FromSeconds(10))
            .ForLevel("Medium", new LevelStaffing { Gate = gate })
            .ForLevel("High", new LevelStaffing { Gate = gate })
            .Build();
        var days = Enumerable.Range(0, 7).Select(i => RiskSnapshot.Uniform(tree, Monday.PlusDays(i), Scale, i < 4 ? Scale["Medium"] : Scale["High"])).ToList();
        var workforce = Workforce.Create(new[] { new StaffMember { Id = Worker, Source = source, Zone = ZoneId.From("c"), HoursPerWeek = 87.5, Duties = StaffingDuties.All } });
        var plan = policy.Calculate(days, new GateArrivals(ArrivalProfile.ClosedCompoundIllustrative), workforce);
        plan.Totals().GapPeople.Should().Be(0, "the one person covers every day");
        return plan;
    }
}
