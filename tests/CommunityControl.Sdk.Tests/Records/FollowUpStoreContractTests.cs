using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Editions;
using CommunityControl.Measures;
using CommunityControl.Records;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Records;

/// <summary>
/// The contract of <see cref="IFollowUpStore"/>, run against every store (in memory, PostgreSQL): one schedule per
/// person, replaced only by a later revision (retries and stale writers change nothing, concurrent writers leave the
/// newest), a schedule read back behaves as the one saved (every day's status and test, release, end), the daily list's
/// edges and order, purge by last day, argument checks and cancellation.
/// </summary>
public abstract class FollowUpStoreContractTests
{
    private static readonly PersonId Person = PersonId.From("p-contact-1");
    private static readonly LocalDate July1 = new(2022, 7, 1);
    private static readonly QuarantinePlan Ninth = PolicyEditions.China.NinthEdition.Measures!.PlanFor(ExposureCategory.CloseContact)!;
    private static readonly QuarantinePlan Twenty = PolicyEditions.China.TwentyMeasures.Measures!.PlanFor(ExposureCategory.CloseContact)!;

    /// <summary>Creates an empty store (each test gets its own).</summary>
    protected abstract IFollowUpStore CreateStore();

    [Fact]
    public async Task SaveAsync_KeepsTheHighestRevision_RetryAndStaleWriterChangeNothing()
    {
        var store = CreateStore();
        var created = FollowUpSchedule.Create(Person, ExposureCategory.CloseContact, Ninth, July1);
        var extended = created.Extend(new LocalDate(2022, 7, 4));

        (await store.SaveAsync(created)).IsNew.Should().BeTrue();
        (await store.SaveAsync(extended)).IsNew.Should().BeTrue();
        var retry = await store.SaveAsync(extended);
        var stale = await store.SaveAsync(created.End(new LocalDate(2022, 7, 2), FollowUpEndReason.RuledOut));

        retry.IsNew.Should().BeFalse("a retried save is not applied twice");
        stale.IsNew.Should().BeFalse("a stale writer does not overwrite a newer revision");
        stale.Record.Revision.Should().Be(1);
        stale.Record.Exposures.Should().Equal(July1, new LocalDate(2022, 7, 4));
        (await store.FindAsync(Person))!.EndReason.Should().BeNull();
        (await store.FindAsync(PersonId.From("p-nobody"))).Should().BeNull();
    }

    [Theory]
    [InlineData("ninth", false)]
    [InlineData("ninth", true)]
    [InlineData("twenty", true)]
    public async Task FindAsync_ReturnsASchedule_ThatBehavesAsTheOneSaved(string plan, bool endedEarly)
    {
        var store = CreateStore();
        var schedule = FollowUpSchedule.Create(Person, ExposureCategory.CloseContact, plan == "ninth" ? Ninth : Twenty, July1)
            .Extend(new LocalDate(2022, 7, 3))
            .Extend(new LocalDate(2022, 7, 5));
        if (endedEarly)
        {
            schedule = schedule.End(new LocalDate(2022, 7, 9), FollowUpEndReason.BecameCase);
        }

        await store.SaveAsync(schedule);
        var read = (await store.FindAsync(Person))!;

        read.Should().NotBeNull();
        read.Plan.Should().BeEquivalentTo(schedule.Plan);
        (read.Person, read.Exposure, read.FirstDay, read.Until, read.ReleaseDate, read.EndedOn, read.EndReason, read.Revision)
            .Should().Be((schedule.Person, schedule.Exposure, schedule.FirstDay, schedule.Until, schedule.ReleaseDate, schedule.EndedOn, schedule.EndReason, schedule.Revision));
        read.Exposures.Should().Equal(schedule.Exposures);
        for (var day = July1.PlusDays(-1); day <= July1.PlusDays(20); day = day.PlusDays(1))
        {
            read.DayOn(day).Should().Be(schedule.DayOn(day), "day {0} reads back as saved", day);
        }
    }

