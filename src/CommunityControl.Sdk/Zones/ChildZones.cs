using System;
using System.Collections;
using System.Collections.Generic;

namespace CommunityControl.Zones;

/// <summary>The children of one zone, in tree order. Enumerating it with <c>foreach</c> does not allocate.</summary>
/// <threadsafety static="true" instance="true"/>
public readonly struct ChildZones : IEnumerable<Zone>
{
    private readonly ZoneTree? _tree;
    private readonly int _parent;

    internal ChildZones(ZoneTree tree, int parent)
    {
        _tree = tree;
        _parent = parent;
    }

    /// <summary>Gets the number of children (counted by jumping over each child's subtree).</summary>
    public int Count
    {
        get
        {
            var count = 0;
            foreach (var unused in this)
            {
                count++;
            }

            return count;
        }
    }

    /// <summary>Returns an enumerator that does not allocate.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(_tree!, _parent);

    IEnumerator<Zone> IEnumerable<Zone>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerates a zone's children by jumping over each child's subtree.</summary>
    public struct Enumerator : IEnumerator<Zone>
    {
        private readonly ZoneTree _tree;
        private readonly int _parent;
        private readonly int _end;
        private int _current;

        internal Enumerator(ZoneTree tree, int parent)
        {
            _tree = tree;
            _parent = parent;
            _end = parent < 0 ? tree.Count : tree.SubtreeEnd(parent);
            _current = -1;
        }

        /// <inheritdoc/>
        public readonly Zone Current => new(_tree, _current);

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext()
        {
            var next = _current < 0 ? _parent + 1 : _tree.SubtreeEnd(_current);
            if (next >= _end)
            {
                return false;
            }

            _current = next;
            return true;
        }

        /// <inheritdoc/>
        public void Reset() => _current = -1;

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }
    }
}
