using System;
using System.Collections;
using System.Collections.Generic;

namespace CommunityControl.Zones;

/// <summary>
/// A read-only list of zones of one tree: a contiguous range of dense indexes (a subtree, in pre-order), a slice of the
/// tree's per-kind index, a zone's children (in tree order) or a zone's ancestors (from its parent up to the root).
/// Enumerating it with <c>foreach</c> does not allocate.
/// </summary>
/// <remarks>
/// Ranges and slices count and index in constant time. Children are found by jumping over each child's subtree and
/// ancestors by following parent indexes, so for those <see cref="Count"/> and the indexer take time proportional to the
/// number of children or the depth; enumerate them with <c>foreach</c>.
/// </remarks>
/// <threadsafety static="true" instance="true"/>
public readonly struct ZoneList : IReadOnlyList<Zone>
{
    private const byte Range = 0;
    private const byte ChildWalk = 1;
    private const byte AncestorWalk = 2;

    private readonly ZoneTree? _tree;
    private readonly int[]? _indexes;
    private readonly int _start;
    private readonly int _count;
    private readonly byte _walk;

    internal ZoneList(ZoneTree tree, int[]? indexes, int start, int count)
    {
        _tree = tree;
        _indexes = indexes;
        _start = start;
        _count = count;
        _walk = Range;
    }

    private ZoneList(ZoneTree tree, int zone, byte walk)
    {
        _tree = tree;
        _indexes = null;
        _start = zone;
        _count = 0;
        _walk = walk;
    }

    /// <summary>Gets the number of zones in the list.</summary>
    public int Count => _walk switch
    {
        Range => _count,
        ChildWalk => CountChildren(),
        _ => _tree!.DepthAt(_start),
    };

    /// <summary>Gets the zone at <paramref name="position"/> in the list.</summary>
    /// <param name="position">0 to <see cref="Count"/> − 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="position"/> is outside the list.</exception>
    public Zone this[int position] => new(_tree!, IndexAt(position));

    /// <summary>Gets the dense index of the zone at <paramref name="position"/>, for indexing per-zone arrays.</summary>
    /// <param name="position">0 to <see cref="Count"/> − 1.</param>
    /// <returns>The zone's dense index in its tree.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="position"/> is outside the list.</exception>
    public int IndexAt(int position)
    {
        if (_walk == Range)
        {
            if (unchecked((uint)position >= (uint)_count))
            {
                throw OutOfRange(position, _count);
            }

            return _indexes is null ? _start + position : _indexes[_start + position];
        }

        var count = Count;
        if (unchecked((uint)position >= (uint)count))
        {
            throw OutOfRange(position, count);
        }

        switch (_walk)
        {
            case ChildWalk:
                var child = _start + 1;
                for (var i = 0; i < position; i++)
                {
                    child = _tree!.SubtreeEnd(child);
                }

                return child;
            default:
                var ancestor = _tree!.ParentIndexAt(_start);
                for (var i = 0; i < position; i++)
                {
                    ancestor = _tree.ParentIndexAt(ancestor);
                }

                return ancestor;
        }
    }

    /// <summary>Returns an enumerator that does not allocate.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<Zone> IEnumerable<Zone>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal static ZoneList ChildrenOf(ZoneTree tree, int zone) => new(tree, zone, ChildWalk);

    internal static ZoneList AncestorsOf(ZoneTree tree, int zone) => new(tree, zone, AncestorWalk);

    private static ArgumentOutOfRangeException OutOfRange(int position, int count)
        => new(nameof(position), position, $"Value should be in range [0-{count - 1}].");

    private int CountChildren()
    {
        var end = _tree!.SubtreeEnd(_start);
        var count = 0;
        for (var child = _start + 1; child < end; child = _tree.SubtreeEnd(child))
        {
            count++;
        }

        return count;
    }

    /// <summary>Enumerates a <see cref="ZoneList"/>.</summary>
    public struct Enumerator : IEnumerator<Zone>
    {
        private readonly ZoneList _list;
        private readonly int _end;
        private int _position;
        private int _current;

        internal Enumerator(ZoneList list)
        {
            _list = list;
            _end = list._walk == ChildWalk ? list._tree!.SubtreeEnd(list._start) : 0;
            _position = -1;
            _current = -1;
        }

        /// <inheritdoc/>
        public readonly Zone Current => new(_list._tree!, _current);

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext()
        {
            switch (_list._walk)
            {
                case Range:
                    if (++_position >= _list._count)
                    {
                        return false;
                    }

                    _current = _list._indexes is null ? _list._start + _position : _list._indexes[_list._start + _position];
                    return true;
                case ChildWalk:
                    var next = _current < 0 ? _list._start + 1 : _list._tree!.SubtreeEnd(_current);
                    if (next >= _end)
                    {
                        return false;
                    }

                    _current = next;
                    return true;
                default:
                    var parent = _list._tree!.ParentIndexAt(_current < 0 ? _list._start : _current);
                    if (parent < 0)
                    {
                        return false;
                    }

                    _current = parent;
                    return true;
            }
        }

        /// <inheritdoc/>
        public void Reset()
        {
            _position = -1;
            _current = -1;
        }

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }
    }
}
