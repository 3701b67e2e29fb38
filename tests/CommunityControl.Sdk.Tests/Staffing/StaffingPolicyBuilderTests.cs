using System;
using System.Linq;
using CommunityControl.Risk;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Staffing;

public class StaffingPolicyBuilderTests
{
    private static readonly RiskScale Scale = RiskScales.ChinaLowMediumHigh;

    [Fact]
    public void Build_SeedsPolicy_KeepsEveryParameter()
    {
        var policy = SeedsCommunity.Policy();

        policy.Scale.Should().BeSameAs(Scale);
        policy.PlanningUnit.Should().Be(ZoneKind.Compound);
        policy.Shifts.Shifts.Should().HaveCount(2);
        policy.CheckTimes[GateCheckMethod.CodeScan].Should().Be(Duration.FromSeconds(10));
        policy.Levels.Keys.Select(l => Scale.Describe(l).Code).Should().Equal("Low", "Medium", "High");
        policy.ForLevel(Scale["High"])!.Workloads.Should().HaveCount(4);
        policy.ForLevel(RiskLevel.None).Should().BeNull("a level the policy does not list demands nothing");
        policy.ToString().Should().Be("StaffingPolicy (cn-low-medium-high; Compound; 2 shifts; levels Low, Medium, High)");
    }

    [Fact]
    public void Build_NoCoverageOrder_UsesTheStandingTeamFirst()
    {
        var policy = Minimal().Build();

        policy.CoverageOrder.Should().Equal(
            WorkforceSource.CommunityWorker,
            WorkforceSource.GridWorker,
            WorkforceSource.PropertyStaff,
            WorkforceSource.DeployedCadre,
            WorkforceSource.PartyMember,
            WorkforceSource.HomeownersCommitteeMember,
            WorkforceSource.Volunteer);
    }

    [Fact]
    public void Build_PartialCoverageOrder_AppendsTheRestInDefaultOrder()
    {
        var policy = Minimal().WithCoverageOrder(WorkforceSource.Volunteer, WorkforceSource.DeployedCadre).Build();

        policy.CoverageOrder.Take(3).Should().Equal(WorkforceSource.Volunteer, WorkforceSource.DeployedCadre, WorkforceSource.CommunityWorker);
        policy.CoverageOrder.Should().HaveCount(7);
    }

    [Fact]
    public void Build_ManyProblems_ReportsEveryOneWithItsPath()
    {
        var builder = new StaffingPolicyBuilder(Scale)
            .WithLimits(new WorkLimits { MaxHoursPerDay = 25 })
            .WithCoverageOrder(WorkforceSource.Volunteer, WorkforceSource.Volunteer)
            .ForLevel("High", new LevelStaffing
            {
                Gate = new GateRule { Check = GateCheckMethod.CodeScan, Target = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20)), MinimumOnDuty = -1 },
                Workloads = new[] { new Workload { Kind = WorkKind.Delivery, Basis = WorkloadBasis.Unknown, TimesPerDay = -1, TimeEach = Duration.Zero } },
            });

        var act = () => builder.Build();

        var failures = act.Should().Throw<ModelValidationException>().Which.Failures;
        failures.Should().BeEquivalentTo(new[]
        {
            "shifts: the shift pattern is required (e.g. ShiftPattern.ThreeEightHour or TwoTwelveHour).",
            "limits.maxHoursPerDay: must be more than 0 and at most 24; it was 25.",
            "coverageOrder: the source Volunteer is listed twice.",
            "levels.High.gate.minimumOnDuty: must not be negative; it was -1.",
            "levels.High.gate.check: no service time is set for CodeScan (checkSeconds); the reference gives none, so it has no default.",
            "levels.High.workloads[0].basis: the basis (PerHousehold, PerResident, PerBuilding or PerPlanningUnit) is required.",
            "levels.High.workloads[0].timesPerDay: must be a finite number not below zero; it was -1.",
            "levels.High.workloads[0].minutesEach: must be more than zero.",
        });
    }

    [Fact]
    public void ForLevel_UnknownCode_ThrowsNamingTheScale()
    {
        var act = () => Minimal().ForLevel("Severe", new LevelStaffing());

        act.Should().Throw<ArgumentException>().WithParameterName("levelCode").WithMessage("*cn-low-medium-high*Severe*");
    }

    [Fact]
    public void ForLevel_SameLevelTwice_LastWins()
    {
        var policy = Minimal()
            .ForLevel("High", new LevelStaffing())
            .ForLevel("High", new LevelStaffing { Workloads = new[] { Delivery() } })
            .Build();

        policy.Levels.Should().HaveCount(1);
        policy.ForLevel(Scale["High"])!.Workloads.Should().HaveCount(1);
    }

    [Fact]
    public void Build_WorkloadListChangedAfterwards_PolicyUnchanged()
    {
        var workloads = new[] { Delivery() };
        var policy = Minimal().ForLevel("High", new LevelStaffing { Workloads = workloads }).Build();

        workloads[0] = null!;

        policy.ForLevel(Scale["High"])!.Workloads[0].Should().NotBeNull();
    }

    [Fact]
    public void Workload_RoleFollowsKind()
    {
        new[] { WorkKind.Delivery, WorkKind.TemperatureCheck, WorkKind.WasteCollection, WorkKind.Patrol, WorkKind.Disinfection, WorkKind.GridWork, WorkKind.ScreeningSupport }
            .Select(k => new Workload { Kind = k, Basis = WorkloadBasis.PerHousehold, TimesPerDay = 1, TimeEach = Duration.FromMinutes(1) }.Role)
            .Should().Equal(StaffingRole.DoorToDoor, StaffingRole.DoorToDoor, StaffingRole.DoorToDoor, StaffingRole.Patrol, StaffingRole.Disinfection, StaffingRole.GridWork, StaffingRole.ScreeningSupport);
    }

    [Fact]
    public void GateRules_Yangling2020_FourOnDutyAroundTheClockWithSource()
    {
        var rule = GateRule.Yangling2020(GateCheckMethod.ManualRegistration, ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20)));

        rule.MinimumOnDuty.Should().Be(4);
        rule.StaffedFrom.Should().Be(rule.StaffedUntil, "staffed 24 h");
        rule.Source.Should().Contain("Yangling").And.Contain("S29");
        rule.ToString().Should().Be("ManualRegistration, 80 % within 20 s, minimum 4 on duty, staffed 24 h");
    }

    [Fact]
    public void WorkLimits_None_LimitsNothing()
    {
        WorkLimits.None.ToString().Should().Be("no limits");
        new WorkLimits { MaxHoursPerDay = 12, MaxHoursPerWeek = 60, MaxNightShiftsPerWeek = 3, MinimumRest = Duration.FromHours(11) }
            .ToString().Should().Be("≤ 12 h/day, ≤ 60 h/week, ≤ 3 night shifts/week, rest ≥ 11 h");
    }

    private static Workload Delivery() => new() { Kind = WorkKind.Delivery, Basis = WorkloadBasis.PerHousehold, TimesPerDay = 1, TimeEach = Duration.FromMinutes(4) };

    private static StaffingPolicyBuilder Minimal()
        => new StaffingPolicyBuilder(Scale).WithShifts(ShiftPattern.TwoTwelveHour(new LocalTime(8, 0), Duration.Zero));
}
