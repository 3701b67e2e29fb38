using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Staffing;

/// <summary>
/// The seeds' community (<see cref="SeedsCommunity"/>: 4 compounds, 2,000 households, one gate each) through an outbreak
/// (two weeks Medium with one sealed building) and a withdrawal (work resumes at Low; 8 deployed cadres leave on
/// 2020-02-24 and 8 on 2020-03-02).
/// </summary>
public class SeedsScenarioTests
{
    private static readonly StaffingPolicy Policy = SeedsCommunity.Policy();
    private static readonly StaffingPlan Plan = Policy.Calculate(SeedsCommunity.Days(), SeedsCommunity.Arrivals(), SeedsCommunity.Workforce());

    [Fact]
    public void Outbreak_DemandPerDay_MatchesTheHandComputation()
    {
        // Gates (Medium, code scan 10 s, closed compound): the busiest hour is 5 checks per 100 households, C3's 520
        // households → 26 checks/h → A = 26 × 10 / 3600 = 0.0722 E; one agent: SL = 1 − 0.0722 × e^(−(1 − 0.0722) × 20 / 10)
        // = 0.989 ≥ 0.8 → 1 on duty; the minimum is 2 → 2 per gate per shift: 4 gates × 2 shifts × 2 = 16 person-shifts.
        // Door-to-door for the sealed building (120 households): 120 × (6 + 2 × 3 + 2) min = 1,680 min = 28 h in the day
        // shift → ⌈28 / 12⌉ = 3 people. Disinfection: 1 building × 2 × 45 min = 1.5 h → 1 person.
        // Grid work (Medium households, 1 min each): C1 480 − 120 = 360 → 6 h, C2 500 → 8.33 h, C3 520 → 8.67 h,
        // C4 500 → 8.33 h: 1 person each = 4. Night patrol (20 min per Medium building): C1 3, C2 5, C3 4, C4 5 buildings
        // → 1 h, 1.67 h, 1.33 h, 1.67 h: 1 person each = 4.
        // Day shift 8 + 3 + 1 + 4 = 16, night shift 8 + 4 = 12: 28 person-shifts × 12.5 paid h = 350 person-hours a day.
        for (var date = SeedsCommunity.OutbreakStart; date < SeedsCommunity.WorkResumes; date = date.PlusDays(1))
        {
            var totals = Plan.Totals(date);
            totals.RequiredPeople.Should().Be(28);
            totals.RequiredPersonHours.Should().Be(350);
            Plan.Totals(date, StaffingRole.Gate).RequiredPeople.Should().Be(16);
            Plan.Totals(date, StaffingRole.DoorToDoor).RequiredPeople.Should().Be(3);
            Plan.Totals(date, StaffingRole.DoorToDoor).WorkHours.Should().BeApproximately(28, 1e-9);
            Plan.Totals(date, StaffingRole.Disinfection).RequiredPeople.Should().Be(1);
            Plan.Totals(date, StaffingRole.GridWork).RequiredPeople.Should().Be(4);
            Plan.Totals(date, StaffingRole.GridWork).WorkHours.Should().BeApproximately((360 + 500 + 520 + 500) / 60.0, 1e-9);
            Plan.Totals(date, StaffingRole.Patrol).RequiredPeople.Should().Be(4);
        }
    }

