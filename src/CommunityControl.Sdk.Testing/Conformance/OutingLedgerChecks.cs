using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Access;
using FluentAssertions;
using NodaTime;

namespace CommunityControl.Testing.Conformance;

/// <summary>The contract of <see cref="IOutingLedgerAsync"/>.</summary>
internal static class OutingLedgerChecks
{
    private static readonly Instant Noon = Instant.FromUtc(2020, 2, 20, 4, 0); // 12:00 in Asia/Shanghai
    private static readonly Duration TwoDays = Duration.FromDays(2);
    private static readonly PersonId Person = PersonId.From("p-0001");
    private static readonly PersonId Spouse = PersonId.From("p-0002");
    private static int _households;

    public static IReadOnlyList<StoreConformanceCheck> All(Func<IOutingLedgerAsync> create) => new[]
    {
        new StoreConformanceCheck("CountOutings_CountsStartsLessThanTheIntervalEitherSide", () => IntervalEdges(create)),
        new StoreConformanceCheck("OpenQuota_ReturnFreesThePlace", () => OpenQuota(create())),
        new StoreConformanceCheck("TryStartOutingAsync_RetryWithTheSameKey_RecordsOnce", () => RetryOnce(create())),
        new StoreConformanceCheck("TryStartOutingAsync_SixteenConcurrentGates_GrantExactlyTheQuota", () => SixteenGates(create())),
        new StoreConformanceCheck("BadInput_IsRejectedNamingTheArgument", () => BadInput(create())),
    };

    // One person every 2 days (cn-policy §6.4 presets): an outing 47:59 h before or after still counts, 48:00 h does not.
    private static async Task IntervalEdges(Func<IOutingLedgerAsync> create)
    {
        foreach (var (minutesBefore, expected) in new[] { (48 * 60, 0), ((48 * 60) - 1, 1), (-((48 * 60) - 1), 1), (-(48 * 60), 0) })
        {
            var ledger = create();
            var household = NewHousehold();
            var at = Noon - Duration.FromMinutes(minutesBefore);
            (await ledger.TryStartOutingAsync(household, Person, at, 1, OutingWindow.Rolling(at, TwoDays)).ConfigureAwait(false)).Should().NotBeNull();

            (await ledger.CountOutingsAsync(household, OutingWindow.Rolling(Noon, TwoDays)).ConfigureAwait(false)).Should().Be(expected, "an outing {0} minutes before counts {1} times", minutesBefore, expected);
            (await ledger.TryStartOutingAsync(household, Spouse, Noon, 1, OutingWindow.Rolling(Noon, TwoDays)).ConfigureAwait(false)).HasValue.Should().Be(expected == 0);
        }
    }

    private static async Task OpenQuota(IOutingLedgerAsync ledger)
    {
        var household = NewHousehold();
        var first = await ledger.TryStartOutingAsync(household, Person, Noon, 1, null).ConfigureAwait(false);
        (await ledger.TryStartOutingAsync(household, Spouse, Noon + Duration.FromMinutes(1), 1, null).ConfigureAwait(false)).Should().BeNull("one may be out at a time");
        (await ledger.CountOpenOutingsAsync(household).ConfigureAwait(false)).Should().Be(1);
        (await ledger.FindOpenOutingAsync(household, Person).ConfigureAwait(false)).Should().Be(first);

        var closed = await ledger.TryEndOutingAsync(household, Person, Noon + Duration.FromMinutes(30)).ConfigureAwait(false);

        closed!.Value.End.Should().Be(Noon + Duration.FromMinutes(30));
        closed.Value.Sequence.Should().Be(first!.Value.Sequence);
        (await ledger.FindOpenOutingAsync(household, Person).ConfigureAwait(false)).Should().BeNull();
        (await ledger.TryEndOutingAsync(household, Person, Noon + Duration.FromMinutes(31)).ConfigureAwait(false)).Should().BeNull("nothing is open any more");
        (await ledger.TryStartOutingAsync(household, Spouse, Noon + Duration.FromMinutes(32), 1, null).ConfigureAwait(false)).Should().NotBeNull();
        (await ledger.OutingsOfAsync(household).ConfigureAwait(false)).Select(o => o.Person).Should().Equal(Person, Spouse);
    }

