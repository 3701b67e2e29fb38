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
using static CommunityControl.Testing.Conformance.ConformanceData;

namespace CommunityControl.Testing.Conformance;

/// <summary>The contract of <see cref="IFollowUpStore"/>.</summary>
internal static class FollowUpStoreChecks
{
    private static readonly PersonId Person = PersonId.From("p-contact-1");
    private static readonly LocalDate July1 = new(2022, 7, 1);
    private static readonly string[] AllFive = { "P-2", "a-9", "p-1", "p-later", "p_3" };

    public static IReadOnlyList<StoreConformanceCheck> All(Func<IFollowUpStore> create) => new[]
    {
        new StoreConformanceCheck("SaveAsync_KeepsTheHighestRevision_RetryAndStaleWriterChangeNothing", () => HighestRevision(create())),
        new StoreConformanceCheck("FindAsync_ReturnsASchedule_ThatBehavesAsTheOneSaved", () => BehavesAsSaved(create)),
        new StoreConformanceCheck("ActiveOnAsync_FromTheFirstDayToTheLast_OrderedByPersonIdOrdinal", () => ActiveOn(create())),
        new StoreConformanceCheck("PurgeAsync_DeletesSchedulesWhoseLastDayIsBefore", () => Purge(create())),
        new StoreConformanceCheck("SaveAsync_EightWritersOfOnePersonsRevisions_InAnyOrder_LeaveTheNewest", () => EightWriters(create())),
        new StoreConformanceCheck("BadArguments_AndCancellation_ThrowTheDocumentedExceptions", () => BadArguments(create())),
    };

    private static QuarantinePlan Ninth => PolicyEditions.China.NinthEdition.Measures!.PlanFor(ExposureCategory.CloseContact)!;

    private static QuarantinePlan Twenty => PolicyEditions.China.TwentyMeasures.Measures!.PlanFor(ExposureCategory.CloseContact)!;

    private static async Task HighestRevision(IFollowUpStore store)
    {
        var created = FollowUpSchedule.Create(Person, ExposureCategory.CloseContact, Ninth, July1);
        var extended = created.Extend(new LocalDate(2022, 7, 4));

        (await store.SaveAsync(created).ConfigureAwait(false)).IsNew.Should().BeTrue();
        (await store.SaveAsync(extended).ConfigureAwait(false)).IsNew.Should().BeTrue();
        var retry = await store.SaveAsync(extended).ConfigureAwait(false);
        var stale = await store.SaveAsync(created.End(new LocalDate(2022, 7, 2), FollowUpEndReason.RuledOut)).ConfigureAwait(false);

        retry.IsNew.Should().BeFalse("a retried save is not applied twice");
        stale.IsNew.Should().BeFalse("a stale writer does not overwrite a newer revision");
        stale.Record.Revision.Should().Be(1);
        stale.Record.Exposures.Should().Equal(July1, new LocalDate(2022, 7, 4));
        (await store.FindAsync(Person).ConfigureAwait(false))!.EndReason.Should().BeNull();
        (await store.FindAsync(PersonId.From("p-nobody")).ConfigureAwait(false)).Should().BeNull();
    }

    // Ninth edition 7 + 3 and twenty measures 5 + 3, re-exposed twice, ended early or not: every day reads back as saved.
    private static async Task BehavesAsSaved(Func<IFollowUpStore> create)
    {
        foreach (var (person, plan, endedEarly) in new[] { ("p-ninth", Ninth, false), ("p-ninth-ended", Ninth, true), ("p-twenty-ended", Twenty, true) })
        {
            var store = create();
            var schedule = FollowUpSchedule.Create(PersonId.From(person), ExposureCategory.CloseContact, plan, July1)
                .Extend(new LocalDate(2022, 7, 3))
                .Extend(new LocalDate(2022, 7, 5));
            if (endedEarly)
            {
                schedule = schedule.End(new LocalDate(2022, 7, 9), FollowUpEndReason.BecameCase);
            }

            await store.SaveAsync(schedule).ConfigureAwait(false);
            var read = (await store.FindAsync(schedule.Person).ConfigureAwait(false))!;

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
    }

    private static async Task ActiveOn(IFollowUpStore store)
    {
        // Ordinal order: upper case before '_' before lower case (a linguistic collation would interleave them).
        foreach (var id in new[] { "p_3", "P-2", "p-1", "a-9" })
        {
            await store.SaveAsync(FollowUpSchedule.Create(PersonId.From(id), ExposureCategory.CloseContact, Ninth, July1)).ConfigureAwait(false);
        }

        await store.SaveAsync(FollowUpSchedule.Create(PersonId.From("p-later"), ExposureCategory.CloseContact, Ninth, July1.PlusDays(9))).ConfigureAwait(false);

        (await Ids(store, July1.PlusDays(-1)).ConfigureAwait(false)).Should().BeEmpty("no schedule has begun");
        (await Ids(store, July1).ConfigureAwait(false)).Should().Equal("P-2", "a-9", "p-1", "p_3");
        (await Ids(store, new LocalDate(2022, 7, 10)).ConfigureAwait(false))
            .Should().Equal(AllFive, "10 July is the last day of the first four and the first of the fifth");
        (await Ids(store, new LocalDate(2022, 7, 11)).ConfigureAwait(false)).Should().Equal("p-later");
    }

    private static async Task Purge(IFollowUpStore store)
    {
        await store.SaveAsync(FollowUpSchedule.Create(Person, ExposureCategory.CloseContact, Ninth, July1).Extend(new LocalDate(2022, 7, 4))).ConfigureAwait(false);

        (await store.PurgeAsync(new LocalDate(2022, 7, 13)).ConfigureAwait(false)).Should().Be(0, "the last day, 13 July, is kept");
        (await store.PurgeAsync(new LocalDate(2022, 7, 14)).ConfigureAwait(false)).Should().Be(1);
        (await store.FindAsync(Person).ConfigureAwait(false)).Should().BeNull();
    }

    private static async Task EightWriters(IFollowUpStore store)
    {
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
                if ((await store.SaveAsync(shuffled[i]).ConfigureAwait(false)).IsNew)
                {
                    Interlocked.Increment(ref applied);
                }
            }
        }))).ConfigureAwait(false);

        (await store.FindAsync(Person).ConfigureAwait(false))!.Revision.Should().Be(15, "the newest revision stays whatever the order of the writers");
        applied.Should().BeInRange(1, 16, "each revision is applied at most once");
    }

    private static async Task BadArguments(IFollowUpStore store)
    {
        await FluentActions.Awaiting(async () => await store.SaveAsync(null!).ConfigureAwait(false)).Should().ThrowAsync<ArgumentNullException>().ConfigureAwait(false);
        await FluentActions.Awaiting(async () => await store.FindAsync(default).ConfigureAwait(false)).Should().ThrowAsync<ArgumentException>().WithParameterName("person").ConfigureAwait(false);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await FluentActions.Awaiting(async () => await store.SaveAsync(FollowUpSchedule.Create(Person, ExposureCategory.CloseContact, Ninth, July1), cancelled.Token).ConfigureAwait(false)).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        await FluentActions.Awaiting(() => ListAsync(store.ActiveOnAsync(July1, cancelled.Token))).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        (await store.FindAsync(Person).ConfigureAwait(false)).Should().BeNull("a cancelled save saves nothing");
    }

    private static async Task<List<string>> Ids(IFollowUpStore store, LocalDate day)
        => (await ListAsync(store.ActiveOnAsync(day)).ConfigureAwait(false)).Select(s => s.Person.Value).ToList();
}
