using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CommunityControl.Staffing;
using FluentAssertions;
using NodaTime;
using Xunit;
using static CommunityControl.Tests.Staffing.AttendancePlans;

namespace CommunityControl.Tests.Staffing;

public class AttendanceSheetTests
{
    private static readonly SubsidyCalendar Weekends = new() { RestDays = new[] { IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday } };
    private static readonly SubsidyPolicy Policy = SubsidyPolicy.Sichuan2020.WithOvertimeDayRate(150m).WithAllowances(10m, 15m);

    [Fact]
    public void FullAttendance_ActualIsPlanned_AndSubsidiesMatchThePlanBasedStatements()
    {
        var plan = Week();
        var sheet = AttendanceSheet.Create(plan, Exactly(plan, plan.Assignments), Shanghai);

        sheet.Shifts.Should().HaveCount(plan.Assignments.Count).And.OnlyContain(s => s.IsWorked && !s.MissingClockOut);
        sheet.ActualHours.Should().BeApproximately(sheet.PlannedHours, 1e-9);
        sheet.PlannedHours.Should().Be(14 * 12.5, "7 days × 2 shifts × (12 h + 30 min handover)");
        sheet.UnplannedHours.Should().BeApproximately(0, 1e-9);

        var actual = sheet.Subsidies(Policy, plan.Period, Weekends);
        var planned = SubsidyStatement.CalculateAll(Policy, plan, plan.Period, Weekends);
        actual.Select(s => (s.Person, s.Total, s.Days.Count)).Should().Equal(planned.Select(s => (s.Person, s.Total, s.Days.Count)));
        actual.SelectMany(s => s.Days).Select(d => d.Explain()).Should().Equal(planned.SelectMany(s => s.Days).Select(d => d.Explain()));
    }

    [Fact]
    public void Absence_RemovesExactlyThatDayFromTheStatement()
    {
        // The person on Saturday's day shift does not come: Saturday is High (70) + rest day (150) + transport 10 + meal 15 = 245.
        var plan = Week();
        var saturday = plan.Assignments.Single(a => a.Date == Monday.PlusDays(5) && a.Shift.Start == new LocalTime(8, 0));
        var sheet = AttendanceSheet.Create(plan, Exactly(plan, plan.Assignments.Where(a => !Same(a, saturday))), Shanghai);

        sheet.AbsentShifts.Should().Be(1);
        sheet.Shifts.Single(s => Same(s.Assignment, saturday)).IsWorked.Should().BeFalse();
        var planned = SubsidyStatement.Calculate(Policy, plan, saturday.Person, plan.Period, Weekends);
        var actual = sheet.Subsidies(Policy, plan.Period, Weekends).Single(s => s.Person == saturday.Person);
        planned.Total.Should().BeGreaterThan(0);
        (planned.Total - actual.Total).Should().Be(245m);
        actual.Days.Select(d => d.Date).Should().NotContain(Monday.PlusDays(5));
    }

    [Fact]
    public void MissingClockOut_CountsNoHours_UntilACorrectionIsRecorded()
    {
        var plan = Week(1);
        var day = plan.Assignments.Single(a => a.Shift.Start == new LocalTime(8, 0));
        var records = new List<AttendanceRecord> { In(day.Person, Start(day)) };

        var sheet = AttendanceSheet.Create(plan, records, Shanghai);

        var shift = sheet.Shifts.Single(s => Same(s.Assignment, day));
        shift.ActualHours.Should().Be(0);
        shift.MissingClockOut.Should().BeTrue();
        sheet.MissingClockOuts.Should().Be(1);
        sheet.Subsidies(Policy, plan.Period, Weekends).Should().NotContain(s => s.Person == day.Person, "a day with no complete session is not a day worked");

        records.Add(Out(day.Person, At(Monday, 20, 30), "correction-by-supervisor-1"));
        var corrected = AttendanceSheet.Create(plan, records, Shanghai);
        corrected.Shifts.Single(s => Same(s.Assignment, day)).ActualHours.Should().Be(12.5);
        corrected.MissingClockOuts.Should().Be(0);
    }

