using System;
using CommunityControl.Benchmarks.Data;
using CommunityControl.Editions;
using CommunityControl.Risk;
using NodaTime;

namespace CommunityControl.Benchmarks.Risk;

/// <summary>
/// What the Shanghai-sized run keeps alive: the managed heap after a full collection, measured as the tree, the
/// history and the evaluated three-zones timeline are built one after another (the generated days are dropped before
/// the timeline is measured). Run with <c>-- --memory</c>.
/// </summary>
public static class ShanghaiMemory
{
    public static void Report()
    {
        var start = GC.GetTotalMemory(forceFullCollection: true);
        var tree = ShanghaiCity.Shape.Build(seed: 2022);
        var afterTree = GC.GetTotalMemory(forceFullCollection: true);
        var days = Outbreak.Days(tree, ShanghaiCity.FirstDay, ShanghaiCity.Wave(), seed: 2022, ShanghaiCity.ConfirmedEvery);
        var history = Outbreak.History(tree, ShanghaiCity.FirstDay, days);
        days = null;
        var afterHistory = GC.GetTotalMemory(forceFullCollection: true);
        RiskTimeline timeline = PolicyEditions.China.ThreeZones2022.Risk.Evaluate(history, new DateInterval(history.FirstDay, history.LastDay));
        var afterTimeline = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"Shanghai-sized tree: {tree.Count:N0} zones, retained {afterTree - start:N0} B ({(afterTree - start) / (double)tree.Count:F1} B per zone)");
        Console.WriteLine($"History of {ShanghaiCity.WaveInfections:N0} infections over {ShanghaiCity.WaveDays} days: retained {afterHistory - afterTree:N0} B");
        Console.WriteLine($"Three-zones timeline over it: retained {afterTimeline - afterHistory:N0} B");
        GC.KeepAlive(tree);
        GC.KeepAlive(history);
        GC.KeepAlive(timeline);
        GC.KeepAlive(days);
    }
}
