using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CommunityControl.Editions;
using CommunityControl.Risk;
using FluentAssertions;
using NodaTime;
using Xunit;
using static CommunityControl.Tests.Risk.SmallCity;

namespace CommunityControl.Tests.Risk;

/// <summary>A level says its code: <c>High</c>, <c>Sealed</c>, not <c>Severity 3</c> (issue 12 item 11).</summary>
public class RiskLevelTextTests
{
    [Theory]
    [InlineData("cn-low-medium-high", "Normal")]
    [InlineData("cn-low-medium-high", "Low")]
    [InlineData("cn-low-medium-high", "High")]
    [InlineData("cn-three-zones", "Sealed")]
    [InlineData("cn-community-types", "Transmission")]
    [InlineData("us-cdc-transmission-levels", "Substantial")]
    [InlineData("de-28b-emergency-brake", "Above165")]
    public void ToString_ALevelOfABuiltInScale_IsItsCode(string scale, string code)
    {
        var level = RiskScales.Get(scale)[code];

        level.ToString().Should().Be(code);
        level.ToString("G", CultureInfo.InvariantCulture).Should().Be(code);
        $"{level}".Should().Be(code);
    }

    [Fact]
    public void ToString_TheSameSeverityOnTwoScales_GivesEachScalesCodeAndTheLevelsStayEqual()
    {
        var sealedZone = RiskScales.ChinaThreeZones["Sealed"];
        var high = RiskScales.ChinaLowMediumHigh["High"];

        sealedZone.ToString().Should().Be("Sealed");
        high.ToString().Should().Be("High");
        sealedZone.Should().Be(high, "levels compare by severity; the scale only names them");
        sealedZone.GetHashCode().Should().Be(high.GetHashCode());
        RiskLevel.Max(high, RiskScales.ChinaLowMediumHigh["Low"]).ToString().Should().Be("High");
    }

    [Fact]
    public void ToString_ALevelNoScaleNamed_IsNoneOrSeverity()
    {
        RiskLevel.None.ToString().Should().Be("None");
        RiskLevel.FromSeverity(3).ToString().Should().Be("Severity 3");
        RiskLevel.FromSeverity(3).ToString("D", CultureInfo.InvariantCulture).Should().Be("3");
        RiskScales.ChinaLowMediumHigh["High"].ToString("D", CultureInfo.InvariantCulture).Should().Be("3");
    }

    [Fact]
    public void ToString_ASeverityTheScaleDoesNotName_IsSeverity()
    {
        // The CDC community levels start at Low = 1: severity 0 is not a level of theirs.
        var low = RiskScales.CdcCommunityLevels["Low"];

        RiskScales.CdcCommunityLevels.Describe(RiskLevel.None).Code.Should().Be("None");
        RiskLevel.Min(low, RiskLevel.None).ToString().Should().Be("None");
    }

    [Fact]
    public void ToString_ACustomScale_IsItsCode_AndTheSameScaleCreatedTwiceNamesItAlike()
    {
        RiskLevelDefinition[] Levels() => new[]
        {
            new RiskLevelDefinition(RiskLevel.FromSeverity(1), "Green", "绿", "Green"),
            new RiskLevelDefinition(RiskLevel.FromSeverity(2), "Red", "红", "Red"),
        };

        var first = RiskScale.Create("test-colours", Levels());
        var second = RiskScale.Create("test-colours", Levels());

        first["Red"].ToString().Should().Be("Red");
        second["Green"].ToString().Should().Be("Green");
        first.Levels.Select(l => l.Level.ToString()).Should().Equal("Green", "Red");
    }

    [Fact]
    public void TryFormat_ACode_WritesItOrSaysItDoesNotFit()
    {
        var level = RiskScales.ChinaThreeZones["Controlled"];
        Span<char> buffer = stackalloc char[16];

        level.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture).Should().BeTrue();
        buffer[..written].ToString().Should().Be("Controlled");
        level.TryFormat(buffer[..5], out written, default, CultureInfo.InvariantCulture).Should().BeFalse();
        written.Should().Be(0);
    }

    [Fact]
    public void Parse_NoneAndSeverities_ButNotAScalesCode()
    {
        RiskLevel.Parse("None", CultureInfo.InvariantCulture).Should().Be(RiskLevel.None);
        RiskLevel.Parse("Severity 2", CultureInfo.InvariantCulture).Should().Be(RiskLevel.FromSeverity(2));
        RiskLevel.TryParse("High", CultureInfo.InvariantCulture, out _).Should().BeFalse("High is 3 on one scale and 4 on another: read it with the scale's indexer");
        FluentActions.Invoking(() => RiskLevel.Parse("none", CultureInfo.InvariantCulture)).Should().Throw<FormatException>();
    }

    [Fact]
    public void Assessment_LevelAndChanges_SayTheirCodes()
    {
        var timeline = PolicyEditions.China.NinthEdition.Risk.Evaluate(History(1, new[] { Case("p-1", 0, "c1-a-1-1") }), new DateInterval(Day0, Day(1)));

        timeline.At(Z("c1-a"), Day0).Level.ToString().Should().Be("High");
        timeline.At(Z("c2"), Day0).Level.ToString().Should().Be("Low", "the rest of a county with a risk area is low");
        timeline.At(Z("c3"), Day0).Level.ToString().Should().Be("Normal", "the assessment names severity 0 by its scale: 常态化");
        timeline.At(Z("c1-a"), Day0).ToString().Should().StartWith("c1-a 2022-07-01: High");
        timeline.Changes.Should().Contain(c => c.ToString().Contains(": Normal → High", StringComparison.Ordinal) || c.ToString().Contains(": None → High", StringComparison.Ordinal));
    }
}
