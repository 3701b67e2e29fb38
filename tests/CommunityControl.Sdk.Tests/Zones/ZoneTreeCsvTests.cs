using System;
using System.IO;
using System.Linq;
using System.Text;
using CommunityControl.Serialization;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Zones;

public class ZoneTreeCsvTests
{
    private const string Csv = "id,kind,name,parent,households,residents,gates\n"
        + "C1,社区,香炉山社区,,,,\n"
        + "C1-01,小区,\"香炉山小区, 东区\",C1,,,2\n"
        + "C1-01-01,Building,1栋,C1-01,48,120,\n"
        + "\n"
        + "C1-01-02,building,\"2栋 \"\"南\"\"\",C1-01,30,70,\n";

    [Fact]
    public void Parse_FloorBetweenUnitAndHousehold_IsAZoneOfItsOwn_AndNeverAboveTheUnit()
    {
        var tree = ZoneTreeCsv.Parse("id,kind,parent\nB1,楼栋,\nB1-1,单元,B1\nB1-1-03,楼层,B1-1\nB1-1-03-h1,户,B1-1-03\n");

        tree[ZoneId.From("B1-1-03")].Kind.Should().Be(ZoneKind.Floor);
        tree.GetIndex(ZoneId.From("B1-1-03-h1")).Should().BeGreaterThan(tree.GetIndex(ZoneId.From("B1-1-03")));
        FluentActions.Invoking(() => ZoneTreeCsv.Parse("id,kind,parent\nB1,楼栋,\nB1-03,楼层,B1\nB1-03-1,单元,B1-03\n"))
            .Should().Throw<DocumentFormatException>("a unit (单元) is larger than a floor (楼层) and cannot sit under one");
    }

    [Fact]
    public void Parse_Csv_BuildsTheTree()
    {
        var tree = ZoneTreeCsv.Parse(Csv);

        tree.Count.Should().Be(4);
        tree[ZoneId.From("C1")].Kind.Should().Be(ZoneKind.Community);
        tree[ZoneId.From("C1-01")].Name.Should().Be("香炉山小区, 东区");
        tree[ZoneId.From("C1-01-02")].Name.Should().Be("2栋 \"南\"");
        tree[ZoneId.From("C1")].Households.Should().Be(78);
        tree[ZoneId.From("C1-01")].Gates.Should().Be(2);
    }

    [Fact]
    public void Parse_ColumnsInAnyOrder_WithBomAndCrLf()
    {
        var csv = "\uFEFFkind,id,parent\r\nCommunity,C1,\r\nCompound,K,C1\r\n";

        var tree = ZoneTreeCsv.Parse(csv, DateTimeZoneProviders.Tzdb["Asia/Urumqi"]);

        tree.Count.Should().Be(2);
        tree.TimeZone.Id.Should().Be("Asia/Urumqi");
    }

    [Fact]
    public void ToCsv_RoundTrips()
    {
        var tree = TestTrees.SmallCommunity().Build();

        var again = ZoneTreeCsv.Parse(ZoneTreeCsv.ToCsv(tree));

        again.All.Select(z => (z.Id, z.Kind, z.Name, z.Households, z.Residents, z.Gates))
            .Should().Equal(tree.All.Select(z => (z.Id, z.Kind, z.Name, z.Households, z.Residents, z.Gates)));
    }

    [Fact]
    public void Read_Stream_Works()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Csv));

        ZoneTreeCsv.Read(stream).Count.Should().Be(4);
    }

    [Fact]
    public void Parse_Problems_AreAllReportedWithColumnAndLine()
    {
        var csv = "id,kind,parent,households\n"   // line 1
            + "C1,Community,,\n"                  // line 2
            + "C1,Community,,\n"                  // line 3: duplicate
            + "K,Hamlet,C1,\n"                    // line 4: unknown kind
            + "B,Building,NOPE,12x\n"             // line 5: unknown parent, bad number
            + "N,Building,C1,-4\n"                // line 6: negative
            + "S,Building,C1\n";                  // line 7: too few fields

        var problems = FluentActions.Invoking(() => ZoneTreeCsv.Parse(csv)).Should().Throw<DocumentFormatException>().Which.Problems;

        problems.Select(p => (p.Path, p.LineNumber)).Should().BeEquivalentTo(new (string, long?)[]
        {
            ("id", 3), ("kind", 4), ("households", 5), ("parent", 5), ("households", 6), ("row", 7),
        });
    }

    [Fact]
    public void Parse_UnknownOrMissingColumns_AreRejected()
    {
        var problems = FluentActions.Invoking(() => ZoneTreeCsv.Parse("id,colour\nA,red\n")).Should().Throw<DocumentFormatException>().Which.Problems;

        problems.Select(p => p.Path).Should().BeEquivalentTo("colour", "kind");
    }

    [Fact]
    public void Parse_UnclosedQuote_IsReported()
    {
        var problem = FluentActions.Invoking(() => ZoneTreeCsv.Parse("id,kind,name\nA,Community,\"open\n")).Should().Throw<DocumentFormatException>().Which.Problems.Single();

        problem.LineNumber.Should().Be(2);
        problem.Message.Should().Contain("not closed");
    }

    [Fact]
    public void Parse_Empty_IsReported()
    {
        FluentActions.Invoking(() => ZoneTreeCsv.Parse(string.Empty)).Should().Throw<DocumentFormatException>()
            .Which.Problems.Single().Message.Should().Contain("empty");
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNull()
    {
        var act = () => ZoneTreeCsv.Parse(null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("csv");
    }
}
