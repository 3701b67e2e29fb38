using System;
using BenchmarkDotNet.Attributes;
using CommunityControl.Benchmarks.Data;
using CommunityControl.Editions;
using CommunityControl.Epidemiology;
using CommunityControl.Risk;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Benchmarks.Risk;

/// <summary>
/// Appending one day of 1,000 cases to a 59-day 9th-edition timeline over the Wuhan-sized tree (target under 10 ms):
/// the history grows by the day and only that day is evaluated. Each iteration appends to a freshly evaluated base, so
/// the measured path is the common one (appending to the newest timeline).
/// </summary>
[MemoryDiagnoser]
public class NinthEditionAppendBenchmarks
{
    private ZoneTree _tree = null!;
    private System.Collections.Generic.List<EpidemicDay> _days = null!;
    private EpidemicHistory _history = null!;
    private RiskPolicy _policy = null!;
    private DateInterval _interval = null!;
    private EpidemicDay _next = null!;
    private RiskTimeline _base = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tree = WuhanTree.Build();
        _days = WuhanOutbreak.Days(_tree, 59, 49_000);
        _history = WuhanOutbreak.History(_tree, _days);
        _policy = PolicyEditions.China.NinthEdition.Risk;
        _interval = new DateInterval(_history.FirstDay, _history.LastDay);
        var next = 49_000;
        _next = WuhanOutbreak.Day(_tree, _history.LastDay.PlusDays(1), 1_000, new Random(60), ref next);
    }

    [IterationSetup]
    public void FreshBase()
    {
        // A history may be appended to cheaply once; a second append from the same history rebuilds its case ids.
        _history = WuhanOutbreak.History(_tree, _days);
        _base = _policy.Evaluate(_history, _interval);
        Settle.Heap();
    }

    [Benchmark(Description = "Append one day of 1,000 cases")]
    public RiskTimeline AppendOneDay() => _base.Append(_next);
}
