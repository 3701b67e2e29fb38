using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using NodaTime;

namespace CommunityControl.Zones;

/// <summary>
/// A validated, immutable hierarchy of zones (district → subdistrict → community → grid → compound → building → unit →
/// household), stored as flat arrays: every zone has a dense index, zones are in pre-order, and each subtree is one
/// contiguous range of indexes.
/// </summary>
/// <remarks>
/// <para>Create one with <see cref="ZoneTreeBuilder"/>, or read one with <c>ZoneTreeJson</c> or <c>ZoneTreeCsv</c>.</para>
/// <para>Lookups by id, parent, ancestors, children and descendants of a kind do not allocate. The dense index
/// (<see cref="Zone.Index"/>) lets other parts of the library keep per-zone values in plain arrays.</para>
/// <para>A tree may have several roots (a forest), e.g. the communities of one subdistrict without the subdistrict.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable; safe to share between threads.</threadsafety>
public sealed class ZoneTree
{
    /// <summary>The batch size from which <see cref="IndexOfMany"/> sorts its lookups (below it, one lookup per id costs less).</summary>
    internal const int BatchedLookups = 256;

    private readonly ZoneId[] _ids;
    private readonly byte[] _kinds;
    private readonly string[] _names;
    private readonly int[] _parents;
    private readonly int[] _ends;
    private readonly int[] _households;
    private readonly int[] _residents;
    private readonly ushort[] _gates;
    private readonly byte[] _depths;
    private readonly int[][] _byKind;
    private readonly int[] _rootIndexes;

    /// <summary>
    /// The id lookup table, open addressing with linear probing: each slot holds a zone's id hash (high 32 bits) and its
    /// index + 1 (low 32 bits; 0 = empty), so a probe reads the hash and the index from one cache line.
    /// </summary>
    private readonly long[] _slots;
    private readonly int _slotMask;

    /// <summary>Per kind, each zone lifted to that kind (see <see cref="LiftTo"/>); built on first use.</summary>
    private readonly int[]?[] _lifted;

    internal ZoneTree(
        DateTimeZone timeZone,
        ZoneId[] ids,
        byte[] kinds,
        string[] names,
        int[] parents,
        int[] ends,
        int[] households,
        int[] residents,
        ushort[] gates,
        byte[] depths)
    {
        TimeZone = timeZone;
        _ids = ids;
        _kinds = kinds;
        _names = names;
        _parents = parents;
        _ends = ends;
        _households = households;
        _residents = residents;
        _gates = gates;
        _depths = depths;

        var count = ids.Length;
        var kindCounts = new int[ZoneKinds.MaxValue + 1];
        var rootCount = 0;
        for (var i = 0; i < count; i++)
        {
            kindCounts[kinds[i]]++;
            if (parents[i] < 0)
            {
                rootCount++;
            }
        }

        _byKind = new int[kindCounts.Length][];
        for (var k = 0; k < kindCounts.Length; k++)
        {
            _byKind[k] = kindCounts[k] == 0 ? Array.Empty<int>() : new int[kindCounts[k]];
            kindCounts[k] = 0;
        }

        _rootIndexes = new int[rootCount];
        rootCount = 0;
        for (var i = 0; i < count; i++)
        {
            var k = (int)kinds[i];
            _byKind[k][kindCounts[k]++] = i;
            if (parents[i] < 0)
            {
                _rootIndexes[rootCount++] = i;
            }
        }

        // At most two thirds full: a successful lookup probes under two slots on average, in the same cache line.
        var capacity = 4;
        while (capacity < count + (count >> 1))
        {
            capacity <<= 1;
        }

        _slotMask = capacity - 1;
        _slots = new long[capacity];
        for (var i = 0; i < count; i++)
        {
            var hash = Hash(ids[i].Value);
            var slot = hash & _slotMask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _slotMask;
            }

            _slots[slot] = Slot(hash, i);
        }

