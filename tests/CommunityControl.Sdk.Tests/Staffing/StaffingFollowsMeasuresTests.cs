using System;
using System.Linq;
using CommunityControl.Measures;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Staffing;

/// <summary>
/// Staffing read together with the level's measures: gates that closed management keeps open, night closures, and
/// door-to-door work where stay-home is in force (so an edition change edits the measure table only).
/// </summary>
public class StaffingFollowsMeasuresTests
{
    private static readonly RiskScale Scale = RiskScales.ChinaLowMediumHigh;
    private static readonly LocalDate Monday = new(2020, 2, 10);
    private static readonly DateInterval OneDay = new(Monday, Monday);

    // 100 checks an hour per 100 households, every hour: 600 households → 600 checks an hour over the open gates.
    private static readonly GateArrivals Flat = new(ArrivalProfile.PerHundredHouseholds("flat", Enumerable.Repeat(100.0, 24)));

    private static readonly GateRule Gate = new()
    {
        Check = GateCheckMethod.CodeScan,
        Target = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20)),
        MinimumOnDuty = 2,
    };

    private static readonly Workload Delivery = new()
    {
        Kind = WorkKind.Delivery, Basis = WorkloadBasis.PerHousehold, TimesPerDay = 1, TimeEach = Duration.FromMinutes(6),
        From = new LocalTime(8, 0), Until = new LocalTime(16, 0),
    };

    [Fact]
    public void Calculate_ClosedManagementKeepsOneGateOpen_StaffsOneGateCarryingAllTraffic()
    {
        var threeGates = Compound(gates: 3);
        var measures = Table("Medium", new MeasureSet { ClosedManagement = new ClosedManagement { OpenGates = 1 } });

        var unbound = Plan(Policy(), threeGates, "Medium");
        var bound = Plan(Policy().WithMeasures(measures), threeGates, "Medium");
        var oneGate = Plan(Policy(), Compound(gates: 1), "Medium");

        unbound.Requirements.Should().OnlyContain(r => r.Gates == 3 && r.PeakChecksPerGate == 200);
        bound.Requirements.Should().OnlyContain(r => r.Gates == 1 && r.PeakChecksPerGate == 600);

        // Brute force: the same as a compound that has only the one gate.
        bound.Requirements.Select(r => (r.Shift.Name, r.RequiredPeople, r.PersonHours))
            .Should().Equal(oneGate.Requirements.Select(r => (r.Shift.Name, r.RequiredPeople, r.PersonHours)));
    }

    [Fact]
    public void Calculate_OpenGatesAboveThePhysicalGates_StaffsThePhysicalGates()
    {
        var measures = Table("Medium", new MeasureSet { ClosedManagement = new ClosedManagement { OpenGates = 5 } });

        var plan = Plan(Policy().WithMeasures(measures), Compound(gates: 2), "Medium");

        plan.Requirements.Should().OnlyContain(r => r.Gates == 2);
    }

    [Fact]
    public void Calculate_NightClosureOverAWholeShift_LeavesThatShiftUnstaffed()
    {
        // Three 8-hour shifts from midnight; the gates are shut 00:00–08:00 (a night closure, cn-policy §2 [S38]).
        var measures = Table("Medium", new MeasureSet { NightClosure = new NightClosure { Start = LocalTime.Midnight, End = new LocalTime(8, 0) } });

        var unbound = Plan(Policy(), Compound(gates: 1), "Medium");
        var bound = Plan(Policy().WithMeasures(measures), Compound(gates: 1), "Medium");

        unbound.Requirements.Select(r => r.Shift.Start).Should().Equal(LocalTime.Midnight, new LocalTime(8, 0), new LocalTime(16, 0));
        bound.Requirements.Select(r => r.Shift.Start).Should().Equal(new LocalTime(8, 0), new LocalTime(16, 0));
    }

    [Fact]
    public void Calculate_NightClosureWithAGuardAroundTheClock_KeepsTheMinimumOnDutyWithNoTraffic()
    {
        // Wuhan 2020-02-14: one gate, staffed 24 h (cn-policy §2 [S15]); the closure stops ordinary traffic, not the guard.
        var measures = Table("Medium", new MeasureSet
        {
            ClosedManagement = new ClosedManagement { OpenGates = 1, StaffedAroundTheClock = true },
            NightClosure = new NightClosure { Start = LocalTime.Midnight, End = new LocalTime(8, 0) },
        });

        var plan = Plan(Policy().WithMeasures(measures), Compound(gates: 1), "Medium");

        var night = plan.Requirements.Single(r => r.Shift.Start == LocalTime.Midnight);
        night.RequiredPeople.Should().Be(2);
        night.PeakChecksPerGate.Should().Be(0);
        night.Binding.Should().Be(StaffingConstraint.MinimumOnDuty);
        plan.Requirements.Should().HaveCount(3);
    }

    [Fact]
    public void Calculate_NightClosureWithExemptPurposes_KeepsTheMinimumOnDuty()
    {
        var measures = Table("Medium", new MeasureSet
        {
            NightClosure = new NightClosure { Start = LocalTime.Midnight, End = new LocalTime(8, 0), ExemptPurposes = new[] { OutingPurpose.MedicalCare } },
        });

        var plan = Plan(Policy().WithMeasures(measures), Compound(gates: 1), "Medium");

        var night = plan.Requirements.Single(r => r.Shift.Start == LocalTime.Midnight);
        night.RequiredPeople.Should().Be(2);
        night.PeakChecksPerGate.Should().Be(0);
    }

    [Fact]
    public void Calculate_CurfewThatLetsResidentsIn_LeavesTheGateAsTheTableSays()
    {
        // ClosesEntries = false: exits are refused, entries still pass, so the gate still checks its traffic.
        var measures = Table("Medium", new MeasureSet { NightClosure = new NightClosure { Start = LocalTime.Midnight, End = new LocalTime(8, 0), ClosesEntries = false } });

        var unbound = Plan(Policy(), Compound(gates: 1), "Medium");
        var bound = Plan(Policy().WithMeasures(measures), Compound(gates: 1), "Medium");

        bound.Requirements.Select(r => (r.RequiredPeople, r.PeakChecksPerGate)).Should().Equal(unbound.Requirements.Select(r => (r.RequiredPeople, r.PeakChecksPerGate)));
    }

    [Fact]
    public void Calculate_DoorToDoorWork_IsDoneWhereStayHomeIsInForceOnly()
    {
        // 600 households × 6 min = 60 h of deliveries, all in the 08:00–16:00 shift → ⌈60 / 8⌉ = 8 people.
        var highIsSealed = Table("High", new MeasureSet { StayHome = new StayHome() });
        var policy = Policy(doorToDoor: Delivery).WithMeasures(highIsSealed);

        var medium = Plan(policy, Compound(gates: 1), "Medium");
        var high = Plan(policy, Compound(gates: 1), "High");

        medium.Requirements.Should().NotContain(r => r.Role == StaffingRole.DoorToDoor);
        var delivery = high.Requirements.Single(r => r.Role == StaffingRole.DoorToDoor);
        delivery.RequiredPeople.Should().Be(8);
        delivery.WorkHours.Should().BeApproximately(60, 1e-9);
    }

    [Fact]
    public void Calculate_EditionMovesStayHomeToMedium_StaffingTableUnchanged_DoorToDoorFollows()
    {
        var mediumIsSealed = Table("Medium", new MeasureSet { StayHome = new StayHome() });
        var policy = Policy(doorToDoor: Delivery);

        var plan = Plan(policy.WithMeasures(mediumIsSealed), Compound(gates: 1), "Medium");

        plan.Requirements.Should().ContainSingle(r => r.Role == StaffingRole.DoorToDoor).Which.RequiredPeople.Should().Be(8);
    }

    [Fact]
    public void Calculate_LevelsOwnDoorToDoorLineWithoutStayHome_IsNotDoneOnceBound()
    {
        var policy = new StaffingPolicyBuilder(Scale)
            .WithShifts(ShiftPattern.ThreeEightHour(LocalTime.Midnight, Duration.Zero))
            .WithCheckTime(GateCheckMethod.CodeScan, Duration.FromSeconds(10))
            .ForLevel("Medium", new LevelStaffing { Gate = Gate, Workloads = new[] { Delivery } })
            .Build();
        var noStayHome = Table("Medium", new MeasureSet { ClosedManagement = new ClosedManagement() });

        var unbound = Plan(policy, Compound(gates: 1), "Medium");
        var bound = Plan(policy.WithMeasures(noStayHome), Compound(gates: 1), "Medium");

        unbound.Requirements.Should().Contain(r => r.Role == StaffingRole.DoorToDoor);
        bound.Requirements.Should().NotContain(r => r.Role == StaffingRole.DoorToDoor);
    }

    [Fact]
    public void Calculate_DoorToDoorWithoutMeasures_IsDoneNowhere()
    {
        var plan = Plan(Policy(doorToDoor: Delivery), Compound(gates: 1), "High");

        plan.Requirements.Should().NotContain(r => r.Role == StaffingRole.DoorToDoor);
    }

    [Fact]
    public void WithMeasures_OtherScale_ThrowsNamingTheArgument()
    {
        var other = new MeasureTableBuilder(RiskScales.ChinaThreeZones).Build();

        FluentActions.Invoking(() => Policy().WithMeasures(other))
            .Should().Throw<ArgumentException>().WithParameterName("measures");
    }

    [Fact]
    public void WithMeasures_NullOrTheSameTable_GivesTheTableAloneOrTheSamePolicy()
    {
        var table = Table("High", new MeasureSet { StayHome = new StayHome() });
        var bound = Policy().WithMeasures(table);

        bound.WithMeasures(table).Should().BeSameAs(bound);
        bound.WithMeasures(null).Measures.Should().BeNull();
    }

    [Fact]
    public void Build_DoorToDoorOfAnotherRole_IsRejectedWithItsPath()
    {
        var patrol = new Workload { Kind = WorkKind.Patrol, Basis = WorkloadBasis.PerBuilding, TimesPerDay = 1, TimeEach = Duration.FromMinutes(20) };

        FluentActions.Invoking(() => new StaffingPolicyBuilder(Scale).WithShifts(ShiftPattern.TwoTwelveHour(new LocalTime(8, 0), Duration.Zero)).WithDoorToDoor(patrol).Build())
            .Should().Throw<ModelValidationException>().Which.Failures.Should().Contain(f => f.Contains("doorToDoor[0].kind", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_DoorToDoor_IsReadAndWrittenBack()
    {
        const string json = """
            {
              "scale": "cn-low-medium-high",
              "shifts": { "preset": "TwoTwelveHour", "firstStart": "08:00" },
              "doorToDoor": [ { "kind": "Delivery", "basis": "PerHousehold", "timesPerDay": 1, "minutesEach": 6, "from": "08:00", "until": "16:00" } ]
            }
            """;

        var policy = StaffingPolicyJson.Parse(json, Scale);
        var back = StaffingPolicyJson.Parse(StaffingPolicyJson.ToJson(policy), Scale);

        policy.DoorToDoor.Should().ContainSingle().Which.Kind.Should().Be(WorkKind.Delivery);
        back.DoorToDoor.Should().BeEquivalentTo(policy.DoorToDoor);
    }

    [Fact]
    public void Json_DoorToDoorOfAnotherRole_IsAProblemAtItsPath()
    {
        const string json = """
            {
              "scale": "cn-low-medium-high",
              "shifts": { "preset": "TwoTwelveHour", "firstStart": "08:00" },
              "doorToDoor": [ { "kind": "Patrol", "basis": "PerBuilding", "timesPerDay": 1, "minutesEach": 20 } ]
            }
            """;

        FluentActions.Invoking(() => StaffingPolicyJson.Parse(json, Scale))
            .Should().Throw<DocumentFormatException>().Which.Problems.Should().Contain(p => p.Path == "$.doorToDoor[0].kind");
    }

    private static ZoneTree Compound(int gates)
        => new ZoneTreeBuilder()
            .Add("c", ZoneKind.Compound, "c", gates: gates)
            .Add("c-b1", ZoneKind.Building, "b1", parent: "c", households: 600, residents: 1200)
            .Build();

    private static StaffingPolicy Policy(params Workload[] doorToDoor)
        => new StaffingPolicyBuilder(Scale)
            .WithShifts(ShiftPattern.ThreeEightHour(LocalTime.Midnight, Duration.Zero))
            .WithCheckTime(GateCheckMethod.CodeScan, Duration.FromSeconds(10))
            .ForLevel("Medium", new LevelStaffing { Gate = Gate })
            .ForLevel("High", new LevelStaffing { Gate = Gate })
            .WithDoorToDoor(doorToDoor)
            .Build();

    private static MeasureTable Table(string level, MeasureSet measures) => new MeasureTableBuilder(Scale).At(level, measures).Build();

    private static StaffingPlan Plan(StaffingPolicy policy, ZoneTree tree, string level)
        => policy.Calculate(RiskSnapshot.Uniform(tree, Monday, Scale, Scale[level]), Flat, Workforce.Empty, OneDay);
}
