using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace CommunityControl.DependencyInjection;

/// <summary>
/// The base of the store decorators that <c>AddCommunityControlStoreInstrumentation</c> registers: each call to the
/// inner store is measured by a <see cref="StoreCall"/>. Disposes the inner store when the container created it.
/// </summary>
/// <typeparam name="TStore">The store interface.</typeparam>
internal abstract class InstrumentedStore<TStore> : IDisposable, IAsyncDisposable
    where TStore : class
{
    private readonly bool _ownsInner;

    protected InstrumentedStore(TStore inner, ILogger? logger, bool ownsInner)
    {
        Inner = inner;
        Logger = logger;
        _ownsInner = ownsInner;
    }

    /// <summary>Gets the decorated store.</summary>
    public TStore Inner { get; }

    /// <summary>Gets the logger of failed calls, or null.</summary>
    protected ILogger? Logger { get; }

    public void Dispose()
    {
        if (!_ownsInner)
        {
            return;
        }

        if (Inner is IDisposable disposable)
        {
            disposable.Dispose();
        }
        else if (Inner is IAsyncDisposable asyncDisposable)
        {
            asyncDisposable.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    public ValueTask DisposeAsync()
    {
        if (_ownsInner)
        {
            if (Inner is IAsyncDisposable asyncDisposable)
            {
                return asyncDisposable.DisposeAsync();
            }

            (Inner as IDisposable)?.Dispose();
        }

        return default;
    }

    protected async ValueTask<TResult> MeasureAsync<TState, TResult>(StoreOperation operation, TState state, Func<TState, ValueTask<TResult>> call)
    {
        var measured = StoreCall.Start(operation);
        TResult result;
        try
        {
            result = await call(state).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            measured.Stop(e, Logger);
            throw;
        }

        measured.Stop(null, Logger);
        return result;
    }

    protected TResult Measure<TState, TResult>(StoreOperation operation, TState state, Func<TState, TResult> call)
    {
        var measured = StoreCall.Start(operation);
        TResult result;
        try
        {
            result = call(state);
        }
        catch (Exception e)
        {
            measured.Stop(e, Logger);
            throw;
        }

        measured.Stop(null, Logger);
        return result;
    }

    /// <summary>Measures an enumeration from its first <c>MoveNextAsync</c> to its end (or to the caller's early stop).</summary>
    protected async IAsyncEnumerable<T> MeasureEnumeration<T>(StoreOperation operation, IAsyncEnumerable<T> source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var measured = StoreCall.Start(operation);
        var stopped = false;
        IAsyncEnumerator<T> enumerator;
        try
        {
            enumerator = source.GetAsyncEnumerator(cancellationToken);
        }
        catch (Exception e)
        {
            measured.Stop(e, Logger);
            throw;
        }

        try
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await enumerator.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    stopped = true;
                    measured.Stop(e, Logger);
                    throw;
                }

                if (!more)
                {
                    break;
                }

                yield return enumerator.Current;
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
            if (!stopped)
            {
                measured.Stop(null, Logger);
            }
        }
    }
}
