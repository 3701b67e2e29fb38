using System;
using System.Linq;
using CommunityControl.Staffing;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Staffing;

public class ShiftPatternTests
{
    [Fact]
    public void ThreeEightHour_From0800_HasDayEveningNightWithNightCovering0300()
    {
        var pattern = ShiftPattern.ThreeEightHour(new LocalTime(8, 0), Duration.FromMinutes(15));

        pattern.Shifts.Select(s => s.ToString()).Should().Equal("Day 08:00–16:00", "Evening 16:00–00:00", "Night 00:00–08:00 (night)");
        pattern.PaidHours(0).Should().Be(8.25);
        pattern.ToString().Should().Be("Day 08:00–16:00, Evening 16:00–00:00, Night 00:00–08:00 (night); handover 15 min");
    }

    [Fact]
    public void ThreeEightHour_From2300_NightIsTheFirstShift()
    {
        // Xichuan's checkpoints ran 3 shifts with a night shift 23:00–06:00 (cn-policy.md §3, S29c); an 8 h pattern from 23:00.
        var pattern = ShiftPattern.ThreeEightHour(new LocalTime(23, 0), Duration.Zero);

        pattern.Shifts[0].IsNight.Should().BeTrue("the shift covering 03:00 is the night shift");
        pattern.Shifts[0].ToString().Should().Be("Night 23:00–07:00 (night)");
        pattern.Shifts.Count(s => s.IsNight).Should().Be(1);
    }

    [Fact]
    public void TwoTwelveHour_From0830_MatchesWuhanCadreDutyHours()
    {
        // Wuhan's deployed cadres were on duty 08:30–20:30 (cn-policy.md §3, S24b).
        var pattern = ShiftPattern.TwoTwelveHour(new LocalTime(8, 30), Duration.FromMinutes(30));

        pattern.Shifts.Select(s => s.ToString()).Should().Equal("Day 08:30–20:30", "Night 20:30–08:30 (night)");
        pattern.PaidHours(1).Should().Be(12.5);
    }

    [Fact]
    public void Create_GapAndWrongTotal_ReportsEveryProblem()
    {
        var act = () => ShiftPattern.Create(
            new[]
            {
                new ShiftDefinition("Morning", new LocalTime(6, 0), Duration.FromHours(8), false),
                new ShiftDefinition("Late", new LocalTime(15, 0), Duration.FromHours(8), false),
            },
            Duration.FromHours(9));

        act.Should().Throw<ModelValidationException>()
            .Which.Failures.Should().HaveCount(3)
            .And.Contain(f => f.Contains("must start at 14:00", StringComparison.Ordinal))
            .And.Contain(f => f.Contains("add up to 16 h", StringComparison.Ordinal))
            .And.Contain(f => f.StartsWith("handover", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_DuplicateNames_Rejected()
    {
        var act = () => ShiftPattern.Create(
            new[]
            {
                new ShiftDefinition("A", new LocalTime(0, 0), Duration.FromHours(12), true),
                new ShiftDefinition("A", new LocalTime(12, 0), Duration.FromHours(12), false),
            },
            Duration.Zero);

        act.Should().Throw<ModelValidationException>().WithMessage("*'A' is used twice*");
    }

    [Fact]
    public void Create_CustomTiling_Accepted()
    {
        var pattern = ShiftPattern.Create(
            new[]
            {
                new ShiftDefinition("Long day", new LocalTime(7, 0), Duration.FromHours(14), false),
                new ShiftDefinition("Short night", new LocalTime(21, 0), Duration.FromHours(10), true),
            },
            Duration.Zero);

        pattern.Shifts[1].End.Should().Be(new LocalTime(7, 0));
    }

    [Fact]
    public void TwoTwelveHour_HandoverAsLongAsShift_ThrowsNamingHandover()
    {
        var act = () => ShiftPattern.TwoTwelveHour(new LocalTime(8, 0), Duration.FromHours(12));

        act.Should().Throw<ArgumentException>().WithParameterName("handover");
    }

    [Fact]
    public void PaidHours_OutOfRange_Throws()
    {
        var act = () => ShiftPattern.TwoTwelveHour(new LocalTime(8, 0), Duration.Zero).PaidHours(2);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
