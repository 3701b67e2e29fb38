using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Access;
using NodaTime;

namespace CommunityControl.Tests.Access;

/// <summary>The ledger calls of tests that are not about the quota's reading: a rolling window around the instant.</summary>
internal static class RollingLedgerExtensions
{
    public static int CountOutings(this IOutingLedger ledger, HouseholdId household, Instant at, Duration interval)
        => ledger.CountOutings(household, OutingWindow.Rolling(at, interval));

    public static bool TryStartOuting(this IOutingLedger ledger, HouseholdId household, PersonId person, Instant at, int persons, Duration interval, out Outing outing)
        => ledger.TryStartOuting(household, person, at, persons, OutingWindow.Rolling(at, interval), out outing);

    public static ValueTask<int> CountOutingsAsync(this IOutingLedgerAsync ledger, HouseholdId household, Instant at, Duration interval, CancellationToken cancellationToken = default)
        => ledger.CountOutingsAsync(household, OutingWindow.Rolling(at, interval), cancellationToken);

    public static ValueTask<Outing?> TryStartOutingAsync(this IOutingLedgerAsync ledger, HouseholdId household, PersonId person, Instant at, int persons, Duration interval, string? requestKey = null, CancellationToken cancellationToken = default)
        => ledger.TryStartOutingAsync(household, person, at, persons, OutingWindow.Rolling(at, interval), requestKey, cancellationToken);
}
