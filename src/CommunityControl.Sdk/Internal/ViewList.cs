using System;
using System.Collections;
using System.Collections.Generic;

namespace CommunityControl.Internal;

/// <summary>A read-only list whose items are made on demand from their index.</summary>
internal sealed class ViewList<T> : IReadOnlyList<T>
{
    private readonly Func<int, T> _item;

    public ViewList(int count, Func<int, T> item)
    {
        Count = count;
        _item = item;
    }

    public int Count { get; }

    public T this[int index] => _item(Guard.InRange(index, 0, Count - 1));

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return _item(i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
