using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Measures;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// The columnar engine of <see cref="InMemoryPassageStore"/>. Not thread-safe: the store guards it with one lock.
/// </summary>
/// <remarks>
/// <para>A passage is one 24-byte row (instant in nanoseconds since 1970; indexes into interned tables of who passed,
/// of gates and of the passage's shape; the offset of its idempotency key) in arrays of 65,536 rows; two 4-byte links
/// (the person's previous passage and the gate-day's previous passage, written in the new row, so an append touches no
/// old row); its key as ASCII bytes in a byte arena (one length byte, then the key); and one 4-byte slot (the row and,
/// in the bits the capacity leaves, a fingerprint of the key's hash) of an open-addressing table at most three quarters
/// full. The interned tables hold what repeats: a person with a household and a pass; a gate; a shape (direction,
/// category, temperature, health code, decision, operator, device). No object is kept per passage: records are made
/// again on every read.</para>
/// <para>Instants are kept to the nanosecond, from 1677-09-21 to 2262-04-11 (64 bits of nanoseconds since 1970).</para>
/// </remarks>
internal sealed class PassageColumns
{
    private const int RowBits = 16;
    private const int RowChunk = 1 << RowBits;
    private const int RowMask = RowChunk - 1;
    private const int ArenaBits = 20;
    private const int ArenaChunk = 1 << ArenaBits;
    private const int ArenaMask = ArenaChunk - 1;
    private const int MaxArenaChunks = 1 << (31 - ArenaBits);
    private const int MaxSlots = 1 << 30;
    private const long NanosPerDay = 86_400_000_000_000L;
    private const int PresizedSlots = 1 << 24;

    private readonly InternTable<PersonId, PersonEntry> _persons = new();
    private readonly List<Who> _whos = new();
    private readonly InternTable<ZoneId, GateEntry> _gates = new();
    private readonly List<int> _gateDayTail = new();
    private readonly Dictionary<Shape, int> _shapeIndex = new();
    private readonly List<Shape> _shapes = new();

    private Row[][] _rows = new Row[1][];
    private int[][] _previousOfPerson = new int[1][];
    private int[][] _previousAtGateDay = new int[1][];
    private byte[][] _arena = new byte[1][];
    private int _arenaUsed;
    private readonly int _rowBits;
    private uint[] _slots;

    /// <summary>Creates an empty engine for at most <paramref name="capacity"/> rows.</summary>
    public PassageColumns(int capacity)
    {
        Capacity = capacity;
        while (_rowBits < 31 && (1L << _rowBits) <= capacity)
        {
            _rowBits++;
        }

        // The key table is sized for the capacity (at most three quarters full) up to 2^24 slots (64 MiB), so appends
        // up to the capacity never rehash; a larger capacity starts there and doubles as it fills.
        var slots = 1024;
        while (slots < PresizedSlots && (long)slots * 3 < (long)capacity * 4)
        {
            slots *= 2;
        }

        _slots = new uint[slots];
    }

    /// <summary>Gets the most rows the engine is built for (slots keep a row number of this many bits and a fingerprint).</summary>
    public int Capacity { get; }

    /// <summary>Gets the number of rows.</summary>
    public int Count { get; private set; }

    /// <summary>The earliest instant a row can hold: 1677-09-21 (nanoseconds since 1970 in 64 bits).</summary>
    public static readonly Instant Earliest = NodaConstants.UnixEpoch + Duration.FromNanoseconds(long.MinValue);

    /// <summary>The first instant after the range a row holds: 2262-04-11.</summary>
    public static readonly Instant Latest = NodaConstants.UnixEpoch + Duration.FromNanoseconds(long.MaxValue);

    /// <summary>Gets the earliest instant held, in nanoseconds since 1970; <see cref="long.MaxValue"/> when empty.</summary>
    public long MinNanos { get; private set; } = long.MaxValue;

    /// <summary>Whether a row can hold the instant.</summary>
    public static bool InRange(Instant at) => at >= Earliest && at < Latest;

    /// <summary>The instant in nanoseconds since 1970, clamped to the range a row holds (for query bounds).</summary>
    public static long NanosOf(Instant at)
        => at <= Earliest ? long.MinValue : at >= Latest ? long.MaxValue : (at - NodaConstants.UnixEpoch).ToInt64Nanoseconds();

