using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Authority;
using CommunityControl.Editions;
using CommunityControl.Measures;
using CommunityControl.Records;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CommunityControl.Tests.Records;

public class RetentionAndAuditTests
{
    private static readonly Duration Period = Duration.FromDays(14);
    private static readonly PersonId P1 = PersonId.From("p-1");
    private static readonly QuarantinePlan Ninth = PolicyEditions.China.NinthEdition.Measures!.PlanFor(ExposureCategory.CloseContact)!;
    private static readonly RecordReader Worker = new(PersonId.From("staff-7"), Role.CommunityWorker, "contact-tracing");

    private static readonly ZoneTree Tree = new ZoneTreeBuilder()
        .Add("c1", ZoneKind.Community)
        .Add("c1-a", ZoneKind.Compound, parent: "c1", gates: 1)
        .Add("c1-b", ZoneKind.Compound, parent: "c1", gates: 1)
        .Build();

    [Fact]
    public async Task Passages_PastTheirPeriod_AreReturnedByNoRead_BeforeAnyPurge()
    {
        var clock = new FakeClock(Passages.Start);
        var store = new InMemoryPassageStore(new RecordStoreOptions { Retention = Period }, clock);
        await store.AppendAsync(Passages.At("k-old", "c1-a", "p-1", Passages.Start));
        await store.AppendAsync(Passages.At("k-new", "c1-a", "p-2", Passages.Start + Duration.FromDays(2)));
        clock.Advance(Period + Duration.FromDays(1));

        (await store.FindAsync("k-old")).Should().BeNull();
        (await Passages.Keys(store.PassagesOfPersonAsync(P1, new Interval(null, null)))).Should().BeEmpty();
        (await Passages.Keys(store.PassagesAtGateAsync(ZoneId.From("c1-a"), new Interval(null, null)))).Should().Equal("k-new");
        (await Passages.Keys(store.PassagesWithinAsync(Tree, ZoneId.From("c1"), new Interval(null, null)))).Should().Equal("k-new");
        store.Count.Should().Be(2, "hidden, not yet purged");
        (await store.AppendAsync(Passages.At("k-old", "c1-b", "p-3", clock.GetCurrentInstant()))).IsNew.Should().BeFalse("the key is held until purged");
    }

    [Fact]
    public async Task HealthReports_PastTheirPeriod_AreNotReturned_BeforeAnyPurge_AndPurgeExpiredDeletesThem()
    {
        var clock = new FakeClock(Passages.Start);
        var store = new InMemoryHealthReportStore(new RecordStoreOptions { Retention = Period }, clock);
        await store.AppendAsync(new HealthReport { IdempotencyKey = "r-old", Person = P1, At = Passages.Start, TemperatureCelsius = 36.5 });
        await store.AppendAsync(new HealthReport { IdempotencyKey = "r-new", Person = P1, At = Passages.Start + Duration.FromDays(1), TemperatureCelsius = 36.6 });

        clock.Advance(Period);
        (await Keys(store.ReportsOfPersonAsync(P1, new Interval(null, null)))).Should().Equal("r-old", "r-new");
        clock.Advance(Duration.Epsilon);
        (await Keys(store.ReportsOfPersonAsync(P1, new Interval(null, null)))).Should().Equal("r-new");
        store.Count.Should().Be(2);
        (await store.PurgeExpiredAsync()).Should().Be(1);
        store.Count.Should().Be(1);
    }

    [Fact]
    public async Task FollowUps_PastTheirPeriod_CountedFromTheEndOfTheLastDay_AreNotReturned_BeforeAnyPurge()
    {
        var exposedOn = new LocalDate(2022, 7, 1);
        var schedule = FollowUpSchedule.Create(P1, ExposureCategory.CloseContact, Ninth, exposedOn);
        var end = schedule.Until.PlusDays(1).AtMidnight().InUtc().ToInstant();
        var clock = new FakeClock(end - Duration.FromDays(3));
        var store = new InMemoryFollowUpStore(new RecordStoreOptions { Retention = Period }, clock);
        await store.SaveAsync(schedule);

        clock.Reset(end + Period);
        (await store.FindAsync(P1)).Should().BeSameAs(schedule, "exactly the period old is still kept");
        (await Schedules(store.ActiveOnAsync(schedule.Until))).Should().ContainSingle();
        (await store.PurgeExpiredAsync()).Should().Be(0);

        clock.Advance(Duration.Epsilon);
        (await store.FindAsync(P1)).Should().BeNull("past its period");
        (await Schedules(store.ActiveOnAsync(schedule.Until))).Should().BeEmpty();
        store.Count.Should().Be(1, "hidden, not yet purged");
        (await store.PurgeExpiredAsync()).Should().Be(1);
        store.Count.Should().Be(0);
        FluentActions.Invoking(() => new InMemoryFollowUpStore(new RecordStoreOptions { Retention = Period })).Should().Throw<ArgumentNullException>().WithParameterName("clock");
        (await new InMemoryFollowUpStore().PurgeExpiredAsync()).Should().Be(0, "no period, nothing expires");
    }

