using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Measures;
using CommunityControl.Records;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CommunityControl.Tests.Records;

/// <summary>
/// What only the in-memory register has (its key arena, capacity, a retention period on a clock); the register's
/// contract runs on it in <see cref="StoreConformanceTests"/>.
/// </summary>
public class InMemoryPassageStoreTests
{
    [Fact]
    public async Task AppendAsync_KeysEndingExactlyAtTheKeyArenasChunk_TheNextKeyStartsANewChunk()
    {
        // Keys are kept as a length byte and their ASCII bytes in chunks of 1 MiB: 65,536 keys of 15 characters fill the
        // first chunk to its last byte, so the 65,537th starts a chunk not yet allocated (this once threw
        // IndexOutOfRangeException, depending on the order of concurrent appends).
        const int KeysPerChunk = (1 << 20) / 16;
        var store = new InMemoryPassageStore();
        for (var i = 0; i <= KeysPerChunk; i++)
        {
            var key = $"k-{i:D13}";
            key.Length.Should().Be(15);
            (await store.AppendAsync(Passages.At(key, "c1-a", $"p-{i % 97}", Passages.Start + Duration.FromSeconds(i)))).IsNew.Should().BeTrue();
        }

        store.Count.Should().Be(KeysPerChunk + 1);
        (await store.FindAsync($"k-{KeysPerChunk - 1:D13}"))!.IdempotencyKey.Should().Be($"k-{KeysPerChunk - 1:D13}");
        (await store.FindAsync($"k-{KeysPerChunk:D13}"))!.IdempotencyKey.Should().Be($"k-{KeysPerChunk:D13}");
        (await store.AppendAsync(Passages.At($"k-{KeysPerChunk:D13}", "c1-a", "p-1", Passages.Start))).IsNew.Should().BeFalse();
    }

