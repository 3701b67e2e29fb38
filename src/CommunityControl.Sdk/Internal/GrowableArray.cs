using System;

namespace CommunityControl.Internal;

/// <summary>A list of structs whose backing array is handed over as it is (with its count), without a final copy.</summary>
internal sealed class GrowableArray<T>
    where T : struct
{
    private T[] _items;

    public GrowableArray(int capacity) => _items = new T[capacity];

    public int Count { get; private set; }

    public void Add(in T item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, checked(_items.Length * 2));
        }

        _items[Count++] = item;
    }

    /// <summary>Gets the backing array; only the first <see cref="Count"/> items are set.</summary>
    public T[] Items => _items;
}
