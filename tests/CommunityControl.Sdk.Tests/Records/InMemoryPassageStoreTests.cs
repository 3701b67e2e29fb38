using System;
using System.Threading.Tasks;
using CommunityControl.Records;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CommunityControl.Tests.Records;

/// <summary>The passage register's contract on the in-memory store, and what only the in-memory store has (capacity, a retention period on a clock).</summary>
public class InMemoryPassageStoreTests : PassageStoreContractTests
{
    protected override IPassageStore CreateStore() => new InMemoryPassageStore();

    protected override Task<long> CountAsync(IPassageStore store) => Task.FromResult((long)((InMemoryPassageStore)store).Count);

    [Fact]
    public async Task Retention_UnderAFakeClock_HidesExpiredRecords_AndPurgeExpiredDeletesThem()
    {
        var clock = new FakeClock(Passages.Start);
        var store = new InMemoryPassageStore(new RecordStoreOptions { Retention = Duration.FromDays(14) }, clock);
        await store.AppendAsync(Passages.At("k-old", "c1-a", "p-1", Passages.Start));
        await store.AppendAsync(Passages.At("k-new", "c1-a", "p-1", Passages.Start + Duration.FromDays(1)));

        clock.Advance(Duration.FromDays(14));
        (await Keys(store.PassagesOfPersonAsync(PersonId.From("p-1"), new Interval(null, null)))).Should().Equal("k-old", "k-new");

        clock.Advance(Duration.FromTicks(1));
        (await Keys(store.PassagesOfPersonAsync(PersonId.From("p-1"), new Interval(null, null)))).Should().Equal("k-new");
        (await store.FindAsync("k-old")).Should().BeNull("nothing past its period is returned");
        (await store.PurgeExpiredAsync()).Should().Be(1);
        store.Count.Should().Be(1);
    }

    [Fact]
    public async Task Capacity_AppendBeyondIt_Throws_UntilPurged()
    {
        var store = new InMemoryPassageStore(new RecordStoreOptions { Capacity = 2 });
        await store.AppendAsync(Passages.At("k-1", "c1-a", "p-1", Passages.Start));
        await store.AppendAsync(Passages.At("k-2", "c1-a", "p-1", Passages.Start + Duration.FromDays(1)));

        (await store.AppendAsync(Passages.At("k-2", "c1-a", "p-1", Passages.Start))).IsNew.Should().BeFalse("a retry of a recorded key needs no room");
        await FluentActions.Awaiting(async () => await store.AppendAsync(Passages.At("k-3", "c1-a", "p-1", Passages.Start)))
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("*capacity of 2 records*");
        await store.PurgeAsync(Passages.Start + Duration.FromHours(1));
        (await store.AppendAsync(Passages.At("k-3", "c1-a", "p-1", Passages.Start))).IsNew.Should().BeTrue();
    }

    [Fact]
    public void Options_OutOfRange_ThrowNamingTheOption_AndToStringShowsTheCountOnly()
    {
        FluentActions.Invoking(() => new InMemoryPassageStore(new RecordStoreOptions { Capacity = 0 })).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Capacity");
        FluentActions.Invoking(() => new InMemoryPassageStore(new RecordStoreOptions { Retention = Duration.FromDays(7) })).Should().Throw<ArgumentNullException>().WithParameterName("clock");
        new InMemoryPassageStore().ToString().Should().Be("InMemoryPassageStore (0 passages)");
    }
}
