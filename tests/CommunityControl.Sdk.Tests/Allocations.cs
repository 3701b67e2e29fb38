using System;

namespace CommunityControl.Tests;

/// <summary>Zero-allocation checks that a garbage collection started by another thread cannot fail.</summary>
internal static class Allocations
{
    /// <summary>
    /// Runs <paramref name="body"/> <paramref name="rounds"/> times and returns the fewest bytes the current thread
    /// allocated in one round. A path that allocates does so in every round; the thread's allocation count can jump once
    /// when a collection (started by another thread of the test run) retires its allocation context.
    /// </summary>
    public static long LeastOf(int rounds, Action body)
    {
        var least = long.MaxValue;
        for (var i = 0; i < rounds; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            body();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
