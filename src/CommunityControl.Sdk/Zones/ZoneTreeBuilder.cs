using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CommunityControl.Internal;
using NodaTime;

namespace CommunityControl.Zones;

/// <summary>
/// Collects zones as a flat list with parent ids and builds a validated <see cref="ZoneTree"/>.
/// </summary>
/// <remarks>
/// <para>Zones may be added in any order (a child before its parent). <see cref="Build"/> checks everything at once and
/// reports every problem: empty, malformed or duplicate ids; unknown parents; cycles; a kind nested under a smaller kind
/// (a compound under a building); negative counts; gates on a kind that has none; and a parent whose stated households or
/// residents disagree with the sum of its children's.</para>
/// <para>Children keep the order in which they were added.</para>
/// </remarks>
/// <threadsafety static="true" instance="false">Mutable: use one builder from one thread.</threadsafety>
public sealed class ZoneTreeBuilder
{
    private readonly List<Entry> _entries = new();
    private DateTimeZone _timeZone;
    private bool _allowIncompleteChildren;

    /// <summary>The most gates one zone may have.</summary>
    public const int MaxGates = ushort.MaxValue;

    /// <summary>Creates a builder for a tree in Asia/Shanghai time.</summary>
    public ZoneTreeBuilder()
        : this(DefaultTimeZone)
    {
    }

    /// <summary>Creates a builder for a tree whose days are counted in <paramref name="timeZone"/>.</summary>
    /// <param name="timeZone">The time zone of the tree's local dates.</param>
    /// <exception cref="ArgumentNullException"><paramref name="timeZone"/> is null.</exception>
    public ZoneTreeBuilder(DateTimeZone timeZone) => _timeZone = Guard.NotNull(timeZone);

    /// <summary>Gets the default time zone of a tree: Asia/Shanghai from the TZDB.</summary>
    public static DateTimeZone DefaultTimeZone => DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    /// <summary>Gets the number of zones added so far.</summary>
    public int Count => _entries.Count;

    /// <summary>Sets the time zone in which the tree's days are counted.</summary>
    /// <param name="timeZone">The time zone.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeZone"/> is null.</exception>
    public ZoneTreeBuilder WithTimeZone(DateTimeZone timeZone)
    {
        _timeZone = Guard.NotNull(timeZone);
        return this;
    }

    /// <summary>
    /// Allows a parent to state more households or residents than its listed children hold, for rolls that list only some
    /// children (a compound of 860 households with only building 5 entered). Children holding more than the parent states
    /// remain an error.
    /// </summary>
    /// <param name="allow">True to allow incomplete children.</param>
    /// <returns>This builder.</returns>
    /// <value>By default (false) a stated count must equal the sum of the children's.</value>
    public ZoneTreeBuilder AllowIncompleteChildren(bool allow = true)
    {
        _allowIncompleteChildren = allow;
        return this;
    }

    /// <summary>Adds a zone. The id is checked by <see cref="Build"/>, so every problem is reported together.</summary>
    /// <param name="id">The zone's id, e.g. <c>500101-001-01</c>.</param>
    /// <param name="kind">The zone's kind.</param>
    /// <param name="name">The display name, e.g. <c>香炉山小区</c>; a place name, never a person's.</param>
    /// <param name="parent">The parent's id, or null for a root.</param>
    /// <param name="households">The number of households, when known.</param>
    /// <param name="residents">The number of residents, when known.</param>
    /// <param name="gates">The number of staffed gates (compounds and villages only), when known.</param>
    /// <returns>This builder.</returns>
    public ZoneTreeBuilder Add(string id, ZoneKind kind, string? name = null, string? parent = null, int? households = null, int? residents = null, int? gates = null)
    {
        _entries.Add(new Entry(id, kind, name, parent, households, residents, gates));
        return this;
    }

    /// <summary>Adds a zone with typed ids.</summary>
    /// <param name="id">The zone's id.</param>
    /// <param name="kind">The zone's kind.</param>
    /// <param name="name">The display name; a place name, never a person's.</param>
    /// <param name="parent">The parent's id, or null for a root.</param>
    /// <param name="households">The number of households, when known.</param>
    /// <param name="residents">The number of residents, when known.</param>
    /// <param name="gates">The number of staffed gates (compounds and villages only), when known.</param>
    /// <returns>This builder.</returns>
    public ZoneTreeBuilder Add(ZoneId id, ZoneKind kind, string? name = null, ZoneId? parent = null, int? households = null, int? residents = null, int? gates = null)
        => Add(id.IsEmpty ? string.Empty : id.Value, kind, name, parent?.Value, households, residents, gates);

