using System;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// Bounds of an in-memory record store: how many records it may hold and, optionally, how long a record is kept.
/// </summary>
/// <remarks>
/// <para>No retention period is set by default: PIPL Art. 19 asks for "the shortest period necessary for the purpose",
/// and no source this library cites names a number of days for gate, temperature or follow-up records. The host sets
/// the period its purpose needs, per kind of record (one options object per store).</para>
/// </remarks>
/// <threadsafety static="true" instance="false">Mutable; a store copies the values when it is created.</threadsafety>
public sealed class RecordStoreOptions
{
    /// <summary>The smallest capacity accepted.</summary>
    public const int MinimumCapacity = 1;

    /// <summary>The default capacity: one million records.</summary>
    public const int DefaultCapacity = 1_000_000;

    /// <summary>Gets or sets the most records the store holds; an append beyond it throws until records are purged.</summary>
    /// <value>The default value is 1,000,000 (<see cref="DefaultCapacity"/>): a guard of this library against unbounded
    /// growth, not a rule of any source. <see cref="InMemoryPassageStore"/> keeps a passage in about 48 bytes plus the length
    /// of its idempotency key (59 bytes a passage measured with 11-character keys, indexes included), so the default bounds
    /// a passage store at about 60 MB; the other in-memory stores keep each record as an object, several hundred bytes.</value>
    public int Capacity { get; set; } = DefaultCapacity;

    /// <summary>
    /// Gets or sets how long a record is kept, counted from its instant; null keeps records until purged explicitly.
    /// When set, queries never return a record older than the period (measured on the store's clock), and
    /// <c>PurgeExpiredAsync</c> deletes them.
    /// </summary>
    /// <value>The default value is null (no period: see the remarks).</value>
    public Duration? Retention { get; set; }

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Capacity"/> is below 1, or <see cref="Retention"/> is not positive.</exception>
    internal (int Capacity, Duration? Retention) Validate()
    {
        if (Capacity < MinimumCapacity)
        {
            throw new ArgumentOutOfRangeException(nameof(Capacity), Capacity, "The capacity must be at least 1 record.");
        }

        if (Retention is { } r && r <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Retention), "The retention period must be positive.");
        }

        return (Capacity, Retention);
    }
}
