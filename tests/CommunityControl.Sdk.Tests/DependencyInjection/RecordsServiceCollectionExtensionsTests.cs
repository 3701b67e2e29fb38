using CommunityControl.DependencyInjection;
using System;
using System.Threading.Tasks;
using CommunityControl.Access;
using CommunityControl.Records;
using CommunityControl.Zones;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CommunityControl.Tests.DependencyInjection;

public class RecordsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCommunityControlRecords_Defaults_RegisterOneInMemoryStoreOfEachKind()
    {
        using var provider = new ServiceCollection().AddCommunityControlRecords().BuildServiceProvider();

        provider.GetRequiredService<IPassageStore>().Should().BeOfType<InstrumentedPassageStore>("every store call is measured")
            .Which.Inner.Should().BeOfType<InMemoryPassageStore>();
        provider.GetRequiredService<IPassageStore>().Should().BeSameAs(provider.GetRequiredService<IPassageStore>(), "the register is one store for every gate");
        provider.GetRequiredService<IHealthReportStore>().Should().BeOfType<InstrumentedHealthReportStore>()
            .Which.Inner.Should().BeOfType<InMemoryHealthReportStore>();
        provider.GetRequiredService<IHealthReportStore>().Should().BeSameAs(provider.GetRequiredService<IHealthReportStore>());
        provider.GetRequiredService<IFollowUpStore>().Should().BeOfType<InstrumentedFollowUpStore>()
            .Which.Inner.Should().BeOfType<InMemoryFollowUpStore>();
        provider.GetRequiredService<IFollowUpStore>().Should().BeSameAs(provider.GetRequiredService<IFollowUpStore>());
        provider.GetRequiredService<IArrivalStore>().Should().BeOfType<InstrumentedArrivalStore>()
            .Which.Inner.Should().BeOfType<InMemoryArrivalStore>();
        provider.GetRequiredService<IArrivalStore>().Should().BeSameAs(provider.GetRequiredService<IArrivalStore>());
        provider.GetRequiredService<IAuditTrail>().Should().BeOfType<InstrumentedAuditTrail>()
            .Which.Inner.Should().BeOfType<InMemoryAuditTrail>();
        provider.GetRequiredService<IAuditTrail>().Should().BeSameAs(provider.GetRequiredService<IAuditTrail>());
    }

    [Fact]
    public void AddCommunityControlRecords_HostStoreRegisteredFirst_IsKept()
    {
        var mine = new InMemoryPassageStore(new RecordStoreOptions { Capacity = 10 });
        using var provider = new ServiceCollection().AddSingleton<IPassageStore>(mine).AddCommunityControlRecords().BuildServiceProvider();

        provider.GetRequiredService<IPassageStore>().Should().BeOfType<InstrumentedPassageStore>().Which.Inner.Should().BeSameAs(mine);
    }

    [Fact]
    public async Task AddCommunityControlRecords_Retention_UsesTheRegisteredClock()
    {
        var clock = new FakeClock(Instant.FromUtc(2022, 4, 1, 0, 0));
        using var provider = new ServiceCollection()
            .AddSingleton<IClock>(clock)
            .AddCommunityControlRecords(o => o.Retention = Duration.FromDays(1))
            .BuildServiceProvider();
        var store = provider.GetRequiredService<IPassageStore>();
        await store.AppendAsync(new PassageRecord
        {
            IdempotencyKey = "k-1",
            Gate = ZoneId.From("c1"),
            At = clock.GetCurrentInstant(),
            Person = PersonId.From("p-1"),
            Direction = GateDirection.Entry,
            Outcome = AccessOutcome.Allow,
        });

        clock.Advance(Duration.FromDays(2));

        (await store.FindAsync("k-1")).Should().BeNull("the record is past the one-day retention on the registered clock");
    }

    [Fact]
    public void AddCommunityControlRecords_BadOptions_ThrowAtRegistration_NullServicesThrows()
    {
        FluentActions.Invoking(() => new ServiceCollection().AddCommunityControlRecords(o => o.Capacity = 0))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Capacity");
        FluentActions.Invoking(() => new ServiceCollection().AddCommunityControlRecords(o => o.Retention = Duration.Zero))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Retention");
        FluentActions.Invoking(() => RecordsServiceCollectionExtensions.AddCommunityControlRecords(null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("services");
    }
}
