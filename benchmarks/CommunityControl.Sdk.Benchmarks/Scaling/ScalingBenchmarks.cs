using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using CommunityControl.Benchmarks.Data;
using CommunityControl.Benchmarks.Records;
using CommunityControl.Benchmarks.Risk;
using CommunityControl.Benchmarks.Staffing;
using CommunityControl.Editions;
using CommunityControl.Epidemiology;
using CommunityControl.Records;
using CommunityControl.Risk;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Benchmarks.Scaling;

/// <summary>
/// How cost grows with the size of the city: the Shanghai-sized city of <see cref="ShanghaiCity"/> scaled to 1/8, 1/4,
/// 1/2 and the whole at every level (zones, and the wave's infections by the same factor). At each size: building the
/// tree from its flat list, evaluating the three-zones timeline over the wave, planning the city's staffing week of
/// <see cref="CityWeek"/> (demand only), and tracing one case over 14 days through an in-memory passage register of
/// 2,000,000 passages at full size (the compounds' gates; 200,000 people passing about ten times each, so the traffic at
/// a gate stays the same at every size). <c>benchmarks/ScalingPlot</c> turns the report into a plot.
/// </summary>
[MemoryDiagnoser]
public class ScalingBenchmarks
{
    private List<ZoneRow> _rows = null!;
    private EpidemicHistory _history = null!;
    private DateInterval _interval = null!;
    private RiskPolicy _policy = null!;
    private CityWeek _city = null!;
    private InMemoryPassageStore _register = null!;
    private CoPresenceQuery _trace = null!;

    /// <summary>The share of the Shanghai-sized city.</summary>
    [Params(0.125, 0.25, 0.5, 1.0)]
    public double Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var shape = ShanghaiCity.Shape.Scaled(Size);
        _rows = shape.Rows(seed: 2022);
        var tree = shape.Build(seed: 2022);
        var wave = Array.ConvertAll(ShanghaiCity.Wave(), n => (int)Math.Round(n * Size));
        var days = Outbreak.Days(tree, ShanghaiCity.FirstDay, wave, seed: 2022, ShanghaiCity.ConfirmedEvery);
        _history = Outbreak.History(tree, ShanghaiCity.FirstDay, days);
        _interval = new DateInterval(_history.FirstDay, _history.LastDay);
        _policy = PolicyEditions.China.ThreeZones2022.Risk;
        _city = new CityWeek(tree);
        (_register, _trace) = Register(tree.OfKind(ZoneKind.Compound), (int)(2_000_000 * ShanghaiCity.Share * Size), Math.Max(1, (int)(200_000 * ShanghaiCity.Share * Size)));
    }

    [Benchmark(Description = "Build the tree from its flat list")]
    public ZoneTree BuildTree() => TreeShape.BuildFrom(_rows);

    [Benchmark(Description = "Evaluate the three-zones timeline over the wave")]
    public RiskTimeline Timeline() => _policy.Evaluate(_history, _interval);

    [Benchmark(Description = "Plan the staffing week (demand only)")]
    public double StaffingWeek() => _city.Policy.Calculate(_city.Snapshot, _city.Arrivals, Workforce.Empty, _city.Week).Totals().RequiredPersonHours;

    [Benchmark(Description = "Trace one case over 14 days in the passage register")]
    public int Trace() => CoPresenceTracing.TraceAsync(_register, _trace).AsTask().GetAwaiter().GetResult().Contacts.Count;

    private static (InMemoryPassageStore Register, CoPresenceQuery Trace) Register(ZoneList gates, int passages, int people)
    {
        var start = ShanghaiCity.FirstDay.AtStartOfDayInZone(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).ToInstant();
        var random = new Random(2022);
        var persons = new PersonId[people];
        for (var p = 0; p < people; p++)
        {
            persons[p] = PersonId.From($"p-{p:x6}");
        }

        var register = new InMemoryPassageStore(new RecordStoreOptions { Capacity = Math.Max(1, passages) });
        for (var i = 0; i < passages; i++)
        {
            var at = start + Duration.FromSeconds(random.Next(14 * 24 * 3600));
            register.AppendAsync(PassageStoreMemory.Create(i, gates[random.Next(gates.Count)].Id, persons[random.Next(people)], at)).AsTask().GetAwaiter().GetResult();
        }

        var query = new CoPresenceQuery
        {
            Case = persons[0],
            InfectiousPeriod = new Interval(start, start + Duration.FromDays(14)),
            Window = Duration.FromMinutes(5), // illustrative: the window is the tracing team's parameter
        };
        return (register, query);
    }
}
