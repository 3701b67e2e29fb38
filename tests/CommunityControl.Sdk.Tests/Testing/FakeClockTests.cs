using CommunityControl.Editions;
using CommunityControl.Testing;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CommunityControl.Tests.Testing;

/// <summary>
/// The Testing package brings NodaTime.Testing and has no FakeClock of its own, so both namespaces can be imported
/// together (this file does) without CS0104.
/// </summary>
public class FakeClockTests
{
    [Fact]
    public void FakeClock_IsNodaTimeTestings_WithBothNamespacesImported()
    {
        typeof(FakeClock).Assembly.GetName().Name.Should().Be("NodaTime.Testing");
        typeof(TestCommunities).Assembly.GetType("CommunityControl.Testing.FakeClock").Should().BeNull("the Testing package defines no second FakeClock");
    }

    [Fact]
    public void FakeClock_DrivesTheEditionInForce_AcrossTheNinthEditionsFirstDay()
    {
        // The ninth edition took effect on 2022-06-28 (Asia/Shanghai); one minute earlier, the precision plan of April 2020 is
        // the last edition certainly in force (the three-zones practice's start is not confirmed).
        var clock = new FakeClock(new LocalDateTime(2022, 6, 27, 23, 59).InZoneStrictly(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).ToInstant());
        using var provider = new ServiceCollection().AddSingleton<IClock>(clock).AddCommunityControl().BuildServiceProvider();
        var selector = provider.GetRequiredService<EditionSelector>();

        selector.Today.Should().Be(new LocalDate(2022, 6, 27));
        provider.GetRequiredService<PolicyEdition>().Id.Should().Be("cn-2020-04-precision");
        clock.AdvanceMinutes(1);
        selector.Today.Should().Be(new LocalDate(2022, 6, 28));
        provider.GetRequiredService<PolicyEdition>().Id.Should().Be("cn-2022-06-ninth-edition");
    }
}
