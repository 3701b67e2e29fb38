using System.Collections.Generic;
using System.Text;
using BenchmarkDotNet.Attributes;
using CommunityControl.Benchmarks.Data;
using CommunityControl.Serialization;
using CommunityControl.Zones;

namespace CommunityControl.Benchmarks.Zones;

/// <summary>
/// The Wuhan-sized tree (508,412 zones): building from the flat list and from JSON (target ≥ 1,000,000 zones/s),
/// lookup by id (target ≤ 50 ns, 0 B), and enumerating a community's buildings (0 B).
/// </summary>
[MemoryDiagnoser]
public class ZoneTreeBenchmarks
{
    private List<ZoneRow> _rows = null!;
    private byte[] _json = null!;
    private ZoneTree _tree = null!;
    private ZoneId[] _probeIds = null!;
    private Zone _community;
    private int _probe;

    [GlobalSetup]
    public void Setup()
    {
        _rows = WuhanTree.Rows();
        _tree = WuhanTree.Build();
        _json = Encoding.UTF8.GetBytes(ZoneTreeJson.ToJson(_tree));
        _probeIds = new ZoneId[1024];
        for (var i = 0; i < _probeIds.Length; i++)
        {
            _probeIds[i] = _tree.IdAt((int)((long)i * 7919 % _tree.Count));
        }

        _community = _tree.OfKind(ZoneKind.Community)[500];
    }

    [Benchmark(Description = "Build from flat list (508,412 zones)")]
    public ZoneTree BuildFromRows() => TreeShape.BuildFrom(_rows);

    [Benchmark(Description = "Build from JSON (508,412 zones)")]
    public ZoneTree BuildFromJson() => ZoneTreeJson.Read(_json);

    [Benchmark(Description = "Lookup by id", OperationsPerInvoke = 1024)]
    public int LookupById()
    {
        var sum = 0;
        for (var i = 0; i < _probeIds.Length; i++)
        {
            sum += _tree.IndexOf(_probeIds[i]);
        }

        return sum;
    }

    [Benchmark(Description = "A community's buildings (enumerate)")]
    public int CommunityBuildings()
    {
        var households = 0;
        foreach (var building in _community.DescendantsOfKind(ZoneKind.Building))
        {
            households += building.Households;
        }

        return households;
    }

    [Benchmark(Description = "Ancestors of a unit (enumerate)")]
    public int UnitAncestors()
    {
        _probe = (_probe + 1) & 1023;
        var depth = 0;
        foreach (var ancestor in _tree[_probe * 400].Ancestors)
        {
            depth += (int)ancestor.Kind;
        }

        return depth;
    }
}
