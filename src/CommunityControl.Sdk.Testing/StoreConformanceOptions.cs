namespace CommunityControl.Testing;

/// <summary>The sizes of <see cref="StoreConformance"/>'s checks: smaller for a store whose every call is a round trip.</summary>
/// <threadsafety static="true" instance="false">A mutable options object: set it up, then pass it on.</threadsafety>
public sealed class StoreConformanceOptions
{
    /// <summary>
    /// Gets or sets how many keys the concurrency checks append, each from two of eight threads (a gate and its retry);
    /// rounded down to a multiple of 8.
    /// </summary>
    /// <value>The default is 4,000; at least 8.</value>
    public int ConcurrentKeys { get; set; } = 4_000;

    /// <summary>Gets or sets how many records the brute-force checks put in a random register before querying it.</summary>
    /// <value>The default is 1,500; at least 10.</value>
    public int RandomRegisterSize { get; set; } = 1_500;

    internal StoreConformanceOptions Checked()
    {
        if (ConcurrentKeys < 8)
        {
            throw new System.ArgumentOutOfRangeException(nameof(ConcurrentKeys), "At least 8 keys are needed, one per thread.");
        }

        if (RandomRegisterSize < 10)
        {
            throw new System.ArgumentOutOfRangeException(nameof(RandomRegisterSize), "At least 10 records are needed.");
        }

        return new StoreConformanceOptions { ConcurrentKeys = ConcurrentKeys - (ConcurrentKeys % 8), RandomRegisterSize = RandomRegisterSize };
    }
}
