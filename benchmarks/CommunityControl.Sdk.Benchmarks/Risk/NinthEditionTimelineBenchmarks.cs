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
/// The 9th edition over the Wuhan-sized tree (508,412 zones), 60 days, 50,000 cases: full timeline evaluation (target
/// under 1 s), building the history it reads, and reading the result (a snapshot of every zone, an assessment).
/// </summary>
[MemoryDiagnoser]
public class NinthEditionTimelineBenchmarks
{
    private ZoneTree _tree = null!;
    private List<EpidemicDay> _days = null!;
    private EpidemicHistory _history = null!;
    private RiskPolicy _policy = null!;
    private RiskTimeline _timeline = null!;
    private DateInterval _interval = null!;
    private ZoneId _unit;

    [GlobalSetup]
    public void Setup()
    {
        _tree = WuhanTree.Build();
        _days = WuhanOutbreak.Days(_tree, 60, 50_000);
        _history = WuhanOutbreak.History(_tree, _days);
        _policy = PolicyEditions.China.NinthEdition.Risk;
        _interval = new DateInterval(_history.FirstDay, _history.LastDay);
        _timeline = _policy.Evaluate(_history, _interval);
        _unit = _days[30].Cases[0].Residence;
    }

    [Benchmark(Baseline = true, Description = "Evaluate 60 days, 50,000 cases, 508,412 zones")]
    public RiskTimeline EvaluateFullTimeline() => _policy.Evaluate(_history, _interval);

    [Benchmark(Description = "Build the 60-day history (50,000 cases)")]
    public EpidemicHistory BuildHistory() => WuhanOutbreak.History(_tree, _days);

    [Benchmark(Description = "Snapshot of every zone on one day")]
    public RiskSnapshot SnapshotOneDay() => _timeline.SnapshotOn(_history.FirstDay.PlusDays(40));

    [Benchmark(Description = "Assess one unit on one day")]
    public RiskAssessment AssessOneZone() => _timeline.At(_unit, _history.FirstDay.PlusDays(35));
}
