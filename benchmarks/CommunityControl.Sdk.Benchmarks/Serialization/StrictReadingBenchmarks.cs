using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CommunityControl.Benchmarks.Data;
using CommunityControl.Serialization;
using CommunityControl.Zones;

namespace CommunityControl.Benchmarks.Serialization;

/// <summary>
/// The strict reading pipeline: the pre-pass over the Wuhan tree's JSON (compare with "Build from JSON" in
/// <c>ZoneTreeBenchmarks</c>), and rejecting a history with 32,000 repeated case ids (was 29 s and 27 GB when lines
/// were found by a quadratic search).
/// </summary>
[MemoryDiagnoser]
public class StrictReadingBenchmarks
{
    private byte[] _wuhanJson = null!;
    private byte[] _duplicateIds = null!;
    private ZoneTree _smallTree = null!;

    [GlobalSetup]
    public void Setup()
    {
        _wuhanJson = Encoding.UTF8.GetBytes(ZoneTreeJson.ToJson(WuhanTree.Build()));
        _smallTree = ZoneTreeJson.Parse("{ \"zones\": [ { \"id\": \"c1\", \"kind\": \"Community\" } ] }");
        var cases = string.Join(",\n", Enumerable.Repeat("{ \"id\": \"p-1\", \"kind\": \"Confirmed\", \"reported\": \"2022-07-01\", \"residence\": \"c1\" }", 32_001));
        _duplicateIds = Encoding.UTF8.GetBytes("{ \"firstDay\": \"2022-07-01\", \"cases\": [\n" + cases + "\n] }");
    }

    [Benchmark(Description = "Strict pre-pass over the Wuhan tree (508,412 zones)")]
    public int PrePassWuhan() => StrictJson.Check(_wuhanJson, "zone tree", Limits.Default).Length;

    [Benchmark(Description = "Bare Utf8JsonReader pass over the Wuhan tree (the floor of any pass)")]
    public int BarePassWuhan()
    {
        var reader = new Utf8JsonReader(_wuhanJson, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    [Benchmark(Description = "Reject 32,000 repeated case ids")]
    public int RejectDuplicateCaseIds()
    {
        try
        {
            EpidemicHistoryJson.Read(_duplicateIds, _smallTree);
            return 0;
        }
        catch (DocumentFormatException ex)
        {
            return ex.TotalProblemCount;
        }
    }
}
