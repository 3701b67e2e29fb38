using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Access;
using CommunityControl.Internal;
using CommunityControl.Risk;

namespace CommunityControl.Records;

/// <summary>
/// Decides a gate request with an <see cref="AccessPolicy"/> and records the passage in an <see cref="IPassageStore"/>,
/// exactly once per idempotency key: a gate that retries (a timeout, a lost answer) gets the decision recorded the
/// first time, and the outing ledger is not touched again.
/// </summary>
/// <remarks>
/// <para>How a key is handled: if the store already holds it, its record is returned (<see cref="AppendResult{TRecord}.IsNew"/>
/// false) without deciding again. Otherwise calls with the same key that overlap in this recorder share one decision:
/// the first decides (with <see cref="AccessPolicy.EvaluateAndRecord"/> when an outing ledger is given, so a granted
/// outing is counted once; with <see cref="AccessPolicy.Evaluate"/> otherwise) and appends; the others wait and return
/// its record with <c>IsNew</c> false.</para>
/// <para>Once the decision is taken, the append is not cancelled (a decision that changed the ledger is always recorded);
/// cancellation is honoured before deciding. When deciding or appending throws, nothing is recorded under the key, every
/// waiting call gets the same exception, and a later retry decides afresh.</para>
/// <para>Across processes sharing one store, overlapping calls with the same key are each decided by their own process:
/// the store still records one passage per key, but a ledger shared by those processes may count the outing of the
/// call whose append lost. Route a gate's retries to one process, or use a store whose ledger and register commit
/// in one transaction.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Safe for concurrent use by many gates; share one recorder per store.</threadsafety>
public sealed class PassageRecorder
{
    private readonly ConcurrentDictionary<string, Task<PassageRecord>> _inFlight = new(StringComparer.Ordinal);

    /// <summary>Creates a recorder.</summary>
    /// <param name="policy">The access policy that decides.</param>
    /// <param name="store">The passage register.</param>
    /// <param name="outings">The outing ledger, where an outing quota may apply; null to decide without one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> or <paramref name="store"/> is null.</exception>
    public PassageRecorder(AccessPolicy policy, IPassageStore store, IOutingLedger? outings = null)
    {
        Policy = Guard.NotNull(policy);
        Store = Guard.NotNull(store);
        Outings = outings;
    }

    /// <summary>Gets the access policy that decides.</summary>
    public AccessPolicy Policy { get; }

    /// <summary>Gets the passage register.</summary>
    public IPassageStore Store { get; }

    /// <summary>Gets the outing ledger; null when decisions are taken without one.</summary>
    public IOutingLedger? Outings { get; }

    /// <summary>Decides a request and records the passage, once per idempotency key.</summary>
    /// <param name="idempotencyKey">The gate's key for this passage, the same on every retry (1–128 ASCII letters, digits and <c>- _ . :</c>).</param>
    /// <param name="request">The request.</param>
    /// <param name="snapshot">The risk levels on the request's date.</param>
    /// <param name="passId">The pseudonymous id of the pass shown; null when none.</param>
    /// <param name="device">The id of the gate device; null when not known.</param>
    /// <param name="cancellationToken">Cancels the call before the decision is taken.</param>
    /// <returns>The passage recorded under the key (its outcome, reasons and obligations are the decision), and whether
    /// this call recorded it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="idempotencyKey"/> or <paramref name="snapshot"/> is null.</exception>
    /// <exception cref="ArgumentException">The key, pass id or device id is invalid; the request's person is empty; or as
    /// for <see cref="AccessPolicy.Evaluate"/>.</exception>
    /// <exception cref="InvalidOperationException">The store is full.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the decision.</exception>
    public async ValueTask<AppendResult<PassageRecord>> EvaluateAndRecordAsync(
        string idempotencyKey,
        AccessRequest request,
        RiskSnapshot snapshot,
        string? passId = null,
        string? device = null,
        CancellationToken cancellationToken = default)
    {
        RecordKey.Check(idempotencyKey, nameof(idempotencyKey));
        Guard.NotNull(snapshot);
        RecordKey.CheckPseudonymous(passId, nameof(passId));
        RecordKey.CheckOptional(device, nameof(device));
        if (request.Person.IsEmpty)
        {
            throw new ArgumentException("The request's person id must not be empty: a passage is recorded by person.", nameof(request));
        }

        var existing = await Store.FindAsync(idempotencyKey, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return new AppendResult<PassageRecord>(existing, false);
        }

        var mine = new TaskCompletionSource<PassageRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
        var winner = _inFlight.GetOrAdd(idempotencyKey, mine.Task);
        if (!ReferenceEquals(winner, mine.Task))
        {
            return new AppendResult<PassageRecord>(await winner.ConfigureAwait(false), false);
        }

        try
        {
            var result = await DecideAndAppendAsync(idempotencyKey, request, snapshot, passId, device, cancellationToken).ConfigureAwait(false);
            mine.SetResult(result.Record);
            return result;
        }
        catch (OperationCanceledException)
        {
            mine.TrySetCanceled(cancellationToken);
            throw;
        }
        catch (Exception ex)
        {
            mine.SetException(ex);
            _ = mine.Task.Exception; // observed here: the caller gets it by the rethrow, waiters by awaiting
            throw;
        }
        finally
        {
            _inFlight.TryRemove(idempotencyKey, out _);
        }
    }

    /// <summary>Returns the policy's edition.</summary>
    /// <returns>E.g. <c>PassageRecorder (AccessPolicy cn-2022-06-ninth-edition on cn-low-medium-high)</c>.</returns>
    public override string ToString() => $"PassageRecorder ({Policy})";

    private async ValueTask<AppendResult<PassageRecord>> DecideAndAppendAsync(
        string key, AccessRequest request, RiskSnapshot snapshot, string? passId, string? device, CancellationToken cancellationToken)
    {
        // A call that finished between our lookup and our claim of the key has already recorded it.
        var existing = await Store.FindAsync(key, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return new AppendResult<PassageRecord>(existing, false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var decision = Outings is null ? Policy.Evaluate(in request, snapshot) : Policy.EvaluateAndRecord(in request, snapshot, Outings);
        var record = PassageRecord.FromDecision(key, in request, snapshot.Tree, decision, passId, device);

        // The decision may have changed the ledger: record it whatever happens to the caller's token.
        return await Store.AppendAsync(record, CancellationToken.None).ConfigureAwait(false);
    }
}
