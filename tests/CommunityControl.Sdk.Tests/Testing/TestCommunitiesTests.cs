using System;
using CommunityControl.Testing;
using CommunityControl.Zones;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Testing;

public class TestCommunitiesTests
{
    [Fact]
    public void Create_BuildsTheRequestedShape()
    {
        var tree = TestCommunities.Create(compounds: 3, buildingsPerCompound: 5, unitsPerBuilding: 2, householdsPerUnit: 20, residentsPerHousehold: 3, gatesPerCompound: 2);

        tree.Count.Should().Be(1 + 3 + 15 + 30);
        tree[TestCommunities.CompoundId(2)].Households.Should().Be(200);
        tree[TestCommunities.CompoundId(2)].Gates.Should().Be(2);
        tree[TestCommunities.BuildingId(3, 5)].Residents.Should().Be(120);
        tree.Roots[0].Households.Should().Be(600);
    }

    [Fact]
    public void CreateBuilder_LetsTestsAddZones()
    {
        var tree = TestCommunities.CreateBuilder(compounds: 1, buildingsPerCompound: 1)
            .Add("T-01-01-1-0101", ZoneKind.Household, parent: "T-01-01-1")
            .AllowIncompleteChildren()
            .Build();

        tree.Contains(ZoneId.From("T-01-01-1-0101")).Should().BeTrue("a zone added to the builder is in the tree");
    }

    [Fact]
    public void Create_CountOutOfRange_NamesTheArgument()
    {
        var act = () => TestCommunities.Create(compounds: 0);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("compounds");
    }
}
