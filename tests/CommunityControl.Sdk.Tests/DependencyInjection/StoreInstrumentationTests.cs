using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Access;
using CommunityControl.DependencyInjection;
using CommunityControl.Records;
using CommunityControl.Zones;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.DependencyInjection;

/// <summary>How AddCommunityControlStoreInstrumentation wraps the store registrations.</summary>
public class StoreInstrumentationTests
{
    [Fact]
    public void CalledAgain_WrapsOnce()
    {
        var services = new ServiceCollection().AddCommunityControl().AddCommunityControlRecords();

        services.AddCommunityControlStoreInstrumentation().AddCommunityControlStoreInstrumentation();
        using var provider = services.BuildServiceProvider();

        services.Count(d => d.ServiceType == typeof(IPassageStore)).Should().Be(1);
        provider.GetRequiredService<IPassageStore>().Should().BeOfType<InstrumentedPassageStore>()
            .Which.Inner.Should().BeOfType<InMemoryPassageStore>("a decorator is never wrapped in another");
        provider.GetRequiredService<IOutingLedger>().Should().BeOfType<InstrumentedOutingLedger>()
            .Which.Inner.Should().BeOfType<InMemoryOutingLedger>();
    }

    [Fact]
    public void StoreRegisteredLater_ByType_IsWrappedByTheNextCall_WithItsLifetime()
    {
        var services = new ServiceCollection().AddCommunityControlRecords();
        services.AddScoped<IPassageStore, TrackedPassageStore>();

        services.AddCommunityControlStoreInstrumentation();
        using var provider = services.BuildServiceProvider();
        using var first = provider.CreateScope();
        using var second = provider.CreateScope();

        var a = first.ServiceProvider.GetRequiredService<IPassageStore>();
        var b = second.ServiceProvider.GetRequiredService<IPassageStore>();
        a.Should().BeOfType<InstrumentedPassageStore>().Which.Inner.Should().BeOfType<TrackedPassageStore>();
        a.Should().BeSameAs(first.ServiceProvider.GetRequiredService<IPassageStore>(), "scoped stays scoped");
        a.Should().NotBeSameAs(b);
        services.Single(d => d.ServiceType == typeof(IPassageStore) && d.Lifetime == ServiceLifetime.Scoped).Should().NotBeNull();
    }

    [Fact]
    public void Disposal_TheContainersStoreIsDisposed_TheHostsInstanceIsNot()
    {
        var given = new TrackedPassageStore();
        TrackedPassageStore created;
        using (var provider = new ServiceCollection()
            .AddSingleton<IPassageStore>(given)
            .AddSingleton<IAuditTrail>(_ => new TrackedAuditTrail())
            .AddCommunityControlRecords()
            .BuildServiceProvider())
        {
            provider.GetRequiredService<IPassageStore>();
            created = (TrackedPassageStore)((InstrumentedAuditTrail)provider.GetRequiredService<IAuditTrail>()).Inner;
        }

        given.Disposed.Should().BeFalse("the container never disposes an instance it was given");
        created.Disposed.Should().BeTrue("the container disposes what its factory created, through the decorator");
    }

    [Fact]
    public void KeyedRegistrations_AreLeftAlone()
    {
        var keyed = new InMemoryPassageStore();
        var services = new ServiceCollection().AddKeyedSingleton<IPassageStore>("archive", keyed).AddCommunityControlStoreInstrumentation();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredKeyedService<IPassageStore>("archive").Should().BeSameAs(keyed);
    }

