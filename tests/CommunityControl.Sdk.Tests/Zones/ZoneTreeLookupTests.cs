using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using CommunityControl.Zones;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Zones;

/// <summary>
/// The tree's lookup structures against brute force on random forests: the id table (IndexOf) against the list of ids,
/// and the lifted-zone tables (LiftTo, AncestorOfKind) against walking up the parents.
/// </summary>
public class ZoneTreeLookupTests
{
    private static readonly ZoneKind[] Kinds = Enum.GetValues<ZoneKind>().Where(k => k != ZoneKind.Unknown).OrderBy(k => k).ToArray();

    public static TheoryData<int, int, int> Forests() => new()
    {
        // seed, zones, roots
        { 1, 1, 1 },
        { 2, 2, 2 },
        { 3, 3, 1 },
        { 4, 40, 3 },
        { 5, 300, 1 },
        { 6, 2_000, 7 },
        { 7, 5_000, 1 },
    };

    [Theory]
    [MemberData(nameof(Forests))]
    public void IndexOf_FindsEveryIdAtItsIndexAndNoOtherId(int seed, int zones, int roots)
    {
        var tree = RandomForest(seed, zones, roots);

        for (var i = 0; i < tree.Count; i++)
        {
            tree.IndexOf(tree[i].Id).Should().Be(i);
            tree.IndexOf(ZoneId.From(new string(tree[i].Id.Value.ToCharArray()))).Should().Be(i, "ids are compared by text, not by reference");
        }

        var indexes = Enumerable.Range(0, tree.Count).ToDictionary(i => tree[i].Id.Value, StringComparer.Ordinal);
        var random = new Random(seed);
        for (var n = 0; n < 2_000; n++)
        {
            // Ids of the same shape as the tree's, most of them absent: a near miss must not find a zone.
            var id = ZoneId.From("z" + random.Next(zones * 3).ToString(CultureInfo.InvariantCulture) + (random.Next(2) == 0 ? string.Empty : "-x"));
            var expected = indexes.TryGetValue(id.Value, out var index) ? index : -1;
            tree.IndexOf(id).Should().Be(expected, "for {0}", id);
        }

        tree.IndexOf(default).Should().Be(-1);
    }

    [Theory]
    [MemberData(nameof(Forests))]
    public void IndexOfMany_AgreesWithOneLookupPerId(int seed, int zones, int roots)
    {
        var tree = RandomForest(seed, zones, roots);
        var random = new Random(seed);

        // Batches below and above the size from which the lookups are sorted, of present ids (the tree's strings and
        // copies), absent near misses, empty ids and repeats, in random order.
        foreach (var size in new[] { 0, 1, ZoneTree.BatchedLookups - 1, ZoneTree.BatchedLookups, 3_000 })
        {
            var ids = new ZoneId[size + 5];
            for (var i = 0; i < size; i++)
            {
                var zone = tree[random.Next(tree.Count)].Id.Value;
                ids[i] = random.Next(6) switch
                {
                    0 => default,
                    1 => ZoneId.From(zone + "-x"),
                    2 => ZoneId.From("z" + random.Next(zones * 3).ToString(CultureInfo.InvariantCulture)),
                    3 => ZoneId.From(new string(zone.ToCharArray())),
                    4 when i > 0 => ids[random.Next(i)],
                    _ => ZoneId.From(zone),
                };
            }

            var indexes = Enumerable.Repeat(-7, ids.Length).ToArray();
            tree.IndexOfMany(ids, size, indexes);

            indexes.Take(size).Should().Equal(ids.Take(size).Select(tree.IndexOf), "a batch of {0}", size);
            indexes.Skip(size).Should().AllSatisfy(i => i.Should().Be(-7), "only the first {0} ids are resolved", size);
        }
    }

    [Fact]
    public void IndexOfMany_IdsWithTheSameHash_AreToldApartByTheirText()
    {
        // Two ids whose 32-bit hashes collide share a probe line; the batch must not take one for the other.
        var (first, second) = HashCollision();
        var tree = new ZoneTreeBuilder().AllowIncompleteChildren()
            .Add("root", ZoneKind.District)
            .Add(first, ZoneKind.Subdistrict, parent: "root")
            .Build();
        var both = new ZoneTreeBuilder().AllowIncompleteChildren()
            .Add("root", ZoneKind.District)
            .Add(second, ZoneKind.Subdistrict, parent: "root")
            .Add(first, ZoneKind.Subdistrict, parent: "root")
            .Build();
        var ids = Enumerable.Range(0, ZoneTree.BatchedLookups * 2)
            .Select(i => ZoneId.From((i % 4) switch { 0 => first, 1 => second, 2 => "root", _ => "absent" }))
            .ToArray();

        foreach (var t in new[] { tree, both })
        {
            var indexes = new int[ids.Length];
            t.IndexOfMany(ids, ids.Length, indexes);
            indexes.Should().Equal(ids.Select(t.IndexOf));
        }

        tree.IndexOf(ZoneId.From(second)).Should().Be(-1, "the colliding id is not in the first tree");
        both.IndexOf(ZoneId.From(second)).Should().Be(1);
    }

