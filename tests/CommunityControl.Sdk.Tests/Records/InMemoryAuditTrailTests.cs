using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using CommunityControl.Authority;
using CommunityControl.Records;
using FluentAssertions;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CommunityControl.Tests.Records;

public class InMemoryAuditTrailTests
{
    private static readonly PersonId Subject = PersonId.From("p-subject");

    [Fact]
    public async Task ReadsOfAsync_TellsWhoReadWhoseRecordsForWhatAndWhen_OncePerKey()
    {
        var trail = new InMemoryAuditTrail();
        var read = Read("a-1", "staff-1", Passages.Start, RecordKind.Tracing, "contact-tracing");

        (await trail.AppendAsync(read)).IsNew.Should().BeTrue();
        (await trail.AppendAsync(Read("a-1", "staff-9", Passages.Start, RecordKind.Passages, "other"))).Should().Be(new AppendResult<RecordRead>(read, false));
        await trail.AppendAsync(Read("a-2", "staff-2", Passages.Start + Duration.FromHours(1), RecordKind.FollowUps, "follow-up"));
        await trail.AppendAsync(Read("a-3", "staff-2", Passages.Start, RecordKind.Passages, "follow-up", subject: "p-other"));

        var reads = new List<RecordRead>();
        await foreach (var r in trail.ReadsOfAsync(Subject, new Interval(Passages.Start, Passages.Start + Duration.FromHours(2))))
        {
            reads.Add(r);
        }

        reads.Should().HaveCount(2);
        reads[0].Should().BeSameAs(read);
        reads[1].Reader.Should().Be(PersonId.From("staff-2"));
        reads[1].Purpose.Should().Be("follow-up");
        trail.Count.Should().Be(3);
        read.ToString().Should().Be("Read of Tracing for contact-tracing by a CommunityWorker at 2022-04-01T00:00:00Z").And.NotContain("staff-1").And.NotContain("p-subject");
    }

    [Fact]
    public async Task Retention_UnderAFakeClock_HidesAndPurgesOldReads()
    {
        var clock = new FakeClock(Passages.Start);
        var trail = new InMemoryAuditTrail(new RecordStoreOptions { Retention = Duration.FromDays(30) }, clock);
        await trail.AppendAsync(Read("a-1", "staff-1", Passages.Start, RecordKind.Passages, "follow-up"));

        clock.Advance(Duration.FromDays(30) + Duration.Epsilon);
        var reads = new List<RecordRead>();
        await foreach (var r in trail.ReadsOfAsync(Subject, new Interval(null, null)))
        {
            reads.Add(r);
        }

        reads.Should().BeEmpty("nothing past its period is returned");
        (await trail.PurgeExpiredAsync()).Should().Be(1);
    }

    [Fact]
    public void RecordRead_InvalidValues_ThrowNamingTheProperty()
    {
        FluentActions.Invoking(() => Read("a-1", "staff-1", Passages.Start, RecordKind.Unknown, "x")).Should().Throw<ArgumentException>().WithParameterName("Kind");
        FluentActions.Invoking(() => Read("a-1", "staff-1", Passages.Start, RecordKind.Passages, "no spaces")).Should().Throw<ArgumentException>().WithParameterName("Purpose");
        FluentActions.Invoking(() => new RecordRead { IdempotencyKey = "a", At = Passages.Start, Reader = default, Subject = Subject, Kind = RecordKind.Passages, Purpose = "x" })
            .Should().Throw<ArgumentException>().WithParameterName("Reader");
        FluentActions.Invoking(() => new InMemoryAuditTrail().ReadsOfAsync(default, new Interval(null, null))).Should().Throw<ArgumentException>().WithParameterName("subject");
    }

    private static RecordRead Read(string key, string reader, Instant at, RecordKind kind, string purpose, string subject = "p-subject") => new()
    {
        IdempotencyKey = key,
        At = at,
        Reader = PersonId.From(reader),
        ReaderRole = Role.CommunityWorker,
        Subject = PersonId.From(subject),
        Kind = kind,
        Purpose = purpose,
    };
}
