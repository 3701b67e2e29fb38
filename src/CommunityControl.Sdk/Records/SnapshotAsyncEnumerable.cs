using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CommunityControl.Records;

/// <summary>
/// Streams a snapshot taken when enumeration starts. Checks the query's token and the enumeration's token before every item.
/// </summary>
internal sealed class SnapshotAsyncEnumerable<T> : IAsyncEnumerable<T>
{
    private readonly Func<List<T>> _snapshot;
    private readonly CancellationToken _queryToken;

    public SnapshotAsyncEnumerable(Func<List<T>> snapshot, CancellationToken queryToken)
    {
        _snapshot = snapshot;
        _queryToken = queryToken;
    }

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        => new Enumerator(_snapshot, _queryToken, cancellationToken);

    private sealed class Enumerator : IAsyncEnumerator<T>
    {
        private readonly Func<List<T>> _snapshot;
        private readonly CancellationToken _queryToken;
        private readonly CancellationToken _enumerationToken;
        private List<T>? _items;
        private int _index = -1;

        public Enumerator(Func<List<T>> snapshot, CancellationToken queryToken, CancellationToken enumerationToken)
        {
            _snapshot = snapshot;
            _queryToken = queryToken;
            _enumerationToken = enumerationToken;
        }

        public T Current => _items is not null && _index >= 0 && _index < _items.Count ? _items[_index] : throw new InvalidOperationException("Call MoveNextAsync first.");

        public ValueTask<bool> MoveNextAsync()
        {
            _queryToken.ThrowIfCancellationRequested();
            _enumerationToken.ThrowIfCancellationRequested();
            _items ??= _snapshot();
            if (_index < _items.Count)
            {
                _index++;
            }

            return new ValueTask<bool>(_index < _items.Count);
        }

        public ValueTask DisposeAsync()
        {
            _items = null;
            _index = -1;
            return default;
        }
    }
}
