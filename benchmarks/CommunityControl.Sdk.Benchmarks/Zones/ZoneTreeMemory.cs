using System;
using CommunityControl.Benchmarks.Data;
using CommunityControl.Zones;

namespace CommunityControl.Benchmarks.Zones;

/// <summary>
/// Measures the memory a built Wuhan-sized tree keeps alive (not what building it allocates, which
/// <see cref="ZoneTreeBenchmarks"/> reports): the managed heap after a full collection, before the input exists and
/// after the tree is built and the input and builder are gone. Ids and names held by the tree are counted.
/// Run with <c>dotnet run -c Release --project benchmarks/CommunityControl.Sdk.Benchmarks -- --memory</c>.
/// </summary>
public static class ZoneTreeMemory
{
    public static void Report()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var tree = WuhanTree.Build();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var perZone = (after - before) / (double)tree.Count;
        Console.WriteLine($"Zones: {tree.Count:N0}; retained by the tree: {after - before:N0} B; per zone: {perZone:F1} B (target <= 128 B)");
        GC.KeepAlive(tree);
    }
}