    [Fact]
    public void OverlappingRecords_AreCountedOnce()
    {
        // Two devices: clock-ins at 07:58 and 08:01, clock-outs at 20:20 and 20:25. One session 07:58–20:25.
        var plan = Week(1);
        var day = plan.Assignments.Single(a => a.Shift.Start == new LocalTime(8, 0));
        var p = day.Person;
        var records = new[] { In(p, At(Monday, 7, 58)), In(p, At(Monday, 8, 1)), Out(p, At(Monday, 20, 20)), Out(p, At(Monday, 20, 25)) };

        var sheet = AttendanceSheet.Create(plan, records, Shanghai);

        sheet.Shifts.Single(s => Same(s.Assignment, day)).ActualHours.Should().BeApproximately(12 + (25.0 / 60), 1e-9);
        sheet.RepeatedRecords.Should().Be(2);
        sheet.UnplannedHours.Should().BeApproximately(2.0 / 60, 1e-9, "07:58–08:00 is outside the shift");
    }

    [Fact]
    public void NightShiftAcrossMidnight_CountsForTheDayItStarts()
    {
        // Monday night shift 20:00–08:00 (+30 min handover): clock-in 20:00 Monday, clock-out 08:30 Tuesday.
        var plan = Week(2);
        var night = plan.Assignments.Single(a => a.Date == Monday && a.Shift.Start == new LocalTime(20, 0));
        var records = new[] { In(night.Person, At(Monday, 20)), Out(night.Person, At(Monday.PlusDays(1), 8, 30)) };

        var sheet = AttendanceSheet.Create(plan, records, Shanghai);

        sheet.Shifts.Single(s => Same(s.Assignment, night)).ActualHours.Should().Be(12.5);
        var statement = sheet.Subsidies(Policy, plan.Period, Weekends).Single(s => s.Person == night.Person);
        statement.Days.Should().ContainSingle().Which.Date.Should().Be(Monday);
        statement.Days[0].PaidHours.Should().Be(12.5);
    }

    [Fact]
    public void TimeOutsideThePaidWindow_IsUnplannedAndNotPaid()
    {
        var plan = Week(1);
        var day = plan.Assignments.Single(a => a.Shift.Start == new LocalTime(8, 0));
        var records = new[] { In(day.Person, At(Monday, 7)), Out(day.Person, At(Monday, 21)) };

        var sheet = AttendanceSheet.Create(plan, records, Shanghai);

        sheet.Shifts.Single(s => Same(s.Assignment, day)).ActualHours.Should().Be(12.5);
        sheet.UnplannedHours.Should().BeApproximately(1.5, 1e-9, "07:00–08:00 and 20:30–21:00");
    }

