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

public class StaffingPlanTests
{
    private static readonly RiskScale Scale = RiskScales.ChinaLowMediumHigh;
    private static readonly LocalDate Monday = new(2020, 2, 10);

    [Fact]
    public void Calculate_GateAtExample1Load_Gives20PeoplePerGatePerShift()
    {
        // intl-policy.md §d example 1 at a gate: 200 checks an hour (100 per 30 min), 180 s each → A = 10 E;
        // 80 % within 20 s, occupancy ≤ 85 %, shrinkage 30 % → 14 on duty, ⌈14 / 0.7⌉ = 20 people per gate.
        // Two gates → 40 people a shift; 3 × 8 h without handover → 40 × 8 = 320 person-hours; on duty 2 × 14 × 8 = 224 h.
        var tree = Compound(gates: 2, households: 500);
        var policy = Policy(
            ShiftPattern.ThreeEightHour(LocalTime.Midnight, Duration.Zero),
            new GateRule { Check = GateCheckMethod.CodeScan, Target = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20), 0.85, 0.3) },
            checkSeconds: 180);
        var arrivals = new GateArrivals(ArrivalProfile.PerGate("200 an hour", Enumerable.Repeat(200.0, 24)));

        var plan = policy.Calculate(RiskSnapshot.Uniform(tree, Monday, Scale, Scale["Medium"]), arrivals, Workforce.Empty, new DateInterval(Monday, Monday));

        plan.Requirements.Should().HaveCount(3);
        plan.Requirements.Should().OnlyContain(r => r.RequiredPeople == 40 && r.PersonHours == 320 && Math.Abs(r.WorkHours - 224) < 1e-9);
        var line = plan.Requirements[0];
        line.Role.Should().Be(StaffingRole.Gate);
        line.PeakOnDutyPerGate.Should().Be(14);
        line.PeakChecksPerGate.Should().Be(200);
        line.Binding.Should().Be(StaffingConstraint.ServiceLevel);
        line.GapPeople.Should().Be(40);
        line.GapPersonHours.Should().Be(320);
        line.Describe(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")).Should().EndWith("（中风险）门岗值守：需 40 人，已安排 0 人，缺 40 人（320 人时）");
        line.Describe(System.Globalization.CultureInfo.GetCultureInfo("en-US")).Should().EndWith("(Medium risk) gate duty: 40 needed, 0 assigned, 40 missing (320 person-hours)");
        plan.Describe(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")).Should().Be("2020-02-10 至 2020-02-10：需求 960 人时，已安排 0 人时，缺口 960 人时（120 个岗位班次无人，涉及 3 条需求）");
        plan.Describe(System.Globalization.CultureInfo.GetCultureInfo("en-US")).Should().Be("2020-02-10 to 2020-02-10: 960 person-hours needed, 0 assigned, gap 960 person-hours (120 post-shifts without a person, in 3 lines)");
        line.Explain().Should().Contain("2 gate(s) × 20 = 40 people")
            .And.Contain("A = 10 E")
            .And.Contain("Erlang C for 80 % within 20 s, occupancy ≤ 85 %, shrinkage 30 %: 14 on duty (SL 0.888, P_w 0.174, occupancy 0.714)")
            .And.Contain("÷ (1 − 30 % shrinkage) → 20 people")
            .And.Contain("gap 40 people (320 person-hours)");
    }

    [Fact]
    public void Calculate_PeakInsideNightShift_NightShiftStaffedForIt()
    {
        // 2 × 12 h from 08:00. Only 07:00 has traffic: 200 checks of 10 s → A = 0.556 E; one agent gives
        // SL = 1 − 0.556 × e^(−0.444 × 20 / 10) = 0.771 < 0.8, so 2. The night shift (20:00–08:00) holds 07:00.
        var hourly = new double[24];
        hourly[7] = 200;
        var tree = Compound(gates: 1, households: 300);
        var policy = Policy(
            ShiftPattern.TwoTwelveHour(new LocalTime(8, 0), Duration.Zero),
            new GateRule { Check = GateCheckMethod.CodeScan, Target = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20)), MinimumOnDuty = 1 },
            checkSeconds: 10);

        var plan = policy.Calculate(RiskSnapshot.Uniform(tree, Monday, Scale, Scale["Medium"]), new GateArrivals(ArrivalProfile.PerGate("morning rush", hourly)), Workforce.Empty, new DateInterval(Monday, Monday));

        var night = plan.Requirements.Single(r => r.Shift.IsNight);
        night.RequiredPeople.Should().Be(2);
        night.PeakHour.Should().Be(7);
        night.Binding.Should().Be(StaffingConstraint.ServiceLevel);
        var day = plan.Requirements.Single(r => !r.Shift.IsNight);
        day.RequiredPeople.Should().Be(1);
        day.Binding.Should().Be(StaffingConstraint.MinimumOnDuty);
    }

    [Fact]
    public void Calculate_GateStaffedOnlyByDay_NoNightLines()
    {
        // A gate closed at night (like Yinchuan's 22:30–06:30 closures, cn-policy.md §2): staffed 08:00–16:00 only.
        var tree = Compound(gates: 1, households: 300);
        var policy = Policy(
            ShiftPattern.ThreeEightHour(LocalTime.Midnight, Duration.Zero),
            new GateRule { Check = GateCheckMethod.CodeScan, Target = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20)), MinimumOnDuty = 1, StaffedFrom = new LocalTime(8, 0), StaffedUntil = new LocalTime(16, 0) },
            checkSeconds: 10);

        var plan = policy.Calculate(RiskSnapshot.Uniform(tree, Monday, Scale, Scale["Medium"]), new GateArrivals(ArrivalProfile.ClosedCompoundIllustrative), Workforce.Empty, new DateInterval(Monday, Monday));

        plan.Requirements.Select(r => r.Shift.Name).Should().Equal("Day");
    }

    [Fact]
    public void Calculate_ZeroArrivalsAndNoMinimum_NoGateLines()
    {
        var tree = Compound(gates: 1, households: 300);
        var policy = Policy(ShiftPattern.TwoTwelveHour(new LocalTime(8, 0), Duration.Zero), new GateRule { Check = GateCheckMethod.CodeScan, Target = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20)) }, 10);

        var plan = policy.Calculate(RiskSnapshot.Uniform(tree, Monday, Scale, Scale["Medium"]), new GateArrivals(ArrivalProfile.PerGate("none", new double[24])), Workforce.Empty, new DateInterval(Monday, Monday));

        plan.Requirements.Should().BeEmpty();
        plan.Totals().RequiredPersonHours.Should().Be(0);
    }

    [Fact]
    public void Calculate_CompoundWithoutGates_NoGateLines()
    {
        var tree = Compound(gates: 0, households: 300);
        var policy = Policy(ShiftPattern.TwoTwelveHour(new LocalTime(8, 0), Duration.Zero), new GateRule { Check = GateCheckMethod.CodeScan, Target = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20)), MinimumOnDuty = 2 }, 10);

        var plan = policy.Calculate(RiskSnapshot.Uniform(tree, Monday, Scale, Scale["Medium"]), new GateArrivals(ArrivalProfile.ClosedCompoundIllustrative), Workforce.Empty, new DateInterval(Monday, Monday));

        plan.Requirements.Should().BeEmpty();
    }

    [Fact]
    public void Calculate_SealedBuildingInMediumCompound_DoorToDoorCountsOnlySealedHouseholds()
    {
        // Compound c: building b1 (40 households, sealed: High), b2 (60 households, Medium). High: a 6-minute delivery per
        // household, 08:00–20:00 → 40 × 6 min = 4 h → 1 person. Medium: grid work 1 min per household → 60 min = 1 h → 1.
        var tree = new ZoneTreeBuilder()
            .Add("c", ZoneKind.Compound, "c", gates: 1)
            .Add("c-b1", ZoneKind.Building, "b1", parent: "c", households: 40, residents: 90)
            .Add("c-b2", ZoneKind.Building, "b2", parent: "c", households: 60, residents: 130)
            .Build();
        var day = (From: new LocalTime(8, 0), Until: new LocalTime(20, 0));
        var policy = new StaffingPolicyBuilder(Scale)
            .WithShifts(ShiftPattern.TwoTwelveHour(new LocalTime(8, 0), Duration.Zero))
            .ForLevel("High", new LevelStaffing { Workloads = new[] { new Workload { Kind = WorkKind.Delivery, Basis = WorkloadBasis.PerHousehold, TimesPerDay = 1, TimeEach = Duration.FromMinutes(6), From = day.From, Until = day.Until } } })
            .ForLevel("Medium", new LevelStaffing { Workloads = new[] { new Workload { Kind = WorkKind.GridWork, Basis = WorkloadBasis.PerHousehold, TimesPerDay = 1, TimeEach = Duration.FromMinutes(1), From = day.From, Until = day.Until } } })
            .Build();
        var snapshot = RiskSnapshot.Create(tree, Monday, Scale, new Dictionary<ZoneId, RiskLevel> { [ZoneId.From("c")] = Scale["Medium"], [ZoneId.From("c-b1")] = Scale["High"] });

        var plan = policy.Calculate(snapshot, new GateArrivals(ArrivalProfile.ClosedCompoundIllustrative), Workforce.Empty, new DateInterval(Monday, Monday));

        var doorToDoor = plan.Requirements.Single(r => r.Role == StaffingRole.DoorToDoor);
        doorToDoor.Households.Should().Be(40);
        doorToDoor.Residents.Should().Be(90);
        doorToDoor.WorkHours.Should().BeApproximately(4, 1e-9);
        doorToDoor.Level.Should().Be(Scale["High"]);
        var grid = plan.Requirements.Single(r => r.Role == StaffingRole.GridWork);
        grid.Households.Should().Be(60);
        grid.WorkHours.Should().BeApproximately(1, 1e-9);
        grid.Explain().Should().Contain("GridWork (60 households × 1/day × 1 min × 100 % of its window in this shift = 1 h)");
    }

    [Fact]
    public void Calculate_WorkWindowAcrossTwoShifts_SplitsByOverlap()
    {
        // 24 h of work 08:00–20:00 over 3 × 8 h shifts from 00:00: Day (08–16) holds 8/12 → 16 h → 2 people;
        // Evening (16–24) holds 4/12 → 8 h → 1 person; Night none.
        var tree = Compound(gates: 0, households: 240);
        var policy = new StaffingPolicyBuilder(Scale)
            .WithShifts(ShiftPattern.ThreeEightHour(LocalTime.Midnight, Duration.Zero))
            .ForLevel("High", new LevelStaffing { Workloads = new[] { new Workload { Kind = WorkKind.TemperatureCheck, Basis = WorkloadBasis.PerHousehold, TimesPerDay = 2, TimeEach = Duration.FromMinutes(3), From = new LocalTime(8, 0), Until = new LocalTime(20, 0) } } })
            .Build();

        var plan = policy.Calculate(RiskSnapshot.Uniform(tree, Monday, Scale, Scale["High"]), new GateArrivals(ArrivalProfile.ClosedCompoundIllustrative), Workforce.Empty, new DateInterval(Monday, Monday));

        plan.Requirements.Select(r => (r.Shift.Name, r.WorkHours, r.RequiredPeople)).Should().Equal(("Day", 16.0, 2), ("Evening", 8.0, 1));
    }

    [Fact]
    public void Calculate_MinimumPeopleAndShrinkage_Applied()
    {
        // 40 households × 3 min = 2 h; ÷ (1 − 50 %) = 4 paid h → ⌈4 / 12⌉ = 1, but door-to-door in pairs: 2.
        var tree = Compound(gates: 0, households: 40);
        var policy = new StaffingPolicyBuilder(Scale)
            .WithShifts(ShiftPattern.TwoTwelveHour(new LocalTime(8, 0), Duration.Zero))
            .ForLevel("High", new LevelStaffing { Workloads = new[] { new Workload { Kind = WorkKind.WasteCollection, Basis = WorkloadBasis.PerHousehold, TimesPerDay = 1, TimeEach = Duration.FromMinutes(3), From = new LocalTime(8, 0), Until = new LocalTime(20, 0), Shrinkage = 0.5, MinimumPeople = 2 } } })
            .Build();

        var line = policy.Calculate(RiskSnapshot.Uniform(tree, Monday, Scale, Scale["High"]), new GateArrivals(ArrivalProfile.ClosedCompoundIllustrative), Workforce.Empty, new DateInterval(Monday, Monday)).Requirements.Single();

        line.RequiredPeople.Should().Be(2);
        line.Explain().Should().Contain("÷ (1 − 50 % shrinkage)").And.Contain("4 paid h ÷ 12 h shift → 1 people; at least 2 → 2 people");
    }

    [Fact]
    public void Calculate_PerPlanningUnitWork_CountsOnceAtTheUnitsLevel()
    {
        var tree = Compound(gates: 0, households: 100);
        var policy = new StaffingPolicyBuilder(Scale)
            .WithShifts(ShiftPattern.TwoTwelveHour(new LocalTime(8, 0), Duration.Zero))
            .ForLevel("Medium", new LevelStaffing { Workloads = new[] { new Workload { Kind = WorkKind.Disinfection, Basis = WorkloadBasis.PerPlanningUnit, TimesPerDay = 3, TimeEach = Duration.FromMinutes(40) } } })
            .Build();

        var plan = policy.Calculate(RiskSnapshot.Uniform(tree, Monday, Scale, Scale["Medium"]), new GateArrivals(ArrivalProfile.ClosedCompoundIllustrative), Workforce.Empty, new DateInterval(Monday, Monday));

        // 3 × 40 min = 2 h a day, spread over 24 h: 1 h in each 12 h shift.
        plan.Requirements.Select(r => r.WorkHours).Should().Equal(1.0, 1.0);
    }

    [Fact]
    public void Calculate_ScreeningSupportPerResidentEveryOtherDay_AndUnitWorkOnlyAtTheUnitsLevel()
    {
        // A screening round every other day (0.5 a day), 1 min of support per resident, 08:00–16:00, in a sealed building
        // of 90 residents inside a Medium compound: 90 × 0.5 × 1 min = 45 min = 0.75 h in the day shift → 1 person.
        // The High level also cleans the compound's common areas (per planning unit), but the compound is Medium,
        // so that work is not counted on the High line.
        var tree = new ZoneTreeBuilder()
            .Add("c", ZoneKind.Compound, "c")
            .Add("c-b1", ZoneKind.Building, "b1", parent: "c", households: 40, residents: 90)
            .Add("c-b2", ZoneKind.Building, "b2", parent: "c", households: 60, residents: 130)
            .Build();
        var policy = new StaffingPolicyBuilder(Scale)
            .WithShifts(ShiftPattern.TwoTwelveHour(new LocalTime(8, 0), Duration.Zero))
            .ForLevel("High", new LevelStaffing
            {
                Workloads = new[]
                {
                    new Workload { Kind = WorkKind.ScreeningSupport, Basis = WorkloadBasis.PerResident, TimesPerDay = 0.5, TimeEach = Duration.FromMinutes(1), From = new LocalTime(8, 0), Until = new LocalTime(16, 0) },
                    new Workload { Kind = WorkKind.ScreeningSupport, Basis = WorkloadBasis.PerPlanningUnit, TimesPerDay = 1, TimeEach = Duration.FromHours(2), From = new LocalTime(8, 0), Until = new LocalTime(16, 0) },
                },
            })
            .Build();
        var snapshot = RiskSnapshot.Create(tree, Monday, Scale, new Dictionary<ZoneId, RiskLevel> { [ZoneId.From("c")] = Scale["Medium"], [ZoneId.From("c-b1")] = Scale["High"] });

        var line = policy.Calculate(snapshot, new GateArrivals(ArrivalProfile.ClosedCompoundIllustrative), Workforce.Empty, new DateInterval(Monday, Monday)).Requirements.Single();

        line.Role.Should().Be(StaffingRole.ScreeningSupport);
        line.WorkHours.Should().BeApproximately(0.75, 1e-9);
        line.RequiredPeople.Should().Be(1);
        line.Explain().Should().Contain("ScreeningSupport (90 residents × 0.5/day × 1 min × 100 % of its window in this shift = 0.75 h)").And.NotContain("120 min");
    }

    [Fact]
    public void Calculate_SnapshotOfAnotherScale_Throws()
    {
        var tree = Compound(gates: 1, households: 100);
        var snapshot = RiskSnapshot.Uniform(tree, Monday, RiskScales.ChinaThreeZones, RiskLevel.FromSeverity(3));

        var act = () => SeedsCommunity.Policy().Calculate(snapshot, new GateArrivals(ArrivalProfile.ClosedCompoundIllustrative), Workforce.Empty, new DateInterval(Monday, Monday));

        act.Should().Throw<ArgumentException>().WithMessage("*cn-three-zones*cn-low-medium-high*");
    }

    [Fact]
    public void Calculate_DaysNotConsecutive_Throws()
    {
        var tree = Compound(gates: 1, households: 100);
        var days = new[] { RiskSnapshot.Uniform(tree, Monday, Scale, Scale["Low"]), RiskSnapshot.Uniform(tree, Monday.PlusDays(2), Scale, Scale["Low"]) };

        var act = () => SeedsCommunity.Policy().Calculate(days, new GateArrivals(ArrivalProfile.ClosedCompoundIllustrative), Workforce.Empty);

        act.Should().Throw<ArgumentException>().WithParameterName("days").WithMessage("*consecutive*");
    }

    [Fact]
    public void Calculate_NoDays_Throws()
    {
        var act = () => SeedsCommunity.Policy().Calculate(Array.Empty<RiskSnapshot>(), new GateArrivals(ArrivalProfile.ClosedCompoundIllustrative), Workforce.Empty);

        act.Should().Throw<ArgumentException>().WithParameterName("days");
    }

    [Fact]
    public void Calculate_MemberServesUnknownZone_ThrowsNamingIt()
    {
        var tree = Compound(gates: 1, households: 100);
        var workforce = Workforce.Create(new[] { new StaffMember { Id = PersonId.From("cw-1"), Source = WorkforceSource.CommunityWorker, Zone = ZoneId.From("elsewhere"), HoursPerWeek = 40, Duties = StaffingDuties.All } });

        var act = () => SeedsCommunity.Policy().Calculate(RiskSnapshot.Uniform(tree, Monday, Scale, Scale["Low"]), new GateArrivals(ArrivalProfile.ClosedCompoundIllustrative), workforce, new DateInterval(Monday, Monday));

        act.Should().Throw<ArgumentException>().WithParameterName("workforce").WithMessage($"*'{PersonId.From("cw-1")}' serves 'elsewhere'*");
    }

    [Fact]
    public void Calculate_ArrivalsForAZoneThatIsNotAUnit_Throws()
    {
        var tree = Compound(gates: 1, households: 100);
        var arrivals = new GateArrivals(ArrivalProfile.ClosedCompoundIllustrative).With(ZoneId.From("c-b1"), ArrivalProfile.WorkResumptionIllustrative);

        var act = () => SeedsCommunity.Policy().Calculate(RiskSnapshot.Uniform(tree, Monday, Scale, Scale["Low"]), arrivals, Workforce.Empty, new DateInterval(Monday, Monday));

        act.Should().Throw<ArgumentException>().WithParameterName("arrivals").WithMessage("*'c-b1'*not a Compound*");
    }

    [Fact]
    public void Calculate_PersonAttachedToACompound_WorksOnlyThere()
    {
        var plan = SeedsCommunity.Policy().Calculate(SeedsCommunity.Days(), SeedsCommunity.Arrivals(), SeedsCommunity.Workforce());

        plan.Assignments.Where(a => a.Person.Value.StartsWith("ps-1", StringComparison.Ordinal)).Should().NotBeEmpty()
            .And.OnlyContain(a => a.Zone == ZoneId.From(SeedsCommunity.C1));
    }

    [Fact]
    public void Totals_ByZone_SumsTheUnitsUnderIt()
    {
        var plan = SeedsCommunity.Policy().Calculate(SeedsCommunity.Days(), SeedsCommunity.Arrivals(), SeedsCommunity.Workforce());

        var day = SeedsCommunity.OutbreakStart;
        var community = plan.Totals(day, ZoneId.From(SeedsCommunity.Community));
        var units = Enumerable.Range(1, 4).Select(c => plan.Totals(day, ZoneId.From($"{SeedsCommunity.Community}-0{c}"))).ToList();

        community.RequiredPersonHours.Should().Be(plan.Totals(day).RequiredPersonHours);
        units.Sum(t => t.RequiredPersonHours).Should().Be(community.RequiredPersonHours);
        plan.Totals(day.PlusDays(-1)).RequiredPeople.Should().Be(0, "a day outside the plan has no lines");
    }

    private static ZoneTree Compound(int gates, int households)
        => new ZoneTreeBuilder()
            .Add("c", ZoneKind.Compound, "c", gates: gates)
            .Add("c-b1", ZoneKind.Building, "b1", parent: "c", households: households, residents: households * 2)
            .Build();

    private static StaffingPolicy Policy(ShiftPattern shifts, GateRule gate, int checkSeconds)
        => new StaffingPolicyBuilder(Scale)
            .WithShifts(shifts)
            .WithCheckTime(GateCheckMethod.CodeScan, Duration.FromSeconds(checkSeconds))
            .ForLevel("Medium", new LevelStaffing { Gate = gate })
            .Build();
}
