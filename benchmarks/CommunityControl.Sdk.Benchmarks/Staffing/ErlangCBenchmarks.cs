using BenchmarkDotNet.Attributes;
using CommunityControl.Staffing;
using NodaTime;

namespace CommunityControl.Benchmarks.Staffing;

/// <summary>
/// One Erlang C staffing solve (target under 1 µs, 0 B): intl-policy.md §d example 1 (A = 10 E, 80 % in 20 s, occupancy
/// ≤ 85 %, shrinkage 30 % → 14 on duty, 20 rostered), example 3 (A = 20 E, 80 % in 60 s → 23), and a quiet gate hour
/// (A = 0.07 E → 1).
/// </summary>
[MemoryDiagnoser]
public class ErlangCBenchmarks
{
    private static readonly Duration Aht = Duration.FromSeconds(180);
    private readonly ServiceTarget _example1 = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20), 0.85, 0.3);
    private readonly ServiceTarget _example3 = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(60));
    private readonly ServiceTarget _gate = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20));

    [Benchmark(Baseline = true, Description = "Solve example 1 (A = 10 E → 14 / 20)")]
    public int SolveExample1() => ErlangC.Solve(10, Aht, _example1).AgentsWithShrinkage;

    [Benchmark(Description = "Solve example 3 (A = 20 E → 23)")]
    public int SolveExample3() => ErlangC.Solve(20, Aht, _example3).Agents;

    [Benchmark(Description = "Solve a quiet gate hour (A = 0.07 E → 1)")]
    public int SolveQuietGate() => ErlangC.Solve(0.0722, Duration.FromSeconds(10), _gate).Agents;

    [Benchmark(Description = "Evaluate N = 25 at A = 20 E")]
    public double EvaluateExample3() => ErlangC.Evaluate(20, 25, Aht, Duration.FromSeconds(60)).ServiceLevel;
}