    [Fact]
    public void WorkResumption_DemandPerDay_MatchesTheHandComputation()
    {
        // Low: manual registration 30 s, 80 % within 20 s, occupancy ≤ 85 %, minimum 1. Work resumption peaks at 35 per
        // 100 households (08:00, 18:00) and 30 at 07:00 (inside the night shift 20:00–08:00).
        // C1 at 08:00: 168 checks → A = 1.4 E. Two agents: B = 1 / (1 + (1 + 1/1.4) × 2/1.4) = 0.290,
        // P_w = 2 × 0.290 / (2 − 1.4 × 0.710) = 0.577, SL = 1 − 0.577 × e^(−0.6 × 20/30) = 0.61 < 0.8 → 3 (SL 0.93).
        // C1 at 07:00: 144 checks → A = 1.2 E; two agents: B = 0.247, P_w = 0.450, SL = 1 − 0.450 × e^(−0.8 × 20/30)
        // = 0.74 < 0.8 → 3. The other compounds (500, 520 households) carry more traffic and also need 3 (never 4:
        // at A = 1.52 E three agents give SL 0.91). So 3 per gate per shift: 4 × 2 × 3 = 24 person-shifts = 300 h a day.
        for (var date = SeedsCommunity.WorkResumes; date <= SeedsCommunity.End; date = date.PlusDays(1))
        {
            Plan.Totals(date).RequiredPeople.Should().Be(24);
            Plan.Totals(date).RequiredPersonHours.Should().Be(300);
        }

        var line = Plan.Requirements.First(r => r.Date == SeedsCommunity.WorkResumes && r.Zone == ZoneId.From(SeedsCommunity.C1) && !r.Shift.IsNight);
        line.PeakHour.Should().Be(8);
        line.PeakChecksPerGate.Should().Be(168);
        line.Binding.Should().Be(StaffingConstraint.ServiceLevel);
        line.Explain().Should().Contain("A = 1.4 E").And.Contain("3 on duty (SL 0.93");
        var night = Plan.Requirements.First(r => r.Date == SeedsCommunity.WorkResumes && r.Zone == ZoneId.From(SeedsCommunity.C1) && r.Shift.IsNight);
        night.PeakHour.Should().Be(7);
        night.PeakChecksPerGate.Should().Be(144);
    }

    [Fact]
    public void WholePeriod_Totals_MatchTheHandComputation()
    {
        // 14 days × 28 + 14 days × 24 = 392 + 336 = 728 person-shifts; 14 × 350 + 14 × 300 = 4,900 + 4,200 = 9,100 h.
        var totals = Plan.Totals();

        totals.RequiredPeople.Should().Be(728);
        totals.RequiredPersonHours.Should().Be(9_100);
        (totals.AssignedPeople + totals.GapPeople).Should().Be(totals.RequiredPeople);
        (totals.AssignedPersonHours + totals.GapPersonHours).Should().BeApproximately(totals.RequiredPersonHours, 1e-6);
        Plan.Assignments.Should().HaveCount((int)totals.AssignedPeople);
    }

    [Fact]
    public void LastWeek_AllCadresGone_GapAtLeastTheHandShortfall()
    {
        // 2020-03-02..08, demand 7 × 24 = 168 person-shifts. One shift a day at most (12.5 h), so the team gives
        // community workers 6 × ⌊50 / 12.5⌋ = 24, property staff 8 × ⌊75 / 12.5⌋ = 48, Party members 4 × 2 = 8,
        // volunteers 8 × 2 = 16: 96 person-shifts. The gap is at least 168 − 96 = 72 person-shifts (900 h).
        var week = Days(SeedsCommunity.SecondWithdrawal, 7);
        var gap = week.Sum(d => Plan.Totals(d).GapPeople);
        var covered = week.Sum(d => Plan.Totals(d).AssignedPeople);

        covered.Should().BeLessOrEqualTo(96);
        gap.Should().BeGreaterOrEqualTo(72);
        gap.Should().Be(168 - covered);
        Plan.Assignments.Where(a => a.Date >= SeedsCommunity.SecondWithdrawal).Should().NotContain(a => a.Source == WorkforceSource.DeployedCadre);
    }

    [Fact]
    public void FirstWeek_WithEveryCadre_GapAtLeastTheHandShortfall()
    {
        // 2020-02-10..16, demand 7 × 28 = 196. Capacity: 24 + 48 + 16 cadres × 6 = 96 + 8 + 16 = 192 → gap ≥ 4.
        var gap = Days(SeedsCommunity.OutbreakStart, 7).Sum(d => Plan.Totals(d).GapPeople);

        gap.Should().BeGreaterOrEqualTo(4);
    }