    /// <summary>Validates the zones added and builds the tree. The builder may be used again afterwards.</summary>
    /// <returns>The immutable tree.</returns>
    /// <exception cref="ModelValidationException">The zones do not form a valid tree; <see cref="ModelValidationException.Failures"/> lists every problem.</exception>
    public ZoneTree Build()
    {
        var problems = new List<ZoneTreeProblem>();
        var tree = TryBuild(problems);
        if (tree is null)
        {
            throw new ModelValidationException(typeof(ZoneTree), problems.Select(p => p.ToString()));
        }

        return tree;
    }

    /// <summary>Builds the tree, or returns null and fills <paramref name="problems"/>.</summary>
    internal ZoneTree? TryBuild(List<ZoneTreeProblem> problems)
    {
        var n = _entries.Count;
        var ordinalById = new Dictionary<string, int>(n, StringComparer.Ordinal);
        var ids = new ZoneId[n];
        var valid = new bool[n];
        ValidateEntries(problems, ordinalById, ids, valid);
        var parentOrdinal = ResolveParents(problems, ordinalById, valid);
        FindCycles(problems, parentOrdinal);

        if (problems.Count > 0)
        {
            // Roll-ups need a sound structure; report what was found so far, sorted by zone.
            Sort(problems);
            return null;
        }

        var (order, position, ends, depths) = LayOutInPreOrder(parentOrdinal);
        var treeIds = new ZoneId[n];
        var kinds = new byte[n];
        var names = new string[n];
        var parents = new int[n];
        var households = new int[n];
        var residents = new int[n];
        var gates = new ushort[n];
        CopyInPreOrder(order, position, parentOrdinal, ids, treeIds, kinds, names, parents, gates);

        RollUp(problems, order, parents, households, e => e.Households, "households");
        RollUp(problems, order, parents, residents, e => e.Residents, "residents");
        if (problems.Count > 0)
        {
            Sort(problems);
            return null;
        }

        return new ZoneTree(_timeZone, treeIds, kinds, names, parents, ends, households, residents, gates, depths);
    }

    /// <summary>Checks each entry on its own (id, kind, counts, gates) and records the ids of the valid ones.</summary>
    private void ValidateEntries(List<ZoneTreeProblem> problems, Dictionary<string, int> ordinalById, ZoneId[] ids, bool[] valid)
    {
        var n = _entries.Count;
        for (var i = 0; i < n; i++)
        {
            var e = _entries[i];
            var ok = true;
            var idError = e.Id is null ? "A zone id is required." : ZoneId.Validate(e.Id);
            if (idError is not null)
            {
                problems.Add(new ZoneTreeProblem(i, "id", idError));
                ok = false;
            }
            else if (ordinalById.TryGetValue(e.Id!, out var first))
            {
                problems.Add(new ZoneTreeProblem(i, "id", $"Duplicate zone id '{e.Id}' (first used by zone #{first + 1})."));
                ok = false;
            }
            else
            {
                ordinalById.Add(e.Id!, i);
                ids[i] = ZoneId.FromValidated(e.Id!);
            }

            if (!ZoneKinds.IsDefined(e.Kind))
            {
                problems.Add(new ZoneTreeProblem(i, "kind", $"Zone {Describe(e)} has no valid kind ({(int)e.Kind})."));
                ok = false;
            }

            CheckCount(problems, i, e, "households", e.Households, ref ok);
            CheckCount(problems, i, e, "residents", e.Residents, ref ok);
            CheckCount(problems, i, e, "gates", e.Gates, ref ok);
            if (e.Gates > MaxGates)
            {
                problems.Add(new ZoneTreeProblem(i, "gates", $"Zone {Describe(e)} has {e.Gates.Value.ToString(CultureInfo.InvariantCulture)} gates; at most {MaxGates.ToString(CultureInfo.InvariantCulture)} are supported."));
                ok = false;
            }

            if (e.Gates is > 0 && ZoneKinds.IsDefined(e.Kind) && !ZoneKinds.MayHaveGates(e.Kind))
            {
                problems.Add(new ZoneTreeProblem(i, "gates", $"Zone {Describe(e)} is a {e.Kind}; only a Community or a Compound has gates."));
                ok = false;
            }

            valid[i] = ok;
        }
    }

