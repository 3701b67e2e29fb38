using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Internal;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// A thread-safe, in-memory <see cref="IAttendanceStore"/>: the embedded default for the main job, tests and small hosts.
/// </summary>
/// <remarks>
/// One lock guards appends, queries and purges; a query copies its matches when its enumeration starts. Memory is
/// bounded by the capacity given (1,000,000 records unless set). The asynchronous members complete synchronously.
/// </remarks>
/// <threadsafety static="true" instance="true">Safe for concurrent use.</threadsafety>
public sealed class InMemoryAttendanceStore : IAttendanceStore
{
    /// <summary>The default capacity: 1,000,000 records.</summary>
    public const int DefaultCapacity = 1_000_000;

    private readonly object _lock = new();
    private readonly Dictionary<string, AttendanceRecord> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<PersonId, List<AttendanceRecord>> _byPerson = new();
    private readonly List<AttendanceRecord> _all = new();
    private readonly int _capacity;

    /// <summary>Creates an empty store.</summary>
    /// <param name="capacity">The most records held; <see cref="DefaultCapacity"/> unless set.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    public InMemoryAttendanceStore(int capacity = DefaultCapacity)
        => _capacity = capacity >= 1 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The capacity must be at least 1.");

    /// <summary>Gets the number of records held.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _all.Count;
            }
        }
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The store holds its capacity of records.</exception>
    public ValueTask<bool> AppendAsync(AttendanceRecord record, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_byKey.ContainsKey(record.IdempotencyKey))
            {
                return new ValueTask<bool>(false);
            }

            if (_all.Count >= _capacity)
            {
                throw new InvalidOperationException($"The attendance store holds its capacity of {_capacity:N0} records; purge old records or raise the capacity.");
            }

            _byKey.Add(record.IdempotencyKey, record);
            if (!_byPerson.TryGetValue(record.Person, out var list))
            {
                _byPerson.Add(record.Person, list = new List<AttendanceRecord>());
            }

            list.Add(record);
            _all.Add(record);
            return new ValueTask<bool>(true);
        }
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<AttendanceRecord> RecordsOfPersonAsync(PersonId person, Interval interval, CancellationToken cancellationToken = default)
    {
        if (person.IsEmpty)
        {
            throw new ArgumentException("The person id must not be empty.", nameof(person));
        }

        return Stream(() => Snapshot(() => _byPerson.TryGetValue(person, out var list) ? list : null, interval), cancellationToken);
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<AttendanceRecord> RecordsAsync(Interval interval, CancellationToken cancellationToken = default)
        => Stream(() => Snapshot(() => _all, interval), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var purged = _all.RemoveAll(r => r.At < before);
            if (purged > 0)
            {
                foreach (var key in _byKey.Where(p => p.Value.At < before).Select(p => p.Key).ToList())
                {
                    _byKey.Remove(key);
                }

                foreach (var person in _byPerson.Keys.ToList())
                {
                    var list = _byPerson[person];
                    list.RemoveAll(r => r.At < before);
                    if (list.Count == 0)
                    {
                        _byPerson.Remove(person);
                    }
                }
            }

            return new ValueTask<long>(purged);
        }
    }

    /// <summary>Returns the number of records held (no id).</summary>
    /// <returns>E.g. <c>InMemoryAttendanceStore (120 records)</c>.</returns>
    public override string ToString() => $"InMemoryAttendanceStore ({Count:N0} records)";

    private static async IAsyncEnumerable<AttendanceRecord> Stream(Func<List<AttendanceRecord>> snapshot, CancellationToken queryToken, [EnumeratorCancellation] CancellationToken enumerationToken = default)
    {
        queryToken.ThrowIfCancellationRequested();
        enumerationToken.ThrowIfCancellationRequested();
        var items = snapshot();
        foreach (var record in items)
        {
            queryToken.ThrowIfCancellationRequested();
            enumerationToken.ThrowIfCancellationRequested();
            yield return record;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private List<AttendanceRecord> Snapshot(Func<List<AttendanceRecord>?> sourceUnderLock, Interval interval)
    {
        var matches = new List<AttendanceRecord>();
        lock (_lock)
        {
            if (sourceUnderLock() is { } source)
            {
                foreach (var r in source)
                {
                    if (interval.Contains(r.At))
                    {
                        matches.Add(r);
                    }
                }
            }
        }

        // Stable: records at the same instant keep the order they were recorded in.
        return matches.Count > 1 ? matches.OrderBy(r => r.At).ToList() : matches;
    }
}