    /// <summary>The UTC day of an instant in nanoseconds since 1970 (floor division).</summary>
    public static long DayOf(long nanos)
        => nanos >= 0 ? nanos / NanosPerDay : ((nanos + 1) / NanosPerDay) - 1;

    /// <summary>The hashes an append needs, made from the record alone (outside the store's lock).</summary>
    public static Hashes HashesOf(PassageRecord record)
        => new(Hash(record.IdempotencyKey), InternTable<PersonId, PersonEntry>.HashOf(record.Person), InternTable<ZoneId, GateEntry>.HashOf(record.Gate));

    /// <summary>Finds the row recorded under a key; −1 when none.</summary>
    public int Find(string key) => Find(key, Hash(key));

    /// <summary>
    /// Adds a record unless its key is held: returns the row recorded under the key, or −1 when the record was added.
    /// </summary>
    /// <param name="record">The record, its instant in range.</param>
    /// <param name="hashes">The record's <see cref="HashesOf"/>.</param>
    /// <param name="full">The message of the exception thrown when the engine holds <see cref="Capacity"/> rows.</param>
    /// <exception cref="InvalidOperationException">The key is new and the engine holds <see cref="Capacity"/> rows, or the key arena holds 2 GiB.</exception>
    public int Append(PassageRecord record, in Hashes hashes, string full)
    {
        // Look the person and the gate up first (reads only): their slots and entries are fetched from memory while the
        // key's slot is, not after it.
        var person = _persons.IndexOf(record.Person, hashes.Person);
        var gate = _gates.IndexOf(record.Gate, hashes.Gate);
        var row = Find(record.IdempotencyKey, hashes.Key);
        if (row >= 0)
        {
            return row;
        }

        if (Count >= Capacity)
        {
            throw new InvalidOperationException(full);
        }

        Add(record, hashes, person, gate);
        return -1;
    }

    private int Find(string key, uint hash)
    {
        var mask = _slots.Length - 1;
        for (var i = (int)(hash & (uint)mask); ; i = (i + 1) & mask)
        {
            var slot = _slots[i];
            if (slot == 0)
            {
                return -1;
            }

            var row = RowOf(slot);
            if (slot >> _rowBits == hash >> _rowBits && KeyEquals(key, RowAt(row).Key))
            {
                return row;
            }
        }
    }

    /// <summary>Adds a record whose key is not held; <paramref name="person"/> and <paramref name="gate"/> are their
    /// indexes, −1 when not interned yet.</summary>
    private void Add(PassageRecord record, in Hashes hashes, int person, int gate)
    {
        var key = record.IdempotencyKey;
        var offset = ReserveKey(key.Length);
        var chunk = _arena[offset >> ArenaBits];
        var pos = offset & ArenaMask;
        chunk[pos] = (byte)key.Length;
        for (var i = 0; i < key.Length; i++)
        {
            chunk[pos + 1 + i] = (byte)key[i];
        }

        // Most passages repeat the person's last household and pass, and one of the gate's last two shapes (an entry
        // and an exit, say): compare with those, kept in the person's and the gate's entries, before anything is hashed.
        if (person < 0)
        {
            person = _persons.Add(PersonEntry.Of(record.Person), hashes.Person);
        }

        ref readonly var entry = ref _persons[person];
        var who = entry.Who;
        if (who < 0 || entry.Household != record.Household || !string.Equals(entry.PassId, record.PassId, StringComparison.Ordinal))
        {
            who = InternWho(person, record.Household, record.PassId);
        }

        if (gate < 0)
        {
            gate = _gates.Add(NewGate(record.Gate), hashes.Gate);
        }

        var shapeIndex = ShapeAtGate(gate, Shape.Of(record));
        AddRow(NanosOf(record.At), who, person, gate, shapeIndex, offset, hashes.Key);
    }

    /// <summary>Makes the record of a row again (a new object on every call).</summary>
    public PassageRecord Materialize(int row)
    {
        ref readonly var r = ref RowAt(row);
        var who = _whos[r.Who];
        var shape = _shapes[r.Shape];
        var chunk = _arena[r.Key >> ArenaBits];
        var pos = r.Key & ArenaMask;
        return new PassageRecord
        {
            IdempotencyKey = Encoding.ASCII.GetString(chunk, pos + 1, chunk[pos]),
            Gate = _gates[r.Gate].Id,
            At = NodaConstants.UnixEpoch + Duration.FromNanoseconds(r.Nanos),
            Person = _persons[who.Person].Id,
            Household = who.Household,
            PassId = who.PassId,
            Direction = shape.Direction,
            Category = shape.Category,
            TemperatureCelsius = shape.HasTemperature ? BitConverter.Int64BitsToDouble(shape.TemperatureBits) : null,
            HealthCode = shape.HealthCode,
            Outcome = shape.Outcome,
            Reasons = shape.Reasons,
            Obligations = shape.Obligations,
            MissingPermissions = shape.MissingPermissions,
            EscalateTo = shape.EscalateTo,
            Operator = shape.Operator,
            Device = shape.Device,
        };
    }

