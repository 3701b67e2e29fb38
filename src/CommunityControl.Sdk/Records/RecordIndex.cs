using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// The shared engine of the in-memory stores: records by idempotency key, by person, by place and UTC day, and by UTC
/// day (for purges). One lock guards everything; queries copy their matches under it and sort them outside it.
/// </summary>
internal sealed class RecordIndex<TRecord>
    where TRecord : class
{
    private readonly object _lock = new();
    private readonly Dictionary<string, TRecord> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<PersonId, List<TRecord>> _byPerson = new();
    private readonly Dictionary<ZoneId, SortedDictionary<long, List<TRecord>>> _byPlace = new();
    private readonly SortedDictionary<long, List<TRecord>> _byDay = new();
    private readonly Func<TRecord, string> _key;
    private readonly Func<TRecord, Instant> _at;
    private readonly Func<TRecord, PersonId> _person;
    private readonly Func<TRecord, ZoneId>? _place;
    private readonly string _kind;
    private readonly int _capacity;
    private readonly Duration? _retention;
    private readonly IClock? _clock;

    public RecordIndex(string kind, RecordStoreOptions? options, IClock? clock, Func<TRecord, string> key, Func<TRecord, Instant> at, Func<TRecord, PersonId> person, Func<TRecord, ZoneId>? place)
    {
        (_capacity, _retention) = (options ?? new RecordStoreOptions()).Validate();
        if (_retention is not null && clock is null)
        {
            throw new ArgumentNullException(nameof(clock), "A clock is needed to apply a retention period.");
        }

        (_kind, _clock, _key, _at, _person, _place) = (kind, clock, key, at, person, place);
    }

    public int Count { get; private set; }

    public int Capacity => _capacity;

    public Duration? Retention => _retention;

    public static long DayOf(Instant at)
    {
        var ticks = at.ToUnixTimeTicks();
        return ticks >= 0 ? ticks / NodaConstants.TicksPerDay : ((ticks + 1) / NodaConstants.TicksPerDay) - 1;
    }

    public AppendResult<TRecord> Append(TRecord record)
    {
        var key = _key(record);
        lock (_lock)
        {
            if (_byKey.TryGetValue(key, out var existing))
            {
                return new AppendResult<TRecord>(existing, false);
            }

            if (Count >= _capacity)
            {
                throw new InvalidOperationException($"The {_kind} store holds its capacity of {_capacity:N0} records; purge records past their retention period or raise RecordStoreOptions.Capacity.");
            }

            var day = DayOf(_at(record));
            _byKey.Add(key, record);
            ListFor(_byPerson, _person(record)).Add(record);
            ListFor(_byDay, day).Add(record);
            if (_place is not null)
            {
                var place = _place(record);
                if (!_byPlace.TryGetValue(place, out var days))
                {
                    _byPlace.Add(place, days = new SortedDictionary<long, List<TRecord>>());
                }

                ListFor(days, day).Add(record);
            }

            Count++;
            return new AppendResult<TRecord>(record, true);
        }
    }

    public TRecord? Find(string key)
    {
        var floor = RetentionFloor();
        lock (_lock)
        {
            return _byKey.TryGetValue(key, out var record) && _at(record) >= floor ? record : null;
        }
    }

    public List<TRecord> ByPerson(PersonId person, Interval interval)
    {
        var floor = RetentionFloor();
        var matches = new List<TRecord>();
        lock (_lock)
        {
            if (_byPerson.TryGetValue(person, out var list))
            {
                foreach (var r in list)
                {
                    var at = _at(r);
                    if (interval.Contains(at) && at >= floor)
                    {
                        matches.Add(r);
                    }
                }
            }
        }

        return Sorted(matches);
    }

    public List<TRecord> ByPlaces(IEnumerable<ZoneId> places, Interval interval)
    {
        var floor = RetentionFloor();
        var firstDay = interval.HasStart ? DayOf(interval.Start) : long.MinValue;
        var lastDay = interval.HasEnd ? DayOf(interval.End) : long.MaxValue;
        var matches = new List<TRecord>();
        lock (_lock)
        {
            foreach (var place in places)
            {
                if (!_byPlace.TryGetValue(place, out var days))
                {
                    continue;
                }

                foreach (var pair in days)
                {
                    if (pair.Key < firstDay)
                    {
                        continue;
                    }

                    if (pair.Key > lastDay)
                    {
                        break;
                    }

                    foreach (var r in pair.Value)
                    {
                        var at = _at(r);
                        if (interval.Contains(at) && at >= floor)
                        {
                            matches.Add(r);
                        }
                    }
                }
            }
        }

        return Sorted(matches);
    }

    /// <summary>Every record in an interval, by the UTC days it covers.</summary>
    public List<TRecord> Within(Interval interval)
    {
        var floor = RetentionFloor();
        var firstDay = interval.HasStart ? DayOf(interval.Start) : long.MinValue;
        var lastDay = interval.HasEnd ? DayOf(interval.End) : long.MaxValue;
        var matches = new List<TRecord>();
        lock (_lock)
        {
            foreach (var pair in _byDay)
            {
                if (pair.Key < firstDay)
                {
                    continue;
                }

                if (pair.Key > lastDay)
                {
                    break;
                }

                foreach (var r in pair.Value)
                {
                    var at = _at(r);
                    if (interval.Contains(at) && at >= floor)
                    {
                        matches.Add(r);
                    }
                }
            }
        }

        return Sorted(matches);
    }

    public long PurgeExpired()
    {
        return _retention is null ? 0 : Purge(RetentionFloor());
    }

    public long Purge(Instant before)
    {
        var cutoffDay = DayOf(before);
        var purged = new List<TRecord>();
        lock (_lock)
        {
            var emptyDays = new List<long>();
            foreach (var pair in _byDay)
            {
                if (pair.Key > cutoffDay)
                {
                    break;
                }

                pair.Value.RemoveAll(r =>
                {
                    var old = _at(r) < before;
                    if (old)
                    {
                        purged.Add(r);
                    }

                    return old;
                });
                if (pair.Value.Count == 0)
                {
                    emptyDays.Add(pair.Key);
                }
            }

            emptyDays.ForEach(d => _byDay.Remove(d));
            RemoveFromIndexes(purged, before);
            Count -= purged.Count;
        }

        return purged.Count;
    }

    private void RemoveFromIndexes(List<TRecord> purged, Instant before)
    {
        var persons = new HashSet<PersonId>();
        var places = new HashSet<ZoneId>();
        foreach (var r in purged)
        {
            _byKey.Remove(_key(r));
            persons.Add(_person(r));
            if (_place is not null)
            {
                places.Add(_place(r));
            }
        }

        foreach (var person in persons)
        {
            var list = _byPerson[person];
            list.RemoveAll(r => _at(r) < before);
            if (list.Count == 0)
            {
                _byPerson.Remove(person);
            }
        }

        var cutoffDay = DayOf(before);
        foreach (var place in places)
        {
            var days = _byPlace[place];
            foreach (var day in days.Keys.TakeWhile(d => d <= cutoffDay).ToList())
            {
                var list = days[day];
                list.RemoveAll(r => _at(r) < before);
                if (list.Count == 0)
                {
                    days.Remove(day);
                }
            }

            if (days.Count == 0)
            {
                _byPlace.Remove(place);
            }
        }
    }

    private Instant RetentionFloor() => _retention is { } retention ? _clock!.GetCurrentInstant() - retention : Instant.MinValue;

    private List<TRecord> Sorted(List<TRecord> matches)
    {
        if (matches.Count > 1)
        {
            // Stable: records at the same instant keep the order they were collected in (each list is in append order).
            return matches.OrderBy(_at).ToList();
        }

        return matches;
    }

    private static List<TRecord> ListFor<TKey>(IDictionary<TKey, List<TRecord>> map, TKey key)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map.Add(key, list = new List<TRecord>());
        }

        return list;
    }
}