    private static async Task RetryOnce(IOutingLedgerAsync ledger)
    {
        var household = NewHousehold();
        var window = OutingWindow.Rolling(Noon, TwoDays);
        var first = await ledger.TryStartOutingAsync(household, Person, Noon, 1, window, "gate-7-request-1").ConfigureAwait(false);
        var retry = await ledger.TryStartOutingAsync(household, Person, Noon, 1, window, "gate-7-request-1").ConfigureAwait(false);
        var other = await ledger.TryStartOutingAsync(household, Spouse, Noon, 1, window, "gate-7-request-2").ConfigureAwait(false);

        first.Should().NotBeNull();
        retry.Should().Be(first, "the retry finds the outing its first attempt recorded, though the quota is now used up");
        other.Should().BeNull("a different request is counted against the quota");
        (await ledger.OutingsOfAsync(household).ConfigureAwait(false)).Should().ContainSingle();
    }

    private static async Task SixteenGates(IOutingLedgerAsync ledger)
    {
        var households = Enumerable.Range(0, 4).Select(_ => NewHousehold()).ToArray();
        var go = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var gates = Enumerable.Range(0, 16).Select(gate => Task.Run(async () =>
        {
            await go.Task.ConfigureAwait(false);
            var granted = 0;
            for (var i = 0; i < households.Length; i++)
            {
                var at = Noon + Duration.FromSeconds(gate);
                var key = gate % 2 == 0 ? null : $"gate-{gate}-{i}";
                if (await ledger.TryStartOutingAsync(households[(gate + i) % households.Length], PersonId.From($"p{gate}x{i}"), at, 2, OutingWindow.Rolling(at, TwoDays), key).ConfigureAwait(false) is not null)
                {
                    granted++;
                }
            }

            return granted;
        })).ToArray();

        go.SetResult(true);
        var grants = await Task.WhenAll(gates).ConfigureAwait(false);

        grants.Sum().Should().Be(8, "2 outings per household every 2 days, 4 households");
        foreach (var household in households)
        {
            (await ledger.OutingsOfAsync(household).ConfigureAwait(false)).Should().HaveCount(2);
        }
    }

    private static async Task BadInput(IOutingLedgerAsync ledger)
    {
        var household = NewHousehold();
        var window = OutingWindow.Rolling(Noon, TwoDays);

        await FluentActions.Awaiting(async () => await ledger.TryStartOutingAsync(default, Person, Noon, 1, window).ConfigureAwait(false)).Should().ThrowAsync<ArgumentException>().WithParameterName("household").ConfigureAwait(false);
        await FluentActions.Awaiting(async () => await ledger.TryStartOutingAsync(household, Person, Noon, 0, window).ConfigureAwait(false)).Should().ThrowAsync<ArgumentOutOfRangeException>().WithParameterName("persons").ConfigureAwait(false);
        await FluentActions.Awaiting(async () => await ledger.TryStartOutingAsync(household, Person, Noon, 1, window, new string('k', 65)).ConfigureAwait(false)).Should().ThrowAsync<ArgumentException>().WithParameterName("requestKey").ConfigureAwait(false);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await FluentActions.Awaiting(async () => await ledger.TryStartOutingAsync(household, Person, Noon, 1, window, null, cancelled.Token).ConfigureAwait(false)).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        (await ledger.OutingsOfAsync(household).ConfigureAwait(false)).Should().BeEmpty();
    }

    // Unique per run and per process, so that checks on a shared database never meet each other's households.
    private static HouseholdId NewHousehold() => HouseholdId.From($"h{Guid.NewGuid():N}{Interlocked.Increment(ref _households)}");
}
