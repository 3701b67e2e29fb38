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
/// One lock guards every member; the daily list scans the schedules held (a community's follow-ups number in the
/// thousands). Memory is bounded by <see cref="RecordStoreOptions.Capacity"/> schedules; retention is applied by
/// <see cref="PurgeAsync"/> with a date (<see cref="RecordStoreOptions.Retention"/> is not used by this store). The
/// asynchronous members complete synchronously.
/// </remarks>
/// <threadsafety static="true" instance="true">Safe for concurrent use.</threadsafety>
public sealed class InMemoryFollowUpStore : IFollowUpStore
{
    private readonly object _lock = new();
    private readonly Dictionary<PersonId, FollowUpSchedule> _byPerson = new();
    private readonly int _capacity;

    /// <summary>Creates an empty store.</summary>
    /// <param name="options">The capacity; null for the default (1,000,000 schedules).</param>
    /// <exception cref="ArgumentOutOfRangeException">The options are out of range.</exception>
    public InMemoryFollowUpStore(RecordStoreOptions? options = null) => _capacity = (options ?? new RecordStoreOptions()).Validate().Capacity;

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
            return new ValueTask<FollowUpSchedule?>(_byPerson.TryGetValue(person, out var s) ? s : null);
        }
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<FollowUpSchedule> ActiveOnAsync(LocalDate day, CancellationToken cancellationToken = default)
        => new SnapshotAsyncEnumerable<FollowUpSchedule>(
            () =>
            {
                lock (_lock)
                {
                    return _byPerson.Values.Where(s => s.IsActiveOn(day)).OrderBy(s => s.Person).ToList();
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

    /// <summary>Returns the number of schedules held (no id).</summary>
    /// <returns>E.g. <c>InMemoryFollowUpStore (42 schedules)</c>.</returns>
    public override string ToString() => $"InMemoryFollowUpStore ({Count:N0} schedules)";
}
