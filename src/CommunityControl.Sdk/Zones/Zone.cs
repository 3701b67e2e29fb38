using System;
using System.Diagnostics.CodeAnalysis;

namespace CommunityControl.Zones;

/// <summary>
/// One zone of a <see cref="ZoneTree"/>: a light, allocation-free view of the tree's arrays at one dense index.
/// </summary>
/// <remarks>
/// <para>A <see cref="Zone"/> is valid as long as its tree is (trees are immutable, so for ever). <c>default(Zone)</c>
/// belongs to no tree: <see cref="IsValid"/> is false and every other member throws <see cref="InvalidOperationException"/>.</para>
/// <para>Two zones are equal when they are the same index of the same tree instance.</para>
/// </remarks>
/// <threadsafety static="true" instance="true"/>
public readonly struct Zone : IEquatable<Zone>
{
    private readonly ZoneTree? _tree;

    internal Zone(ZoneTree tree, int index)
    {
        _tree = tree;
        Index = index;
    }

    /// <summary>Gets a value indicating whether this zone belongs to a tree (false for <c>default(Zone)</c>).</summary>
    public bool IsValid => _tree is not null;

    /// <summary>Gets the tree this zone belongs to.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(Zone)</c>.</exception>
    public ZoneTree Tree => _tree ?? throw NoTree();

    /// <summary>
    /// Gets the zone's dense index in its tree: 0 to <see cref="ZoneTree.Count"/> − 1, in pre-order (a parent before its
    /// descendants, each subtree one contiguous range). Use it to index arrays of per-zone values.
    /// </summary>
    public int Index { get; }

    /// <summary>Gets the zone's id.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(Zone)</c>.</exception>
    public ZoneId Id => Tree.IdAt(Index);

    /// <summary>Gets the zone's kind.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(Zone)</c>.</exception>
    public ZoneKind Kind => Tree.KindAt(Index);

    /// <summary>Gets the zone's display name, e.g. <c>香炉山小区</c>; empty when none was given.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(Zone)</c>.</exception>
    public string Name => Tree.NameAt(Index);

    /// <summary>Gets a value indicating whether the zone has a parent (false for a root).</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(Zone)</c>.</exception>
    public bool HasParent => Tree.ParentIndexAt(Index) >= 0;

    /// <summary>Gets the parent zone.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(Zone)</c>, or the zone is a root.</exception>
    public Zone Parent
    {
        get
        {
            var tree = Tree;
            var parent = tree.ParentIndexAt(Index);
            return parent >= 0 ? new Zone(tree, parent) : throw new InvalidOperationException($"Zone '{tree.IdAt(Index)}' is a root and has no parent.");
        }
    }

    /// <summary>Gets the number of households: the number stated for the zone, or else the sum of its children's; 0 when neither is known.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(Zone)</c>.</exception>
    public int Households => Tree.HouseholdsAt(Index);

    /// <summary>Gets the number of residents: the number stated for the zone, or else the sum of its children's; 0 when neither is known.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(Zone)</c>.</exception>
    public int Residents => Tree.ResidentsAt(Index);

    /// <summary>Gets the number of staffed gates (a compound's or a village's); 0 for other kinds or when not stated.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(Zone)</c>.</exception>
    public int Gates => Tree.GatesAt(Index);

    /// <summary>Gets the zone's depth: 0 for a root, 1 for its children, and so on.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(Zone)</c>.</exception>
    public int Depth => Tree.DepthAt(Index);

    /// <summary>Gets the zone's children, in tree order, without allocating.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(Zone)</c>.</exception>
    public ChildZones Children => Tree.ChildrenOf(Index);

    /// <summary>Gets the zone's descendants (not the zone itself), in pre-order, as one contiguous range.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(Zone)</c>.</exception>
    public ZoneList Descendants => Tree.DescendantsOf(Index);

    /// <summary>Gets the zone's ancestors, from its parent up to the root, without allocating.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(Zone)</c>.</exception>
    public AncestorZones Ancestors => Tree.AncestorsOf(Index);

    /// <summary>Gets the descendants of one kind (e.g. every building under a community) as a slice, without allocating.</summary>
    /// <param name="kind">The kind wanted.</param>
    /// <returns>The descendants of that kind, in pre-order.</returns>
    /// <exception cref="InvalidOperationException">This is <c>default(Zone)</c>.</exception>
    public ZoneList DescendantsOfKind(ZoneKind kind) => Tree.DescendantsOfKind(Index, kind);

    /// <summary>Tells whether this zone is <paramref name="other"/> or lies inside it.</summary>
    /// <param name="other">A zone of the same tree.</param>
    /// <returns>True when this zone is in <paramref name="other"/>'s subtree.</returns>
    /// <exception cref="InvalidOperationException">This is <c>default(Zone)</c>.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> belongs to another tree.</exception>
    public bool IsWithin(Zone other)
    {
        var tree = Tree;
        if (!ReferenceEquals(other._tree, tree))
        {
            throw new ArgumentException("The zone belongs to another tree.", nameof(other));
        }

        return Index >= other.Index && Index < tree.SubtreeEnd(other.Index);
    }

    /// <inheritdoc/>
    public bool Equals(Zone other) => ReferenceEquals(_tree, other._tree) && Index == other.Index;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Zone other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _tree is null ? 0 : Index;

    /// <summary>Returns the kind and id, e.g. <c>Compound 500101-001-01</c>.</summary>
    /// <returns>The kind and id; the name is left out.</returns>
    public override string ToString() => _tree is null ? "(no zone)" : $"{Kind} {Id}";

    /// <summary>Compares two zones for equality.</summary>
    /// <param name="left">The first zone.</param>
    /// <param name="right">The second zone.</param>
    /// <returns>True when both are the same index of the same tree.</returns>
    public static bool operator ==(Zone left, Zone right) => left.Equals(right);

    /// <summary>Compares two zones for inequality.</summary>
    /// <param name="left">The first zone.</param>
    /// <param name="right">The second zone.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(Zone left, Zone right) => !left.Equals(right);

    [SuppressMessage("Design", "CA1024:Use properties where appropriate", Justification = "Builds an exception.")]
    private static InvalidOperationException NoTree() => new("This Zone is default(Zone) and belongs to no tree.");
}
