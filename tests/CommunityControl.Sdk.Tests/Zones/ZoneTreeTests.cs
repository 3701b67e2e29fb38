using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Zones;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Zones;

public class ZoneTreeTests
{
    private readonly ZoneTree _tree = TestTrees.SmallCommunity().Build();

    [Fact]
    public void IndexOf_KnownAndUnknownIds()
    {
        _tree.IndexOf(ZoneId.From("C1-01-02")).Should().Be(5);
        _tree.IndexOf(ZoneId.From("C1-99")).Should().Be(-1);
        _tree.IndexOf(default).Should().Be(-1);
        _tree.Contains(ZoneId.From("C1")).Should().BeTrue("C1 is the community");
    }

    [Fact]
    public void Indexer_UnknownId_ThrowsKeyNotFoundNamingTheId()
    {
        var act = () => _tree[ZoneId.From("C1-99")];

        act.Should().Throw<KeyNotFoundException>().WithMessage("*'C1-99'*");
    }

    [Fact]
    public void Indexer_EmptyId_ThrowsArgument()
    {
        var act = () => _tree[default(ZoneId)];

        act.Should().Throw<ArgumentException>().WithParameterName("id");
    }

    [Fact]
    public void Indexer_IndexOutOfRange_Throws()
    {
        var act = () => _tree[8];

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("index");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Indexers_NegativeIndex_ThrowArgumentOutOfRange(int index)
    {
        FluentActions.Invoking(() => _tree[index]).Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(index));
        FluentActions.Invoking(() => _tree.All[index]).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("position");
        FluentActions.Invoking(() => _tree.All.IndexAt(index)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("position");
        _tree.OfKind((ZoneKind)index).Count.Should().Be(0);
    }

    [Fact]
    public void GetIndex_UnknownId_ThrowsArgumentNamingTheId()
    {
        var act = () => _tree.GetIndex(ZoneId.From("nope"));

        act.Should().Throw<ArgumentException>().WithParameterName("id").WithMessage("*'nope'*");
    }

    [Fact]
    public void TryGetZone_ReturnsTheZone()
    {
        _tree.TryGetZone(ZoneId.From("C1-02"), out var zone).Should().BeTrue("C1-02 is a compound of the tree");
        zone.Name.Should().Be("滨江花园");
        zone.Kind.Should().Be(ZoneKind.Compound);
        _tree.TryGetZone(ZoneId.From("x"), out var none).Should().BeFalse();
        none.IsValid.Should().BeFalse();
    }

    [Fact]
    public void ChildrenAndAncestors_HaveCountAndEnumerateInOrder()
    {
        var c1 = _tree[ZoneId.From("C1")];
        var children = c1.Children;
        children.Count.Should().Be(2);
        children.Select(z => z.Id.Value).Should().Equal("C1-01", "C1-02");

        var leaf = _tree[ZoneId.From("C1-01-02")];
        var ancestors = leaf.Ancestors;
        ancestors.Count.Should().Be(leaf.Depth);
        ancestors.Should().HaveCount(leaf.Depth);
        ancestors.First().Id.Value.Should().Be("C1-01");
        ancestors.Last().HasParent.Should().BeFalse("the last ancestor is the root");
        leaf.Children.Count.Should().Be(0);
        c1.Ancestors.Count.Should().Be(c1.Depth);
    }

    [Fact]
    public void Children_AreDirectChildrenInOrder()
    {
        _tree[ZoneId.From("C1")].Children.Select(z => z.Id.Value).Should().Equal("C1-01", "C1-02");
        _tree[ZoneId.From("C1-01")].Children.Select(z => z.Id.Value).Should().Equal("C1-01-01", "C1-01-02");
        _tree[ZoneId.From("C1-01-02")].Children.Should().BeEmpty();
    }

    [Fact]
    public void Ancestors_RunFromParentToRoot()
    {
        _tree[ZoneId.From("C1-01-01-2")].Ancestors.Select(z => z.Id.Value).Should().Equal("C1-01-01", "C1-01", "C1");
        _tree[ZoneId.From("C1")].Ancestors.Should().BeEmpty();
    }

    [Fact]
    public void Descendants_AreTheContiguousSubtree()
    {
        var compound = _tree[ZoneId.From("C1-01")];

        compound.Descendants.Select(z => z.Id.Value).Should().Equal("C1-01-01", "C1-01-01-1", "C1-01-01-2", "C1-01-02");
        compound.Descendants.IndexAt(0).Should().Be(2);
    }

    [Fact]
    public void DescendantsOfKind_IsASliceOfThatKind()
    {
        var community = _tree[ZoneId.From("C1")];

        community.DescendantsOfKind(ZoneKind.Building).Select(z => z.Id.Value).Should().Equal("C1-01-01", "C1-01-02", "C1-02-01");
        _tree[ZoneId.From("C1-02")].DescendantsOfKind(ZoneKind.Building).Select(z => z.Id.Value).Should().Equal("C1-02-01");
        _tree[ZoneId.From("C1-02")].DescendantsOfKind(ZoneKind.Unit).Count.Should().Be(0);
        community.DescendantsOfKind(ZoneKind.Community).Count.Should().Be(0, "a zone is not its own descendant");
    }

    [Fact]
    public void OfKind_ListsEveryZoneOfTheKind()
    {
        _tree.OfKind(ZoneKind.Compound).Select(z => z.Id.Value).Should().Equal("C1-01", "C1-02");
        _tree.OfKind((ZoneKind)99).Count.Should().Be(0);
    }

    [Fact]
    public void Parent_OfRoot_Throws_AndOfChild_IsTheParent()
    {
        _tree[ZoneId.From("C1-01")].Parent.Id.Value.Should().Be("C1");
        _tree[ZoneId.From("C1")].HasParent.Should().BeFalse();
        var act = () => _tree[ZoneId.From("C1")].Parent;
        act.Should().Throw<InvalidOperationException>().WithMessage("*root*");
    }

    [Fact]
    public void IsWithin_FollowsTheSubtreeRanges()
    {
        var unit = _tree[ZoneId.From("C1-01-01-2")];

        unit.IsWithin(_tree[ZoneId.From("C1-01")]).Should().BeTrue("the unit lies inside its compound");
        unit.IsWithin(unit).Should().BeTrue("a zone lies within itself");
        unit.IsWithin(_tree[ZoneId.From("C1-02")]).Should().BeFalse();
        _tree.IsWithin(3, 1).Should().BeTrue("index 3 is inside the subtree of index 1");
        _tree.IsWithin(7, 1).Should().BeFalse();
    }

    [Fact]
    public void IsWithin_ZoneOfAnotherTree_Throws()
    {
        var other = TestTrees.SmallCommunity().Build();

        var act = () => _tree[0].IsWithin(other[0]);

        act.Should().Throw<ArgumentException>().WithParameterName("other");
    }

    [Fact]
    public void DefaultZone_IsInvalidAndThrowsOnUse()
    {
        var zone = default(Zone);

        zone.IsValid.Should().BeFalse();
        zone.ToString().Should().Be("(no zone)");
        zone.Invoking(z => z.Id).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void ToString_ShowsKindAndIdButNotName()
    {
        _tree[1].ToString().Should().Be("Compound C1-01");
        _tree.ToString().Should().Be("ZoneTree (8 zones, Asia/Shanghai)");
    }

    [Fact]
    public void Lookups_DoNotAllocate()
    {
        var id = ZoneId.From("C1-01-01-2");
        var compound = _tree[ZoneId.From("C1")];
        var sum = 0;
        for (var warm = 0; warm < 2; warm++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++)
            {
                sum += _tree.IndexOf(id);
                foreach (var building in compound.DescendantsOfKind(ZoneKind.Building))
                {
                    sum += building.Households;
                }

                foreach (var child in compound.Children)
                {
                    sum += child.Gates;
                }

                foreach (var ancestor in _tree[3].Ancestors)
                {
                    sum += ancestor.Index;
                }
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (warm == 1)
            {
                allocated.Should().Be(0);
            }
        }

        sum.Should().BePositive();
    }

    [Fact]
    public void Zone_Equality_IsSameTreeAndIndex()
    {
        (_tree[1] == _tree[ZoneId.From("C1-01")]).Should().BeTrue("the same index of the same tree is the same zone");
        (_tree[1] != _tree[2]).Should().BeTrue("different indexes are different zones");
        _tree[1].Should().NotBe(TestTrees.SmallCommunity().Build()[1]);
    }
}
