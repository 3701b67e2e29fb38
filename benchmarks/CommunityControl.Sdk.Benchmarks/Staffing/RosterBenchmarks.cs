using System;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using CommunityControl.Scheduling;
using CommunityControl.Staffing;
using CommunityControl.Tests.Staffing.Roster;

namespace CommunityControl.Benchmarks.Staffing;

/// <summary>
/// A week's roster for a community of 2,000 households (10 compounds, 20 gates) with 300 people: 490 shift demands
/// (770 places), greedy and CP-SAT (target under 2 s with the solver, gap reported: the solver's 1.5 s limit covers the
/// greedy start, building the model and all three objectives); and the two side by side on a city-wide week of 10 such
/// communities (3,000 people, each kept within their community). Setup prints each solver's uncovered hours, overtime,
/// distance, gap and time once, so a report shows the quality beside the times.
/// Under <c>COMMUNITYCONTROL_BENCHMARK_SMOKE=1</c> (CI's smoke run) the city has 2 communities, CP-SAT's time limit is
/// 0.5 s, and setup prints nothing.
/// </summary>
[MemoryDiagnoser]
public class RosterBenchmarks
{
    private static readonly bool Smoke = Environment.GetEnvironmentVariable("COMMUNITYCONTROL_BENCHMARK_SMOKE") == "1";

    private RosterProblem _community = null!;
    private RosterProblem _city = null!;
    private CpSatRosterSolver _communitySolver = null!;
    private CpSatRosterSolver _citySolver = null!;

    [GlobalSetup]
    public void Setup()
    {
        _community = RosterInstances.Community();
        _city = RosterInstances.City(Smoke ? 2 : 10);
        _communitySolver = new CpSatRosterSolver(TimeSpan.FromSeconds(Smoke ? 0.5 : 1.5));
        _citySolver = new CpSatRosterSolver(TimeSpan.FromSeconds(Smoke ? 0.5 : 20));
        if (!Smoke)
        {
            Report("community", _community, _communitySolver);
            Report("city", _city, _citySolver);
        }
    }

    [Benchmark(Baseline = true, Description = "Community week, greedy (300 people)")]
    public long CommunityGreedy() => GreedyRosterSolver.Instance.Solve(_community).UncoveredMinutes;

    [Benchmark(Description = "Community week, CP-SAT (1.5 s limit)")]
    public long CommunityCpSat() => _communitySolver.Solve(_community).UncoveredMinutes;

    [Benchmark(Description = "City week, greedy (10 communities)")]
    public long CityGreedy() => GreedyRosterSolver.Instance.Solve(_city).UncoveredMinutes;

    [Benchmark(Description = "City week, CP-SAT (20 s limit)")]
    public long CityCpSat() => _citySolver.Solve(_city).UncoveredMinutes;

    private static void Report(string name, RosterProblem problem, CpSatRosterSolver solver)
    {
        foreach (var s in new[] { GreedyRosterSolver.Instance.Solve(problem), solver.Solve(problem) })
        {
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "// Roster {0}: {1} demands ({2:0} h), {3} people; {4} in {5:0.000} s",
                name,
                problem.Demands.Count,
                problem.DemandHours,
                problem.Candidates.Count,
                s,
                s.Elapsed.TotalSeconds));
        }
    }
}
