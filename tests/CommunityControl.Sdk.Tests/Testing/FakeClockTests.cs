using System.Linq;
using System.Threading.Tasks;
using CommunityControl.Testing;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Testing;

public class FakeClockTests
{
    [Fact]
    public void GetCurrentInstant_DoesNotMoveByItself()
    {
        var clock = FakeClock.FromUtc(2022, 6, 28, 8, 0, 0);

        clock.GetCurrentInstant().Should().Be(Instant.FromUtc(2022, 6, 28, 8, 0));
        clock.GetCurrentInstant().Should().Be(Instant.FromUtc(2022, 6, 28, 8, 0));
    }

    [Fact]
    public void Advance_MovesTheClock()
    {
        var clock = FakeClock.FromUtc(2022, 6, 28);

        clock.AdvanceDays(7);
        clock.AdvanceHours(3);
        clock.AdvanceMinutes(30);

        clock.GetCurrentInstant().Should().Be(Instant.FromUtc(2022, 7, 5, 3, 30));
    }

    [Fact]
    public void AutoAdvance_MovesAfterEachRead()
    {
        var clock = new FakeClock(Instant.FromUtc(2022, 1, 1, 0, 0), Duration.FromSeconds(1));

        clock.GetCurrentInstant().Should().Be(Instant.FromUtc(2022, 1, 1, 0, 0, 0));
        clock.GetCurrentInstant().Should().Be(Instant.FromUtc(2022, 1, 1, 0, 0, 1));
        clock.AutoAdvance.Should().Be(Duration.FromSeconds(1));
    }

    [Fact]
    public void AtLocal_UsesTheZone()
    {
        var clock = FakeClock.AtLocal(new LocalDateTime(2022, 6, 28, 8, 0), DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);

        clock.GetCurrentInstant().Should().Be(Instant.FromUtc(2022, 6, 28, 0, 0));
    }

    [Fact]
    public void Reads_FromManyThreads_AreEachDistinctWithAutoAdvance()
    {
        var clock = new FakeClock(Instant.FromUtc(2022, 1, 1, 0, 0), Duration.FromTicks(1));

        var reads = Enumerable.Range(0, 8).AsParallel().SelectMany(_ => Enumerable.Range(0, 10_000).Select(_ => clock.GetCurrentInstant())).ToList();

        reads.Distinct().Should().HaveCount(80_000);
    }
}
