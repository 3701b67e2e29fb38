using System;
using CommunityControl.Measures;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Measures;

public class PresetTests
{
    [Fact]
    public void OutingQuotaPresets_MatchSection6_4()
    {
        OutingQuotaPresets.Huanggang2020.Persons.Should().Be(1);
        OutingQuotaPresets.Huanggang2020.Interval.Should().Be(Duration.FromDays(2));
        OutingQuotaPresets.Huanggang2020.ExemptPurposes.Should().Equal(OutingPurpose.MedicalCare, OutingPurpose.EpidemicWork, OutingPurpose.EssentialServiceWork);
        OutingQuotaPresets.Huangshi2020.Interval.Should().BeNull("Huangshi stated no day limit");
        OutingQuotaPresets.Yangling2020.MaxAbsence.Should().Be(Duration.FromHours(3));
        OutingQuotaPresets.WuhanEpidemicFree2020.Interval.Should().Be(Duration.FromDays(1));
        OutingQuotaPresets.WuhanEpidemicFree2020.MaxAbsence.Should().Be(Duration.FromHours(2));
        OutingQuotaPresets.Wenzhou2020.Source.Should().Contain("S19b");
    }

    [Fact]
    public void Wuhan2020February_IntervalIsUnconfirmed_SoTheCallerMustSupplyIt()
    {
        var quota = OutingQuotaPresets.Wuhan2020February(1, Duration.FromDays(3));

        quota.Interval.Should().Be(Duration.FromDays(3));
        quota.Source.Should().Contain("UNCONFIRMED");
        FluentActions.Invoking(() => OutingQuotaPresets.Wuhan2020February(1, Duration.Zero)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("interval");
    }

    [Theory]
    [InlineData(47, false)]
    [InlineData(48, true)]
    [InlineData(72, true)]
    [InlineData(73, false)]
    public void ThreeZonesControlled_AcceptsOnlyTheStatedTwoToThreeDays(int hours, bool accepted)
    {
        var act = () => OutingQuotaPresets.ThreeZonesControlled(Duration.FromHours(hours));

        if (accepted)
        {
            act().Interval.Should().Be(Duration.FromHours(hours));
        }
        else
        {
            act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("interval");
        }
    }

    [Theory]
    [InlineData(22, 29, 59, false)]
    [InlineData(22, 30, 0, true)]
    [InlineData(0, 0, 0, true)]
    [InlineData(6, 29, 59, true)]
    [InlineData(6, 30, 0, false)]
    [InlineData(12, 0, 0, false)]
    public void Yinchuan2020_ClosedFrom2230To0630AcrossMidnight(int hour, int minute, int second, bool closed)
    {
        NightClosurePresets.Yinchuan2020.IsClosedAt(new LocalTime(hour, minute, second)).Should().Be(closed);
    }

    [Theory]
    [InlineData(21, 59, false)]
    [InlineData(22, 0, true)]
    [InlineData(6, 59, true)]
    [InlineData(7, 0, false)]
    public void Xilinhot2020_ClosedFrom2200To0700(int hour, int minute, bool closed)
    {
        NightClosurePresets.Xilinhot2020.IsClosedAt(new LocalTime(hour, minute)).Should().Be(closed);
    }

    [Fact]
    public void NightClosure_WindowWithinOneDay_DoesNotWrap()
    {
        var closure = NightClosurePresets.AnyangWenfeng2022(new LocalTime(23, 0));

        closure.IsClosedAt(new LocalTime(18, 59)).Should().BeFalse();
        closure.IsClosedAt(new LocalTime(19, 0)).Should().BeTrue("the closure is in force in the evening");
        closure.IsClosedAt(new LocalTime(23, 0)).Should().BeFalse();
        closure.Source.Should().Contain("UNCONFIRMED");
    }

    [Fact]
    public void GermanyCurfew2021_LetsPeopleComeHome()
    {
        NightClosurePresets.GermanyCurfew2021.ClosesEntries.Should().BeFalse();
        NightClosurePresets.GermanyCurfew2021.IsClosedAt(new LocalTime(4, 59)).Should().BeTrue("04:59 is still inside the 22:00–05:00 curfew");
        NightClosurePresets.GermanyCurfew2021.IsClosedAt(new LocalTime(5, 0)).Should().BeFalse();
    }

    [Fact]
    public void TemperatureCheck_DefaultThreshold_Is37_3FromTheSource()
    {
        var check = new TemperatureCheck();

        check.ReportAboveCelsius.Should().Be(37.3);
        (check.PlausibleMinimumCelsius, check.PlausibleMaximumCelsius).Should().Be((34.0, 43.0));
        (check.OnEntry, check.OnExit).Should().Be((true, false));
    }
}
