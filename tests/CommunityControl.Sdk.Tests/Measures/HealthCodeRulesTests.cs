using System;
using CommunityControl.Measures;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Measures;

public class HealthCodeRulesTests
{
    private static readonly HealthCodeRules Hangzhou = HealthCodeRules.Hangzhou2020;
    private static readonly LocalDate Day0 = new(2020, 2, 11);

    [Theory]
    [InlineData(6, HealthCodeColour.Yellow)]
    [InlineData(7, HealthCodeColour.Green)]
    public void CheckIn_Yellow_TurnsGreenAfterSevenConsecutiveNormalCheckIns_Section6_10(int checkIns, HealthCodeColour expected)
    {
        var state = Hangzhou.Assign(HealthCodeColour.Yellow, Day0);
        for (var i = 1; i <= checkIns; i++)
        {
            state = Hangzhou.CheckIn(state, Day0.PlusDays(i), normal: true);
        }

        state.Colour.Should().Be(expected);
    }

    [Theory]
    [InlineData(13, HealthCodeColour.Red)]
    [InlineData(14, HealthCodeColour.Green)]
    public void CheckIn_Red_TurnsGreenAfterFourteenConsecutiveNormalCheckIns_Section6_10(int checkIns, HealthCodeColour expected)
    {
        var state = Hangzhou.Assign(HealthCodeColour.Red, Day0);
        for (var i = 1; i <= checkIns; i++)
        {
            state = Hangzhou.CheckIn(state, Day0.PlusDays(i), normal: true);
        }

        state.Colour.Should().Be(expected);
    }

    [Fact]
    public void CheckIn_MissedDay_StartsTheCountAgain()
    {
        var state = Hangzhou.Assign(HealthCodeColour.Yellow, Day0);
        for (var i = 1; i <= 6; i++)
        {
            state = Hangzhou.CheckIn(state, Day0.PlusDays(i), normal: true);
        }

        state = Hangzhou.CheckIn(state, Day0.PlusDays(8), normal: true); // day 7 missed

        state.Colour.Should().Be(HealthCodeColour.Yellow);
        state.ConsecutiveNormalCheckIns.Should().Be(1);
    }

    [Fact]
    public void CheckIn_AbnormalDeclaration_StartsTheCountAgain()
    {
        var state = Hangzhou.Assign(HealthCodeColour.Yellow, Day0);
        for (var i = 1; i <= 6; i++)
        {
            state = Hangzhou.CheckIn(state, Day0.PlusDays(i), normal: true);
        }

        state = Hangzhou.CheckIn(state, Day0.PlusDays(7), normal: false);
        state.ConsecutiveNormalCheckIns.Should().Be(0);
        for (var i = 8; i <= 13; i++)
        {
            state = Hangzhou.CheckIn(state, Day0.PlusDays(i), normal: true);
        }

        state.Colour.Should().Be(HealthCodeColour.Yellow, "only 6 normal check-ins since the abnormal one");
        Hangzhou.CheckIn(state, Day0.PlusDays(14), normal: true).Colour.Should().Be(HealthCodeColour.Green);
    }

    [Fact]
    public void CheckIn_FirstCheckInOnTheDayOfAssignment_Counts()
    {
        var state = Hangzhou.Assign(HealthCodeColour.Yellow, Day0);
        for (var i = 0; i < 7; i++)
        {
            state = Hangzhou.CheckIn(state, Day0.PlusDays(i), normal: true);
        }

        state.Colour.Should().Be(HealthCodeColour.Green);
    }

    [Fact]
    public void CheckIn_TwiceOnOneDay_OrUnassigned_Throws()
    {
        var state = Hangzhou.CheckIn(Hangzhou.Assign(HealthCodeColour.Yellow, Day0), Day0.PlusDays(1), true);

        FluentActions.Invoking(() => Hangzhou.CheckIn(state, Day0.PlusDays(1), true)).Should().Throw<ArgumentException>().WithParameterName("date");
        FluentActions.Invoking(() => Hangzhou.CheckIn(default, Day0, true)).Should().Throw<ArgumentException>().WithParameterName("state");
    }

    [Fact]
    public void CheckIn_RedNeedsConfirmation_StaysRedUntilConfirmed()
    {
        var ankang = new HealthCodeRules("ankang-2020", 7, 14, 7, 14, redNeedsConfirmation: true, source: "cn-policy §5 [S34c]");
        var state = ankang.Assign(HealthCodeColour.Red, Day0);
        for (var i = 1; i <= 14; i++)
        {
            state = ankang.CheckIn(state, Day0.PlusDays(i), true);
        }

        state.Colour.Should().Be(HealthCodeColour.Red);
        state.AwaitingConfirmation.Should().BeTrue("the Ankang variant waits for the county's confirmation");
        ankang.Confirm(state, Day0.PlusDays(15)).Colour.Should().Be(HealthCodeColour.Green);
        FluentActions.Invoking(() => Hangzhou.Confirm(state, Day0)).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void IsolationDaysFor_YellowSevenRedFourteen()
    {
        Hangzhou.IsolationDaysFor(HealthCodeColour.Yellow).Should().Be(7);
        Hangzhou.IsolationDaysFor(HealthCodeColour.Red).Should().Be(14);
        Hangzhou.IsolationDaysFor(HealthCodeColour.Green).Should().Be(0);
    }
}
