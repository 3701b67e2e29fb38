using System;
using CommunityControl.Staffing;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Staffing;

public class ServiceTargetTests
{
    [Fact]
    public void ForServiceLevel_Defaults_NoCapNoShrinkage()
    {
        var target = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20));

        target.ServiceLevel.Should().Be(0.8);
        target.AnswerWithin.Should().Be(Duration.FromSeconds(20));
        target.MaximumAverageWait.Should().BeNull();
        target.MaximumOccupancy.Should().Be(1);
        target.Shrinkage.Should().Be(0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1.2)]
    [InlineData(double.NaN)]
    public void ForServiceLevel_ShareOutOfRange_ThrowsNamingShare(double share)
    {
        var act = () => ServiceTarget.ForServiceLevel(share, Duration.FromSeconds(20));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(share));
    }

    [Fact]
    public void ForServiceLevel_NegativeAnswerTime_ThrowsNamingWithin()
    {
        var act = () => ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(-1));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("within");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1.01)]
    public void ForServiceLevel_OccupancyOutOfRange_ThrowsNamingIt(double occupancy)
    {
        var act = () => ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20), maximumOccupancy: occupancy);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maximumOccupancy");
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1)]
    public void ForAverageWait_ShrinkageOutOfRange_ThrowsNamingIt(double shrinkage)
    {
        var act = () => ServiceTarget.ForAverageWait(Duration.FromSeconds(60), shrinkage: shrinkage);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(shrinkage));
    }

    [Fact]
    public void ForAverageWait_Zero_ThrowsNamingIt()
    {
        var act = () => ServiceTarget.ForAverageWait(Duration.Zero);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maximumAverageWait");
    }

    [Fact]
    public void WithMaximumAverageWait_KeepsTheRest()
    {
        var target = ServiceTarget.ForServiceLevel(0.9, Duration.FromSeconds(30), 0.85, 0.2).WithMaximumAverageWait(Duration.FromSeconds(15));

        target.ServiceLevel.Should().Be(0.9);
        target.MaximumOccupancy.Should().Be(0.85);
        target.Shrinkage.Should().Be(0.2);
        target.MaximumAverageWait.Should().Be(Duration.FromSeconds(15));
        target.ToString().Should().Be("90 % within 30 s, average wait ≤ 15 s, occupancy ≤ 85 %, shrinkage 20 %");
    }
}
