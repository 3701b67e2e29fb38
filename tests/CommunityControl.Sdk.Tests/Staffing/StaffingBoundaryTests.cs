using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Risk;
using CommunityControl.Staffing;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Staffing;

/// <summary>Extreme inputs to the staffing maths: each is a documented range error naming the caller's argument, before long work.</summary>
public class StaffingBoundaryTests
{
    private static readonly ServiceTarget Target = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20));

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(ErlangC.MaximumAgents + 1)]
    public void ErlangB_AgentsAboveTheCap_ThrowsNamingAgents(int count)
    {
        FluentActions.Invoking(() => ErlangC.ErlangB(10, count)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("agents");
        FluentActions.Invoking(() => ErlangC.ProbabilityOfWaiting(10, count)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("agents");
        FluentActions.Invoking(() => ErlangC.Evaluate(10, count, Duration.FromSeconds(30), Duration.FromSeconds(20))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("agents");
    }

    [Fact]
    public void ErlangB_AtTheCap_IsAProbability()
    {
        var b = ErlangC.ErlangB(10, ErlangC.MaximumAgents);

        b.Should().BeInRange(0, 1);
    }

    [Theory]
    [InlineData(1e-9, 0)]
    [InlineData(1, 0.999999)]
    [InlineData(1e-6, 0.9)]
    public void Solve_OccupancyNearZeroOrShrinkageNearOne_ThrowsNamingTheTarget(double occupancy, double shrinkage)
    {
        var target = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20), occupancy, shrinkage);

        FluentActions.Invoking(() => ErlangC.Solve(1000, Duration.FromSeconds(30), target)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("target");
    }

    [Fact]
    public void Solve_ExtremeButFeasibleTarget_StaysWithinTheCap()
    {
        var target = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20), 0.5, 0.9);

        var result = ErlangC.Solve(100, Duration.FromSeconds(30), target);

        result.Agents.Should().Be(200, "⌈100 E ÷ 0.5⌉");
        result.AgentsWithShrinkage.Should().Be(2000, "⌈200 ÷ (1 − 0.9)⌉");
    }

    [Fact]
    public void RatioNorm_Required_OfAnAbsurdPopulation_ThrowsNamingPopulation()
    {
        FluentActions.Invoking(() => RatioNorm.Hubei2025CommunityWorkers.Required(long.MaxValue)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("population");
        RatioNorm.Hubei2025CommunityWorkers.Required(1_400_000_000).Staff.Should().BePositive();
    }

    [Fact]
    public void ContactTracing_Extremes_ThrowNamingTheArgument()
    {
        FluentActions.Invoking(() => ContactTracingEstimator.Gwu2020.Estimate(long.MaxValue, 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("population");
        var heavy = ContactTracingEstimator.Create(15, 1e300, 1, 1);
        FluentActions.Invoking(() => heavy.Estimate(1000, int.MaxValue)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("newCasesIn14Days");
        ContactTracingEstimator.Gwu2020.Estimate(1000, int.MaxValue).WorkloadBased.Should().Be((int)Math.Ceiling((double)int.MaxValue * 10 / 7 / 32));
    }

    [Theory]
    [InlineData(1e308)]
    [InlineData(ArrivalProfile.MaximumHourly + 1)]
    public void ArrivalProfile_AbsurdHourlyFigure_Throws(double figure)
    {
        var hourly = Enumerable.Repeat(figure, 24);

        FluentActions.Invoking(() => ArrivalProfile.PerGate("absurd", hourly)).Should().Throw<ArgumentException>().WithParameterName("hourly")
            .Which.Message.Should().NotContain(figure.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Calculate_PeriodOfEightThousandYears_IsRefusedBeforeAnyWork()
    {
        var policy = SeedsCommunity.Policy();
        var snapshot = SeedsCommunity.Days()[0];
        var all = new DateInterval(new LocalDate(1, 1, 1), new LocalDate(9999, 12, 31));
        var year = new DateInterval(snapshot.Date, snapshot.Date.PlusDays(StaffingPolicy.MaximumPlanDays - 1));

        FluentActions.Invoking(() => policy.Calculate(snapshot, SeedsCommunity.Arrivals(), Workforce.Empty, all)).Should().Throw<ArgumentException>().WithParameterName("period");
        FluentActions.Invoking(() => policy.Calculate(Enumerable.Repeat(snapshot, StaffingPolicy.MaximumPlanDays + 1).ToArray(), SeedsCommunity.Arrivals(), Workforce.Empty))
            .Should().Throw<ArgumentException>().WithParameterName("days");
        var plan = policy.Calculate(snapshot, SeedsCommunity.Arrivals(), Workforce.Empty, year);
        (plan.Period.Start, plan.Period.End).Should().Be((year.Start, year.End));
    }

    [Fact]
    public void SubsidyPolicy_AmountAboveTheCap_IsAValidationProblem()
    {
        var rates = new[] { new KeyValuePair<RiskLevel, decimal>(RiskScales.ChinaLowMediumHigh["High"], decimal.MaxValue) };

        FluentActions.Invoking(() => SubsidyPolicy.Create("x", "test", rates, null, new[] { WorkforceSource.CommunityWorker }, scale: RiskScales.ChinaLowMediumHigh))
            .Should().Throw<ModelValidationException>();
        FluentActions.Invoking(() => SubsidyPolicy.Sichuan2020.WithOvertimeDayRate(decimal.MaxValue)).Should().Throw<ModelValidationException>();
        FluentActions.Invoking(() => SubsidyPolicy.Sichuan2020.WithAllowances(decimal.MaxValue, null)).Should().Throw<ModelValidationException>();
        SubsidyPolicy.Sichuan2020.WithOvertimeDayRate(SubsidyPolicy.MaximumDailyAmount).OvertimeDayRate.Should().Be(SubsidyPolicy.MaximumDailyAmount);
    }

    [Fact]
    public void Calculate_SnapshotOnAScaleRebuiltUnderTheSameId_IsRefusedNamingTheSnapshot()
    {
        var policy = SeedsCommunity.Policy();
        var levels = policy.Scale.Levels.ToArray();
        var forged = RiskScale.Create(policy.Scale.Id, levels.Select((l, i) => l with { Code = l.Code + "X" }));
        var snapshot = SeedsCommunity.Days()[0];
        var onForged = RiskSnapshot.Uniform(snapshot.Tree, snapshot.Date, forged, forged.Levels[^1].Level);

        FluentActions.Invoking(() => policy.Calculate(onForged, SeedsCommunity.Arrivals(), Workforce.Empty, new DateInterval(snapshot.Date, snapshot.Date)))
            .Should().Throw<ArgumentException>().WithParameterName("snapshot");
        FluentActions.Invoking(() => policy.Calculate(new[] { onForged }, SeedsCommunity.Arrivals(), Workforce.Empty))
            .Should().Throw<ArgumentException>().WithParameterName("days");
    }

    [Fact]
    public void Explain_CoveredLines_NameTheStaffOnlyRedacted()
    {
        var workforce = SeedsCommunity.Workforce();
        var plan = SeedsCommunity.Policy().Calculate(SeedsCommunity.Days(), SeedsCommunity.Arrivals(), workforce);
        var covered = plan.Requirements.Where(r => r.AssignedPeople > 0).Take(20).Select(r => r.Explain()).ToList();

        covered.Should().NotBeEmpty().And.OnlyContain(text => text.Contains("person#", StringComparison.Ordinal));
        foreach (var member in workforce)
        {
            covered.Should().NotContain(text => text.Contains(member.Id.Value + " (", StringComparison.Ordinal));
        }
    }
}
