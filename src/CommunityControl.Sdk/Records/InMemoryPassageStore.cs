using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// A thread-safe, in-memory <see cref="IPassageStore"/>: the embedded default for the main job, tests and small hosts.
/// </summary>
/// <remarks>
/// <para><b>Layout.</b> Passages are kept in columns, not as objects: a 24-byte row per passage (the instant in nanoseconds;
/// indexes into interned tables of people with their household and pass, of gates, and of what repeats from passage to
/// passage: direction, category, temperature, health code, decision, operator and device; the offset of the key), the
/// idempotency key as ASCII bytes in one arena with an open-addressing hash table over it (exact byte comparison, no
/// string per passage), and two 4-byte links that chain each person's passages and each gate's passages of a UTC day.
/// A passage takes about 48 bytes plus the length of its key (measured by the benchmarks' <c>--memory</c> mode); the
/// interned tables add a little per distinct person, household, pass, gate, device and reading. The key table is sized
/// for <see cref="RecordStoreOptions.Capacity"/> when the store is created (4 to 8 MiB for the default capacity, at
/// most 64 MiB; a larger capacity grows it as it fills), so appends up to the capacity never rehash.</para>
/// <para><b>Reads return new objects.</b> Every read (a query, <see cref="FindAsync"/>, or the record returned to a retried
/// append) makes its <see cref="PassageRecord"/> again from the columns: compare records with
/// <see cref="PassageRecord.Equals(PassageRecord)"/> (by value), not by reference. An append that records returns the
/// caller's own record. Instants are kept to the nanosecond, from 1677-09-21 to 2262-04-11 (64 bits of nanoseconds since
/// 1970); an append outside that range throws.</para>
/// <para><b>Threads.</b> One lock guards appends, queries and purges. A query collects and makes its records
/// under the lock when its enumeration starts and streams them after (a snapshot), so a slow consumer never blocks a
/// gate. Results are ordered by instant, then by order of recording.</para>
/// <para><b>Bounds.</b> Memory is bounded by <see cref="RecordStoreOptions.Capacity"/> (an append beyond it throws
/// <see cref="InvalidOperationException"/>) and, when set, by <see cref="RecordStoreOptions.Retention"/> with
/// <see cref="PurgeExpiredAsync"/>. A purge that deletes anything rebuilds the columns without the deleted passages (the
/// time and, briefly, the memory of a second copy of what is kept); a purge that finds nothing older returns at once.
/// Nothing is persisted: a host that must survive a restart uses a database store.</para>
/// <para>The asynchronous members complete synchronously.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Safe for concurrent use by many gates.</threadsafety>
public sealed class InMemoryPassageStore : IPassageStore
{
#if NET9_0_OR_GREATER
    private readonly Lock _lock = new();
#else
    private readonly object _lock = new();
#endif
    private readonly int _capacity;
    private readonly Duration? _retention;
    private readonly IClock? _clock;
    private readonly string _full;
    private PassageColumns _columns;

    /// <summary>Creates an empty store.</summary>
    /// <param name="options">Capacity and retention; null for the defaults (1,000,000 records, no retention period).</param>
    /// <param name="clock">The clock retention is measured on; required when <see cref="RecordStoreOptions.Retention"/> is set.</param>
    /// <exception cref="ArgumentOutOfRangeException">The options are out of range.</exception>
    /// <exception cref="ArgumentNullException">A retention period is set and <paramref name="clock"/> is null.</exception>
    public InMemoryPassageStore(RecordStoreOptions? options = null, IClock? clock = null)
    {
        (_capacity, _retention) = (options ?? new RecordStoreOptions()).Validate();
        if (_retention is not null && clock is null)
        {
            throw new ArgumentNullException(nameof(clock), "A clock is needed to apply a retention period.");
        }

        _clock = clock;
        _columns = new PassageColumns(_capacity);
        _full = $"The passage store holds its capacity of {_capacity:N0} records; purge records past their retention period or raise RecordStoreOptions.Capacity.";
    }