    /// <summary>Resolves each entry's parent to its ordinal (−1 for a root) and checks that the parent is of a larger kind.</summary>
    private int[] ResolveParents(List<ZoneTreeProblem> problems, Dictionary<string, int> ordinalById, bool[] valid)
    {
        var n = _entries.Count;
        // Resolve parents. Siblings usually come together and share one parent string: a one-entry cache skips the lookup.
        var parentOrdinal = new int[n];
        string? cachedParent = null;
        var cachedOrdinal = -1;
        for (var i = 0; i < n; i++)
        {
            var e = _entries[i];
            parentOrdinal[i] = -1;
            if (e.Parent is null)
            {
                continue;
            }

            int p;
            if (ReferenceEquals(e.Parent, cachedParent))
            {
                p = cachedOrdinal;
            }
            else if (ordinalById.TryGetValue(e.Parent, out p))
            {
                (cachedParent, cachedOrdinal) = (e.Parent, p);
            }
            else
            {
                problems.Add(new ZoneTreeProblem(i, "parent", $"Zone {Describe(e)} names an unknown parent '{Safe(e.Parent)}'."));
                valid[i] = false;
                continue;
            }

            if (p == i)
            {
                problems.Add(new ZoneTreeProblem(i, "parent", $"Zone {Describe(e)} is its own parent."));
                valid[i] = false;
                continue;
            }

            parentOrdinal[i] = p;
            var parentKind = _entries[p].Kind;
            if (ZoneKinds.IsDefined(e.Kind) && ZoneKinds.IsDefined(parentKind) && parentKind >= e.Kind)
            {
                problems.Add(new ZoneTreeProblem(i, "parent", $"Zone {Describe(e)} is a {e.Kind} and cannot lie inside {parentKind} '{_entries[p].Id}': a parent must be of a larger kind."));
                valid[i] = false;
            }
        }

        return parentOrdinal;
    }

    /// <summary>Reports each cycle of parents once.</summary>
    private void FindCycles(List<ZoneTreeProblem> problems, int[] parentOrdinal)
    {
        var n = parentOrdinal.Length;
        // Cycles: follow parents; a walk longer than n without reaching a root is a cycle.
        var state = new byte[n]; // 0 unknown, 1 on current walk, 2 reaches a root, 3 in or behind a cycle
        var walk = new List<int>();
        for (var i = 0; i < n; i++)
        {
            if (state[i] != 0)
            {
                continue;
            }

            walk.Clear();
            var c = i;
            while (c >= 0 && state[c] == 0)
            {
                state[c] = 1;
                walk.Add(c);
                c = parentOrdinal[c];
            }

            byte result;
            if (c < 0)
            {
                result = 2;
            }
            else if (state[c] == 1)
            {
                var start = walk.IndexOf(c);
                var members = walk.Skip(start).Select(o => _entries[o].Id).ToList();
                problems.Add(new ZoneTreeProblem(c, "parent", $"Zones form a cycle: {string.Join(" → ", members)} → {_entries[c].Id}."));
                result = 3;
            }
            else
            {
                result = state[c];
            }

            foreach (var w in walk)
            {
                state[w] = result;
            }
        }
    }

    /// <summary>Lays the zones out in pre-order: position → ordinal, ordinal → position, the end of each subtree and each depth.</summary>
    private static (int[] Order, int[] Position, int[] Ends, byte[] Depths) LayOutInPreOrder(int[] parentOrdinal)
    {
        var n = parentOrdinal.Length;
        // Children lists in insertion order, then pre-order layout.
        var childCount = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            childCount[parentOrdinal[i] + 1]++;
        }

        var childStart = new int[n + 2];
        for (var i = 0; i <= n; i++)
        {
            childStart[i + 1] = childStart[i] + childCount[i];
        }

        var fill = (int[])childStart.Clone();
        var children = new int[n];
        for (var i = 0; i < n; i++)
        {
            children[fill[parentOrdinal[i] + 1]++] = i;
        }

        var order = new int[n];       // position → ordinal
        var position = new int[n];    // ordinal → position
        var ends = new int[n];
        var depths = new byte[n];
        var next = 0;
        var stack = new Stack<(int Ordinal, int Depth)>();
        // Iterative DFS; roots live in the bucket of parent −1 (bucket 0). A complemented ordinal marks the exit of a subtree.
        var rootsFirst = childStart[0];
        var rootsEnd = childStart[1];
        for (var r = rootsEnd - 1; r >= rootsFirst; r--)
        {
            stack.Push((children[r], 0));
        }