        _lifted = new int[]?[ZoneKinds.MaxValue + 1];
    }

    /// <summary>Gets the time zone in which the tree's days begin and end (risk is decided per local date).</summary>
    /// <value>Asia/Shanghai unless the builder or document said otherwise.</value>
    public DateTimeZone TimeZone { get; }

    /// <summary>Gets the number of zones.</summary>
    public int Count => _ids.Length;

    /// <summary>Gets the roots (zones without a parent), in tree order.</summary>
    public ZoneList Roots => new(this, _rootIndexes, 0, _rootIndexes.Length);

    /// <summary>Gets every zone, in pre-order.</summary>
    public ZoneList All => new(this, null, 0, _ids.Length);

    /// <summary>Gets the zone at a dense index.</summary>
    /// <param name="index">0 to <see cref="Count"/> − 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the tree.</exception>
    public Zone this[int index]
    {
        get
        {
            CheckIndex(index);
            return new Zone(this, index);
        }
    }

    /// <summary>Gets the zone with an id.</summary>
    /// <param name="id">The zone's id.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is the empty id.</exception>
    /// <exception cref="KeyNotFoundException">The tree has no zone with that id.</exception>
    public Zone this[ZoneId id]
    {
        get
        {
            var index = IndexOf(id);
            if (index < 0)
            {
                if (id.IsEmpty)
                {
                    throw new ArgumentException("The zone id is empty (default(ZoneId)).", nameof(id));
                }

                throw new KeyNotFoundException($"The zone tree has no zone '{id}'.");
            }

            return new Zone(this, index);
        }
    }

    /// <summary>Gets the dense index of the zone with an id, or −1 when the tree has none. Does not allocate.</summary>
    /// <param name="id">The zone's id; the empty id is never found.</param>
    /// <returns>The zone's index, or −1.</returns>
    public int IndexOf(ZoneId id)
    {
        if (id.IsEmpty)
        {
            return -1;
        }

        var value = id.Value;
        var hash = Hash(value);
        var slot = hash & _slotMask;
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            if (unchecked((int)(entry >> 32)) == hash)
            {
                var index = unchecked((int)entry) - 1;
                if (string.Equals(_ids[index].Value, value, StringComparison.Ordinal))
                {
                    return index;
                }
            }

            slot = (slot + 1) & _slotMask;
        }
    }

    /// <summary>
    /// Resolves many ids at once: <paramref name="indexes"/>[i] receives <see cref="IndexOf(ZoneId)"/> of
    /// <paramref name="ids"/>[i]. Same answers as one lookup per id, with the memory touched in order: a day's zone ids
    /// land on random pages of the id table and of the ids, so the lookups are made in the order of their slots and the
    /// candidates checked in the order of their indexes (two sorts of the batch instead of a random read of each table
    /// per id; the sorts are radix sorts). Short batches are looked up one by one.
    /// </summary>
    /// <param name="ids">The ids; empty ids are never found.</param>
    /// <param name="count">The number of ids to resolve, from the start of <paramref name="ids"/>.</param>
    /// <param name="indexes">Receives the dense indexes, or −1; at least <paramref name="count"/> long.</param>
    internal void IndexOfMany(ZoneId[] ids, int count, int[] indexes)
    {
        if (count < BatchedLookups)
        {
            for (var i = 0; i < count; i++)
            {
                indexes[i] = IndexOf(ids[i]);
            }

            return;
        }

        // Pass 1, in input order: hash each id, keyed by its home slot (the slot in the high half, the position low).
        var keys = new long[count];
        var hashes = new int[count];
        var n = 0;
        for (var i = 0; i < count; i++)
        {
            indexes[i] = -1;
            if (!ids[i].IsEmpty)
            {
                hashes[i] = Hash(ids[i].Value);
                keys[n++] = ((long)(hashes[i] & _slotMask) << 32) | (uint)i;
            }
        }

        // Pass 2, in slot order: the first zone on each probe line whose hash matches is the candidate (none: not found).
        var buffer = new long[n];
        SortByHighHalf(keys, buffer, n, _slotMask);
        var m = 0;
        for (var k = 0; k < n; k++)
        {
            var i = unchecked((int)keys[k]);
            var candidate = FirstWithHash(hashes[i], unchecked((int)(keys[k] >> 32)));
            if (candidate >= 0)
            {
                keys[m++] = ((long)candidate << 32) | (uint)i;
            }
        }

        // Pass 3, in index order: a candidate whose id differs (two ids with one 32-bit hash) is looked up in full.
        SortByHighHalf(keys, buffer, m, _ids.Length - 1);
        for (var k = 0; k < m; k++)
        {
            var i = unchecked((int)keys[k]);
            var candidate = unchecked((int)(keys[k] >> 32));
            indexes[i] = string.Equals(_ids[candidate].Value, ids[i].Value, StringComparison.Ordinal) ? candidate : IndexOf(ids[i]);
        }
    }

    /// <summary>Tells whether the tree has a zone with an id.</summary>
    /// <param name="id">The zone's id.</param>
    /// <returns>True when the zone exists.</returns>
    public bool Contains(ZoneId id) => IndexOf(id) >= 0;

    /// <summary>Gets the zone with an id, if the tree has one. Does not allocate.</summary>
    /// <param name="id">The zone's id.</param>
    /// <param name="zone">The zone, or <c>default(Zone)</c>.</param>
    /// <returns>True when the zone exists.</returns>
    public bool TryGetZone(ZoneId id, out Zone zone)
    {
        var index = IndexOf(id);
        zone = index >= 0 ? new Zone(this, index) : default;
        return index >= 0;
    }

    /// <summary>Gets every zone of one kind, in pre-order, as a slice.</summary>
    /// <param name="kind">The kind wanted.</param>
    /// <returns>The zones of that kind; empty for an undefined kind.</returns>
    public ZoneList OfKind(ZoneKind kind)
    {
        var k = (int)kind;
        if (unchecked((uint)k >= (uint)_byKind.Length))
        {
            return new ZoneList(this, null, 0, 0);
        }

        var list = _byKind[k];
        return new ZoneList(this, list, 0, list.Length);
    }

    /// <summary>Gets a zone's dense index from its id, with a clear error for an unknown zone.</summary>
    /// <param name="id">The zone's id.</param>
    /// <returns>The zone's dense index.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or not in the tree.</exception>
    public int GetIndex(ZoneId id)
    {
        var index = IndexOf(id);
        if (index < 0)
        {
            throw new ArgumentException(id.IsEmpty ? "The zone id is empty (default(ZoneId))." : $"The zone tree has no zone '{id}'.", nameof(id));
        }

        return index;
    }

    /// <summary>Tells whether the zone at <paramref name="index"/> lies in the subtree of the zone at <paramref name="ancestorIndex"/> (or is it).</summary>
    /// <param name="index">The dense index of the zone.</param>
    /// <param name="ancestorIndex">The dense index of the possible ancestor.</param>
    /// <returns>True when <paramref name="index"/> is inside the subtree.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the tree.</exception>
    public bool IsWithin(int index, int ancestorIndex)
    {
        CheckIndex(index);
        CheckIndex(ancestorIndex);
        return index >= ancestorIndex && index < _ends[ancestorIndex];
    }

    /// <summary>Gets the dense index of a zone's parent, or −1 for a root.</summary>
    /// <param name="index">The zone's dense index.</param>
    /// <returns>The parent's index, or −1.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the tree.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int ParentIndexAt(int index) => _parents[index];

    /// <summary>Gets the exclusive end of a zone's subtree: its descendants are the indexes <paramref name="index"/> + 1 to this − 1.</summary>
    /// <param name="index">The zone's dense index.</param>
    /// <returns>The first index after the zone's subtree.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the tree.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int SubtreeEnd(int index) => _ends[index];

    /// <summary>Gets the kind of the zone at a dense index.</summary>
    /// <param name="index">The zone's dense index.</param>
    /// <returns>The zone's kind.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the tree.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ZoneKind KindAt(int index) => (ZoneKind)_kinds[index];

    /// <summary>Gets the id of the zone at a dense index.</summary>
    /// <param name="index">The zone's dense index.</param>
    /// <returns>The zone's id.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the tree.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ZoneId IdAt(int index) => _ids[index];

    internal string NameAt(int index) => _names[index];

    internal int HouseholdsAt(int index) => _households[index];

    internal int ResidentsAt(int index) => _residents[index];

    internal int GatesAt(int index) => _gates[index];

    internal int DepthAt(int index) => _depths[index];

    internal ChildZones ChildrenOf(int index) => new(this, index);

    /// <summary>
    /// Gets a zone lifted to a kind: its highest ancestor-or-self reached by climbing while the parent's kind is not
    /// coarser than <paramref name="kind"/>, or −1 when the zone itself is coarser. A parent is always of a coarser kind
    /// than its child, so the result is the zone's ancestor-or-self of that kind when it has one, and otherwise the
    /// coarsest zone of its branch below that kind. O(1): the table of every zone lifted to the kind is built on the first
    /// call for the kind (one pass over the tree, 4 bytes a zone) and kept; concurrent first calls build it once each and
    /// keep one.
    /// </summary>
    /// <param name="index">The zone's dense index.</param>
    /// <param name="kind">The kind; an undefined kind is answered by walking up the parents, without a table.</param>
    /// <returns>The lifted zone's index, or −1.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the tree.</exception>
    internal int LiftTo(int index, ZoneKind kind)
    {
        if (!ZoneKinds.IsDefined(kind))
        {
            return LiftByWalking(index, kind);
        }

        var table = Volatile.Read(ref _lifted[(int)kind]) ?? BuildLifted(kind);
        return table[index];
    }

    /// <summary>What <see cref="LiftTo"/> answers, by walking up the parents (the definition the table follows).</summary>
    internal int LiftByWalking(int index, ZoneKind kind)
    {
        if (KindAt(index) < kind)
        {
            return -1;
        }

        for (var parent = _parents[index]; parent >= 0 && KindAt(parent) >= kind; parent = _parents[index])
        {
            index = parent;
        }

        return index;
    }

    /// <summary>
    /// Gets a zone's ancestor-or-self of a kind, or −1 when it has none (O(1), see <see cref="LiftTo"/>).
    /// </summary>
    /// <param name="index">The zone's dense index.</param>
    /// <param name="kind">The kind.</param>
    /// <returns>The ancestor's index, or −1.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the tree.</exception>
    internal int AncestorOfKind(int index, ZoneKind kind)
    {
        var lifted = LiftTo(index, kind);
        return lifted >= 0 && KindAt(lifted) == kind ? lifted : -1;
    }

    internal AncestorZones AncestorsOf(int index) => new(this, index);

    internal ZoneList DescendantsOf(int index) => new(this, null, index + 1, _ends[index] - index - 1);

    internal ZoneList DescendantsOfKind(int index, ZoneKind kind)
    {
        var k = (int)kind;
        if (unchecked((uint)k >= (uint)_byKind.Length))
        {
            return new ZoneList(this, null, 0, 0);
        }

        var list = _byKind[k];
        var first = LowerBound(list, index + 1);
        var last = LowerBound(list, _ends[index]);
        return new ZoneList(this, list, first, last - first);
    }

    /// <summary>Returns a summary such as <c>ZoneTree (1,259 zones, Asia/Shanghai)</c>.</summary>
    /// <returns>The count and time zone.</returns>
    public override string ToString() => $"ZoneTree ({Count:N0} zones, {TimeZone.Id})";

    private static int LowerBound(int[] sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (sorted[mid] < value)
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

    /// <summary>
    /// Sorts the first <paramref name="count"/> keys by their high halves, each at most <paramref name="max"/> (a least
    /// significant digit radix sort, 11 bits a pass: two passes for two million slots, where a comparison sort of a
    /// day's ids cost more than the lookups it ordered).
    /// </summary>
    private static void SortByHighHalf(long[] keys, long[] buffer, int count, int max)
    {
        const int DigitBits = 11;
        var counts = new int[1 << DigitBits];
        var source = keys;
        var target = buffer;
        for (var shift = 32; shift < 64 && (max >> (shift - 32)) > 0; shift += DigitBits)
        {
            Array.Clear(counts, 0, counts.Length);
            for (var i = 0; i < count; i++)
            {
                counts[(int)(source[i] >> shift) & ((1 << DigitBits) - 1)]++;
            }

            var offset = 0;
            for (var d = 0; d < counts.Length; d++)
            {
                var c = counts[d];
                counts[d] = offset;
                offset += c;
            }

            for (var i = 0; i < count; i++)
            {
                var key = source[i];
                target[counts[(int)(key >> shift) & ((1 << DigitBits) - 1)]++] = key;
            }

            (source, target) = (target, source);
        }

        if (!ReferenceEquals(source, keys))
        {
            Array.Copy(source, keys, count);
        }
    }

    /// <summary>Gets the index of the first zone with a hash on the probe line from a slot, or −1 when the line ends first.</summary>
    private int FirstWithHash(int hash, int slot)
    {
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            if (unchecked((int)(entry >> 32)) == hash)
            {
                return unchecked((int)entry) - 1;
            }

            slot = (slot + 1) & _slotMask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Slot(int hash, int index) => unchecked(((long)hash << 32) | (uint)(index + 1));

    /// <summary>Builds the table of <see cref="LiftTo"/> for a kind in one pre-order pass (a parent comes before its children).</summary>
    private int[] BuildLifted(ZoneKind kind)
    {
        var k = (byte)kind;
        var table = new int[_ids.Length];
        for (var i = 0; i < table.Length; i++)
        {
            var parent = _parents[i];
            table[i] = _kinds[i] < k ? -1 : parent >= 0 && _kinds[parent] >= k ? table[parent] : i;
        }

        return Interlocked.CompareExchange(ref _lifted[k], table, null) ?? table;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Hash(string value)
    {
        // FNV-1a over UTF-16 code units, then a final mix: ids are short ASCII codes, and the table is in-process only.
        unchecked
        {
            var hash = 2166136261u;
            for (var i = 0; i < value.Length; i++)
            {
                hash = (hash ^ value[i]) * 16777619u;
            }

            hash ^= hash >> 15;
            hash *= 0x2c1b3c6du;
            hash ^= hash >> 12;
            return (int)hash;
        }
    }

    private void CheckIndex(int index)
    {
        if (unchecked((uint)index >= (uint)_ids.Length))
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Value should be in range [0-{_ids.Length - 1}].");
        }
    }
}

/// <summary>Facts about <see cref="ZoneKind"/> used by the tree.</summary>
internal static class ZoneKinds
{
    public const int MaxValue = (int)ZoneKind.Household;

    public static bool IsDefined(ZoneKind kind) => kind > ZoneKind.Unknown && (int)kind <= MaxValue;

    public static bool MayHaveGates(ZoneKind kind) => kind is ZoneKind.Community or ZoneKind.Compound;
}
