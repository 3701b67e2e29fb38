using System;
using System.Linq;
using CommunityControl.Risk;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Staffing;

public class ArrivalProfileTests
{
    [Fact]
    public void Presets_AreLabelledIllustrativeAndHave24Hours()
    {
        ArrivalProfile.ClosedCompoundIllustrative.Name.Should().Contain("illustrative, not sourced");
        ArrivalProfile.WorkResumptionIllustrative.Name.Should().Contain("illustrative, not sourced");
        ArrivalProfile.ClosedCompoundIllustrative.Hourly.Should().HaveCount(24);
        ArrivalProfile.WorkResumptionIllustrative.Hourly.Sum().Should().Be(267);
        ArrivalProfile.ClosedCompoundIllustrative.Hourly.Sum().Should().BeApproximately(55.2, 1e-9);
    }

    [Fact]
    public void WorkResumption_PeaksAtCommutingHours()
    {
        var hourly = ArrivalProfile.WorkResumptionIllustrative.Hourly;
        var peak = hourly.Max();

        Enumerable.Range(0, 24).Where(h => hourly[h] == peak).Should().Equal(8, 18);
        peak.Should().BeGreaterThan(ArrivalProfile.ClosedCompoundIllustrative.Hourly.Max() * 5);
    }

    [Fact]
    public void ChecksPerGate_PerHundredHouseholds_ScalesAndSharesOverGates()
    {
        // 35 per 100 households at 08:00; 500 households over 2 gates → 35 × 5 / 2 = 87.5 per gate.
        ArrivalProfile.WorkResumptionIllustrative.ChecksPerGate(8, 500, 2).Should().Be(87.5);
    }

    [Fact]
    public void ChecksPerGate_PerGateProfile_IgnoresHouseholds()
    {
        var measured = ArrivalProfile.PerGate("gate log", Enumerable.Repeat(12.0, 24));

        measured.ChecksPerGate(3, 900, 3).Should().Be(12);
    }

    [Theory]
    [InlineData(23)]
    [InlineData(25)]
    public void PerGate_Not24Figures_Throws(int count)
    {
        var act = () => ArrivalProfile.PerGate("x", Enumerable.Repeat(1.0, count));

        act.Should().Throw<ArgumentException>().WithParameterName("hourly");
    }

    [Fact]
    public void PerGate_NegativeFigure_ThrowsNamingTheHour()
    {
        var values = Enumerable.Repeat(1.0, 24).ToArray();
        values[7] = -1;

        var act = () => ArrivalProfile.PerGate("x", values);

        act.Should().Throw<ArgumentException>().WithMessage("*hour 7*");
    }

    [Fact]
    public void GateArrivals_ZoneBeatsLevelBeatsDefault()
    {
        var zone = ZoneId.From("c1");
        var measured = ArrivalProfile.PerGate("measured", Enumerable.Repeat(5.0, 24));
        var low = RiskScales.ChinaLowMediumHigh["Low"];
        var arrivals = new GateArrivals(ArrivalProfile.ClosedCompoundIllustrative)
            .WithLevel(low, ArrivalProfile.WorkResumptionIllustrative)
            .With(zone, measured);

        arrivals.For(zone, low).Should().BeSameAs(measured);
        arrivals.For(ZoneId.From("c2"), low).Should().BeSameAs(ArrivalProfile.WorkResumptionIllustrative);
        arrivals.For(ZoneId.From("c2"), RiskScales.ChinaLowMediumHigh["High"]).Should().BeSameAs(ArrivalProfile.ClosedCompoundIllustrative);
        arrivals.Overridden.Should().Equal(zone);
    }

    [Fact]
    public void GateArrivals_EmptyZone_Throws()
    {
        var act = () => new GateArrivals(ArrivalProfile.ClosedCompoundIllustrative).With(default, ArrivalProfile.ClosedCompoundIllustrative);

        act.Should().Throw<ArgumentException>().WithParameterName("zone");
    }
}
