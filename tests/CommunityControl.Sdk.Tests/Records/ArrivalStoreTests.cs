using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CommunityControl.Authority;
using CommunityControl.Records;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CommunityControl.Tests.Records;

public class ArrivalStoreTests
{
    private static readonly Instant Start = Instant.FromUtc(2022, 7, 10, 2, 0);
    private static readonly PersonId P1 = PersonId.From("p-1");

    [Fact]
    public async Task AppendAsync_SameKeyTwice_RecordsOnce_TheFirstWins()
    {
        var store = new InMemoryArrivalStore();
        var first = Arrival("a-1", "p-1", Start);

        (await store.AppendAsync(first)).IsNew.Should().BeTrue();
        var retry = await store.AppendAsync(Arrival("a-1", "p-2", Start + Duration.FromHours(1)));

        retry.IsNew.Should().BeFalse();
        retry.Record.Should().BeSameAs(first);
        store.Count.Should().Be(1);
        (await store.FindAsync("a-1")).Should().BeSameAs(first);
        (await store.FindAsync("a-2")).Should().BeNull();
    }

    [Fact]
    public async Task AppendAsync_ConcurrentRetriesOfEveryKey_EachRecordedExactlyOnce()
    {
        var store = new InMemoryArrivalStore();
        var tasks = Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            var news = 0;
            for (var i = 0; i < 500; i++)
            {
                news += (await store.AppendAsync(Arrival($"a-{i}", $"p-{i % 37}", Start + Duration.FromMinutes(i)))).IsNew ? 1 : 0;
            }

            return news;
        })).ToList();

        (await Task.WhenAll(tasks)).Sum().Should().Be(500);
        store.Count.Should().Be(500);
        (await All(store.ArrivalsAsync(new Interval(null, null)))).Select(a => a.IdempotencyKey).Should().Equal(Enumerable.Range(0, 500).Select(i => $"a-{i}"));
    }

    [Fact]
    public async Task Queries_ByPersonAndByInterval_OrderedByInstant_StartInclusiveEndExclusive()
    {
        var store = new InMemoryArrivalStore();
        await store.AppendAsync(Arrival("a-3", "p-1", Start + Duration.FromDays(2)));
        await store.AppendAsync(Arrival("a-1", "p-1", Start));
        await store.AppendAsync(Arrival("a-2", "p-2", Start + Duration.FromDays(1)));

        (await All(store.ArrivalsOfPersonAsync(P1, new Interval(null, null)))).Select(a => a.IdempotencyKey).Should().Equal("a-1", "a-3");
        (await All(store.ArrivalsAsync(new Interval(Start, Start + Duration.FromDays(2))))).Select(a => a.IdempotencyKey).Should().Equal("a-1", "a-2");
        (await All(store.ArrivalsAsync(new Interval(Start + Duration.Epsilon, null)))).Select(a => a.IdempotencyKey).Should().Equal("a-2", "a-3");
        (await store.PurgeAsync(Start + Duration.FromDays(1))).Should().Be(1);
        (await All(store.ArrivalsAsync(new Interval(null, null)))).Select(a => a.IdempotencyKey).Should().Equal("a-2", "a-3");
    }

    [Fact]
    public async Task Retention_PastThePeriod_NotReturnedBeforeAnyPurge_PurgeExpiredDeletes_CapacityIsAClearError()
    {
        var clock = new FakeClock(Start);
        var store = new InMemoryArrivalStore(new RecordStoreOptions { Retention = Duration.FromDays(14), Capacity = 2 }, clock);
        await store.AppendAsync(Arrival("a-old", "p-1", Start));
        await store.AppendAsync(Arrival("a-new", "p-1", Start + Duration.FromDays(1)));
        clock.Advance(Duration.FromDays(14) + Duration.Epsilon);

        (await store.FindAsync("a-old")).Should().BeNull();
        (await All(store.ArrivalsOfPersonAsync(P1, new Interval(null, null)))).Select(a => a.IdempotencyKey).Should().Equal("a-new");
        await FluentActions.Awaiting(async () => await store.AppendAsync(Arrival("a-3", "p-3", Start))).Should().ThrowAsync<InvalidOperationException>();
        (await store.PurgeExpiredAsync()).Should().Be(1);
        store.Count.Should().Be(1);
        FluentActions.Invoking(() => new InMemoryArrivalStore(new RecordStoreOptions { Retention = Duration.FromDays(1) })).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("clock");
    }

    [Fact]
    public void InvalidRecord_RefusedAsItIsBuilt_ArgumentExceptionNamingTheProperty_NeverTheValue()
    {
        Refused(() => new ArrivalRecord { IdempotencyKey = "a 1", Person = P1, Destination = ZoneId.From("c1"), ArrivedAt = Start, Origin = "310000" }, "IdempotencyKey")
            .Should().NotContain("a 1");
        Refused(() => new ArrivalRecord { IdempotencyKey = null!, Person = P1, Destination = ZoneId.From("c1"), ArrivedAt = Start, Origin = "310000" }, "IdempotencyKey");
        Refused(() => new ArrivalRecord { IdempotencyKey = "a-1", Person = default, Destination = ZoneId.From("c1"), ArrivedAt = Start, Origin = "310000" }, "Person");
        Refused(() => new ArrivalRecord { IdempotencyKey = "a-1", Person = P1, Destination = default, ArrivedAt = Start, Origin = "310000" }, "Destination");
        Refused(() => new ArrivalRecord { IdempotencyKey = "a-1", Person = P1, Destination = ZoneId.From("c1"), ArrivedAt = Start, Origin = "上海" }, "Origin")
            .Should().NotContain("上海");
        Refused(() => new ArrivalRecord { IdempotencyKey = "a-1", Person = P1, Destination = ZoneId.From("c1"), ArrivedAt = Start, Origin = "310000", Itinerary = null! }, "Itinerary");
        Refused(() => Arrival("a-1", "p-1", Start, new ItineraryStop[] { null! }), "Itinerary").Should().Contain("index 0");
        Refused(() => new ItineraryStop { Place = "张江镇", From = new LocalDate(2022, 7, 4), To = new LocalDate(2022, 7, 5) }, "Place").Should().NotContain("张江镇");
        Refused(() => new ItineraryStop { Place = "310104", Level = string.Empty, From = new LocalDate(2022, 7, 4), To = new LocalDate(2022, 7, 4) }, "Level");
        Refused(() => new ItineraryStop { Place = "310104", Level = "高\0", From = new LocalDate(2022, 7, 4), To = new LocalDate(2022, 7, 4) }, "Level")
            .Should().NotContain("高", "a level is a code of the scale, checked like a key; a NUL or a lone surrogate never reaches a store");
        Refused(() => new ItineraryStop { Place = "310104", Level = "\ud800", From = new LocalDate(2022, 7, 4), To = new LocalDate(2022, 7, 4) }, "Level");
        new ItineraryStop { Place = "310104", Level = "High", From = new LocalDate(2022, 7, 4), To = new LocalDate(2022, 7, 4) }.Level.Should().Be("High");
    }

    [Fact]
    public void ItineraryStop_ADayOfAnotherCalendar_RefusedNamingTheProperty_TheIsoDayOfTheSameDateIsKept()
    {
        var julian = new LocalDate(2022, 6, 21, CalendarSystem.Julian);

        Refused(() => new ItineraryStop { Place = "310104", From = julian, To = new LocalDate(2022, 7, 5) }, "From");
        Refused(() => new ItineraryStop { Place = "310104", From = new LocalDate(2022, 7, 1), To = julian }, "To");
        new ItineraryStop { Place = "310104", From = julian.WithCalendar(CalendarSystem.Iso), To = new LocalDate(2022, 7, 5) }.From
            .Should().Be(new LocalDate(2022, 7, 4), "the Julian 21 June 2022 is the ISO 4 July");
    }

    [Fact]
    public void ItineraryStop_ToBeforeFrom_RefusedWhicheverIsSetFirst_TheSameDayIsAOneDayStay()
    {
        var july4 = new LocalDate(2022, 7, 4);
        var july5 = new LocalDate(2022, 7, 5);

        Refused(() => new ItineraryStop { Place = "310104", From = july5, To = july4 }, "To");
        Refused(() => new ItineraryStop { Place = "310104", To = july4, From = july5 }, "To");
        new ItineraryStop { Place = "310104", From = july4, To = july4 }.ToString().Should().Be("310104 2022-07-04..2022-07-04 (level unknown)");
        new ItineraryStop { Place = "310104", To = july5, From = july4, Level = "High" }.From.Should().Be(july4);
    }

    [Fact]
    public async Task AuditedArrivalStore_RecordsEveryPersonalRead_WritesAreNotReads()
    {
        var clock = new FakeClock(Start);
        var trail = new InMemoryAuditTrail();
        var reader = new RecordReader(PersonId.From("staff-1"), Role.CommunityWorker, "arrival-register");
        var store = new AuditedArrivalStore(new InMemoryArrivalStore(), trail, reader, clock);
        await store.AppendAsync(Arrival("a-1", "p-1", Start));
        await store.AppendAsync(Arrival("a-2", "p-2", Start));
        (await Reads(trail, "p-1")).Should().BeEmpty("writes are not reads");

        await store.FindAsync("a-1");
        await All(store.ArrivalsAsync(new Interval(null, null)));
        await All(store.ArrivalsOfPersonAsync(PersonId.From("p-3"), new Interval(null, null)));

        (await Reads(trail, "p-1")).Should().HaveCount(2).And.OnlyContain(r => r.Kind == RecordKind.Arrivals && r.Purpose == "arrival-register" && r.ReaderRole == Role.CommunityWorker);
        (await Reads(trail, "p-2")).Should().ContainSingle();
        (await Reads(trail, "p-3")).Should().ContainSingle("a read of a person with no arrival is still a read");
    }

    internal static ArrivalRecord Arrival(string key, string person, Instant at, params ItineraryStop[] stops) => new()
    {
        IdempotencyKey = key,
        Person = PersonId.From(person),
        Destination = ZoneId.From("c1-a"),
        ArrivedAt = at,
        Origin = "310000",
        Itinerary = stops,
    };

    private static string Refused(Func<object> build, string property)
    {
        var thrown = FluentActions.Invoking(build).Should().Throw<ArgumentException>().Which;
        thrown.ParamName.Should().Be(property);
        return thrown.Message;
    }

    private static async Task<List<ArrivalRecord>> All(IAsyncEnumerable<ArrivalRecord> arrivals)
    {
        var list = new List<ArrivalRecord>();
        await foreach (var a in arrivals)
        {
            list.Add(a);
        }

        return list;
    }

    private static async Task<List<RecordRead>> Reads(InMemoryAuditTrail trail, string subject)
    {
        var list = new List<RecordRead>();
        await foreach (var r in trail.ReadsOfAsync(PersonId.From(subject), new Interval(null, null)))
        {
            list.Add(r);
        }

        return list;
    }
}
