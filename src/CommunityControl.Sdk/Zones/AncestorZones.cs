using System;
using System.Collections;
using System.Collections.Generic;

namespace CommunityControl.Zones;

/// <summary>The ancestors of one zone, from its parent up to the root. Enumerating it with <c>foreach</c> does not allocate.</summary>
/// <threadsafety static="true" instance="true"/>
public readonly struct AncestorZones : IEnumerable<Zone>
{
    private readonly ZoneTree? _tree;
    private readonly int _zone;

    internal AncestorZones(ZoneTree tree, int zone)
    {
        _tree = tree;
        _zone = zone;
    }

    /// <summary>Gets the number of ancestors: the zone's depth.</summary>
    public int Count => _tree is null ? 0 : _tree.DepthAt(_zone);

    /// <summary>Returns an enumerator that does not allocate.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(_tree!, _zone);

    IEnumerator<Zone> IEnumerable<Zone>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerates a zone's ancestors by following parent indexes.</summary>
    public struct Enumerator : IEnumerator<Zone>
    {
        private readonly ZoneTree _tree;
        private readonly int _start;
        private int _current;

        internal Enumerator(ZoneTree tree, int start)
        {
            _tree = tree;
            _start = start;
            _current = start;
        }

        /// <inheritdoc/>
        public readonly Zone Current => new(_tree, _current);

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext()
        {
            var parent = _tree.ParentIndexAt(_current);
            if (parent < 0)
            {
                return false;
            }

            _current = parent;
            return true;
        }

        /// <inheritdoc/>
        public void Reset() => _current = _start;

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }
    }
}