    [Fact]
    public void Cover_RespectsEveryLimitDutyAndDate()
    {
        foreach (var member in Plan.Workforce)
        {
            var shifts = Plan.AssignmentsOf(member.Id);
            foreach (var a in shifts)
            {
                member.IsAvailableOn(a.Date).Should().BeTrue($"{member} works only on days they are available");
                var duty = a.Role == StaffingRole.Gate
                    ? (a.Shift.IsNight ? StaffingDuties.NightGates : StaffingDuties.DayGates)
                    : a.Role switch
                    {
                        StaffingRole.DoorToDoor => StaffingDuties.DoorToDoor,
                        StaffingRole.Patrol => StaffingDuties.Patrol,
                        StaffingRole.Disinfection => StaffingDuties.Disinfection,
                        _ => StaffingDuties.Coordination,
                    };
                (member.EffectiveDuties & duty).Should().NotBe(StaffingDuties.None, $"{member} may do {a.Role}");
            }

            foreach (var day in shifts.GroupBy(a => a.Date))
            {
                day.Sum(a => a.PaidHours).Should().BeLessOrEqualTo(12.5);
            }

            foreach (var week in shifts.GroupBy(a => a.Date.PlusDays(1 - (int)a.Date.DayOfWeek)))
            {
                week.Sum(a => a.PaidHours).Should().BeLessOrEqualTo(Math.Min(75, member.HoursPerWeek));
                week.Count(a => a.Shift.IsNight).Should().BeLessOrEqualTo(4);
            }

            var ordered = shifts.Select(a => a.Date.At(a.Shift.Start)).OrderBy(t => t).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                // 12 h shift + 30 min handover + 11 h rest: starts at least 23.5 h apart.
                Period.Between(ordered[i - 1], ordered[i], PeriodUnits.Minutes).Minutes.Should().BeGreaterOrEqualTo(23 * 60 + 30);
            }
        }

