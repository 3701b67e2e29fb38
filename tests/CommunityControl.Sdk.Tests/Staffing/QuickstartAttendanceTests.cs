using System;
using System.IO;
using System.Linq;
using CommunityControl.Samples.Quickstart;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Staffing;

/// <summary>The main job's attendance section: simulated clock records with a few absences, paid for the days actually worked.</summary>
public class QuickstartAttendanceTests
{
    private static readonly Lazy<OutbreakReport> Report = new(() => OutbreakScenario.Run("cn-2022-06-ninth-edition", RepositoryRoot.Combine("samples", "Quickstart")));

    [Fact]
    public void Attendance_PaysLessThanThePlan_ByTheDaysNotWorked()
    {
        var a = Report.Value.Staffing!.Attendance!;

        a.Sheet.AbsentShifts.Should().BeGreaterThan(0);
        a.Sheet.MissingClockOuts.Should().BeGreaterThan(0);
        a.Sheet.RepeatedRecords.Should().BeGreaterThan(0);
        a.Sheet.ActualHours.Should().BeLessThan(a.Sheet.PlannedHours);
        var plannedDays = a.PlannedSubsidies.Where(s => s.IsEligible).Sum(s => s.Days.Count);
        var workedDays = a.Subsidies.Where(s => s.IsEligible).Sum(s => s.Days.Count);
        workedDays.Should().BeLessThan(plannedDays).And.BeGreaterThan(plannedDays * 9 / 10);
        a.Subsidies.Sum(s => s.Total).Should().BeLessThan(a.PlannedSubsidies.Sum(s => s.Total));
        a.Policy.DailyByLevel.Values.Should().BeEquivalentTo(new[] { 30m, 50m, 70m });
    }

    [Theory]
    [InlineData(false, "== 出勤与按实际出勤计发的补贴", "出勤：计划")]
    [InlineData(true, "== Attendance, and subsidies for the days actually worked", "Attendance: ")]
    public void Report_HasTheAttendanceSection_InBothLanguages(bool english, string heading, string summary)
    {
        using var text = new StringWriter();
        new ReportWriter(text, english).Write(Report.Value);

        var lines = text.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var at = lines.FindIndex(l => l.StartsWith(heading, StringComparison.Ordinal));
        at.Should().BeGreaterThan(0);
        lines[at + 1].Should().StartWith(summary);
        var rows = lines.Skip(at + 2).TakeWhile(l => l.Length > 0 && !l.StartsWith("缺勤", StringComparison.Ordinal) && !l.StartsWith("A day", StringComparison.Ordinal)).ToList();
        rows.Should().HaveCountGreaterThan(2);

        // CJK-aligned: every row ends at the same terminal column.
        rows.Select(ReportWriter.DisplayWidth).Distinct().Should().ContainSingle();
    }
}