    [Fact]
    public async Task AuditedPassageStore_RecordsWhoReadWhosePassages_WithRoleAndPurposeAndTime_ForEveryPersonalRead()
    {
        var clock = new FakeClock(Passages.Start + Duration.FromDays(1));
        var inner = new InMemoryPassageStore();
        var trail = new ListTrail();
        var store = new AuditedPassageStore(inner, trail, Worker, clock);
        await store.AppendAsync(Passages.At("k-1", "c1-a", "p-1", Passages.Start));
        await store.AppendAsync(Passages.At("k-2", "c1-a", "p-2", Passages.Start + Duration.FromMinutes(2)));
        await store.AppendAsync(Passages.At("k-3", "c1-a", "p-2", Passages.Start + Duration.FromMinutes(3)));
        await store.AppendAsync(Passages.At("k-4", "c1-b", "p-3", Passages.Start));
        (await AllReads(trail)).Should().BeEmpty("appends are not reads");

        (await Passages.Keys(store.PassagesOfPersonAsync(PersonId.From("p-9"), new Interval(null, null)))).Should().BeEmpty();
        clock.Advance(Duration.FromMinutes(1));
        (await store.FindAsync("k-4"))!.IdempotencyKey.Should().Be("k-4");
        (await store.FindAsync("k-none")).Should().BeNull();
        clock.Advance(Duration.FromMinutes(1));
        (await Passages.Keys(store.PassagesAtGateAsync(ZoneId.From("c1-a"), new Interval(null, null)))).Should().Equal("k-1", "k-2", "k-3");
        (await Passages.Keys(store.PassagesWithinAsync(Tree, ZoneId.From("c1"), new Interval(null, null)))).Should().HaveCount(4);

        var reads = await AllReads(trail);
        reads.Select(r => (r.Subject.Value, r.At - Passages.Start)).Should().Equal(
            ("p-9", Duration.FromDays(1)),
            ("p-3", Duration.FromDays(1) + Duration.FromMinutes(1)),
            ("p-1", Duration.FromDays(1) + Duration.FromMinutes(2)),
            ("p-2", Duration.FromDays(1) + Duration.FromMinutes(2)),
            ("p-1", Duration.FromDays(1) + Duration.FromMinutes(2)),
            ("p-3", Duration.FromDays(1) + Duration.FromMinutes(2)),
            ("p-2", Duration.FromDays(1) + Duration.FromMinutes(2)));
        reads.Should().OnlyContain(r => r.Reader == Worker.Id && r.ReaderRole == Role.CommunityWorker && r.Purpose == "contact-tracing" && r.Kind == RecordKind.Passages);
        reads.Select(r => r.IdempotencyKey).Should().OnlyHaveUniqueItems();
        inner.Count.Should().Be(4);
        Worker.ToString().Should().Be("A CommunityWorker for contact-tracing");
    }

    [Fact]
    public async Task AuditedPassageStore_TracingThroughIt_RecordsTheCaseAndEveryContact()
    {
        var clock = new FakeClock(Passages.Start + Duration.FromDays(1));
        var trail = new ListTrail();
        var store = new AuditedPassageStore(new InMemoryPassageStore(), trail, Worker, clock);
        await store.AppendAsync(Passages.At("k-1", "c1-a", "p-case", Passages.Start));
        await store.AppendAsync(Passages.At("k-2", "c1-a", "p-near", Passages.Start + Duration.FromMinutes(4)));
        await store.AppendAsync(Passages.At("k-3", "c1-a", "p-far", Passages.Start + Duration.FromHours(3)));

        var result = await CoPresenceTracing.TraceAsync(store, new CoPresenceQuery
        {
            Case = PersonId.From("p-case"),
            InfectiousPeriod = new Interval(Passages.Start, Passages.Start + Duration.FromDays(1)),
            Window = Duration.FromMinutes(5),
        });

        result.Contacts.Select(c => c.Person.Value).Should().Equal("p-near");
        (await AllReads(trail)).Select(r => r.Subject.Value).Should().Equal("p-case", "p-case", "p-near");
    }

