using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Internal;
using NodaTime;

namespace CommunityControl.Access;

/// <summary>
/// A thread-safe, in-memory <see cref="IOutingLedger"/> for tests and small hosts. Each household has its own lock, so
/// gates serving different households never wait for each other; counting reads a copy-on-write array without locking.
/// </summary>
/// <remarks>Nothing is persisted: a host that must survive a restart implements <see cref="IOutingLedger"/> over its own store.
/// <see cref="Prune"/> drops closed outings that started before an instant.</remarks>
/// <para>The asynchronous members (<see cref="IOutingLedgerAsync"/>) complete synchronously and keep the request keys
/// given to <see cref="TryStartOutingAsync"/> with their outings (until <see cref="Prune"/> drops the outing).</para>
/// <threadsafety static="true" instance="true">Safe for concurrent use.</threadsafety>
public sealed class InMemoryOutingLedger : IOutingLedger, IOutingLedgerAsync
{
    private readonly ConcurrentDictionary<HouseholdId, Household> _households = new();
    private long _sequence;

    /// <summary>Gets the number of households with at least one outing recorded.</summary>
    public int HouseholdCount => _households.Count;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="household"/> is empty.</exception>
    public int CountOutings(HouseholdId household, OutingWindow window)
    {
        CheckHousehold(household);
        return _households.TryGetValue(household, out var h) ? Count(Volatile.Read(ref h.Starts), window) : 0;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="household"/> is empty.</exception>
    public int CountOpenOutings(HouseholdId household)
    {
        CheckHousehold(household);
        return _households.TryGetValue(household, out var h) ? Volatile.Read(ref h.Open) : 0;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="household"/> or <paramref name="person"/> is empty.</exception>
    public bool TryGetOpenOuting(HouseholdId household, PersonId person, out Outing outing)
    {
        CheckHousehold(household);
        CheckPerson(person);
        outing = default;
        if (!_households.TryGetValue(household, out var h) || Volatile.Read(ref h.Open) == 0)
        {
            return false;
        }

        lock (h.Gate)
        {
            var index = LatestOpen(h, person);
            if (index < 0)
            {
                return false;
            }

            outing = h.Records[index].ToOuting(household);
            return true;
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="household"/> or <paramref name="person"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="persons"/> is below 1.</exception>
    public bool TryStartOuting(HouseholdId household, PersonId person, Instant at, int persons, OutingWindow? window, out Outing outing)
    {
        CheckHousehold(household);
        CheckPerson(person);
        CheckQuota(persons);
        return Start(household, person, at, persons, window, null, out outing);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="household"/> or <paramref name="person"/> is empty.</exception>
    public bool TryEndOuting(HouseholdId household, PersonId person, Instant at, out Outing outing)
    {
        CheckHousehold(household);
        CheckPerson(person);
        outing = default;
        if (!_households.TryGetValue(household, out var h))
        {
            return false;
        }

        lock (h.Gate)
        {
            var index = LatestOpen(h, person);
            if (index < 0)
            {
                return false;
            }

            var record = h.Records[index];
            record.End = at;
            Volatile.Write(ref h.Open, h.Open - 1);
            outing = record.ToOuting(household);
            return true;
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="household"/> is empty.</exception>
    public IReadOnlyList<Outing> OutingsOf(HouseholdId household)
    {
        CheckHousehold(household);
        if (!_households.TryGetValue(household, out var h))
        {
            return Array.Empty<Outing>();
        }

        lock (h.Gate)
        {
            var list = new Outing[h.Records.Count];
            for (var i = 0; i < list.Length; i++)
            {
                list[i] = h.Records[i].ToOuting(household);
            }

            return list;
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="household"/> is empty.</exception>
    public ValueTask<int> CountOutingsAsync(HouseholdId household, OutingWindow window, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(CountOutings(household, window));
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="household"/> is empty.</exception>
    public ValueTask<int> CountOpenOutingsAsync(HouseholdId household, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(CountOpenOutings(household));
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="household"/> or <paramref name="person"/> is empty.</exception>
    public ValueTask<Outing?> FindOpenOutingAsync(HouseholdId household, PersonId person, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(TryGetOpenOuting(household, person, out var outing) ? outing : null);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="household"/> or <paramref name="person"/> is empty, or
    /// <paramref name="requestKey"/> is empty or longer than 64 characters.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="persons"/> is below 1.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before anything was recorded.</exception>
    public ValueTask<Outing?> TryStartOutingAsync(HouseholdId household, PersonId person, Instant at, int persons, OutingWindow? window, string? requestKey = null, CancellationToken cancellationToken = default)
    {
        CheckHousehold(household);
        CheckPerson(person);
        CheckQuota(persons);
        CheckRequestKey(requestKey);
        cancellationToken.ThrowIfCancellationRequested();
        return new(Start(household, person, at, persons, window, requestKey, out var outing) ? outing : null);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="household"/> or <paramref name="person"/> is empty.</exception>
    public ValueTask<Outing?> TryEndOutingAsync(HouseholdId household, PersonId person, Instant at, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(TryEndOuting(household, person, at, out var outing) ? outing : null);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="household"/> is empty.</exception>
    public ValueTask<IReadOnlyList<Outing>> OutingsOfAsync(HouseholdId household, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(OutingsOf(household));
    }

    /// <summary>Drops the closed outings that started before an instant (open ones are kept).</summary>
    /// <param name="before">The instant.</param>
    /// <returns>The number of outings dropped.</returns>
    public int Prune(Instant before)
    {
        var dropped = 0;
        foreach (var pair in _households)
        {
            var h = pair.Value;
            lock (h.Gate)
            {
                var removed = h.Records.RemoveAll(r => r.End is not null && r.Start < before);
                if (removed > 0 && h.Keys is { } keys)
                {
                    keys.Clear();
                    foreach (var r in h.Records)
                    {
                        if (r.Key is not null)
                        {
                            keys.Add(r.Key, r);
                        }
                    }
                }

                if (removed == 0)
                {
                    continue;
                }

                dropped += removed;
                var starts = new Instant[h.Records.Count];
                for (var i = 0; i < starts.Length; i++)
                {
                    starts[i] = h.Records[i].Start;
                }

                Volatile.Write(ref h.Starts, starts);
            }
        }

        return dropped;
    }

    private static int Count(Instant[] starts, OutingWindow window)
    {
        var count = 0;
        foreach (var start in starts)
        {
            if (start > window.After && start < window.Before)
            {
                count++;
            }
        }

        return count;
    }

    private static int LatestOpen(Household h, PersonId person)
    {
        for (var i = h.Records.Count - 1; i >= 0; i--)
        {
            var r = h.Records[i];
            if (r.End is null && r.Person == person)
            {
                return i;
            }
        }

        return -1;
    }

    private static void CheckQuota(int persons)
    {
        if (persons < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(persons), persons, $"The quota must be at least 1; it was {persons}.");
        }
    }

    private static void CheckRequestKey(string? requestKey)
    {
        if (requestKey is not null && (requestKey.Length == 0 || requestKey.Length > 64))
        {
            throw new ArgumentException($"The request key must be 1 to 64 characters; it had {requestKey.Length}.", nameof(requestKey));
        }
    }

    private bool Start(HouseholdId household, PersonId person, Instant at, int persons, OutingWindow? window, string? requestKey, out Outing outing)
    {
        var h = _households.GetOrAdd(household, _ => new Household());
        lock (h.Gate)
        {
            if (requestKey is not null && h.Keys is not null && h.Keys.TryGetValue(requestKey, out var earlier))
            {
                outing = earlier.ToOuting(household);
                return true;
            }

            var used = window is { } w ? Count(h.Starts, w) : h.Open;
            if (used >= persons)
            {
                outing = default;
                return false;
            }

            var record = new Record(Interlocked.Increment(ref _sequence), person, at) { Key = requestKey };
            h.Records.Add(record);
            if (requestKey is not null)
            {
                (h.Keys ??= new Dictionary<string, Record>(StringComparer.Ordinal)).Add(requestKey, record);
            }

            var starts = new Instant[h.Starts.Length + 1];
            h.Starts.CopyTo(starts, 0);
            starts[starts.Length - 1] = at;
            Volatile.Write(ref h.Starts, starts);
            Volatile.Write(ref h.Open, h.Open + 1);
            outing = record.ToOuting(household);
            return true;
        }
    }

    private static void CheckHousehold(HouseholdId household)
    {
        if (household.IsEmpty)
        {
            throw new ArgumentException("The household id is empty (default(HouseholdId)).", nameof(household));
        }
    }

    private static void CheckPerson(PersonId person)
    {
        if (person.IsEmpty)
        {
            throw new ArgumentException("The person id is empty (default(PersonId)).", nameof(person));
        }
    }

    private sealed class Household
    {
#pragma warning disable SA1401 // fields read with Volatile and written under the lock
        public readonly object Gate = new();
        public readonly List<Record> Records = new();
        public Instant[] Starts = Array.Empty<Instant>();
        public int Open;
        public Dictionary<string, Record>? Keys;
#pragma warning restore SA1401
    }

    private sealed class Record
    {
        public Record(long sequence, PersonId person, Instant start)
        {
            Sequence = sequence;
            Person = person;
            Start = start;
        }

        public long Sequence { get; }

        public PersonId Person { get; }

        public Instant Start { get; }

        public Instant? End { get; set; }

        public string? Key { get; init; }

        public Outing ToOuting(HouseholdId household) => new(Sequence, household, Person, Start, End);
    }
}