    [Fact]
    public async Task Retention_UnderAFakeClock_HidesExpiredRecords_AndPurgeExpiredDeletesThem()
    {
        var clock = new FakeClock(Passages.Start);
        var store = new InMemoryPassageStore(new RecordStoreOptions { Retention = Duration.FromDays(14) }, clock);
        await store.AppendAsync(Passages.At("k-old", "c1-a", "p-1", Passages.Start));
        await store.AppendAsync(Passages.At("k-new", "c1-a", "p-1", Passages.Start + Duration.FromDays(1)));

        clock.Advance(Duration.FromDays(14));
        (await Passages.Keys(store.PassagesOfPersonAsync(PersonId.From("p-1"), new Interval(null, null)))).Should().Equal("k-old", "k-new");

        clock.Advance(Duration.FromTicks(1));
        (await Passages.Keys(store.PassagesOfPersonAsync(PersonId.From("p-1"), new Interval(null, null)))).Should().Equal("k-new");
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

    [Fact]
    public async Task Reads_MakeEveryPropertyAgain_EqualByValue_AsNewObjects()
    {
        var store = new InMemoryPassageStore();
        var full = new PassageRecord
        {
            IdempotencyKey = "dev-7:000123",
            Gate = ZoneId.From("c1-a"),
            At = Passages.Start + Duration.FromTicks(123_456_789),
            Person = PersonId.From("p-7f3a"),
            Household = HouseholdId.From("h-19c2"),
            Direction = GateDirection.Exit,
            Category = PersonCategory.Visitor,
            TemperatureCelsius = 37.34,
            HealthCode = HealthCodeColour.Yellow,
            PassId = "pass-88d1",
            Outcome = AccessOutcome.Escalate,
            Reasons = AccessReasons.FeverAboveThreshold | AccessReasons.HealthCodeNotAccepted,
            Obligations = AccessObligations.Register,
            MissingPermissions = Permissions.DenyEntry | Permissions.CompelIsolation,
            EscalateTo = Roles.CommunityWorker | Roles.Police,
            Operator = Role.PropertyStaff,
            Device = "dev-7",
        };
        var bare = new PassageRecord { IdempotencyKey = "k-bare", Gate = full.Gate, At = Passages.Start, Person = full.Person, Direction = GateDirection.Entry, Outcome = AccessOutcome.Allow };
        var nan = new PassageRecord { IdempotencyKey = "k-nan", Gate = full.Gate, At = Passages.Start, Person = full.Person, Direction = GateDirection.Entry, Outcome = AccessOutcome.Deny, TemperatureCelsius = double.NaN };
        await store.AppendAsync(full);
        await store.AppendAsync(bare);
        await store.AppendAsync(nan);

        var found = await store.FindAsync("dev-7:000123");
        found.Should().NotBeSameAs(full).And.Be(full);
        found!.GetHashCode().Should().Be(full.GetHashCode());
        (await store.FindAsync("k-bare")).Should().Be(bare, "absent household, pass, temperature and device come back absent");
        (await store.FindAsync("k-nan")).Should().Be(nan, "a reading is kept bit for bit, even NaN");
        (await store.AppendAsync(Passages.At("dev-7:000123", "c2", "p-1", Passages.Start))).Record.Should().Be(full);
        var again = await Records(store.PassagesOfPersonAsync(PersonId.From("p-7f3a"), new Interval(null, null)));
        again.Should().Equal(bare, nan, full);
        full.Should().NotBe(new PassageRecord
        {
            IdempotencyKey = full.IdempotencyKey, Gate = full.Gate, At = full.At, Person = full.Person, Household = full.Household, Direction = full.Direction,
            Category = full.Category, TemperatureCelsius = full.TemperatureCelsius, HealthCode = full.HealthCode, PassId = full.PassId, Outcome = full.Outcome,
            Reasons = full.Reasons, Obligations = full.Obligations, MissingPermissions = full.MissingPermissions, EscalateTo = full.EscalateTo, Operator = full.Operator,
            Device = "dev-8",
        }, "one property differs");
    }

    [Fact]
    public async Task At_IsKeptToTheNanosecond_Within1677To2262()
    {
        var store = new InMemoryPassageStore();
        var at = Passages.Start + Duration.FromNanoseconds(250);
        await store.AppendAsync(Passages.At("k-1", "c1-a", "p-1", at));
        await store.AppendAsync(Passages.At("k-2", "c1-a", "p-1", Instant.FromUtc(1677, 9, 22, 0, 0)));

        (await store.FindAsync("k-1"))!.At.Should().Be(at);
        (await Passages.Keys(store.PassagesAtGateAsync(ZoneId.From("c1-a"), new Interval(at + Duration.Epsilon, null)))).Should().BeEmpty();
        (await Passages.Keys(store.PassagesAtGateAsync(ZoneId.From("c1-a"), new Interval(Instant.MinValue, at + Duration.Epsilon)))).Should().Equal("k-2", "k-1");
        await FluentActions.Awaiting(async () => await store.AppendAsync(Passages.At("k-3", "c1-a", "p-1", Instant.FromUtc(2262, 4, 12, 0, 0))))
            .Should().ThrowAsync<ArgumentOutOfRangeException>().WithParameterName("record");
        await FluentActions.Awaiting(async () => await store.AppendAsync(Passages.At("k-3", "c1-a", "p-1", Instant.FromUtc(1677, 9, 20, 0, 0))))
            .Should().ThrowAsync<ArgumentOutOfRangeException>().WithParameterName("record");
    }

    [Fact]
    public async Task Purge_OnARandomRegister_KeepsQueriesEqualToABruteForceScan_AndKeysFindable()
    {
        var random = new Random(20220401);
        var store = new InMemoryPassageStore();
        var all = new List<PassageRecord>();
        for (var i = 0; i < 2_000; i++)
        {
            var record = Passages.At($"k-{i}", Passages.Gates[random.Next(Passages.Gates.Length)], $"p-{random.Next(30)}", Passages.Start + Duration.FromMinutes(random.Next(0, 10 * 1440)), household: $"h-{random.Next(10)}");
            all.Add(record);
            await store.AppendAsync(record);
        }

        var before = Passages.Start + Duration.FromMinutes(random.Next(2 * 1440, 6 * 1440));
        var purged = await store.PurgeAsync(before);
        (await store.PurgeAsync(before)).Should().Be(0, "nothing older is left");

        var kept = all.Where(r => r.At >= before).ToList();
        purged.Should().Be(all.Count - kept.Count);
        store.Count.Should().Be(kept.Count);
        foreach (var r in all)
        {
            (await store.FindAsync(r.IdempotencyKey)).Should().Be(r.At >= before ? r : null);
        }

        for (var p = 0; p < 30; p++)
        {
            var person = PersonId.From($"p-{p}");
            (await Records(store.PassagesOfPersonAsync(person, new Interval(null, null)))).Should().Equal(kept.Where(r => r.Person == person).OrderBy(r => r.At));
        }

        foreach (var g in Passages.Gates)
        {
            var gate = ZoneId.From(g);
            (await Records(store.PassagesAtGateAsync(gate, new Interval(null, null)))).Should().Equal(kept.Where(r => r.Gate == gate).OrderBy(r => r.At));
        }

        (await store.AppendAsync(all.First(r => r.At < before))).IsNew.Should().BeTrue("a purged key is forgotten");
        (await store.AppendAsync(kept[0])).IsNew.Should().BeFalse("a kept key is still held");
    }

    [Fact]
    public async Task AppendAfterPurge_PeopleSwitchingHouseholdsAndPasses_QueriesEqualABruteForceScan()
    {
        // People switch between households and passes and back, gates alternate entries and exits, passages come out of
        // order across days: every cached "last" (household and pass, shape, day) must be checked, never trusted.
        var random = new Random(11);
        var store = new InMemoryPassageStore();
        var all = new List<PassageRecord>();
        var next = 0;
        async Task AppendSome(int count, int fromDay, int toDay)
        {
            for (var i = 0; i < count; i++, next++)
            {
                var direction = random.Next(2) == 0 ? GateDirection.Entry : GateDirection.Exit;
                var at = Passages.Start + Duration.FromMinutes(random.Next(fromDay * 1440, toDay * 1440));
                var record = Passages.At($"k-{next}", Passages.Gates[random.Next(Passages.Gates.Length)], $"p-{random.Next(40)}", at, direction, household: random.Next(4) == 0 ? null : $"h-{random.Next(3)}");
                if (random.Next(5) == 0)
                {
                    record = new PassageRecord
                    {
                        IdempotencyKey = record.IdempotencyKey, Gate = record.Gate, At = record.At, Person = record.Person, Household = record.Household,
                        PassId = $"pass-{random.Next(2)}", Direction = record.Direction, Category = record.Category, Outcome = record.Outcome,
                    };
                }

                all.Add(record);
                (await store.AppendAsync(record)).IsNew.Should().BeTrue();
            }
        }

        await AppendSome(1_500, 0, 10);
        var before = Passages.Start + Duration.FromDays(4) + Duration.FromMinutes(random.Next(1440));
        (await store.PurgeAsync(before)).Should().Be(all.Count(r => r.At < before));
        all.RemoveAll(r => r.At < before);
        await AppendSome(1_500, 3, 12);
        foreach (var r in all)
        {
            (await store.AppendAsync(r)).IsNew.Should().BeFalse("a retry of a held key records nothing");
        }

        store.Count.Should().Be(all.Count);
        for (var p = 0; p < 40; p++)
        {
            var person = PersonId.From($"p-{p}");
            (await Records(store.PassagesOfPersonAsync(person, new Interval(null, null)))).Should().Equal(all.Where(r => r.Person == person).OrderBy(r => r.At));
        }

        var window = new Interval(Passages.Start + Duration.FromDays(5) + Duration.FromHours(7), Passages.Start + Duration.FromDays(9) + Duration.FromHours(3));
        foreach (var g in Passages.Gates)
        {
            var gate = ZoneId.From(g);
            (await Records(store.PassagesAtGateAsync(gate, new Interval(null, null)))).Should().Equal(all.Where(r => r.Gate == gate).OrderBy(r => r.At));
            (await Passages.Keys(store.PassagesAtGateAsync(gate, window))).Should().Equal(Passages.Brute(all, r => r.Gate == gate, window));
        }
    }

    [Fact]
    public async Task PersonIds_AroundTheLengthComparedInPlace_AreTellApart_ByEveryCharacter()
    {
        // The store compares ids of up to 32 characters from a copy beside the person's entry and longer ones as strings:
        // ids of 31 to 34 and 63 to 64 characters that differ only in their last character, or only in length.
        var ids = new List<string>();
        foreach (var length in new[] { 1, 31, 32, 33, 34, 63, 64 })
        {
            ids.Add(new string('a', length));
            ids.Add(new string('a', length - 1) + "b");
        }

        var store = new InMemoryPassageStore();
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                // A new string each time, as a scanned request carries it.
                var person = new string(ids[i].AsSpan());
                (await store.AppendAsync(Passages.At($"k-{round}-{i}", "c1-a", person, Passages.Start + Duration.FromMinutes((round * 100) + i)))).IsNew.Should().BeTrue();
            }
        }

        for (var i = 0; i < ids.Count; i++)
        {
            (await Passages.Keys(store.PassagesOfPersonAsync(PersonId.From(new string(ids[i].AsSpan())), new Interval(null, null))))
                .Should().Equal($"k-0-{i}", $"k-1-{i}", $"k-2-{i}");
        }

        (await Passages.Keys(store.PassagesOfPersonAsync(PersonId.From(new string('b', 32)), new Interval(null, null)))).Should().BeEmpty();
        (await Passages.Keys(store.PassagesOfPersonAsync(PersonId.From(new string('a', 40)), new Interval(null, null)))).Should().BeEmpty();
    }

    internal static async Task<List<PassageRecord>> Records(IAsyncEnumerable<PassageRecord> records)
    {
        var list = new List<PassageRecord>();
        await foreach (var r in records)
        {
            list.Add(r);
        }

        return list;
    }
}
