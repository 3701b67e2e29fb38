using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Internal;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>A thread-safe, in-memory <see cref="IFollowUpStore"/>: the embedded default for the main job, tests and small hosts.</summary>
/// <remarks>
/// <para>One lock guards every member; the daily list scans the schedules held (a community's follow-ups number in the
/// thousands). Memory is bounded by <see cref="RecordStoreOptions.Capacity"/> schedules. The asynchronous members
/// complete synchronously.</para>
/// <para>Retention: a schedule's age counts from the end of its last day (<see cref="FollowUpSchedule.Until"/>, at
/// midnight UTC after it). When <see cref="RecordStoreOptions.Retention"/> is set, a schedule older than the period is
/// never returned (by <see cref="FindAsync"/> or <see cref="ActiveOnAsync"/>), even before a purge, and
/// <see cref="PurgeExpiredAsync"/> deletes it; <see cref="PurgeAsync"/> purges by a date of the caller's.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Safe for concurrent use.</threadsafety>
public sealed class InMemoryFollowUpStore : IFollowUpStore
{
    private readonly object _lock = new();
    private readonly Dictionary<PersonId, FollowUpSchedule> _byPerson = new();
    private readonly int _capacity;
    private readonly Duration? _retention;
    private readonly IClock? _clock;

    /// <summary>Creates an empty store.</summary>
    /// <param name="options">Capacity and retention; null for the defaults (1,000,000 schedules, no retention period).</param>
    /// <param name="clock">The clock retention is measured on; required when <see cref="RecordStoreOptions.Retention"/> is set.</param>
    /// <exception cref="ArgumentOutOfRangeException">The options are out of range.</exception>
    /// <exception cref="ArgumentNullException">A retention period is set and <paramref name="clock"/> is null.</exception>
    public InMemoryFollowUpStore(RecordStoreOptions? options = null, IClock? clock = null)
    {
        (_capacity, _retention) = (options ?? new RecordStoreOptions()).Validate();
        if (_retention is not null && clock is null)
        {
            throw new ArgumentNullException(nameof(clock), "A clock is needed to apply a retention period.");
        }

        _clock = clock;
    }

    /// <summary>Gets the number of schedules held.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byPerson.Count;
            }
        }
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The store holds <see cref="RecordStoreOptions.Capacity"/> schedules and this one is a new person's.</exception>
    public ValueTask<AppendResult<FollowUpSchedule>> SaveAsync(FollowUpSchedule schedule, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(schedule);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_byPerson.TryGetValue(schedule.Person, out var held))
            {
                if (held.Revision >= schedule.Revision)
                {
                    return new ValueTask<AppendResult<FollowUpSchedule>>(new AppendResult<FollowUpSchedule>(held, false));
                }
            }
            else if (_byPerson.Count >= _capacity)
            {
                throw new InvalidOperationException($"The follow-up store holds its capacity of {_capacity:N0} schedules; purge ended follow-ups or raise RecordStoreOptions.Capacity.");
            }

            _byPerson[schedule.Person] = schedule;
            return new ValueTask<AppendResult<FollowUpSchedule>>(new AppendResult<FollowUpSchedule>(schedule, true));
        }
    }

    /// <inheritdoc/>
    public ValueTask<FollowUpSchedule?> FindAsync(PersonId person, CancellationToken cancellationToken = default)
    {
        if (person.IsEmpty)
        {
            throw new ArgumentException("The person id must not be empty.", nameof(person));
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var floor = RetentionFloor();
            return new ValueTask<FollowUpSchedule?>(_byPerson.TryGetValue(person, out var s) && EndOf(s) >= floor ? s : null);
        }
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<FollowUpSchedule> ActiveOnAsync(LocalDate day, CancellationToken cancellationToken = default)
        => new SnapshotAsyncEnumerable<FollowUpSchedule>(
            () =>
            {
                var floor = RetentionFloor();
                lock (_lock)
                {
                    return _byPerson.Values.Where(s => s.IsActiveOn(day) && EndOf(s) >= floor).OrderBy(s => s.Person).ToList();
                }
            },
            cancellationToken);

    /// <inheritdoc/>
    public ValueTask<long> PurgeAsync(LocalDate endedBefore, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var old = _byPerson.Where(pair => pair.Value.Until < endedBefore).Select(pair => pair.Key).ToList();
            old.ForEach(p => _byPerson.Remove(p));
            return new ValueTask<long>(old.Count);
        }
    }

    /// <summary>Deletes every schedule older than the retention period (counted from the end of its last day), on the
    /// store's clock; does nothing without a period.</summary>
    /// <param name="cancellationToken">Cancels the purge before it starts.</param>
    /// <returns>The number of schedules deleted.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<long> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_retention is null)
        {
            return new ValueTask<long>(0L);
        }

        var floor = RetentionFloor();
        lock (_lock)
        {
            var old = _byPerson.Where(pair => EndOf(pair.Value) < floor).Select(pair => pair.Key).ToList();
            old.ForEach(p => _byPerson.Remove(p));
            return new ValueTask<long>(old.Count);
        }
    }

    /// <summary>Returns the number of schedules held (no id).</summary>
    /// <returns>E.g. <c>InMemoryFollowUpStore (42 schedules)</c>.</returns>
    public override string ToString() => $"InMemoryFollowUpStore ({Count:N0} schedules)";

    /// <summary>The instant a schedule's age counts from: midnight UTC after its last day.</summary>
    private static Instant EndOf(FollowUpSchedule schedule) => schedule.Until.PlusDays(1).AtMidnight().InUtc().ToInstant();

    private Instant RetentionFloor() => _retention is { } retention ? _clock!.GetCurrentInstant() - retention : Instant.MinValue;
}