    /// <summary>Finds two short ids with the same 32-bit hash of the id table (a birthday search: about 80,000 tries).</summary>
    private static (string First, string Second) HashCollision()
    {
        var seen = new Dictionary<int, string>();
        for (var i = 0; ; i++)
        {
            var id = "c" + i.ToString(CultureInfo.InvariantCulture);
            var hash = ZoneTree.Hash(id);
            if (seen.TryGetValue(hash, out var other))
            {
                return (other, id);
            }

            seen.Add(hash, id);
        }
    }

    [Theory]
    [MemberData(nameof(Forests))]
    public void LiftTo_And_AncestorOfKind_AgreeWithWalkingUpTheParents(int seed, int zones, int roots)
    {
        var tree = RandomForest(seed, zones, roots);

        foreach (var kind in Kinds.Append(ZoneKind.Unknown).Append((ZoneKind)99).Append((ZoneKind)(-3)))
        {
            for (var i = 0; i < tree.Count; i++)
            {
                tree.LiftTo(i, kind).Should().Be(LiftByBruteForce(tree, i, kind), "zone {0} lifted to {1}", i, kind);
                tree.AncestorOfKind(i, kind).Should().Be(AncestorByBruteForce(tree, i, kind), "ancestor of zone {0} of kind {1}", i, kind);
            }
        }
    }

    [Fact]
    public void LiftTo_OnASmallCommunity_FollowsTheTable()
    {
        // C1 (community) → C1-01 (compound) → C1-01-01 (building) → units; a building lifts to its compound, a compound
        // to itself; a community is coarser than a compound.
        var tree = new ZoneTreeBuilder()
            .Add("C1", ZoneKind.Community)
            .Add("C1-01", ZoneKind.Compound, parent: "C1")
            .Add("C1-01-01", ZoneKind.Building, parent: "C1-01")
            .Add("C1-01-01-1", ZoneKind.Unit, parent: "C1-01-01")
            .Add("C1-B", ZoneKind.Building, parent: "C1")
            .Build();
        int At(string id) => tree.IndexOf(ZoneId.From(id));

        tree.LiftTo(At("C1-01-01-1"), ZoneKind.Compound).Should().Be(At("C1-01"));
        tree.LiftTo(At("C1-01"), ZoneKind.Compound).Should().Be(At("C1-01"));
        tree.LiftTo(At("C1"), ZoneKind.Compound).Should().Be(-1, "a community is coarser than a compound");
        tree.LiftTo(At("C1-B"), ZoneKind.Compound).Should().Be(At("C1-B"), "a building directly under the community has no compound: it is the coarsest zone of its branch below one");
        tree.AncestorOfKind(At("C1-B"), ZoneKind.Compound).Should().Be(-1);
        tree.AncestorOfKind(At("C1-01-01-1"), ZoneKind.Community).Should().Be(At("C1"));
    }

    [Fact]
    public void LiftTo_FirstCallsFromManyThreads_AllAgree()
    {
        var tree = RandomForest(11, 20_000, 5);
        var expected = Enumerable.Range(0, tree.Count).Select(i => LiftByBruteForce(tree, i, ZoneKind.Building)).ToArray();

        var results = new int[8][];
        Parallel.For(0, results.Length, t => results[t] = Enumerable.Range(0, tree.Count).Select(i => tree.LiftTo(i, ZoneKind.Building)).ToArray());

        results.Should().AllSatisfy(r => r.Should().Equal(expected));
    }

    /// <summary>A random forest: each zone is a root or hangs under a random earlier zone of a coarser kind, so branches skip kinds, stop early and run deep.</summary>
    private static ZoneTree RandomForest(int seed, int zones, int roots)
    {
        var random = new Random(seed);
        var builder = new ZoneTreeBuilder().AllowIncompleteChildren();
        var parents = new List<(string Id, ZoneKind Kind)>(); // the zones added so far that can have children
        for (var i = 0; i < zones; i++)
        {
            var id = "z" + i.ToString(CultureInfo.InvariantCulture);
            if (i < roots || parents.Count == 0)
            {
                var kind = Kinds[random.Next(Kinds.Length - 1)];
                builder.Add(id, kind);
                parents.Add((id, kind));
                continue;
            }

            // Mostly a recent zone (deep chains), sometimes any earlier one (wide, irregular branches).
            var parent = random.Next(3) == 0 ? parents[random.Next(parents.Count)] : parents[Math.Max(0, parents.Count - 1 - random.Next(4))];
            var finer = Kinds.Where(k => k > parent.Kind).ToArray();
            var childKind = finer[random.Next(Math.Min(finer.Length, 3))];
            builder.Add(id, childKind, parent: parent.Id);
            if (childKind < ZoneKind.Household)
            {
                parents.Add((id, childKind));
            }
        }

        return builder.Build();
    }

    private static int LiftByBruteForce(ZoneTree tree, int zone, ZoneKind kind)
    {
        if (tree[zone].Kind < kind)
        {
            return -1;
        }

        while (tree.ParentIndexAt(zone) is var parent and >= 0 && tree[parent].Kind >= kind)
        {
            zone = parent;
        }

        return zone;
    }

    private static int AncestorByBruteForce(ZoneTree tree, int zone, ZoneKind kind)
    {
        for (var z = zone; z >= 0; z = tree.ParentIndexAt(z))
        {
            if (tree[z].Kind == kind)
            {
                return z;
            }
        }

        return -1;
    }
}
