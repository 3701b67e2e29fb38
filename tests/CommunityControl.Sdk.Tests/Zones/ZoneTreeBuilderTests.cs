using System;
using System.Linq;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Zones;

public class ZoneTreeBuilderTests
{
    [Fact]
    public void Build_SmallCommunity_LaysZonesOutInPreOrder()
    {
        var tree = TestTrees.SmallCommunity().Build();

        tree.Count.Should().Be(8);
        tree.All.Select(z => z.Id.Value).Should().Equal("C1", "C1-01", "C1-01-01", "C1-01-01-1", "C1-01-01-2", "C1-01-02", "C1-02", "C1-02-01");
        tree.SubtreeEnd(0).Should().Be(8);
        tree.SubtreeEnd(1).Should().Be(6, "compound C1-01 and its five descendants are indexes 1 to 5");
        tree.SubtreeEnd(6).Should().Be(8);
    }

    [Fact]
    public void Build_ChildrenAddedBeforeParents_GivesTheSameTree()
    {
        var reversed = new ZoneTreeBuilder()
            .Add("C1-02-01", ZoneKind.Building, "1栋", parent: "C1-02", households: 12, residents: 30)
            .Add("C1-02", ZoneKind.Compound, "滨江花园", parent: "C1", gates: 1)
            .Add("C1", ZoneKind.Community, "香炉山社区")
            .Build();

        reversed.All.Select(z => z.Id.Value).Should().Equal("C1", "C1-02", "C1-02-01");
        reversed[ZoneId.From("C1")].Households.Should().Be(12);
    }

    [Fact]
    public void Build_RollsHouseholdsAndResidentsUp()
    {
        var tree = TestTrees.SmallCommunity().Build();

        tree[ZoneId.From("C1-01-01")].Households.Should().Be(48);
        tree[ZoneId.From("C1-01")].Households.Should().Be(78);
        tree[ZoneId.From("C1")].Households.Should().Be(90);
        tree[ZoneId.From("C1")].Residents.Should().Be(50 + 61 + 70 + 30);
        tree[ZoneId.From("C1-01")].Gates.Should().Be(2);
        tree[ZoneId.From("C1")].Gates.Should().Be(0, "gates do not roll up: a community's own checkpoints are stated on it");
    }

    [Fact]
    public void Build_StatedCountEqualToChildren_IsAccepted()
    {
        var tree = new ZoneTreeBuilder()
            .Add("P", ZoneKind.Compound, households: 30)
            .Add("P-1", ZoneKind.Building, parent: "P", households: 10)
            .Add("P-2", ZoneKind.Building, parent: "P", households: 20)
            .Build();

        tree[ZoneId.From("P")].Households.Should().Be(30);
    }

    [Fact]
    public void Build_StatedCountDisagreesWithChildren_Fails()
    {
        var builder = new ZoneTreeBuilder()
            .Add("P", ZoneKind.Compound, households: 31)
            .Add("P-1", ZoneKind.Building, parent: "P", households: 10)
            .Add("P-2", ZoneKind.Building, parent: "P", households: 20);

        var act = () => builder.Build();

        act.Should().Throw<ModelValidationException>()
            .Which.Failures.Should().ContainSingle().Which.Should().Contain("states 31 households but its children hold 30");
    }

    [Fact]
    public void Build_IncompleteChildrenAllowed_AcceptsFewerButNotMore()
    {
        var fewer = new ZoneTreeBuilder().AllowIncompleteChildren()
            .Add("P", ZoneKind.Compound, households: 860)
            .Add("P-5", ZoneKind.Building, parent: "P", households: 48);
        fewer.Build()[ZoneId.From("P")].Households.Should().Be(860);

        var more = new ZoneTreeBuilder().AllowIncompleteChildren()
            .Add("P", ZoneKind.Compound, households: 40)
            .Add("P-5", ZoneKind.Building, parent: "P", households: 48);
        more.Invoking(b => b.Build()).Should().Throw<ModelValidationException>().WithMessage("*states 40 households but its children hold 48*");
    }

    [Fact]
    public void Build_ChildWithUnknownCount_SkipsTheSumCheck()
    {
        var tree = new ZoneTreeBuilder()
            .Add("P", ZoneKind.Compound, households: 100)
            .Add("P-1", ZoneKind.Building, parent: "P", households: 10)
            .Add("P-2", ZoneKind.Building, parent: "P")
            .Build();

        tree[ZoneId.From("P")].Households.Should().Be(100);
        tree[ZoneId.From("P-2")].Households.Should().Be(0);
    }