    /// <summary>Gets the number of passages held.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _columns.Count;
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>A retry returns a new object equal by value to the record held (see the class remarks).</remarks>
    /// <exception cref="InvalidOperationException">The store holds <see cref="RecordStoreOptions.Capacity"/> records.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The record's instant is before 1677-09-21 or after 2262-04-11.</exception>
    public ValueTask<AppendResult<PassageRecord>> AppendAsync(PassageRecord record, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(record);
        if (!PassageColumns.InRange(record.At))
        {
            throw new ArgumentOutOfRangeException(nameof(record), "The passage's instant (At) must lie between 1677-09-21 and 2262-04-11.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var hashes = PassageColumns.HashesOf(record);
        lock (_lock)
        {
            var row = _columns.Append(record, hashes, _full);
            if (row >= 0)
            {
                return new ValueTask<AppendResult<PassageRecord>>(new AppendResult<PassageRecord>(_columns.Materialize(row), false));
            }
        }

        return new ValueTask<AppendResult<PassageRecord>>(new AppendResult<PassageRecord>(record, true));
    }

    /// <inheritdoc/>
    /// <remarks>Returns a new object on every call (see the class remarks).</remarks>
    public ValueTask<PassageRecord?> FindAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        RecordKey.Check(idempotencyKey, nameof(idempotencyKey));
        cancellationToken.ThrowIfCancellationRequested();
        var floor = RetentionFloor();
        lock (_lock)
        {
            var row = _columns.Find(idempotencyKey);
            return new ValueTask<PassageRecord?>(row >= 0 && _columns.NanosAt(row) >= floor ? _columns.Materialize(row) : null);
        }
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<PassageRecord> PassagesOfPersonAsync(PersonId person, Interval interval, CancellationToken cancellationToken = default)
    {
        if (person.IsEmpty)
        {
            throw new ArgumentException("The person id must not be empty.", nameof(person));
        }

        return new SnapshotAsyncEnumerable<PassageRecord>(() => Query(interval, (c, from, to, rows) => c.RowsOfPerson(person, from, to, rows)), cancellationToken);
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<PassageRecord> PassagesAtGateAsync(ZoneId gate, Interval interval, CancellationToken cancellationToken = default)
    {
        if (gate.IsEmpty)
        {
            throw new ArgumentException("The gate's zone id must not be empty.", nameof(gate));
        }

        return new SnapshotAsyncEnumerable<PassageRecord>(() => Query(interval, (c, from, to, rows) => c.RowsAtGate(gate, from, to, rows)), cancellationToken);
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<PassageRecord> PassagesWithinAsync(ZoneTree tree, ZoneId root, Interval interval, CancellationToken cancellationToken = default)
    {
        var gates = SubtreeIds(tree, root);
        return new SnapshotAsyncEnumerable<PassageRecord>(
            () => Query(interval, (c, from, to, rows) =>
            {
                foreach (var gate in gates)
                {
                    c.RowsAtGate(gate, from, to, rows);
                }
            }),
            cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<long>(Purge(PassageColumns.NanosOf(before)));
    }

    /// <summary>Deletes every passage older than the retention period, on the store's clock; does nothing without a period.</summary>
    /// <param name="cancellationToken">Cancels the purge before it starts.</param>
    /// <returns>The number of passages deleted.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<long> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<long>(_retention is null ? 0 : Purge(RetentionFloor()));
    }

    /// <summary>Returns the number of passages held (no id).</summary>
    /// <returns>E.g. <c>InMemoryPassageStore (12,345 passages)</c>.</returns>
    public override string ToString() => $"InMemoryPassageStore ({Count:N0} passages)";

    private long Purge(long keepFrom)
    {
        lock (_lock)
        {
            if (_columns.MinNanos >= keepFrom)
            {
                return 0;
            }

            _columns = _columns.Without(keepFrom, out var dropped);
            return dropped;
        }
    }

    /// <summary>The first instant (nanoseconds since 1970) returned under the retention period; <see cref="long.MinValue"/> without one.</summary>
    private long RetentionFloor()
        => _retention is { } retention ? PassageColumns.NanosOf(_clock!.GetCurrentInstant() - retention) : long.MinValue;

    /// <summary>Collects the rows of a query, then makes their records, ordered by instant and order of recording.</summary>
    private List<PassageRecord> Query(Interval interval, Action<PassageColumns, long, long, List<int>> collect)
    {
        var from = Math.Max(interval.HasStart ? PassageColumns.NanosOf(interval.Start) : long.MinValue, RetentionFloor());
        var to = interval.HasEnd ? PassageColumns.NanosOf(interval.End) : long.MaxValue;
        var rows = new List<int>();
        lock (_lock)
        {
            var columns = _columns;
            collect(columns, from, to, rows);
            if (rows.Count > 1)
            {
                rows.Sort((a, b) =>
                {
                    var byTime = columns.NanosAt(a).CompareTo(columns.NanosAt(b));
                    return byTime != 0 ? byTime : a.CompareTo(b);
                });
            }

            var records = new List<PassageRecord>(rows.Count);
            foreach (var row in rows)
            {
                records.Add(columns.Materialize(row));
            }

            return records;
        }
    }

    /// <summary>The ids of a zone and every zone under it (each subtree is one contiguous range of the tree).</summary>
    internal static ZoneId[] SubtreeIds(ZoneTree tree, ZoneId root)
    {
        Guard.NotNull(tree);
        if (root.IsEmpty)
        {
            throw new ArgumentException("The root zone id must not be empty.", nameof(root));
        }

        var start = tree.IndexOf(root);
        if (start < 0)
        {
            throw new ArgumentException("The root zone is not in the tree.", nameof(root));
        }

        var end = tree.SubtreeEnd(start);
        var ids = new ZoneId[end - start];
        for (var i = start; i < end; i++)
        {
            ids[i - start] = tree.IdAt(i);
        }

        return ids;
    }
}