    /// <summary>Gets the instant of a row, in nanoseconds since 1970.</summary>
    public long NanosAt(int row) => RowAt(row).Nanos;

    /// <summary>The rows of a person with instants in [from, to) (nanoseconds since 1970), newest recorded first.</summary>
    public void RowsOfPerson(PersonId person, long from, long to, List<int> into)
    {
        var p = _persons.IndexOf(person, InternTable<PersonId, PersonEntry>.HashOf(person));
        if (p < 0)
        {
            return;
        }

        for (var row = _persons[p].Tail; row >= 0; row = _previousOfPerson[row >> RowBits][row & RowMask])
        {
            var nanos = RowAt(row).Nanos;
            if (nanos >= from && nanos < to)
            {
                into.Add(row);
            }
        }
    }

    /// <summary>The rows at a gate with instants in [from, to) (nanoseconds since 1970), day by day, each day newest recorded first.</summary>
    public void RowsAtGate(ZoneId gate, long from, long to, List<int> into)
    {
        var g = _gates.IndexOf(gate, InternTable<ZoneId, GateEntry>.HashOf(gate));
        if (g < 0)
        {
            return;
        }

        var days = _gates[g].Days;
        var firstDay = from == long.MinValue ? long.MinValue : DayOf(from);
        var lastDay = to == long.MaxValue ? long.MaxValue : DayOf(to);
        for (var d = days.FirstAtOrAfter(firstDay); d < days.Count && days.Day(d) <= lastDay; d++)
        {
            for (var row = _gateDayTail[days.Slot(d)]; row >= 0; row = _previousAtGateDay[row >> RowBits][row & RowMask])
            {
                var nanos = RowAt(row).Nanos;
                if (nanos >= from && nanos < to)
                {
                    into.Add(row);
                }
            }
        }
    }

    /// <summary>A new engine holding only the rows with instants (nanoseconds since 1970) at or after <paramref name="keepFrom"/>, in the same order.</summary>
    public PassageColumns Without(long keepFrom, out int dropped)
    {
        var kept = new PassageColumns(Capacity);
        var personMap = new int[_persons.Count];
        var whoMap = new int[_whos.Count];
        var shapeMap = new int[_shapes.Count];
        Fill(personMap);
        Fill(whoMap);
        Fill(shapeMap);
        dropped = 0;
        for (var row = 0; row < Count; row++)
        {
            ref readonly var r = ref RowAt(row);
            if (r.Nanos < keepFrom)
            {
                dropped++;
                continue;
            }

            var oldWho = _whos[r.Who];
            if (personMap[oldWho.Person] < 0)
            {
                personMap[oldWho.Person] = kept.InternPerson(_persons[oldWho.Person].Id);
            }

            var person = personMap[oldWho.Person];
            if (whoMap[r.Who] < 0)
            {
                whoMap[r.Who] = kept.InternWho(person, oldWho.Household, oldWho.PassId);
            }

            if (shapeMap[r.Shape] < 0)
            {
                shapeMap[r.Shape] = kept.InternShape(_shapes[r.Shape]);
            }

            var chunk = _arena[r.Key >> ArenaBits];
            var pos = r.Key & ArenaMask;
            var length = chunk[pos];
            var offset = kept.ReserveKey(length);
            Array.Copy(chunk, pos, kept._arena[offset >> ArenaBits], offset & ArenaMask, length + 1);
            kept.AddRow(r.Nanos, whoMap[r.Who], person, kept.InternGate(_gates[r.Gate].Id), shapeMap[r.Shape], offset, Hash(chunk, pos + 1, length));
        }

        return kept;
    }

    private static void Fill(int[] map)
    {
        for (var i = 0; i < map.Length; i++)
        {
            map[i] = -1;
        }
    }