    [Fact]
    public async Task Decorator_PassesEveryCallThrough()
    {
        using var provider = new ServiceCollection().AddCommunityControlRecords().BuildServiceProvider();
        var store = provider.GetRequiredService<IPassageStore>();
        var inner = ((InstrumentedPassageStore)store).Inner;
        var at = Instant.FromUtc(2022, 7, 1, 4, 0);
        var all = new Interval(null, null);

        (await store.AppendAsync(Records.Passages.At("k-1", "c1-a", "p-1", at))).IsNew.Should().BeTrue();
        (await store.AppendAsync(Records.Passages.At("k-1", "c1-a", "p-1", at))).IsNew.Should().BeFalse("the retry is the store's own duplicate");
        (await store.FindAsync("k-1")).Should().Be(await inner.FindAsync("k-1"));
        (await ToListAsync(store.PassagesAtGateAsync(ZoneId.From("c1-a"), all))).Should().Equal(await ToListAsync(inner.PassagesAtGateAsync(ZoneId.From("c1-a"), all)));
        (await store.PurgeAsync(at + Duration.FromDays(1))).Should().Be(1);
        (await inner.FindAsync("k-1")).Should().BeNull();
    }

    [Fact]
    public void DecoratedLedger_WithoutAListener_AddsNoAllocationToTheGatesPath()
    {
        using var provider = new ServiceCollection().AddCommunityControl().BuildServiceProvider();
        var ledger = provider.GetRequiredService<IOutingLedger>();
        ledger.Should().BeOfType<InstrumentedOutingLedger>();
        var household = HouseholdId.From("h-alloc");
        var person = PersonId.From("p-alloc");
        var at = Instant.FromUtc(2022, 7, 1, 4, 0);
        var window = OutingWindow.Rolling(at, Duration.FromDays(2));
        ledger.TryStartOuting(household, person, at, 2, OutingWindow.Rolling(at, Duration.FromDays(2)), out _).Should().BeTrue();
        for (var i = 0; i < 100; i++)
        {
            ledger.CountOutings(household, window);
            ledger.CountOpenOutings(household);
            ledger.TryGetOpenOuting(household, person, out _);
        }

        var found = 0;
        var allocated = Allocations.LeastOf(3, () =>
        {
            for (var i = 0; i < 1000; i++)
            {
                found += ledger.CountOutings(household, window) + ledger.CountOpenOutings(household);
                found += ledger.TryGetOpenOuting(household, person, out _) ? 1 : 0;
            }
        });

        allocated.Should().Be(0, "the gate reads the ledger on every decision");
        found.Should().Be(9000);
    }

    [Fact]
    public void NullServices_Throws()
        => FluentActions.Invoking(() => CommunityControlServiceCollectionExtensions.AddCommunityControlStoreInstrumentation(null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("services");

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }

    private class TrackedPassageStore : IPassageStore, IAuditTrail, IDisposable
    {
        private readonly InMemoryPassageStore _inner = new();

        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;

        public ValueTask<AppendResult<PassageRecord>> AppendAsync(PassageRecord record, CancellationToken cancellationToken = default) => _inner.AppendAsync(record, cancellationToken);

        public ValueTask<PassageRecord?> FindAsync(string idempotencyKey, CancellationToken cancellationToken = default) => _inner.FindAsync(idempotencyKey, cancellationToken);

        public IAsyncEnumerable<PassageRecord> PassagesOfPersonAsync(PersonId person, Interval interval, CancellationToken cancellationToken = default) => _inner.PassagesOfPersonAsync(person, interval, cancellationToken);

        public IAsyncEnumerable<PassageRecord> PassagesAtGateAsync(ZoneId gate, Interval interval, CancellationToken cancellationToken = default) => _inner.PassagesAtGateAsync(gate, interval, cancellationToken);

        public IAsyncEnumerable<PassageRecord> PassagesWithinAsync(ZoneTree tree, ZoneId root, Interval interval, CancellationToken cancellationToken = default) => _inner.PassagesWithinAsync(tree, root, interval, cancellationToken);

        public ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default) => _inner.PurgeAsync(before, cancellationToken);

        public ValueTask<AppendResult<RecordRead>> AppendAsync(RecordRead read, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public IAsyncEnumerable<RecordRead> ReadsOfAsync(PersonId subject, Interval interval, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    private sealed class TrackedAuditTrail : TrackedPassageStore
    {
    }
}