    [Fact]
    public async Task ActiveOnAsync_FromTheFirstDayToTheLast_OrderedByPersonIdOrdinal()
    {
        var store = CreateStore();

        // Ordinal order: upper case before '_' before lower case (a linguistic collation would interleave them).
        foreach (var id in new[] { "p_3", "P-2", "p-1", "a-9" })
        {
            await store.SaveAsync(FollowUpSchedule.Create(PersonId.From(id), ExposureCategory.CloseContact, Ninth, July1));
        }

        await store.SaveAsync(FollowUpSchedule.Create(PersonId.From("p-later"), ExposureCategory.CloseContact, Ninth, July1.PlusDays(9)));

        var ids = async (LocalDate day) => (await HealthReportStoreContractTests.ListAsync(store.ActiveOnAsync(day))).Select(s => s.Person.Value).ToList();

        (await ids(July1.PlusDays(-1))).Should().BeEmpty("no schedule has begun");
        (await ids(July1)).Should().Equal("P-2", "a-9", "p-1", "p_3");
        (await ids(new LocalDate(2022, 7, 10))).Should().Equal(new[] { "P-2", "a-9", "p-1", "p-later", "p_3" }, "10 July is the last day of the first four and the first of the fifth");
        (await ids(new LocalDate(2022, 7, 11))).Should().Equal("p-later");
    }

    [Fact]
    public async Task PurgeAsync_DeletesSchedulesWhoseLastDayIsBefore()
    {
        var store = CreateStore();
        await store.SaveAsync(FollowUpSchedule.Create(Person, ExposureCategory.CloseContact, Ninth, July1).Extend(new LocalDate(2022, 7, 4)));

        (await store.PurgeAsync(new LocalDate(2022, 7, 13))).Should().Be(0, "the last day, 13 July, is kept");
        (await store.PurgeAsync(new LocalDate(2022, 7, 14))).Should().Be(1);
        (await store.FindAsync(Person)).Should().BeNull();
    }

    [Fact]
    public async Task SaveAsync_EightWritersOfOnePersonsRevisions_InAnyOrder_LeaveTheNewest()
    {
        var store = CreateStore();
        var revisions = new List<FollowUpSchedule> { FollowUpSchedule.Create(Person, ExposureCategory.CloseContact, Ninth, July1) };
        for (var i = 1; i < 16; i++)
        {
            revisions.Add(revisions[i - 1].Extend(July1.PlusDays(i)));
        }

        var random = new Random(7);
        var shuffled = revisions.Concat(revisions).OrderBy(_ => random.Next()).ToList();
        var applied = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(async () =>
        {
            for (var i = thread; i < shuffled.Count; i += 8)
            {
                if ((await store.SaveAsync(shuffled[i])).IsNew)
                {
                    Interlocked.Increment(ref applied);
                }
            }
        })));

        (await store.FindAsync(Person))!.Revision.Should().Be(15, "the newest revision stays whatever the order of the writers");
        applied.Should().BeInRange(1, 16, "each revision is applied at most once");
    }

    [Fact]
    public async Task BadArguments_AndCancellation_ThrowTheDocumentedExceptions()
    {
        var store = CreateStore();
        await FluentActions.Awaiting(async () => await store.SaveAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(async () => await store.FindAsync(default)).Should().ThrowAsync<ArgumentException>().WithParameterName("person");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await FluentActions.Awaiting(async () => await store.SaveAsync(FollowUpSchedule.Create(Person, ExposureCategory.CloseContact, Ninth, July1), cancelled.Token)).Should().ThrowAsync<OperationCanceledException>();
        await FluentActions.Awaiting(() => HealthReportStoreContractTests.ListAsync(store.ActiveOnAsync(July1, cancelled.Token))).Should().ThrowAsync<OperationCanceledException>();
        (await store.FindAsync(Person)).Should().BeNull("a cancelled save saves nothing");
    }
}

/// <summary>The follow-up store's contract on <see cref="InMemoryFollowUpStore"/>.</summary>
public sealed class InMemoryFollowUpStoreContractTests : FollowUpStoreContractTests
{
    protected override IFollowUpStore CreateStore() => new InMemoryFollowUpStore();
}
