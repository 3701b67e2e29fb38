using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Internal;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// The daily follow-up list of a community: everyone followed up on a day, with the day's status and test, assigned to
/// staff.
/// </summary>
/// <remarks>
/// Assignment is balanced: people are taken in person-id order and dealt to the staff in the order given, so loads
/// differ by at most one. A person keeps the same staff member from day to day while the list and the staff do not
/// change.
/// </remarks>
/// <threadsafety static="true" instance="true">Stateless; safe to call concurrently.</threadsafety>
public static class FollowUpList
{
    /// <summary>Builds the list of a day from a follow-up store.</summary>
    /// <param name="store">The follow-ups.</param>
    /// <param name="date">The day.</param>
    /// <param name="staff">The staff on duty, at least one, each once.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One assignment per person active on the day, by person id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="staff"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="staff"/> is empty, holds an empty id, or lists someone twice.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async ValueTask<IReadOnlyList<FollowUpAssignment>> ForDayAsync(IFollowUpStore store, LocalDate date, IReadOnlyList<PersonId> staff, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(store);
        CheckStaff(staff);
        var schedules = new List<FollowUpSchedule>();
        await foreach (var s in store.ActiveOnAsync(date, cancellationToken).ConfigureAwait(false))
        {
            schedules.Add(s);
        }

        return Assign(schedules, date, staff);
    }

    /// <summary>Builds the list of a day from schedules.</summary>
    /// <param name="schedules">The schedules; those not active on the day are left out.</param>
    /// <param name="date">The day.</param>
    /// <param name="staff">The staff on duty, at least one, each once.</param>
    /// <returns>One assignment per person active on the day, by person id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedules"/> or <paramref name="staff"/> is null, or
    /// <paramref name="schedules"/> holds a null element.</exception>
    /// <exception cref="ArgumentException"><paramref name="staff"/> is empty, holds an empty id, or lists someone twice; or a person has two schedules.</exception>
    public static IReadOnlyList<FollowUpAssignment> ForDay(IEnumerable<FollowUpSchedule> schedules, LocalDate date, IReadOnlyList<PersonId> staff)
    {
        Guard.NotNull(schedules);
        CheckStaff(staff);
        var active = schedules.Where(s => Guard.Element(s, nameof(schedules)).IsActiveOn(date)).ToList();
        if (active.Select(s => s.Person).Distinct().Count() != active.Count)
        {
            throw new ArgumentException("A person has two schedules active on the day.", nameof(schedules));
        }

        return Assign(active, date, staff);
    }

    private static List<FollowUpAssignment> Assign(List<FollowUpSchedule> active, LocalDate date, IReadOnlyList<PersonId> staff)
        => active.OrderBy(s => s.Person)
            .Select((s, i) => new FollowUpAssignment(s, s.DayOn(date), staff[i % staff.Count]))
            .ToList();

    private static void CheckStaff(IReadOnlyList<PersonId> staff)
    {
        Guard.NotNull(staff);
        if (staff.Count == 0 || staff.Any(s => s.IsEmpty) || staff.Distinct().Count() != staff.Count)
        {
            throw new ArgumentException("The staff must list at least one member, each once, none empty.", nameof(staff));
        }
    }
}
