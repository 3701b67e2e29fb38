using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// The follow-ups of people under observation: one current <see cref="FollowUpSchedule"/> per person, found by person
/// or by the day they are active on (the daily follow-up list), and purged once ended.
/// </summary>
/// <remarks>
/// <para><b>Contract for implementations.</b> Safe for concurrent use. A save keeps the schedule with the higher
/// <see cref="FollowUpSchedule.Revision"/>: saving a schedule whose revision is not higher than the one held (a retry, or
/// a writer that read an older schedule) changes nothing and returns the one held, so no change is lost to a stale
/// writer and a retried save is not applied twice. Queries stream schedules ordered by person id (ordinal).
/// Cancellation throws <see cref="OperationCanceledException"/>.</para>
/// </remarks>
public interface IFollowUpStore
{
    /// <summary>Saves a person's schedule unless the store holds a revision at least as new.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="cancellationToken">Cancels the save (nothing is saved if it throws).</param>
    /// <returns>The schedule held for the person, and whether this call saved it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The store is full (see the implementation).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<AppendResult<FollowUpSchedule>> SaveAsync(FollowUpSchedule schedule, CancellationToken cancellationToken = default);

    /// <summary>Finds a person's schedule.</summary>
    /// <param name="person">The person.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The schedule, or null.</returns>
    /// <exception cref="ArgumentException"><paramref name="person"/> is empty.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<FollowUpSchedule?> FindAsync(PersonId person, CancellationToken cancellationToken = default);

    /// <summary>Streams the schedules active on a day (from their first day to their last), by person id.</summary>
    /// <param name="day">The day.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The schedules.</returns>
    IAsyncEnumerable<FollowUpSchedule> ActiveOnAsync(LocalDate day, CancellationToken cancellationToken = default);

    /// <summary>Deletes every schedule whose last day is before <paramref name="endedBefore"/> (retention: pass today minus the retention period).</summary>
    /// <param name="endedBefore">The first last-day kept.</param>
    /// <param name="cancellationToken">Cancels the purge before it starts.</param>
    /// <returns>The number of schedules deleted.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<long> PurgeAsync(LocalDate endedBefore, CancellationToken cancellationToken = default);
}
