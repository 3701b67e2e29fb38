using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using CommunityControl.Benchmarks.Data;
using CommunityControl.Editions;
using CommunityControl.Epidemiology;
using CommunityControl.Risk;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Benchmarks.Risk;

/// <summary>
/// Appending one day of 25,000 infections (the wave's peak) to a 59-day three-zones timeline over the Shanghai-sized
/// tree (target under 50 ms). Each iteration appends to a freshly evaluated base, as
/// <see cref="NinthEditionAppendBenchmarks"/> does; the setup's garbage is collected before the measured region, which is
/// the one call to <see cref="RiskTimeline.Append(EpidemicDay)"/> (validating the day, appending it to the history and
/// evaluating it). The appended day's ids are strings of their own, as a document or a caller hands them over.
/// </summary>
[MemoryDiagnoser]
public class ShanghaiAppendBenchmarks
{
    private static readonly int DayCases = (int)(25_000 * ShanghaiCity.Share);
    private ZoneTree _tree = null!;
    private List<EpidemicDay> _days = null!;
    private RiskPolicy _policy = null!;
    private DateInterval _interval = null!;
    private EpidemicDay _next = null!;
    private RiskTimeline _base = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tree = ShanghaiCity.Shape.Build(seed: 2022);
        var wave = ShanghaiCity.Wave();
        var first59 = wave[..^1];
        _days = Outbreak.Days(_tree, ShanghaiCity.FirstDay, first59, seed: 2022, ShanghaiCity.ConfirmedEvery);
        _policy = PolicyEditions.China.ThreeZones2022.Risk;
        _interval = new DateInterval(ShanghaiCity.FirstDay, ShanghaiCity.FirstDay.PlusDays(first59.Length - 1));
        var next = 0;
        foreach (var count in first59)
        {
            next += count;
        }

        // The day arrives as a caller hands it over, with ids of its own (not the tree's strings, which would let every
        // zone lookup end on a reference comparison).
        _next = Outbreak.AsReceived(Outbreak.Day(_tree, _interval.End.PlusDays(1), DayCases, new Random(60), ref next, ShanghaiCity.ConfirmedEvery));
    }

    [IterationSetup]
    public void FreshBase()
    {
        var history = Outbreak.History(_tree, ShanghaiCity.FirstDay, _days);
        _base = _policy.Evaluate(history, _interval);
        Settle.Heap();
    }

    [Benchmark(Description = "Append one day of 25,000 infections")]
    public RiskTimeline AppendOneDay() => _base.Append(_next);
}
