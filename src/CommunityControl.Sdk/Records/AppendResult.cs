namespace CommunityControl.Records;

/// <summary>
/// What a store did with an append: the record it holds under the idempotency key, and whether this call added it
/// (<see cref="IsNew"/>) or found it already recorded by an earlier call with the same key (a retry).
/// </summary>
/// <typeparam name="TRecord">The kind of record.</typeparam>
/// <param name="Record">The record the store holds under the key: the one given when <paramref name="IsNew"/> is true,
/// otherwise the one recorded first (which wins, even when the retry carries different values).</param>
/// <param name="IsNew">True when this call recorded the record; false when the key was already recorded.</param>
/// <threadsafety static="true" instance="true"/>
public readonly record struct AppendResult<TRecord>(TRecord Record, bool IsNew)
    where TRecord : class;
