using System;
using System.Linq;
using CommunityControl.Access;
using CommunityControl.DependencyInjection;
using CommunityControl.Editions;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using CommunityControl.Staffing;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CommunityControl.Tests.DependencyInjection;

public class CommunityControlServiceCollectionExtensionsTests
{
    private const string Staffing = """
        {
          "scale": "cn-low-medium-high",
          "shifts": { "preset": "TwoTwelveHour", "firstStart": "08:00", "handoverMinutes": 30 },
          "checkSeconds": { "CodeScan": 10 },
          "levels": { "High": { "gate": { "check": "CodeScan", "serviceLevel": 0.8, "answerWithinSeconds": 20, "minimumOnDuty": 2 } } }
        }
        """;

    [Fact]
    public void AddCommunityControl_Defaults_RegisterEverything()
    {
        using var provider = new ServiceCollection().AddCommunityControl().BuildServiceProvider();

        provider.GetRequiredService<EditionCatalog>().Editions.Should().HaveCount(PolicyEditions.Ids.Count);
        provider.GetRequiredService<IClock>().Should().BeSameAs(SystemClock.Instance);
        provider.GetRequiredService<IOutingLedger>().Should().BeOfType<InstrumentedOutingLedger>("every store call is measured")
            .Which.Inner.Should().BeOfType<InMemoryOutingLedger>();
        provider.GetRequiredService<IOutingLedger>().Should().BeSameAs(provider.GetRequiredService<IOutingLedger>(), "the ledger is one store for every gate");
        provider.GetRequiredService<EditionSelector>().Jurisdiction.Should().Be("CN");
    }

    [Fact]
    public void EditionInForce_FollowsTheInjectedClock()
    {
        var clock = FakeClock.FromUtc(2022, 7, 1, 2, 0, 0);
        var services = new ServiceCollection().AddSingleton<IClock>(clock).AddCommunityControl();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<PolicyEdition>().Id.Should().Be("cn-2022-06-ninth-edition");
        provider.GetRequiredService<RiskPolicy>().Scale.Id.Should().Be("cn-low-medium-high");
        provider.GetRequiredService<AccessPolicy>().Measures.Edition.Should().Be("cn-2022-06-ninth-edition");

        clock.Reset(Instant.FromUtc(2022, 11, 20, 0, 0));
        provider.GetRequiredService<PolicyEdition>().Id.Should().Be("cn-2022-11-twenty-measures");

        clock.Reset(Instant.FromUtc(2023, 1, 7, 15, 59));                 // 2023-01-07 23:59 in Shanghai
        provider.GetRequiredService<PolicyEdition>().Id.Should().Be("cn-2022-12-ten-measures");
        clock.Reset(Instant.FromUtc(2023, 1, 7, 16, 0));                  // 2023-01-08 00:00 in Shanghai
        provider.GetRequiredService<PolicyEdition>().Id.Should().Be("cn-2023-01-class-b");
    }

    [Fact]
    public void HostRegistrations_AreKept()
    {
        var clock = FakeClock.FromUtc(2022, 7, 1);
        var ledger = new InMemoryOutingLedger();
        var services = new ServiceCollection().AddSingleton<IClock>(clock).AddSingleton<IOutingLedger>(ledger).AddCommunityControl();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IClock>().Should().BeSameAs(clock);
        provider.GetRequiredService<IOutingLedger>().Should().BeOfType<InstrumentedOutingLedger>().Which.Inner.Should().BeSameAs(ledger);
        services.Count(d => d.ServiceType == typeof(IClock)).Should().Be(1);
    }

    [Fact]
    public void CalledTwice_IsSafeAndTheLastCallWins()
    {
        var services = new ServiceCollection()
            .AddCommunityControl(o => o.EditionId = "cn-2022-three-zones")
            .AddCommunityControl(o => o.EditionId = "cn-2022-06-ninth-edition");
        using var provider = services.BuildServiceProvider();

        foreach (var type in new[] { typeof(EditionCatalog), typeof(EditionSelector), typeof(PolicyEdition), typeof(AccessPolicy), typeof(IClock), typeof(IOutingLedger) })
        {
            services.Count(d => d.ServiceType == type).Should().Be(1, type.Name);
        }

        provider.GetRequiredService<PolicyEdition>().Id.Should().Be("cn-2022-06-ninth-edition");
    }

    [Fact]
    public void PinnedEdition_IgnoresTheDate()
    {
        var services = new ServiceCollection().AddSingleton<IClock>(FakeClock.FromUtc(2026, 1, 1)).AddCommunityControl(o => o.EditionId = "us-cdc-community-levels-2022");
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<PolicyEdition>().Jurisdiction.Should().Be("US");
    }

    [Fact]
    public void HostEdition_ReplacesTheBuiltInOfTheSameId()
    {
        var local = PolicyEditions.China.NinthEdition.WithStaffing(StaffingPolicyJson.Parse(Staffing, RiskScales.ChinaLowMediumHigh));
        var services = new ServiceCollection().AddCommunityControl(o =>
        {
            o.EditionId = local.Id;
            o.Editions.Add(local);
        });
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<EditionCatalog>().Editions.Should().HaveCount(PolicyEditions.Ids.Count);
        provider.GetRequiredService<StaffingPolicy>().Should().BeSameAs(local.Staffing);
    }

    [Fact]
    public void EditionWithoutStaffing_ResolvesToAClearError()
    {
        using var provider = new ServiceCollection().AddCommunityControl(o => o.EditionId = "cn-2022-06-ninth-edition").BuildServiceProvider();

        var act = () => provider.GetRequiredService<StaffingPolicy>();

        act.Should().Throw<InvalidOperationException>().WithMessage("*cn-2022-06-ninth-edition*no staffing policy*");
    }

    [Fact]
    public void BadOptions_FailWhenResolvedWithEveryProblem_NotInsideTheCall()
    {
        var services = new ServiceCollection().AddSingleton<IClock>(FakeClock.FromUtc(2022, 7, 1)).AddCommunityControl(o =>
        {
            o.EditionId = "cn-2099-imaginary";
            o.TimeZone = null!;
            o.Editions.Add(null!);
        });
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<PolicyEdition>();

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().HaveCount(3)
            .And.Contain(f => f.Contains("cn-2099-imaginary", StringComparison.Ordinal))
            .And.Contain(f => f.Contains("TimeZone", StringComparison.Ordinal))
            .And.Contain(f => f.Contains("Editions[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownPinnedEdition_FailsNamingIt()
    {
        using var provider = new ServiceCollection().AddCommunityControl(o => o.EditionId = "cn-2099-imaginary").BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<CommunityControlOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle()
            .Which.Should().Contain("EditionId 'cn-2099-imaginary' is not in the catalog");
    }

    [Fact]
    public void UnknownJurisdiction_FailsWhenResolved()
    {
        using var provider = new ServiceCollection().AddCommunityControl(o => o.Jurisdiction = "XX").BuildServiceProvider();

        var act = () => provider.GetRequiredService<EditionSelector>();

        act.Should().Throw<OptionsValidationException>().WithMessage("*jurisdiction 'XX'*");
    }

    [Fact]
    public void NullServices_ThrowsNamingTheArgument()
    {
        var act = () => CommunityControlServiceCollectionExtensions.AddCommunityControl(null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("services");
    }

    [Fact]
    public void EditionSelector_PinnedUnknownId_ThrowsNamingTheArgument()
    {
        var act = () => new EditionSelector(PolicyEditions.Catalog, SystemClock.Instance, DateTimeZone.Utc, "CN", "nope");

        act.Should().Throw<ArgumentException>().WithParameterName("pinnedEditionId");
    }
}