    [Fact]
    public void Build_ManyProblems_ReportsEveryOneAtOnce()
    {
        var builder = new ZoneTreeBuilder()
            .Add("C1", ZoneKind.Community)
            .Add("C1", ZoneKind.Community)                                   // duplicate
            .Add("", ZoneKind.Compound, parent: "C1")                         // empty id
            .Add("bad id", ZoneKind.Compound, parent: "C1")                   // malformed id
            .Add("X", ZoneKind.Compound, parent: "NOPE")                      // unknown parent
            .Add("B", ZoneKind.Building, parent: "C1")
            .Add("K", ZoneKind.Compound, parent: "B")                         // compound under a building
            .Add("N", ZoneKind.Building, parent: "C1", households: -1)        // negative count
            .Add("G", ZoneKind.Building, parent: "C1", gates: 2)              // gates on a building
            .Add("U", ZoneKind.Unknown, parent: "C1");                        // no kind

        var failures = builder.Invoking(b => b.Build()).Should().Throw<ModelValidationException>().Which.Failures;

        failures.Should().HaveCount(8);
        failures.Should().Contain(f => f.Contains("Duplicate zone id 'C1'"));
        failures.Should().Contain(f => f.Contains("must not be empty"));
        failures.Should().Contain(f => f.Contains("position 3 is not allowed"));
        failures.Should().Contain(f => f.Contains("unknown parent 'NOPE'"));
        failures.Should().Contain(f => f.Contains("is a Compound and cannot lie inside Building 'B'"));
        failures.Should().Contain(f => f.Contains("-1 households"));
        failures.Should().Contain(f => f.Contains("only a Community or a Compound has gates"));
        failures.Should().Contain(f => f.Contains("no valid kind"));
    }

    [Fact]
    public void Build_Cycle_IsReported()
    {
        var builder = new ZoneTreeBuilder()
            .Add("A", ZoneKind.Building, parent: "B")
            .Add("B", ZoneKind.Building, parent: "A");

        var failures = builder.Invoking(b => b.Build()).Should().Throw<ModelValidationException>().Which.Failures;

        failures.Should().Contain(f => f.Contains("cycle"));
        failures.Should().Contain(f => f.Contains("cannot lie inside"), "a building inside a building is also a kind error");
    }

    [Fact]
    public void Build_SelfParent_IsReported()
    {
        var builder = new ZoneTreeBuilder().Add("A", ZoneKind.Building, parent: "A");

        builder.Invoking(b => b.Build()).Should().Throw<ModelValidationException>()
            .Which.Failures.Should().ContainSingle().Which.Should().Contain("its own parent");
    }

    [Fact]
    public void Build_SameKindUnderSameKind_IsRejected()
    {
        var builder = new ZoneTreeBuilder()
            .Add("D1", ZoneKind.District)
            .Add("D2", ZoneKind.District, parent: "D1");

        builder.Invoking(b => b.Build()).Should().Throw<ModelValidationException>().WithMessage("*District and cannot lie inside District 'D1'*");
    }

    [Fact]
    public void Build_SkippedLevels_AreAllowed()
    {
        var tree = new ZoneTreeBuilder()
            .Add("D", ZoneKind.District)
            .Add("K", ZoneKind.Compound, parent: "D")
            .Add("H", ZoneKind.Household, parent: "K")
            .Build();

        tree[ZoneId.From("H")].Depth.Should().Be(2);
    }

    [Fact]
    public void Build_EmptyBuilder_GivesAnEmptyTree()
    {
        var tree = new ZoneTreeBuilder().Build();

        tree.Count.Should().Be(0);
        tree.Roots.Count.Should().Be(0);
        tree.IndexOf(ZoneId.From("x")).Should().Be(-1);
    }

    [Fact]
    public void TimeZone_DefaultsToShanghaiAndCanBeSet()
    {
        new ZoneTreeBuilder().Build().TimeZone.Id.Should().Be("Asia/Shanghai");
        new ZoneTreeBuilder().WithTimeZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"]).Build().TimeZone.Id.Should().Be("Europe/Berlin");
    }

    [Fact]
    public void Constructor_NullTimeZone_Throws()
    {
        var act = () => new ZoneTreeBuilder(null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("timeZone");
    }

    [Fact]
    public void Build_CanBeCalledTwice_GivingEqualButSeparateTrees()
    {
        var builder = TestTrees.SmallCommunity();

        var first = builder.Build();
        var second = builder.Add("C1-03", ZoneKind.Compound, parent: "C1").Build();

        first.Count.Should().Be(8);
        second.Count.Should().Be(9);
    }
}
