using System;

namespace CommunityControl.Records;

/// <summary>
/// Interns ids to small dense indexes (0, 1, 2, … in order of first sight) and keeps an entry per id beside them: the
/// per-person and per-gate state of <see cref="PassageColumns"/>. Not thread-safe: the store's lock guards it.
/// </summary>
/// <remarks>
/// An open-addressing table with linear probing over 8-byte slots (the id's full 32-bit hash and its index + 1; 0 is
/// empty), at most half full, over a dense array of entries. A lookup compares the hash in the slot before it reads an
/// entry, so a probe past another id rarely touches that id's entry; a hit reads one slot and the entry it needs anyway.
/// Growth doubles the slots and re-places each index by the hash kept in its slot (entries never move, indexes are
/// stable). Ids are compared by the entry's <see cref="IInterned{TId}.Matches"/> (ordinal equality).
/// </remarks>
/// <typeparam name="TId">The id type.</typeparam>
/// <typeparam name="TEntry">The entry kept per id; its <see cref="IInterned{TId}.Id"/> is the id it was added under.</typeparam>
internal sealed class InternTable<TId, TEntry>
    where TId : struct, IEquatable<TId>
    where TEntry : struct, IInterned<TId>
{
    private const int MinSlots = 16;
    private const int MaxSlots = 1 << 30;

    private Slot[] _slots = new Slot[MinSlots];
    private TEntry[] _entries = new TEntry[MinSlots / 2];

    /// <summary>Gets the number of ids interned.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the entry of an index (0 ≤ <paramref name="index"/> &lt; <see cref="Count"/>) by reference.</summary>
    public ref TEntry this[int index] => ref _entries[index];

    /// <summary>The hash an id is kept under (the id's own hash code: ordinal, randomized per process for strings).</summary>
    public static uint HashOf(TId id) => unchecked((uint)id.GetHashCode());

    /// <summary>The index of an id; −1 when it is not interned.</summary>
    public int IndexOf(TId id, uint hash)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        for (var i = (int)(hash & (uint)mask); ; i = (i + 1) & mask)
        {
            var slot = slots[i];
            if (slot.IndexPlusOne == 0)
            {
                return -1;
            }

            if (slot.Hash == hash && _entries[slot.IndexPlusOne - 1].Matches(id))
            {
                return slot.IndexPlusOne - 1;
            }
        }
    }

    /// <summary>Adds an entry whose id is not interned (the caller has checked with <see cref="IndexOf"/>) and returns its index.</summary>
    /// <exception cref="InvalidOperationException">The table holds 2^29 ids.</exception>
    public int Add(in TEntry entry, uint hash)
    {
        if ((Count + 1) * 2L > _slots.Length)
        {
            Grow();
        }

        var index = Count;
        if (index == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        _entries[index] = entry;
        Place(_slots, hash, index + 1);
        Count++;
        return index;
    }

    private static void Place(Slot[] slots, uint hash, int indexPlusOne)
    {
        var mask = slots.Length - 1;
        var i = (int)(hash & (uint)mask);
        while (slots[i].IndexPlusOne != 0)
        {
            i = (i + 1) & mask;
        }

        slots[i] = new Slot { Hash = hash, IndexPlusOne = indexPlusOne };
    }

    private void Grow()
    {
        if (_slots.Length >= MaxSlots)
        {
            throw new InvalidOperationException("The in-memory passage store's table of people or gates is full.");
        }

        var slots = new Slot[_slots.Length * 2];
        foreach (var slot in _slots)
        {
            if (slot.IndexPlusOne != 0)
            {
                Place(slots, slot.Hash, slot.IndexPlusOne);
            }
        }

        _slots = slots;
    }

    /// <summary>A slot: the id's hash and its index + 1 (0: empty).</summary>
    private struct Slot
    {
        public uint Hash;
        public int IndexPlusOne;
    }
}
