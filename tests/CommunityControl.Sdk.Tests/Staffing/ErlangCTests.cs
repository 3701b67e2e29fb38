using System;
using CommunityControl.Staffing;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Staffing;

/// <summary>
/// Erlang C against the worked examples of intl-policy.md §d, to their printed precision.
/// Example 1: 100 calls / 30 min, AHT 180 s (A = 10 E), 80 % in 20 s, occupancy ≤ 85 %, shrinkage 30 %.
/// Example 3: 200 calls / 30 min, AHT 180 s (A = 20 E), 80 % in 60 s.
/// </summary>
public class ErlangCTests
{
    private static readonly Duration Aht = Duration.FromSeconds(180);

    [Fact]
    public void OfferedLoad_Example1_IsTenErlangs()
    {
        ErlangC.OfferedLoad(100, Duration.FromMinutes(30), Aht).Should().BeApproximately(10, 1e-12);
        ErlangC.OfferedLoad(200, Duration.FromMinutes(30), Aht).Should().BeApproximately(20, 1e-12);
    }

    [Fact]
    public void Solve_Example1_Gives14AgentsAnd20WithShrinkage()
    {
        var target = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20), maximumOccupancy: 0.85, shrinkage: 0.3);

        var result = ErlangC.Solve(10, Aht, target);

        result.AgentsForTarget.Should().Be(14);
        result.Agents.Should().Be(14);
        result.AgentsWithShrinkage.Should().Be(20);
        result.Binding.Should().Be(StaffingConstraint.ServiceLevel);
        Math.Round(result.ServiceLevel, 3).Should().Be(0.888);
        result.ServiceLevel.Should().BeApproximately(0.8883500, 5e-8);
        Math.Round(result.Occupancy, 3).Should().Be(0.714);
        Math.Round(result.ProbabilityOfWaiting, 3).Should().Be(0.174);
        result.ProbabilityOfWaiting.Should().BeApproximately(0.1741319, 5e-8);
    }

    [Fact]
    public void Evaluate_Example1With13Agents_MissesTheTargetAt0Point7956()
    {
        var result = ErlangC.Evaluate(10, 13, Aht, Duration.FromSeconds(20));

        Math.Round(result.ServiceLevel, 4).Should().Be(0.7956);
        result.ServiceLevel.Should().BeLessThan(0.80);
    }

    [Fact]
    public void ProbabilityOfWaiting_Example1With11Agents_Is0Point6821()
    {
        Math.Round(ErlangC.ProbabilityOfWaiting(10, 11), 4).Should().Be(0.6821);
        Math.Round(ErlangC.Evaluate(10, 11, Aht, Duration.FromSeconds(20)).ProbabilityOfWaiting, 4).Should().Be(0.6821);
    }

    [Fact]
    public void Solve_Example3_Gives23AgentsAt87PercentOccupancy()
    {
        var result = ErlangC.Solve(20, Aht, ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(60)));

        result.Agents.Should().Be(23);
        result.AgentsWithShrinkage.Should().Be(23);
        Math.Round(result.Occupancy * 100).Should().Be(87);
        ErlangC.Evaluate(20, 22, Aht, Duration.FromSeconds(60)).ServiceLevel.Should().BeLessThan(0.8, "22 agents are one short");
    }

    [Fact]
    public void Evaluate_Example3With25Agents_MatchesThePrintedFigures()
    {
        var result = ErlangC.Evaluate(20, 25, Aht, Duration.FromSeconds(60));

        Math.Round(result.ErlangB, 4).Should().Be(0.0502);
        Math.Round(result.ProbabilityOfWaiting, 4).Should().Be(0.2091);
        Math.Round(result.ServiceLevel, 4).Should().Be(0.9605);
        Math.Round(result.AverageWaitSeconds, 2).Should().Be(7.53);
        result.AverageWait.TotalSeconds.Should().BeApproximately(7.53, 0.005);
        result.Occupancy.Should().Be(0.8);
    }

    [Fact]
    public void ErlangB_Example3With25Agents_Is0Point0502NotTheOffByOneValue()
    {
        // The reference warns that a loop running k < N (PRODYNA) gives ErlangC(25, 20) = 0.261; the correct value is 0.2091.
        Math.Round(ErlangC.ErlangB(20, 25), 4).Should().Be(0.0502);
        Math.Round(ErlangC.ProbabilityOfWaiting(20, 25), 4).Should().Be(0.2091);
    }

    [Fact]
    public void Solve_Example3WithAverageWaitOf120Seconds_Gives22Agents()
    {
        var result = ErlangC.Solve(20, Aht, ServiceTarget.ForAverageWait(Duration.FromSeconds(120)));

        result.Agents.Should().Be(22);
        result.Binding.Should().Be(StaffingConstraint.AverageWait);
        result.AverageWaitSeconds.Should().BeLessOrEqualTo(120);
        ErlangC.Evaluate(20, 21, Aht, Duration.Zero).AverageWaitSeconds.Should().BeGreaterThan(120);
    }

    [Fact]
    public void Solve_BothTargets_MeetsTheStricter()
    {
        var target = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(60)).WithMaximumAverageWait(Duration.FromSeconds(120));

        ErlangC.Solve(20, Aht, target).Agents.Should().Be(23);
    }

    [Fact]
    public void Solve_OccupancyCapAboveServiceLevelNeed_RaisesAgentsToCeilingOfLoadOverCap()
    {
        // 80 % in 60 s needs 23 at A = 20 (occupancy 0.87); a cap of 0.8 needs ⌈20 / 0.8⌉ = 25.
        var result = ErlangC.Solve(20, Aht, ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(60), maximumOccupancy: 0.8));

        result.AgentsForTarget.Should().Be(23);
        result.Agents.Should().Be(25, "20 / 0.8 is exactly 25 and must not round up to 26");
        result.Binding.Should().Be(StaffingConstraint.Occupancy);
        Math.Round(result.ServiceLevel, 4).Should().Be(0.9605);
    }

    [Fact]
    public void Evaluate_LoadEqualToAgents_ThrowsNoSteadyState()
    {
        var act = () => ErlangC.Evaluate(10, 10, Aht, Duration.FromSeconds(20));

        act.Should().Throw<ArgumentOutOfRangeException>()
            .WithParameterName("agents")
            .WithMessage("No steady state*10 agent(s)*10 E*grows without bound*");
    }

    [Fact]
    public void ProbabilityOfWaiting_AgentsBelowLoad_ThrowsNoSteadyState()
    {
        var act = () => ErlangC.ProbabilityOfWaiting(10, 9);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("No steady state*");
    }

    [Fact]
    public void Solve_LoadIsAnInteger_StartsAboveIt()
    {
        // A = 10 exactly: N = 10 has no steady state, so the search starts at 11 and never divides by zero.
        var result = ErlangC.Solve(10, Aht, ServiceTarget.ForServiceLevel(0.01, Duration.Zero));

        result.Agents.Should().Be(11);
        result.Binding.Should().Be(StaffingConstraint.SteadyState);
    }

    [Fact]
    public void Solve_ZeroArrivals_NeedsNoAgents()
    {
        var result = ErlangC.Solve(0, Aht, ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20), 0.85, 0.3));

        result.Agents.Should().Be(0);
        result.AgentsWithShrinkage.Should().Be(0);
        result.Binding.Should().Be(StaffingConstraint.NoDemand);
        result.ServiceLevel.Should().Be(1);
        result.ToString().Should().Be("0 on duty: no arrivals");
    }

    [Fact]
    public void Solve_TargetAlreadyMetByOneAgent_GivesOne()
    {
        // 12 checks an hour at 10 s each: A = 12 × 10 / 3600 = 0.0333 E. One agent: P_w = A = 0.0333, SL(20 s) ≈ 0.999.
        var load = ErlangC.OfferedLoad(12, Duration.FromHours(1), Duration.FromSeconds(10));

        var result = ErlangC.Solve(load, Duration.FromSeconds(10), ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20)));

        result.Agents.Should().Be(1);
        result.Binding.Should().Be(StaffingConstraint.SteadyState);
        result.ProbabilityOfWaiting.Should().BeApproximately(load, 1e-12, "with one server P_w equals the load");
        result.ServiceLevel.Should().BeGreaterThan(0.99);
    }

    [Fact]
    public void Solve_ShrinkageOnOneAgent_RoundsUp()
    {
        var result = ErlangC.Solve(0.1, Duration.FromSeconds(10), ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20), shrinkage: 0.3));

        result.Agents.Should().Be(1);
        result.AgentsWithShrinkage.Should().Be(2, "⌈1 / 0.7⌉ = 2");
    }

    [Fact]
    public void Solve_LargeLoad_StaysFiniteAndMeetsTarget()
    {
        var result = ErlangC.Solve(5000, Duration.FromSeconds(30), ServiceTarget.ForServiceLevel(0.95, Duration.FromSeconds(5)));

        result.Agents.Should().BeGreaterThan(5000);
        result.ServiceLevel.Should().BeGreaterOrEqualTo(0.95);
        double.IsNaN(result.ProbabilityOfWaiting).Should().BeFalse();
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(2_000_000)]
    public void Solve_LoadOutOfRange_Throws(double load)
    {
        var act = () => ErlangC.Solve(load, Aht, ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20)));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("offeredLoad");
    }

    [Fact]
    public void Solve_ZeroServiceTime_Throws()
    {
        var act = () => ErlangC.Solve(1, Duration.Zero, ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20)));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("averageServiceTime");
    }

    [Fact]
    public void Solve_NullTarget_Throws()
    {
        var act = () => ErlangC.Solve(1, Aht, null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("target");
    }

    [Fact]
    public void ErlangB_ZeroAgents_IsOne()
    {
        ErlangC.ErlangB(3, 0).Should().Be(1);
    }

    [Fact]
    public void ToString_Example1_NamesTheFigures()
    {
        var target = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20), maximumOccupancy: 0.85, shrinkage: 0.3);

        ErlangC.Solve(10, Aht, target).ToString().Should().Be(
            "14 on duty (ServiceLevel), 20 with shrinkage; A = 10 E, SL 0.8884, P_w 0.1741, ASA 7.84 s, occupancy 0.7143");
        target.ToString().Should().Be("80 % within 20 s, occupancy ≤ 85 %, shrinkage 30 %");
    }
}
