using System;
using System.Linq;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Staffing;

public class RatioNormTests
{
    [Fact]
    public void Hubei2025_SeedsCommunity_NeedsNineCommunityWorkers()
    {
        // 18 per 10,000 × 4,620 residents = 8.316 → 9.
        var required = RatioNorm.Hubei2025CommunityWorkers.Required(4_620);

        required.Exact.Should().BeApproximately(8.316, 1e-9);
        required.Staff.Should().Be(9);
        required.ToString().Should().StartWith("18 per 10,000 residents × 4,620 = 8.32 → 9 (Hubei");
    }

    [Theory]
    [InlineData(10_000, 18)]
    [InlineData(10_001, 19)]
    [InlineData(0, 0)]
    public void Hubei2025_ExactMultiples_DoNotRoundUp(int residents, int staff)
    {
        RatioNorm.Hubei2025CommunityWorkers.Required(residents).Staff.Should().Be(staff);
    }

    [Theory]
    [InlineData(15, 150)]
    [InlineData(30, 300)]
    [InlineData(14, 140)]
    [InlineData(100, 1_000)]
    public void ContactTracerNorms_PerMillion(int per100K, int perMillion)
    {
        var norm = new[]
        {
            RatioNorm.ContactTracersGwuBaseline, RatioNorm.ContactTracersJohnsHopkinsAstho, RatioNorm.ContactTracersMassachusetts, RatioNorm.ContactTracersResolveToSaveLives,
        }.Single(n => n.Staff == per100K);

        norm.Per.Should().Be(100_000);
        norm.Required(1_000_000).Staff.Should().Be(perMillion);
    }

    [Fact]
    public void Evaluate_SeedsCommunity_CountsCommunityWorkersServingInIt()
    {
        var check = RatioNorm.Hubei2025CommunityWorkers.Evaluate(SeedsCommunity.Tree, ZoneId.From(SeedsCommunity.Community), SeedsCommunity.Workforce());

        check.Staff.Should().Be(9);
        check.Present.Should().Be(6);
        check.Shortfall.Should().Be(3);
        check.ToString().Should().StartWith("500101-001: 9 required");
    }

    [Fact]
    public void Evaluate_WuhanGridControllers_CountsGridWorkersOnly()
    {
        var check = RatioNorm.WuhanGridControllers2020.Evaluate(SeedsCommunity.Tree, ZoneId.From(SeedsCommunity.Community), SeedsCommunity.Workforce());

        check.Staff.Should().Be(5, "4,620 residents / 1,000 → 4.62 → 5");
        check.Present.Should().Be(0);
    }

    [Fact]
    public void Presets_NameTheirSources_AndNoNationalDefaultExists()
    {
        typeof(RatioNorm).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static).Select(p => p.Name).Should().NotContain(n => n.Contains("National", StringComparison.Ordinal));
        RatioNorm.ChangjiCommunityWorkers.Staff.Should().Be(25);
        RatioNorm.Mca2020ObservedCommunityWorkers.Source.Should().Contain("not a standard");
        typeof(RatioNorm).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static).Select(p => (RatioNorm)p.GetValue(null)!).Should().OnlyContain(n => n.Source.Contains("§", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_BadArguments_Throw()
    {
        var act = () => RatioNorm.Create("x", 0, 100, RatioBasis.Residents, "s", Array.Empty<WorkforceSource>());
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("staff");

        var households = RatioNorm.Create("grid", 1, 200, RatioBasis.Households, "a local figure", new[] { WorkforceSource.GridWorker });
        households.Required(2_000).Staff.Should().Be(10);
    }

    [Fact]
    public void Gwu2020_DefaultsAreTheSourcedOnes()
    {
        var gwu = ContactTracingEstimator.Gwu2020;

        gwu.BaselinePer100K.Should().Be(15);
        gwu.ContactsPerCase.Should().Be(10);
        gwu.FollowUpsPerTracerPerDay.Should().Be(32);
        gwu.DaysToTrace.Should().Be(7);
    }

    [Fact]
    public void Gwu2020_FewCases_BaselineBinds()
    {
        // 700 cases × 10 contacts ÷ 7 days = 1,000 follow-ups a day ÷ 32 = 31.25 → 32 < 15 × 10 = 150.
        var estimate = ContactTracingEstimator.Gwu2020.Estimate(1_000_000, 700);

        estimate.Baseline.Should().Be(150);
        estimate.FollowUpsPerDay.Should().Be(1_000);
        estimate.WorkloadBased.Should().Be(32);
        estimate.Required.Should().Be(150);
        estimate.IsWorkloadBound.Should().BeFalse();
        estimate.ToString().Should().Be("max(baseline 15/100k × 1,000,000 = 150, workload 700 cases × 10 contacts ÷ 7 days = 1,000 follow-ups/day ÷ 32 = 32) = 150");
    }

    [Fact]
    public void Gwu2020_ManyCases_WorkloadBinds()
    {
        // 7,000 cases → 10,000 follow-ups a day ÷ 32 = 312.5 → 313 > 150.
        var estimate = ContactTracingEstimator.Gwu2020.Estimate(1_000_000, 7_000);

        estimate.Required.Should().Be(313);
        estimate.IsWorkloadBound.Should().BeTrue("the workload exceeds the population baseline");
    }

    [Fact]
    public void Gwu2020_ExactlyAtCapacity_DoesNotRoundUp()
    {
        // 224 cases × 10 ÷ 7 = 320 follow-ups = 10 tracers exactly.
        ContactTracingEstimator.Gwu2020.Estimate(0, 224).WorkloadBased.Should().Be(10);
    }

    [Fact]
    public void Estimate_Negative_Throws()
    {
        var act = () => ContactTracingEstimator.Gwu2020.Estimate(-1, 0);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("population");

        var bad = () => ContactTracingEstimator.Create(15, 10, 0, 7);
        bad.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("followUpsPerTracerPerDay");
    }
}
