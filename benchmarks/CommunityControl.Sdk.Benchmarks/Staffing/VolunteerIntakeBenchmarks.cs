using System;
using System.IO;
using System.Text;
using BenchmarkDotNet.Attributes;
using CommunityControl.Serialization;
using CommunityControl.Tests.Staffing.Roster;

namespace CommunityControl.Benchmarks.Staffing;

/// <summary>
/// Volunteer intake: 50,000 sign-ups read from CSV (text and UTF-8 stream), target under 1 s. Under
/// <c>COMMUNITYCONTROL_BENCHMARK_SMOKE=1</c> (CI's smoke run) 5,000.
/// </summary>
[MemoryDiagnoser]
public class VolunteerIntakeBenchmarks
{
    private string _csv = null!;
    private byte[] _utf8 = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rows = Environment.GetEnvironmentVariable("COMMUNITYCONTROL_BENCHMARK_SMOKE") == "1" ? 5_000 : 50_000;
        _csv = VolunteerCsvSamples.Generate(rows);
        _utf8 = Encoding.UTF8.GetBytes(_csv);
    }

    [Benchmark(Baseline = true, Description = "50,000 sign-ups, CSV text")]
    public int ParseText() => VolunteerCsv.Parse(_csv).Count;

    [Benchmark(Description = "50,000 sign-ups, UTF-8 stream")]
    public int ReadStream()
    {
        using var stream = new MemoryStream(_utf8, writable: false);
        return VolunteerCsv.Read(stream).Count;
    }
}