    [Fact]
    public async Task AuditedHealthReportAndFollowUpStores_RecordEveryPersonalRead()
    {
        var clock = new FakeClock(Passages.Start);
        var trail = new ListTrail();
        var reports = new AuditedHealthReportStore(new InMemoryHealthReportStore(), trail, Worker, clock);
        var followUps = new AuditedFollowUpStore(new InMemoryFollowUpStore(), trail, Worker, clock);
        await reports.AppendAsync(new HealthReport { IdempotencyKey = "r-1", Person = P1, At = Passages.Start, TemperatureCelsius = 36.5 });
        var exposedOn = new LocalDate(2022, 7, 1);
        await followUps.SaveAsync(FollowUpSchedule.Create(P1, ExposureCategory.CloseContact, Ninth, exposedOn));
        await followUps.SaveAsync(FollowUpSchedule.Create(PersonId.From("p-2"), ExposureCategory.CloseContact, Ninth, exposedOn));
        (await AllReads(trail)).Should().BeEmpty("writes are not reads");

        (await Keys(reports.ReportsOfPersonAsync(P1, new Interval(null, null)))).Should().Equal("r-1");
        (await followUps.FindAsync(PersonId.From("p-3"))).Should().BeNull();
        (await Schedules(followUps.ActiveOnAsync(exposedOn))).Should().HaveCount(2);

        (await AllReads(trail)).Select(r => (r.Subject.Value, r.Kind)).Should().Equal(
            ("p-1", RecordKind.HealthReports), ("p-3", RecordKind.FollowUps), ("p-1", RecordKind.FollowUps), ("p-2", RecordKind.FollowUps));
    }

    [Fact]
    public async Task AuditedStore_WhenTheTrailFails_ReturnsNothingUnrecorded_AndArgumentsAreChecked()
    {
        var inner = new InMemoryPassageStore();
        await inner.AppendAsync(Passages.At("k-1", "c1-a", "p-1", Passages.Start));
        var store = new AuditedPassageStore(inner, new FailingTrail(), Worker, new FakeClock(Passages.Start));
        var returned = new List<PassageRecord>();

        await FluentActions.Awaiting(async () =>
        {
            await foreach (var r in store.PassagesAtGateAsync(ZoneId.From("c1-a"), new Interval(null, null)))
            {
                returned.Add(r);
            }
        }).Should().ThrowAsync<InvalidOperationException>();
        await FluentActions.Awaiting(async () => await store.FindAsync("k-1")).Should().ThrowAsync<InvalidOperationException>();
        returned.Should().BeEmpty();
        FluentActions.Invoking(() => store.PassagesOfPersonAsync(default, new Interval(null, null))).Should().Throw<ArgumentException>().WithParameterName("person");
        FluentActions.Invoking(() => new AuditedPassageStore(inner, null!, Worker, SystemClock.Instance)).Should().Throw<ArgumentNullException>().WithParameterName("trail");
        FluentActions.Invoking(() => new RecordReader(PersonId.From("s-1"), Role.CommunityWorker, "no purpose")).Should().Throw<ArgumentException>().WithParameterName("purpose");
        FluentActions.Invoking(() => new RecordReader(default, Role.CommunityWorker, "follow-up")).Should().Throw<ArgumentException>().WithParameterName("id");
    }

    private static Task<List<RecordRead>> AllReads(ListTrail trail) => Task.FromResult(trail.Reads);

    private static async Task<List<string>> Keys(IAsyncEnumerable<HealthReport> reports)
    {
        var keys = new List<string>();
        await foreach (var r in reports)
        {
            keys.Add(r.IdempotencyKey);
        }

        return keys;
    }

    private static async Task<List<FollowUpSchedule>> Schedules(IAsyncEnumerable<FollowUpSchedule> schedules)
    {
        var list = new List<FollowUpSchedule>();
        await foreach (var s in schedules)
        {
            list.Add(s);
        }

        return list;
    }

    /// <summary>A trail that keeps the reads in the order they were recorded (the in-memory trail lists them per subject).</summary>
    private sealed class ListTrail : IAuditTrail
    {
        public List<RecordRead> Reads { get; } = new();

        public ValueTask<AppendResult<RecordRead>> AppendAsync(RecordRead read, CancellationToken cancellationToken = default)
        {
            lock (Reads)
            {
                Reads.Add(read);
            }

            return new ValueTask<AppendResult<RecordRead>>(new AppendResult<RecordRead>(read, true));
        }

        public IAsyncEnumerable<RecordRead> ReadsOfAsync(PersonId subject, Interval interval, CancellationToken cancellationToken = default)
            => throw new NotSupportedException();

        public ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default)
            => throw new NotSupportedException();
    }

    private sealed class FailingTrail : IAuditTrail
    {
        public ValueTask<AppendResult<RecordRead>> AppendAsync(RecordRead read, CancellationToken cancellationToken = default)
            => throw new InvalidOperationException("The trail is down.");

        public IAsyncEnumerable<RecordRead> ReadsOfAsync(PersonId subject, Interval interval, CancellationToken cancellationToken = default)
            => throw new NotSupportedException();

        public ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default)
            => throw new NotSupportedException();
    }
}