    private static int Intern<T>(Dictionary<T, int> index, List<T> values, T value, out bool added)
        where T : notnull
    {
        if (index.TryGetValue(value, out var i))
        {
            added = false;
            return i;
        }

        i = values.Count;
        index.Add(value, i);
        values.Add(value);
        added = true;
        return i;
    }

    private static uint Hash(string key)
    {
        unchecked
        {
            var h = 2166136261u;
            for (var i = 0; i < key.Length; i++)
            {
                h = (h ^ key[i]) * 16777619u;
            }

            return Mix(h);
        }
    }

    private static uint Hash(byte[] bytes, int start, int length)
    {
        unchecked
        {
            var h = 2166136261u;
            for (var i = start; i < start + length; i++)
            {
                h = (h ^ bytes[i]) * 16777619u;
            }

            return Mix(h);
        }
    }

    private static uint Mix(uint h)
    {
        unchecked
        {
            h ^= h >> 16;
            h *= 0x85EBCA6Bu;
            h ^= h >> 13;
            h *= 0xC2B2AE35u;
            h ^= h >> 16;
            return h;
        }
    }

    private ref Row RowAt(int row) => ref _rows[row >> RowBits][row & RowMask];

    private bool KeyEquals(string key, int offset)
    {
        var chunk = _arena[offset >> ArenaBits];
        var pos = offset & ArenaMask;
        if (chunk[pos] != key.Length)
        {
            return false;
        }

        for (var i = 0; i < key.Length; i++)
        {
            if (chunk[pos + 1 + i] != key[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reserves room for a key of the length (and its length byte) in the arena; a key never spans two chunks.</summary>
    private int ReserveKey(int length)
    {
        var need = length + 1;
        var chunkIndex = _arenaUsed >> ArenaBits;

        // When the keys so far end exactly at a chunk's end, the next chunk is not allocated yet (nor, perhaps, its slot).
        var current = chunkIndex < _arena.Length && _arena[chunkIndex] is not null;
        if (!current || (_arenaUsed & ArenaMask) + need > ArenaChunk)
        {
            if (current)
            {
                chunkIndex++;
            }

            if (chunkIndex >= MaxArenaChunks)
            {
                throw new InvalidOperationException("The in-memory passage store's key arena holds 2 GiB of idempotency keys; purge passages past their retention period.");
            }

            if (chunkIndex == _arena.Length)
            {
                Array.Resize(ref _arena, Math.Min(_arena.Length * 2, MaxArenaChunks));
            }

            _arena[chunkIndex] = new byte[ArenaChunk];
            _arenaUsed = chunkIndex << ArenaBits;
        }

        var offset = _arenaUsed;
        _arenaUsed += need;
        return offset;
    }

    private int InternPerson(PersonId person)
    {
        var hash = InternTable<PersonId, PersonEntry>.HashOf(person);
        var p = _persons.IndexOf(person, hash);
        return p >= 0 ? p : _persons.Add(PersonEntry.Of(person), hash);
    }

    /// <summary>The index of a person's household and pass: one of the person's own (a short chain, newest first) or a new one; it becomes the person's last.</summary>
    private int InternWho(int person, HouseholdId household, string? passId)
    {
        ref var entry = ref _persons[person];
        var who = entry.NewestWho;
        while (who >= 0 && (_whos[who].Household != household || !string.Equals(_whos[who].PassId, passId, StringComparison.Ordinal)))
        {
            who = _whos[who].PreviousOfPerson;
        }

        if (who < 0)
        {
            who = _whos.Count;
            _whos.Add(new Who(person, household, passId, entry.NewestWho));
            entry.NewestWho = who;
        }

        entry.Who = who;
        entry.Household = household;
        entry.PassId = passId;
        return who;
    }

    private int InternGate(ZoneId gate)
    {
        var hash = InternTable<ZoneId, GateEntry>.HashOf(gate);
        var g = _gates.IndexOf(gate, hash);
        return g >= 0 ? g : _gates.Add(NewGate(gate), hash);
    }

    private static GateEntry NewGate(ZoneId gate) => new() { Id = gate, Shape = -1, OtherShape = -1, DaySlot = -1, Days = new GateDays() };

    /// <summary>The index of a shape: the gate's last or last but one, else interned; it becomes the gate's last.</summary>
    private int ShapeAtGate(int gate, in Shape shape)
    {
        ref var entry = ref _gates[gate];
        if (entry.Shape >= 0 && _shapes[entry.Shape].Equals(shape))
        {
            return entry.Shape;
        }

        var index = entry.OtherShape >= 0 && _shapes[entry.OtherShape].Equals(shape) ? entry.OtherShape : InternShape(shape);
        entry.OtherShape = entry.Shape;
        entry.Shape = index;
        return index;
    }

    private int InternShape(in Shape shape) => Intern(_shapeIndex, _shapes, shape, out _);

    private void AddRow(long nanos, int who, int person, int g, int shape, int keyOffset, uint hash)
    {
        var row = Count;
        var chunkIndex = row >> RowBits;
        if (chunkIndex == _rows.Length)
        {
            Array.Resize(ref _rows, _rows.Length * 2);
            Array.Resize(ref _previousOfPerson, _rows.Length);
            Array.Resize(ref _previousAtGateDay, _rows.Length);
        }

        if (_rows[chunkIndex] is null)
        {
            _rows[chunkIndex] = new Row[RowChunk];
            _previousOfPerson[chunkIndex] = new int[RowChunk];
            _previousAtGateDay[chunkIndex] = new int[RowChunk];
        }

        // Passages come mostly in time order: the gate's last day is the day, most of the time.
        ref var gate = ref _gates[g];
        if (gate.DaySlot < 0 || unchecked((ulong)(nanos - gate.DayStart)) >= NanosPerDay)
        {
            var day = DayOf(nanos);
            gate.DaySlot = gate.Days.SlotFor(day, _gateDayTail.Count, out var newDay);
            gate.DayStart = unchecked(day * NanosPerDay);
            if (newDay)
            {
                _gateDayTail.Add(-1);
            }
        }

        // Each list is chained backwards: the write lands in the new row, never in an old one.
        var at = row & RowMask;
        _rows[chunkIndex][at] = new Row { Nanos = nanos, Who = who, Gate = g, Shape = shape, Key = keyOffset };
        ref var tail = ref _persons[person].Tail;
        _previousOfPerson[chunkIndex][at] = tail;
        tail = row;
        _previousAtGateDay[chunkIndex][at] = _gateDayTail[gate.DaySlot];
        _gateDayTail[gate.DaySlot] = row;
        Count++;
        MinNanos = Math.Min(MinNanos, nanos);
        InsertSlot(hash, row);
    }

    /// <summary>The row a slot points at: the low <see cref="_rowBits"/> bits hold the row + 1, the high bits a fingerprint of the hash.</summary>
    private int RowOf(uint slot) => (int)(slot & ((1u << _rowBits) - 1)) - 1;

    private void InsertSlot(uint hash, int row)
    {
        if ((long)Count * 4 > (long)_slots.Length * 3)
        {
            if (_slots.Length >= MaxSlots)
            {
                throw new InvalidOperationException("The in-memory passage store's key table is full; purge passages past their retention period.");
            }

            // The slots keep only a fingerprint of each hash: rehash the keys, row by row (the arena is read in order).
            _slots = new uint[_slots.Length * 2];
            for (var r = 0; r < row; r++)
            {
                var key = RowAt(r).Key;
                var chunk = _arena[key >> ArenaBits];
                var pos = key & ArenaMask;
                Place(Hash(chunk, pos + 1, chunk[pos]), r);
            }
        }

        Place(hash, row);
    }

    private void Place(uint hash, int row)
    {
        var mask = _slots.Length - 1;
        var i = (int)(hash & (uint)mask);
        while (_slots[i] != 0)
        {
            i = (i + 1) & mask;
        }

        _slots[i] = ((hash >> _rowBits) << _rowBits) | (uint)(row + 1);
    }

    /// <summary>The hashes of a record's idempotency key, person and gate.</summary>
    internal readonly record struct Hashes(uint Key, uint Person, uint Gate);

    /// <summary>One passage: 24 bytes.</summary>
    private struct Row
    {
        public long Nanos;
        public int Who;
        public int Gate;
        public int Shape;
        public int Key;
    }

    /// <summary>Who passed: the person (an index), the household and the pass shown; the person's previous such (−1: none).</summary>
    private readonly record struct Who(int Person, HouseholdId Household, string? PassId, int PreviousOfPerson);

    /// <summary>A person: the id (and, on .NET 8 and later, when it has at most 32 characters, a copy of them as ASCII
    /// bytes, so a lookup compares it without reading the string the id holds, elsewhere in memory), the last household and
    /// pass seen (and their <see cref="Who"/>), the newest of the person's <see cref="Who"/>s (the head of their chain) and
    /// the person's last row (−1: none).</summary>
    private struct PersonEntry : IInterned<PersonId>
    {
        public HouseholdId Household;
        public string? PassId;
        public int Who;
        public int NewestWho;
        public int Tail;
#if NET8_0_OR_GREATER
        private IdBytes _bytes;
        private byte _length;
#endif

        public PersonId Id { get; private init; }

        /// <summary>The entry of a person not seen yet (person ids are ASCII, at most 64 characters).</summary>
        public static PersonEntry Of(PersonId person)
        {
            var entry = new PersonEntry { Id = person, Who = -1, NewestWho = -1, Tail = -1 };
#if NET8_0_OR_GREATER
            var value = person.Value;
            entry._length = (byte)value.Length;
            if (value.Length <= IdBytes.Length)
            {
                for (var i = 0; i < value.Length; i++)
                {
                    entry._bytes[i] = (byte)value[i];
                }
            }
#endif

            return entry;
        }

        public readonly bool Matches(PersonId id)
        {
            var value = id.Value;
#if NET8_0_OR_GREATER
            if (value.Length != _length)
            {
                return false;
            }

            return value.Length <= IdBytes.Length
                ? Ascii.Equals(((ReadOnlySpan<byte>)_bytes)[..value.Length], value)
                : string.Equals(Id.Value, value, StringComparison.Ordinal);
#else
            return string.Equals(Id.Value, value, StringComparison.Ordinal);
#endif
        }
    }

#if NET8_0_OR_GREATER
    /// <summary>The first characters of a person id, as ASCII bytes (.NET 8 and later; on .NET Standard 2.0 a lookup
    /// compares the id's string).</summary>
    [InlineArray(Length)]
    private struct IdBytes
    {
        public const int Length = 32;

        private byte _first;
    }
#endif

    /// <summary>A gate: the id, its last two shapes (−1: none), the start (nanoseconds since 1970) of the last day a passage
    /// was added on and that day's chain slot (−1: none), and all its days.</summary>
    private struct GateEntry : IInterned<ZoneId>
    {
        public int Shape;
        public int OtherShape;
        public long DayStart;
        public int DaySlot;

        public ZoneId Id { get; init; }

        public GateDays Days { get; init; }

        public readonly bool Matches(ZoneId id) => Id.Equals(id);
    }

    /// <summary>What repeats from passage to passage: direction, category, reading, decision, operator and device.</summary>
    private readonly record struct Shape(
        GateDirection Direction,
        PersonCategory Category,
        bool HasTemperature,
        long TemperatureBits,
        HealthCodeColour HealthCode,
        AccessOutcome Outcome,
        AccessReasons Reasons,
        AccessObligations Obligations,
        Permissions MissingPermissions,
        Roles EscalateTo,
        Role Operator,
        string? Device)
    {
        public static Shape Of(PassageRecord r) => new(
            r.Direction,
            r.Category,
            r.TemperatureCelsius.HasValue,
            r.TemperatureCelsius is { } t ? BitConverter.DoubleToInt64Bits(t) : 0,
            r.HealthCode,
            r.Outcome,
            r.Reasons,
            r.Obligations,
            r.MissingPermissions,
            r.EscalateTo,
            r.Operator,
            r.Device);
    }

    /// <summary>A gate's days, sorted, each with the slot of its chain of passages.</summary>
    private sealed class GateDays
    {
        private readonly List<long> _days = new();
        private readonly List<int> _slots = new();

        public int Count => _days.Count;

        public long Day(int i) => _days[i];

        public int Slot(int i) => _slots[i];

        /// <summary>The index of the first day at or after <paramref name="day"/>.</summary>
        public int FirstAtOrAfter(long day)
        {
            int lo = 0, hi = _days.Count;
            while (lo < hi)
            {
                var mid = lo + ((hi - lo) / 2);
                if (_days[mid] < day)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }

        public int SlotFor(long day, int next, out bool added)
        {
            var n = _days.Count;
            if (n > 0 && _days[n - 1] == day)
            {
                added = false;
                return _slots[n - 1];
            }

            var i = FirstAtOrAfter(day);
            if (i < n && _days[i] == day)
            {
                added = false;
                return _slots[i];
            }

            _days.Insert(i, day);
            _slots.Insert(i, next);
            added = true;
            return next;
        }
    }
}
