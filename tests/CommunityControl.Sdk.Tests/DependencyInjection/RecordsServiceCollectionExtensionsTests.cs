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

        provider.GetRequiredService<IPassageStore>().Should().BeOfType<InMemoryPassageStore>()
            .And.BeSameAs(provider.GetRequiredService<IPassageStore>(), "the register is one store for every gate");
        provider.GetRequiredService<IHealthReportStore>().Should().BeOfType<InMemoryHealthReportStore>()
            .And.BeSameAs(provider.GetRequiredService<IHealthReportStore>());
        provider.GetRequiredService<IFollowUpStore>().Should().BeOfType<InMemoryFollowUpStore>()
            .And.BeSameAs(provider.GetRequiredService<IFollowUpStore>());
        provider.GetRequiredService<IAuditTrail>().Should().BeOfType<InMemoryAuditTrail>()
            .And.BeSameAs(provider.GetRequiredService<IAuditTrail>());
    }

    [Fact]
    public void AddCommunityControlRecords_HostStoreRegisteredFirst_IsKept()
    {
        var mine = new InMemoryPassageStore(new RecordStoreOptions { Capacity = 10 });
        using var provider = new ServiceCollection().AddSingleton<IPassageStore>(mine).AddCommunityControlRecords().BuildServiceProvider();

        provider.GetRequiredService<IPassageStore>().Should().BeSameAs(mine);
    }

    [Fact]
    public async Task AddCommunityControlRecords_Retention_UsesTheRegisteredClock()
    {
        var clock = new FakeClock(Instant.FromUtc(2022, 4, 1, 0, 0));
        using var provider = new ServiceCollection()
            .AddSingleton<IClock>(clock)
            .AddCommunityControlRecords(o => o.Retention = Duration.FromDays(1))
            .BuildServiceProvider();
        var store = (InMemoryPassageStore)provider.GetRequiredService<IPassageStore>();
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