        while (stack.Count > 0)
        {
            var (o, depth) = stack.Pop();
            if (o < 0)
            {
                var done = ~o;
                ends[position[done]] = next;
                continue;
            }

            position[o] = next;
            order[next] = o;
            depths[next] = (byte)Math.Min(depth, byte.MaxValue);
            next++;
            stack.Push((~o, depth));
            var cs = childStart[o + 1];
            var ce = childStart[o + 2];
            for (var k = ce - 1; k >= cs; k--)
            {
                stack.Push((children[k], depth + 1));
            }
        }

        return (order, position, ends, depths);
    }

    /// <summary>Copies each zone's id, kind, name (pooled), parent position and gates to its pre-order position.</summary>
    private void CopyInPreOrder(int[] order, int[] position, int[] parentOrdinal, ZoneId[] ids, ZoneId[] treeIds, byte[] kinds, string[] names, int[] parents, ushort[] gates)
    {
        var n = order.Length;
        var namePool = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var pos = 0; pos < n; pos++)
        {
            var o = order[pos];
            var e = _entries[o];
            treeIds[pos] = ids[o];
            kinds[pos] = (byte)e.Kind;
            var name = e.Name ?? string.Empty;
            if (!namePool.TryGetValue(name, out var pooled))
            {
                namePool.Add(name, name);
                pooled = name;
            }

            names[pos] = pooled;
            parents[pos] = parentOrdinal[o] < 0 ? -1 : position[parentOrdinal[o]];
            gates[pos] = (ushort)(e.Gates ?? 0);
        }
    }

    private static string Describe(Entry e) => string.IsNullOrEmpty(e.Id) ? "(no id)" : $"'{Safe(e.Id!)}'";

    private static string Safe(string text) => text.Length <= ZoneId.MaxLength ? text : text.Substring(0, ZoneId.MaxLength) + "…";

    private static void Sort(List<ZoneTreeProblem> problems)
    {
        var sorted = problems.Select((p, i) => (p, i)).OrderBy(t => t.p.Ordinal).ThenBy(t => t.i).Select(t => t.p).ToList();
        problems.Clear();
        problems.AddRange(sorted);
    }

    private static void CheckCount(List<ZoneTreeProblem> problems, int ordinal, Entry e, string field, int? value, ref bool ok)
    {
        if (value is < 0)
        {
            problems.Add(new ZoneTreeProblem(ordinal, field, $"Zone {Describe(e)} has {value.Value.ToString(CultureInfo.InvariantCulture)} {field}; a count must not be negative."));
            ok = false;
        }
    }

    private void RollUp(List<ZoneTreeProblem> problems, int[] order, int[] parents, int[] values, Func<Entry, int?> stated, string field)
    {
        var n = order.Length;
        var childSum = new long[n];
        var known = new bool[n];
        var hasChild = new bool[n];
        var allChildrenKnown = new bool[n];
        for (var i = 0; i < n; i++)
        {
            allChildrenKnown[i] = true;
        }

        for (var pos = n - 1; pos >= 0; pos--)
        {
            var e = _entries[order[pos]];
            var own = stated(e);
            long value;
            if (own is { } s)
            {
                value = s;
                known[pos] = true;
                if (hasChild[pos] && allChildrenKnown[pos])
                {
                    var sum = childSum[pos];
                    if (sum > s || (sum < s && !_allowIncompleteChildren))
                    {
                        problems.Add(new ZoneTreeProblem(order[pos], field, $"Zone {Describe(e)} states {s.ToString(CultureInfo.InvariantCulture)} {field} but its children hold {sum.ToString(CultureInfo.InvariantCulture)}."));
                    }
                }
            }
            else
            {
                value = childSum[pos];
                known[pos] = hasChild[pos] && allChildrenKnown[pos];
            }

            if (value > int.MaxValue)
            {
                problems.Add(new ZoneTreeProblem(order[pos], field, $"Zone {Describe(e)} rolls up more than {int.MaxValue.ToString(CultureInfo.InvariantCulture)} {field}."));
                value = int.MaxValue;
            }

            values[pos] = (int)value;
            var parent = parents[pos];
            if (parent >= 0)
            {
                hasChild[parent] = true;
                childSum[parent] += value;
                if (!known[pos])
                {
                    allChildrenKnown[parent] = false;
                }
            }
        }
    }

    private readonly record struct Entry(string? Id, ZoneKind Kind, string? Name, string? Parent, int? Households, int? Residents, int? Gates);
}

/// <summary>A problem found while building a tree, tied to the zone's position in the input list (−1: the tree itself).</summary>
internal readonly record struct ZoneTreeProblem(int Ordinal, string Field, string Message)
{
    public override string ToString() => Ordinal < 0 ? Message : $"zone #{Ordinal + 1} ({Field}): {Message}";
}
