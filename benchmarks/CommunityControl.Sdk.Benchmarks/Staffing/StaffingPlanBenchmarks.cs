using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CommunityControl.Benchmarks.Data;
using CommunityControl.Risk;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Benchmarks.Staffing;

/// <summary>
/// A city-wide weekly plan on the Wuhan-sized tree (7,148 compounds with 1–3 gates each, 100,000 buildings, 400,000
/// units): every compound at Medium with one compound in ten sealed (High), 24 hours × 7 days, 3 × 8 h shifts; gates by
/// Erlang C for each hour; door-to-door service, disinfection and patrols for the sealed ones; grid work for the rest.
/// Target under 1 s. Two variants: demand only (no workforce), and demand plus the cover from a workforce of 33,000
/// (30 per community).
/// </summary>
[MemoryDiagnoser]
public class StaffingPlanBenchmarks
{
    private CityWeek _city = null!;

    [GlobalSetup]
    public void Setup() => _city = new CityWeek(WuhanTree.Build());

    [Benchmark(Baseline = true, Description = "City week, demand only (7,148 compounds × 7 days × 3 shifts)")]
    public double DemandOnly() => _city.Policy.Calculate(_city.Snapshot, _city.Arrivals, Workforce.Empty, _city.Week).Totals().RequiredPersonHours;

    [Benchmark(Description = "City week, demand and cover (33,000 people)")]
    public double DemandAndCover() => _city.Policy.Calculate(_city.Snapshot, _city.Arrivals, _city.Workforce, _city.Week).Totals().GapPersonHours;
}