    [Fact]
    public void SessionLongerThanTheLimit_HasNoClockOut()
    {
        // By default no session outlasts the longest paid shift (12.5 h) plus 4 h: a 17 h session's clock-out is stray,
        // unless the caller allows longer sessions.
        var plan = Week(1);
        var day = plan.Assignments.Single(a => a.Shift.Start == new LocalTime(8, 0));
        var records = new[] { In(day.Person, At(Monday, 7)), Out(day.Person, At(Monday.PlusDays(1), 0)) };

        var sheet = AttendanceSheet.Create(plan, records, Shanghai);

        sheet.ActualHours.Should().Be(0);
        sheet.StrayClockOuts.Should().Be(1);
        sheet.MissingClockOuts.Should().Be(1);
        AttendanceSheet.Create(plan, records, Shanghai, Duration.FromHours(18)).Shifts.Single(s => Same(s.Assignment, day)).ActualHours.Should().Be(12.5);
        FluentActions.Invoking(() => AttendanceSheet.Create(plan, records, Shanghai, Duration.Zero)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("longestSession");
    }

    [Theory]
    [InlineData(990, true)] // 16 h 30 min after the first clock-in (12 h shift + 30 min handover + 4 h): the longest session, so a repeat
    [InlineData(991, false)] // one minute later: a new session; the first has no clock-out
    public void SecondClockIn_AtTheLongestSessionEdge(int minutesLater, bool repeat)
    {
        var plan = Week(2);
        var day = plan.Assignments.Single(a => a.Date == Monday && a.Shift.Start == new LocalTime(8, 0));
        var first = At(Monday, 8);
        var records = new[] { In(day.Person, first), In(day.Person, first + Duration.FromMinutes(minutesLater)) };

        var sheet = AttendanceSheet.Create(plan, records, Shanghai);

        sheet.RepeatedRecords.Should().Be(repeat ? 1 : 0);
        sheet.MissingClockOuts.Should().Be(repeat ? 1 : 2);
    }

    [Fact]
    public void StrayClockOut_IsIgnored()
    {
        var plan = Week(1);
        var day = plan.Assignments.Single(a => a.Shift.Start == new LocalTime(8, 0));

        var sheet = AttendanceSheet.Create(plan, new[] { Out(day.Person, At(Monday, 20, 30)) }, Shanghai);

        sheet.StrayClockOuts.Should().Be(1);
        sheet.ActualHours.Should().Be(0);
    }

    [Theory]
    [InlineData(20, 30, OvertimeReason.Hours)] // 12.5 h worked > 12 regular hours
    [InlineData(20, 0, OvertimeReason.None)] // exactly 12 h: not beyond the regular hours
    public void RegularHours_AreReadAgainstActualHours(int outHour, int outMinute, OvertimeReason expected)
    {
        var plan = Week(1);
        var day = plan.Assignments.Single(a => a.Shift.Start == new LocalTime(8, 0));
        var records = new[] { In(day.Person, At(Monday, 8)), Out(day.Person, At(Monday, outHour, outMinute)) };

        var statement = AttendanceSheet.Create(plan, records, Shanghai).Subsidies(Policy, plan.Period, new SubsidyCalendar { RegularHoursPerDay = 12 }).Single();

        statement.Days.Single().OvertimeReason.Should().Be(expected);
    }

    [Fact]
    public void RandomRecords_OrderDoesNotMatter_AndNoHoursAreCountedTwice()
    {
        var plan = Week(3);
        var random = new Random(14);
        for (var round = 0; round < 50; round++)
        {
            var records = new List<AttendanceRecord>();
            for (var i = 0; i < 12; i++)
            {
                var person = plan.Workforce[random.Next(2)].Id;
                var at = At(Monday, 0) + Duration.FromMinutes(random.Next(4 * 24 * 60));
                records.Add(random.Next(2) == 0 ? In(person, at, $"r{i}") : Out(person, at, $"r{i}"));
            }

            var sheet = AttendanceSheet.Create(plan, records, Shanghai);
            var shuffled = AttendanceSheet.Create(plan, records.OrderBy(_ => random.Next()).ToList(), Shanghai);

            shuffled.Shifts.Select(s => s.ActualHours).Should().Equal(sheet.Shifts.Select(s => s.ActualHours));
            sheet.Shifts.Should().OnlyContain(s => s.ActualHours <= s.PlannedHours + 1e-9);
            foreach (var person in plan.Workforce.Select(m => m.Id))
            {
                // Brute force: the minutes of the person's complete sessions that fall in some planned window.
                var covered = BruteForceMinutes(plan, records.Where(r => r.Person == person).ToList(), person);
                sheet.Shifts.Where(s => s.Person == person).Sum(s => s.ActualHours).Should().BeApproximately(covered / 60.0, 1e-6);
            }
        }
    }

    [Fact]
    public void Describe_SpeaksChineseAndEnglish()
    {
        var plan = Week(1);
        var sheet = AttendanceSheet.Create(plan, Exactly(plan, plan.Assignments.Take(1)), Shanghai);

        sheet.Describe(CultureInfo.GetCultureInfo("zh-CN")).Should().Be("出勤：计划 25 小时，实际 12.5 小时（50%）；1 个班次缺勤（共 2 个）；缺少签退 0 次；无效签退 0 次；重复打卡 0 次；计划外 0 小时不计补贴。");
        sheet.Describe(CultureInfo.GetCultureInfo("en-GB")).Should().Be("Attendance: 25 h planned, 12.5 h worked (50%); 1 of 2 shifts absent; 0 missing clock-out(s); 0 stray clock-out(s); 0 repeated record(s); 0 h outside planned shifts, not paid.");
        sheet.ToString().Should().NotContain("cw-0");
    }

    [Fact]
    public void Create_NullArguments_ThrowArgumentNullException()
    {
        var plan = Week(1);

        FluentActions.Invoking(() => AttendanceSheet.Create(null!, Array.Empty<AttendanceRecord>(), Shanghai)).Should().Throw<ArgumentNullException>().WithParameterName("plan");
        FluentActions.Invoking(() => AttendanceSheet.Create(plan, new AttendanceRecord[] { null! }, Shanghai)).Should().Throw<ArgumentNullException>().WithParameterName("records");
        FluentActions.Invoking(() => AttendanceSheet.Create(plan, Array.Empty<AttendanceRecord>(), null!)).Should().Throw<ArgumentNullException>().WithParameterName("timeZone");
        FluentActions.Invoking(() => AttendanceSheet.Create(plan, Array.Empty<AttendanceRecord>(), Shanghai).Subsidies(SubsidyPolicy.Sichuan2020, null!, Weekends)).Should().Throw<ArgumentNullException>().WithParameterName("period");
    }

    private static bool Same(ShiftAssignment a, ShiftAssignment b) => a.Person == b.Person && a.Date == b.Date && a.Shift.Start == b.Shift.Start;

    /// <summary>Minute by minute: pairs records by the documented rules the slow way and counts covered minutes, each once.</summary>
    private static int BruteForceMinutes(StaffingPlan plan, List<AttendanceRecord> records, PersonId person)
    {
        var longest = Duration.FromMinutes(990);
        var working = new HashSet<Instant>();
        var sorted = records.OrderBy(r => r.At).ThenBy(r => r.Kind).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            if (sorted[i].Kind != AttendanceKind.ClockIn || (i > 0 && IsRepeat(sorted, i, longest)))
            {
                continue;
            }

            // The session's clock-out: the last clock-out within the longest length before a clock-in that is not a repeat.
            Instant? end = null;
            for (var j = i + 1; j < sorted.Count && sorted[j].At - sorted[i].At <= longest; j++)
            {
                if (sorted[j].Kind == AttendanceKind.ClockIn && (end is not null || !IsRepeat(sorted, j, longest)))
                {
                    break;
                }

                if (sorted[j].Kind == AttendanceKind.ClockOut)
                {
                    end = sorted[j].At;
                }
            }

            for (var t = sorted[i].At; end is { } e && t < e; t += Duration.FromMinutes(1))
            {
                working.Add(t);
            }
        }

        var windows = plan.AssignmentsOf(person).Select(a => (Start: Start(a), End: Start(a) + Duration.FromMinutes(750))).ToList();
        return working.Count(t => windows.Any(w => t >= w.Start && t < w.End));
    }

    private static bool IsRepeat(List<AttendanceRecord> sorted, int i, Duration longest)
    {
        // A clock-in is a repeat when the nearest earlier clock-in that opened a session is within the longest length
        // and no clock-out came between.
        for (var k = i - 1; k >= 0; k--)
        {
            if (sorted[k].Kind == AttendanceKind.ClockOut)
            {
                return false;
            }

            if (!IsRepeat(sorted, k, longest) || k == 0)
            {
                return sorted[i].At - sorted[k].At <= longest;
            }
        }

        return false;
    }
}
