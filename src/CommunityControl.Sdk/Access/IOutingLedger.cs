using System.Collections.Generic;
using NodaTime;

namespace CommunityControl.Access;

/// <summary>
/// The record of residents' outings that an outing quota is checked against. Checking the quota and recording the
/// outing is one atomic step (<see cref="TryStartOuting"/>), so concurrent gates never grant more than the quota; a
/// return closes the outing (<see cref="TryEndOuting"/>).
/// </summary>
/// <remarks>
/// <para>An outing counts against a quota with an interval when it started inside the quota's <see cref="OutingWindow"/>
/// at the instant asked about: for a rolling window, less than the interval before or after it (with one outing every
/// 2 days, an outing that started 48:00 h ago no longer counts; one that started 47:59 h ago does); for calendar days,
/// on a local date less than the interval from it. Counting on both sides keeps the quota when gates report out of
/// order. Without an interval, the quota limits the outings still open.</para>
/// <para>Implementations must be safe for concurrent use by many gates. <see cref="InMemoryOutingLedger"/> ships for
/// tests and small hosts; larger hosts implement this over their own store.</para>
/// </remarks>
public interface IOutingLedger
{
    /// <summary>Counts a household's outings that started inside <paramref name="window"/>.</summary>
    /// <param name="household">The household.</param>
    /// <param name="window">The outings that count (see <see cref="OutingWindow.For"/>).</param>
    /// <returns>The number of outings.</returns>
    int CountOutings(HouseholdId household, OutingWindow window);

    /// <summary>Counts a household's outings that have not ended.</summary>
    /// <param name="household">The household.</param>
    /// <returns>The number of open outings.</returns>
    int CountOpenOutings(HouseholdId household);

    /// <summary>Finds a person's latest open outing.</summary>
    /// <param name="household">The household.</param>
    /// <param name="person">The person.</param>
    /// <param name="outing">The outing, if any.</param>
    /// <returns>True when the person is out.</returns>
    bool TryGetOpenOuting(HouseholdId household, PersonId person, out Outing outing);

    /// <summary>
    /// Atomically checks the quota and, when it allows, records a new outing: no other call on the same household can
    /// come between the check and the record.
    /// </summary>
    /// <param name="household">The household.</param>
    /// <param name="person">The person going out.</param>
    /// <param name="at">When the outing starts.</param>
    /// <param name="persons">The quota: outings per household in the window (or open at once, without a window).</param>
    /// <param name="window">The outings that count against the quota at <paramref name="at"/>, or null to limit open outings.</param>
    /// <param name="outing">The recorded outing, when granted.</param>
    /// <returns>True when granted and recorded; false when the quota is used up (nothing is recorded).</returns>
    bool TryStartOuting(HouseholdId household, PersonId person, Instant at, int persons, OutingWindow? window, out Outing outing);

    /// <summary>Closes a person's latest open outing.</summary>
    /// <param name="household">The household.</param>
    /// <param name="person">The person coming back.</param>
    /// <param name="at">When the person came back.</param>
    /// <param name="outing">The closed outing, when there was one.</param>
    /// <returns>True when an open outing was closed.</returns>
    bool TryEndOuting(HouseholdId household, PersonId person, Instant at, out Outing outing);

    /// <summary>Gets a snapshot of a household's outings, in the order recorded.</summary>
    /// <param name="household">The household.</param>
    /// <returns>The outings.</returns>
    IReadOnlyList<Outing> OutingsOf(HouseholdId household);
}
