using System;
using System.Collections.Generic;
using System.Threading;

namespace CommunityControl.Internal;

/// <summary>
/// A list that only grows, shared by the timelines appended from one another: a timeline sees its own prefix; appending
/// to a timeline that is not the newest copies its prefix first.
/// </summary>
internal sealed class AppendOnlyList<T>
{
    private readonly object _gate = new();
    private T[] _items = new T[16];
    private int _count;

    public T this[int index] => Volatile.Read(ref _items)[index];

    public static (AppendOnlyList<T> List, int Count) Append(AppendOnlyList<T> list, int count, List<T> items)
    {
        if (items.Count == 0)
        {
            return (list, count);
        }

        lock (list._gate)
        {
            if (list._count == count)
            {
                list.AddRange(items);
                return (list, list._count);
            }
        }

        var copy = new AppendOnlyList<T>();
        lock (list._gate)
        {
            copy._items = new T[Math.Max(16, count + items.Count)];
            Array.Copy(list._items, copy._items, count);
        }

        copy._count = count;
        copy.AddRange(items);
        return (copy, copy._count);
    }

    private void AddRange(List<T> items)
    {
        var items2 = _items;
        if (_count + items.Count > items2.Length)
        {
            var bigger = new T[Math.Max(items2.Length * 2, _count + items.Count)];
            Array.Copy(items2, bigger, _count);
            items2 = bigger;
        }

        foreach (var item in items)
        {
            items2[_count++] = item;
        }

        Volatile.Write(ref _items, items2); // readers of a shorter prefix see either array

    }
}
