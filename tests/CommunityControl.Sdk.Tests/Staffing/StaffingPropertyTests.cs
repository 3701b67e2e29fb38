using System;
using CommunityControl.Staffing;
using CsCheck;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Staffing;

/// <summary>
/// Erlang C and the staffing maths over their whole input space, by CsCheck: a result inside the documented bounds, or
/// an <see cref="ArgumentOutOfRangeException"/>, nothing else (no <see cref="OverflowException"/>). Bounded for CI.
/// </summary>
public class StaffingPropertyTests
{
    private static readonly Gen<double> Loads = Gen.OneOf(
        Gen.OneOf(0.0, 1e-300, 0.5, ErlangC.MaximumOfferedLoad, ErlangC.MaximumOfferedLoad + 1, 1e308, double.NaN, double.PositiveInfinity, -1.0),
        Gen.Double[0, 2_000]);

    private static readonly Gen<int> Agents = Gen.OneOf(Gen.Int[-5, 3_000], Gen.OneOf(int.MaxValue, int.MinValue, ErlangC.MaximumAgents, ErlangC.MaximumAgents + 1));

    private static readonly Gen<double> Shares = Gen.OneOf(Gen.Double[-0.5, 1.5], Gen.OneOf(0.0, 1e-9, 0.999999, 1.0, double.NaN));

    [Fact]
    public void Solve_AnyLoadAndTarget_GivesBoundedAgentsOrARangeError()
    {
        Gen.Select(Loads, Shares, Shares, Shares).Sample(
            (load, share, occupancy, shrinkage) =>
            {
                ServiceTarget target;
                try
                {
                    target = ServiceTarget.ForServiceLevel(share, Duration.FromSeconds(20), occupancy, shrinkage);
                }
                catch (ArgumentOutOfRangeException)
                {
                    return;
                }

                try
                {
                    var result = ErlangC.Solve(load, Duration.FromSeconds(30), target);
                    result.AgentsWithShrinkage.Should().BeInRange(result.Agents, ErlangC.MaximumAgents);
                    if (load > 0)
                    {
                        result.Agents.Should().BeGreaterThan((int)Math.Floor(load));
                        result.ServiceLevel.Should().BeGreaterThanOrEqualTo(share - 1e-9);
                    }
                }
                catch (ArgumentOutOfRangeException e)
                {
                    e.ParamName.Should().BeOneOf("offeredLoad", "target");
                }
            },
            iter: 400,
            threads: 1);
    }

    [Fact]
    public void ErlangB_AnyLoadAndAgents_IsAProbabilityOrARangeError()
    {
        Gen.Select(Loads, Agents).Sample(
            (load, agents) =>
            {
                try
                {
                    ErlangC.ErlangB(load, agents).Should().BeInRange(0, 1);
                }
                catch (ArgumentOutOfRangeException e)
                {
                    e.ParamName.Should().BeOneOf("offeredLoad", "agents");
                }
            },
            iter: 400,
            threads: 1);
    }

    [Fact]
    public void NormsAndTracing_AnyPopulation_GiveACountOrARangeError()
    {
        Gen.Select(Gen.OneOf(Gen.Long, Gen.Long[0, 100_000_000]), Gen.OneOf(Gen.Int, Gen.Int[0, 100_000])).Sample(
            (population, cases) =>
            {
                try
                {
                    RatioNorm.Hubei2025CommunityWorkers.Required(population).Staff.Should().BeGreaterThanOrEqualTo(0);
                }
                catch (ArgumentOutOfRangeException e)
                {
                    e.ParamName.Should().Be("population");
                }

                try
                {
                    ContactTracingEstimator.Gwu2020.Estimate(population, cases).Required.Should().BeGreaterThanOrEqualTo(0);
                }
                catch (ArgumentOutOfRangeException e)
                {
                    e.ParamName.Should().BeOneOf("population", "newCasesIn14Days");
                }
            },
            iter: 2_000,
            threads: 1);
    }
}