        Plan.Assignments.Where(a => a.Person.Value is "vol-01" or "vol-02").Should().NotContain(a => a.Role == StaffingRole.Gate && a.Shift.IsNight, "elderly volunteers are not on night gates");
        Plan.Assignments.Where(a => a.Person.Value.StartsWith("cadre-0", StringComparison.Ordinal) && a.Person.Value != "cadre-09")
            .Should().OnlyContain(a => a.Date < SeedsCommunity.WorkResumes);
    }

    [Fact]
    public void Transition_GapAfterDepartures_AndRecruitmentThatClosesIt()
    {
        var community = ZoneId.From(SeedsCommunity.Community);
        var volunteers = new RecruitProfile { Source = WorkforceSource.Volunteer, HoursPerWeek = 25, Duties = StaffingDuties.DayGates | StaffingDuties.NightGates, Zone = community };
        var workers = new RecruitProfile { Source = WorkforceSource.CommunityWorker, HoursPerWeek = 50, Duties = StaffingDuties.All, Zone = community };
        var dayOnly = new RecruitProfile { Source = WorkforceSource.Volunteer, HoursPerWeek = 25, Duties = StaffingDuties.DayGates, Zone = community, IdPrefix = "dayvol-" };

        var transition = TransitionPlan.Calculate(Policy, SeedsCommunity.Days(), SeedsCommunity.Arrivals(), SeedsCommunity.Workforce(), new[] { volunteers, workers, dayOnly });

        transition.FirstDeparture.Should().Be(SeedsCommunity.WorkResumes);
        transition.Departures.Should().HaveCount(16);
        transition.Departures.Count(d => d.LeavesOn == SeedsCommunity.WorkResumes).Should().Be(8);
        transition.Days.Single(d => d.Date == SeedsCommunity.SecondWithdrawal).Departed.Should().Be(16);

        // Before anyone leaves, the two plans are the same; afterwards the departures open a gap.
        transition.Days.Where(d => d.Date < SeedsCommunity.WorkResumes).Should().OnlyContain(d => d.GapPersonHours == d.GapPersonHoursIfCadresStayed);
        var after = transition.Days.Where(d => d.Date >= SeedsCommunity.WorkResumes).ToList();
        after.Sum(d => d.GapPersonHours).Should().BeGreaterThan(after.Sum(d => d.GapPersonHoursIfCadresStayed));
        after.Sum(d => d.GapFromDeparturesPersonHours).Should().BeGreaterThan(0);
        transition.Departures.Where(d => d.LeavesOn == SeedsCommunity.SecondWithdrawal).Should().OnlyContain(d => d.PersonHoursLost > 0);

        // Each closing option closes it, and one recruit fewer does not (the count is the smallest found).
        foreach (var option in transition.Recruitment.Take(2))
        {
            option.ClosesGap.Should().BeTrue(option.ToString());
            option.RemainingGapPersonHours.Should().Be(0);
            Days(SeedsCommunity.WorkResumes, 14).Sum(d => option.Plan.Totals(d).GapPersonHours).Should().Be(0);
            var fewer = Policy.Calculate(SeedsCommunity.Days(), SeedsCommunity.Arrivals(), SeedsCommunity.Workforce().With(option.Profile.Recruits(option.Count - 1, SeedsCommunity.WorkResumes)));
            Days(SeedsCommunity.WorkResumes, 14).Sum(d => fewer.Totals(d).GapPersonHours).Should().BeGreaterThan(0);
            option.Plan.Assignments.Where(a => a.Person.Value.StartsWith("recruit-", StringComparison.Ordinal)).Should().OnlyContain(a => a.Date >= SeedsCommunity.WorkResumes);
        }

        // Hand bound: the last week lacks at least 72 person-shifts, and a volunteer gives at most 2 (25 h / 12.5 h) and a
        // community worker 4 (50 h / 12.5 h) a week → at least 36 volunteers or 18 community workers.
        transition.Recruitment[0].Count.Should().BeGreaterOrEqualTo(36);
        transition.Recruitment[1].Count.Should().BeGreaterOrEqualTo(18);

        // Day-only volunteers cannot cover night gates: the option says so, with what remains.
        var dayOption = transition.Recruitment[2];
        dayOption.ClosesGap.Should().BeFalse();
        dayOption.RemainingGapPersonHours.Should().BeGreaterThan(0).And.BeLessThan(dayOption.GapWithoutRecruitsPersonHours);
        dayOption.ToString().Should().Contain("cannot close the gap");
        transition.Explain().Should().Contain("16 deployed cadre(s) leave from 2020-02-24: 8 on 2020-02-24, 8 on 2020-03-02");

        // The same figures in both languages, in words.
        var gap = after.Sum(d => d.GapPersonHours).ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture);
        var zh = transition.Describe(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"));
        var en = transition.Describe(System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
        zh.Should().StartWith("自 2020-02-24 起 16 名下沉干部撤离（2020-02-24 8 人，2020-03-02 8 人）。").And.Contain($"缺口 {gap} 人时")
            .And.Contain($"招募 {transition.Recruitment[0].Count} 名志愿者（每周 25 小时）可补齐").And.Contain("后，").And.Contain("仍余");
        en.Should().StartWith("16 deployed cadres leave from 2020-02-24 (8 on 2020-02-24, 8 on 2020-03-02).").And.Contain($"gap {gap} person-hours")
            .And.Contain($"Recruiting {transition.Recruitment[1].Count} community workers at 50 h/week closes the gap").And.NotContain("Volunteer").And.NotContain("CommunityWorker");
        dayOption.Describe(System.Globalization.CultureInfo.GetCultureInfo("en-GB")).Should().StartWith($"Recruiting {dayOption.Count} volunteers at 25 h/week leaves ");
    }

    [Fact]
    public void Transition_NoCadreLeavesInThePeriod_NothingToRecruit()
    {
        var days = SeedsCommunity.Days().Take(7).ToList();
        var profile = new RecruitProfile { Source = WorkforceSource.Volunteer, HoursPerWeek = 25, Duties = StaffingDuties.DayGates, Zone = ZoneId.From(SeedsCommunity.Community) };

        var transition = TransitionPlan.Calculate(Policy, days, SeedsCommunity.Arrivals(), SeedsCommunity.Workforce(), new[] { profile });

        transition.FirstDeparture.Should().BeNull();
        transition.Departures.Should().BeEmpty();
        transition.Recruitment.Single().Count.Should().Be(0);
        transition.Explain().Should().Be("No deployed cadre leaves in the period.");
        transition.Describe(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")).Should().Be("期间没有下沉干部撤离。");
    }

    [Fact]
    public void Transition_RecruitProfileZoneNotInTree_Throws()
    {
        var profile = new RecruitProfile { Source = WorkforceSource.Volunteer, HoursPerWeek = 25, Duties = StaffingDuties.DayGates, Zone = ZoneId.From("nowhere") };

        var act = () => TransitionPlan.Calculate(Policy, SeedsCommunity.Days(), SeedsCommunity.Arrivals(), SeedsCommunity.Workforce(), new[] { profile });

        act.Should().Throw<ArgumentException>().WithMessage("*'nowhere'*");
    }

    [Fact]
    public void Transition_RecruitProfileInvalid_ThrowsModelValidation()
    {
        var profile = new RecruitProfile { Source = WorkforceSource.Volunteer, HoursPerWeek = 0, Duties = StaffingDuties.DayGates, Zone = ZoneId.From(SeedsCommunity.Community) };

        var act = () => TransitionPlan.Calculate(Policy, SeedsCommunity.Days(), SeedsCommunity.Arrivals(), SeedsCommunity.Workforce(), new[] { profile });

        act.Should().Throw<ModelValidationException>().WithMessage("*recruit profile: hours per week*");
    }

    [Fact]
    public void Subsidies_SichuanRates_FollowTheLevelOfTheCompoundWorked()
    {
        // cw-01 works at compound C1: Medium (50 CNY) to 2020-02-23, Low (30 CNY) from 2020-02-24.
        var statement = SubsidyStatement.Calculate(SubsidyPolicy.Sichuan2020, Plan, PersonId.From("cw-01"), Plan.Period, SubsidyCalendar.None);
        var daysWorked = Plan.AssignmentsOf(PersonId.From("cw-01")).Select(a => a.Date).Distinct().ToList();

        statement.Days.Should().HaveCount(daysWorked.Count);
        statement.Total.Should().Be((50m * daysWorked.Count(d => d < SeedsCommunity.WorkResumes)) + (30m * daysWorked.Count(d => d >= SeedsCommunity.WorkResumes)));
        statement.Days.Where(d => d.Date < SeedsCommunity.WorkResumes).Should().OnlyContain(d => d.DailySubsidy == 50m);
    }

    [Fact]
    public void Subsidies_Volunteers_NotEligibleUnderThePreset()
    {
        var all = SubsidyStatement.CalculateAll(SubsidyPolicy.Sichuan2020, Plan, Plan.Period, SubsidyCalendar.None);

        all.Should().NotBeEmpty();
        all.Where(s => s.Source == WorkforceSource.Volunteer).Should().OnlyContain(s => !s.IsEligible && s.Total == 0m);
        all.Where(s => s.Source == WorkforceSource.CommunityWorker).Should().OnlyContain(s => s.IsEligible && s.Total > 0m);
    }

    private static IEnumerable<LocalDate> Days(LocalDate from, int count) => Enumerable.Range(0, count).Select(from.PlusDays);
}
