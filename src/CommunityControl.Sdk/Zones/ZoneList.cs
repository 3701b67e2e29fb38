using System;
using System.Collections;
using System.Collections.Generic;

namespace CommunityControl.Zones;

/// <summary>
/// A read-only list of zones of one tree, in pre-order: either a contiguous range of dense indexes (a subtree) or a
/// slice of the tree's per-kind index. Enumerating it with <c>foreach</c> does not allocate.
/// </summary>
/// <threadsafety static="true" instance="true"/>
public readonly struct ZoneList : IReadOnlyList<Zone>
{
    private readonly ZoneTree? _tree;
    private readonly int[]? _indexes;
    private readonly int _start;

    internal ZoneList(ZoneTree tree, int[]? indexes, int start, int count)
    {
        _tree = tree;
        _indexes = indexes;
        _start = start;
        Count = count;
    }

    /// <summary>Gets the number of zones in the list.</summary>
    public int Count { get; }

    /// <summary>Gets the zone at <paramref name="position"/> in the list.</summary>
    /// <param name="position">0 to <see cref="Count"/> − 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="position"/> is outside the list.</exception>
    public Zone this[int position]
    {
        get
        {
            if (unchecked((uint)position >= (uint)Count))
            {
                throw new ArgumentOutOfRangeException(nameof(position), position, $"Value should be in range [0-{Count - 1}].");
            }

            return new Zone(_tree!, IndexAt(position));
        }
    }

    /// <summary>Gets the dense index of the zone at <paramref name="position"/>, for indexing per-zone arrays.</summary>
    /// <param name="position">0 to <see cref="Count"/> − 1.</param>
    /// <returns>The zone's dense index in its tree.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="position"/> is outside the list.</exception>
    public int IndexAt(int position)
    {
        if (unchecked((uint)position >= (uint)Count))
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, $"Value should be in range [0-{Count - 1}].");
        }

        return _indexes is null ? _start + position : _indexes[_start + position];
    }

    /// <summary>Returns an enumerator that does not allocate.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<Zone> IEnumerable<Zone>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerates a <see cref="ZoneList"/>.</summary>
    public struct Enumerator : IEnumerator<Zone>
    {
        private readonly ZoneList _list;
        private int _position;

        internal Enumerator(ZoneList list)
        {
            _list = list;
            _position = -1;
        }

        /// <inheritdoc/>
        public readonly Zone Current => new(_list._tree!, _list._indexes is null ? _list._start + _position : _list._indexes[_list._start + _position]);

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext() => ++_position < _list.Count;

        /// <inheritdoc/>
        public void Reset() => _position = -1;

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }
    }
}
