using System.Collections.Generic;
using System.Linq;
using CommunityControl.Risk;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;

namespace CommunityControl.Tests.Staffing;

/// <summary>Small plans and clock records for the attendance tests.</summary>
internal static class AttendancePlans
{
    public static readonly RiskScale Scale = RiskScales.ChinaLowMediumHigh;
    public static readonly LocalDate Monday = new(2020, 2, 10);
    public static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    /// <summary>A gate staffed 24 h on 2 × 12 h shifts from 08:00 with 30 min handover, Medium Mon–Thu and High Fri–Sun, two community workers.</summary>
    public static StaffingPlan Week(int days = 7)
    {
        var tree = new ZoneTreeBuilder().Add("c", ZoneKind.Compound, "c", gates: 1).Add("c-b", ZoneKind.Building, "b", parent: "c", households: 50).Build();
        var gate = new GateRule { Check = GateCheckMethod.CodeScan, Target = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20)), MinimumOnDuty = 1 };
        var policy = new StaffingPolicyBuilder(Scale)
            .WithShifts(ShiftPattern.TwoTwelveHour(new LocalTime(8, 0), Duration.FromMinutes(30)))
            .WithCheckTime(GateCheckMethod.CodeScan, Duration.FromSeconds(10))
            .ForLevel("Medium", new LevelStaffing { Gate = gate })
            .ForLevel("High", new LevelStaffing { Gate = gate })
            .Build();
        var snapshots = Enumerable.Range(0, days).Select(i => RiskSnapshot.Uniform(tree, Monday.PlusDays(i), Scale, i < 4 ? Scale["Medium"] : Scale["High"])).ToList();
        var workforce = Workforce.Create(new[]
        {
            new StaffMember { Id = PersonId.From("cw-01"), Source = WorkforceSource.CommunityWorker, Zone = ZoneId.From("c"), HoursPerWeek = 87.5, Duties = StaffingDuties.All },
            new StaffMember { Id = PersonId.From("cw-02"), Source = WorkforceSource.CommunityWorker, Zone = ZoneId.From("c"), HoursPerWeek = 87.5, Duties = StaffingDuties.All },
        });
        var plan = policy.Calculate(snapshots, new GateArrivals(ArrivalProfile.ClosedCompoundIllustrative), workforce);
        plan.Totals().GapPeople.Should().Be(0, "two people cover the two shifts");
        return plan;
    }

    public static Instant At(LocalDate date, int hour, int minute = 0) => Shanghai.AtStrictly(date.At(new LocalTime(hour, minute))).ToInstant();

    public static Instant Start(ShiftAssignment a) => Shanghai.AtStrictly(a.Date.At(a.Shift.Start)).ToInstant();

    public static AttendanceRecord In(PersonId person, Instant at, string? key = null)
        => new() { IdempotencyKey = key ?? $"in-{person.Value}-{at.ToUnixTimeSeconds()}", Person = person, Kind = AttendanceKind.ClockIn, At = at };

    public static AttendanceRecord Out(PersonId person, Instant at, string? key = null)
        => new() { IdempotencyKey = key ?? $"out-{person.Value}-{at.ToUnixTimeSeconds()}", Person = person, Kind = AttendanceKind.ClockOut, At = at };

    /// <summary>A clock-in at each shift's start and a clock-out at the end of its paid window (length + handover).</summary>
    public static List<AttendanceRecord> Exactly(StaffingPlan plan, IEnumerable<ShiftAssignment> assignments)
    {
        var records = new List<AttendanceRecord>();
        foreach (var a in assignments)
        {
            var start = Start(a);
            records.Add(In(a.Person, start));
            records.Add(Out(a.Person, start + a.Shift.Length + plan.Policy.Shifts.Handover));
        }

        return records;
    }
}
