using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace CommunityControl.Access;

/// <summary>
/// The asynchronous contract of an outing ledger, for ledgers kept in a database and shared by many gates and
/// processes: the same counting rules as <see cref="IOutingLedger"/>, with cancellation and an idempotency key per gate
/// request so a retried request never records a second outing.
/// </summary>
/// <remarks>
/// <para>An outing counts against a quota with an interval when it started inside the quota's <see cref="OutingWindow"/>
/// (strictly after its <see cref="OutingWindow.After"/>, strictly before its <see cref="OutingWindow.Before"/>); without an interval, the quota limits the outings still open (as for <see cref="IOutingLedger"/>).</para>
/// <para>Implementations must be safe for concurrent use by many gates and make <see cref="TryStartOutingAsync"/> one
/// atomic check-and-record per household. <see cref="InMemoryOutingLedger"/> implements both contracts; a database
/// ledger (such as the PostgreSQL package's) implements this one.</para>
/// </remarks>
public interface IOutingLedgerAsync
{
    /// <summary>Counts a household's outings that started inside <paramref name="window"/>.</summary>
    /// <param name="household">The household.</param>
    /// <param name="window">The outings that count (see <see cref="OutingWindow.For"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The number of outings.</returns>
    ValueTask<int> CountOutingsAsync(HouseholdId household, OutingWindow window, CancellationToken cancellationToken = default);

    /// <summary>Counts a household's outings that have not ended.</summary>
    /// <param name="household">The household.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The number of open outings.</returns>
    ValueTask<int> CountOpenOutingsAsync(HouseholdId household, CancellationToken cancellationToken = default);

    /// <summary>Finds a person's latest open outing.</summary>
    /// <param name="household">The household.</param>
    /// <param name="person">The person.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The open outing, or null when the person is not out.</returns>
    ValueTask<Outing?> FindOpenOutingAsync(HouseholdId household, PersonId person, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically checks the quota and, when it allows, records a new outing: no other call on the same household, in
    /// this process or another, can come between the check and the record.
    /// </summary>
    /// <param name="household">The household.</param>
    /// <param name="person">The person going out.</param>
    /// <param name="at">When the outing starts.</param>
    /// <param name="persons">The quota: outings per household in the window (or open at once, without a window).</param>
    /// <param name="window">The outings that count against the quota at <paramref name="at"/>, or null to limit open outings.</param>
    /// <param name="requestKey">The gate request's idempotency key (unique per household; at most 64 characters), or
    /// null for none. When an outing was already recorded under this key for this household, that outing is returned
    /// and nothing new is recorded, whatever the quota now says. A denied request records nothing, so its retry is
    /// decided afresh.</param>
    /// <param name="cancellationToken">Cancels the call; a cancelled call records nothing.</param>
    /// <returns>The recorded outing when granted; null when the quota is used up (nothing is recorded).</returns>
    ValueTask<Outing?> TryStartOutingAsync(HouseholdId household, PersonId person, Instant at, int persons, OutingWindow? window, string? requestKey = null, CancellationToken cancellationToken = default);

    /// <summary>Closes a person's latest open outing.</summary>
    /// <param name="household">The household.</param>
    /// <param name="person">The person coming back.</param>
    /// <param name="at">When the person came back.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The closed outing, or null when the person had no open outing.</returns>
    ValueTask<Outing?> TryEndOutingAsync(HouseholdId household, PersonId person, Instant at, CancellationToken cancellationToken = default);

    /// <summary>Gets a snapshot of a household's outings, in the order recorded.</summary>
    /// <param name="household">The household.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The outings.</returns>
    ValueTask<IReadOnlyList<Outing>> OutingsOfAsync(HouseholdId household, CancellationToken cancellationToken = default);
}
