using System;
using System.IO;
using System.Linq;
using System.Text;
using CommunityControl.Serialization;
using CommunityControl.Staffing;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Staffing.Roster;

public class VolunteerCsvTests
{
    [Fact]
    public void Parse_ValidRows_ReadsEveryField()
    {
        var csv = "\uFEFFhealthDeclared,id,homeZone,abilities,availability,ageBand\r\n"
                + "yes,vol-1,500101-001-01,DayGates|NightGates,\"Sat 20:00-08:00;Sun 00:00-24:00\",60-69\r\n"
                + "\r\n"
                + "否,vol-2,500101-001-02,DoorToDoor,Monday 08:00-12:00,From18To29\r\n";

        var signUps = VolunteerCsv.Parse(csv);

        signUps.Should().HaveCount(2);
        var first = signUps[0];
        first.Id.Should().Be(PersonId.From("vol-1"));
        first.HomeZone.Value.Should().Be("500101-001-01");
        first.Abilities.Should().Be(StaffingDuties.DayGates | StaffingDuties.NightGates);
        first.Availability.Should().Equal(
            new AvailabilityWindow(IsoDayOfWeek.Saturday, new LocalTime(20, 0), new LocalTime(8, 0)),
            new AvailabilityWindow(IsoDayOfWeek.Sunday, LocalTime.Midnight, LocalTime.Midnight));
        first.Availability[1].Length.Should().Be(Duration.FromHours(24));
        first.AgeBand.Should().Be(VolunteerAgeBand.From60To69);
        first.HealthDeclared.Should().BeTrue();
        signUps[1].HealthDeclared.Should().BeFalse();
        signUps[1].AgeBand.Should().Be(VolunteerAgeBand.From18To29);
    }

    [Fact]
    public void Parse_BadRows_ReportsEveryProblemWithItsLine_AndNoCellValue()
    {
        var csv = VolunteerCsvSamples.Header + ",phone\n"
                + "vol-1,500101-001-01,DayGates,Mon 08:00-16:00,30-44,yes,x\n"
                + "13800138000,500101-001-01,Gates,Mon 25:00-16:00,17-20,maybe,x\n"
                + "vol-1,500101-001-01,DayGates,Mon 08:00-16:00,30-44,yes\n";

        var problems = FluentActions.Invoking(() => VolunteerCsv.Parse(csv)).Should().Throw<DocumentFormatException>().Which.Problems;

        problems.Select(p => (p.Path, p.LineNumber)).Should().Equal(
            ("phone", 1L),
            ("id", 3L),
            ("abilities", 3L),
            ("availability", 3L),
            ("ageBand", 3L),
            ("healthDeclared", 3L),
            ("row", 4L));
        problems.Should().NotContain(p => p.Message.Contains("13800138000", StringComparison.Ordinal) || p.Message.Contains("maybe", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Mon 08:00-16:00", true)]
    [InlineData("Mon 08:00-24:00", true)]
    [InlineData("Mon 24:00-08:00", false)] // 24:00 only ends a window
    [InlineData("Mon 08:60-16:00", false)]
    [InlineData("Mon 8:00-16:00", false)]
    [InlineData("Someday 08:00-16:00", false)]
    [InlineData("Mon 08:00-16:00;", false)]
    public void Parse_AvailabilityCell_Edges(string cell, bool valid)
    {
        var csv = VolunteerCsvSamples.Header + "\nvol-1,500101-001-01,DayGates,\"" + cell + "\",30-44,yes\n";

        var act = () => VolunteerCsv.Parse(csv);

        if (valid)
        {
            act.Should().NotThrow();
        }
        else
        {
            act.Should().Throw<DocumentFormatException>().Which.Problems.Should().ContainSingle().Which.Path.Should().Be("availability");
        }
    }

    [Fact]
    public void Read_50000Rows_ReportsEveryBadRowWithItsLine()
    {
        var lines = VolunteerCsvSamples.Generate(50_000).Split('\n');
        for (var row = 1_000; row <= 50_000; row += 1_000)
        {
            lines[row] = lines[row].Replace(",yes", ",perhaps", StringComparison.Ordinal).Replace(",no", ",perhaps", StringComparison.Ordinal);
        }

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines)));
        var error = FluentActions.Invoking(() => VolunteerCsv.Read(stream)).Should().Throw<DocumentFormatException>().Which;

        error.TotalProblemCount.Should().Be(50);
        error.Problems.Select(p => p.LineNumber).Should().Equal(Enumerable.Range(1, 50).Select(k => (long?)((k * 1_000) + 1)));
        error.Problems.Should().OnlyContain(p => p.Path == "healthDeclared");
        VolunteerCsv.Parse(VolunteerCsvSamples.Generate(50_000)).Should().HaveCount(50_000);
    }

    [Fact]
    public void Parse_Empty_And_Unclosed_AreProblems()
    {
        FluentActions.Invoking(() => VolunteerCsv.Parse(string.Empty)).Should().Throw<DocumentFormatException>().Which.Problems.Single().Path.Should().Be("header");
        FluentActions.Invoking(() => VolunteerCsv.Parse(VolunteerCsvSamples.Header + "\nvol-1,\"500101")).Should().Throw<DocumentFormatException>().Which.Problems.Select(p => p.Path).Should().Contain("row");
        FluentActions.Invoking(() => VolunteerCsv.Parse(null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("csv");
    }
}
