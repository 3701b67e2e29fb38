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
/// The 2022 three-zones edition (封控区/管控区/防范区, drawn per compound) over the Shanghai-sized tree (1,269,432 zones)
/// through the spring-2022-sized wave (600,000 infections over 60 days, peaking near 25,000 a day): see
/// <see cref="ShanghaiCity"/>. Targets: full timeline under 2 s; a snapshot of every zone under 20 ms (the append of one
/// day of 25,000 cases is in <see cref="ShanghaiAppendBenchmarks"/>, under 50 ms).
/// </summary>
[MemoryDiagnoser]
public class ShanghaiWaveBenchmarks
{
    private List<EpidemicDay> _days = null!;
    private EpidemicHistory _history = null!;
    private RiskPolicy _policy = null!;
    private RiskTimeline _timeline = null!;
    private DateInterval _interval = null!;
    private ZoneId _unit;

    [GlobalSetup]
    public void Setup()
    {
        var tree = ShanghaiCity.Shape.Build(seed: 2022);
        _days = Outbreak.Days(tree, ShanghaiCity.FirstDay, ShanghaiCity.Wave(), seed: 2022, ShanghaiCity.ConfirmedEvery);
        _history = Outbreak.History(tree, ShanghaiCity.FirstDay, _days);
        _policy = PolicyEditions.China.ThreeZones2022.Risk;
        _interval = new DateInterval(_history.FirstDay, _history.LastDay);
        _timeline = _policy.Evaluate(_history, _interval);
        _unit = _days[35].Cases[0].Residence;
    }

    [Benchmark(Baseline = true, Description = "Evaluate 60 days, 600,000 infections, 1,269,432 zones")]
    public RiskTimeline EvaluateFullTimeline() => _policy.Evaluate(_history, _interval);

    [Benchmark(Description = "Snapshot of every zone on the peak day")]
    public RiskSnapshot SnapshotPeakDay() => _timeline.SnapshotOn(ShanghaiCity.FirstDay.PlusDays(35));

    [Benchmark(Description = "Assess one unit on the peak day")]
    public RiskAssessment AssessOneZone() => _timeline.At(_unit, ShanghaiCity.FirstDay.PlusDays(35));
}
