using System;

namespace CommunityControl.Benchmarks;

/// <summary>What an <c>[IterationSetup]</c> that allocates calls last.</summary>
internal static class Settle
{
    /// <summary>
    /// Collects the setup's garbage before the measured region: BenchmarkDotNet collects after each iteration, not
    /// between its setup and its workload, so a setup that allocates hundreds of megabytes would otherwise have its
    /// collections land in the measurement. The workload's own allocations and collections are still measured.
    /// </summary>
    public static void Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
