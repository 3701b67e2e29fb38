using System;
using System.IO;
using System.Linq;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using CommunityControl.Zones;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Serialization;

/// <summary>
/// Issue 9: numbers, durations and dates are range-checked into problems, never other exceptions; every section of an
/// edition is read even when its header is bad. The documents are those the tester reported.
/// </summary>
public class DocumentRangeTests
{
    private static readonly Lazy<ZoneTree> Community = new(() => ZoneTreeJson.Parse(Sample("GateService", "Data", "community.json")));

    [Fact]
    public void MeasureTableJson_ValidityOfAHundredMillionDays_ThrowsDocumentFormatExceptionAtTheValidity()
    {
        var json = "{\n  \"scale\": \"cn-low-medium-high\",\n  \"levels\": { \"Low\": { \"leaveCityTest\": {\n    \"validity\": \"P100000000D\" } } }\n}";

        var act = () => MeasureTableJson.Parse(json);

        var problem = act.Should().Throw<DocumentFormatException>().Which.Problems.Should().ContainSingle().Subject;
        problem.Path.Should().Be("$.levels.Low.leaveCityTest.validity");
        problem.LineNumber.Should().Be(4);
        problem.Message.Should().Contain("36,500 days");
    }

    [Theory]
    [InlineData("P99999999999D")]
    [InlineData("PT9999999999H")]
    [InlineData("P36501D")]
    public void MeasureTableJson_HugeDuration_ThrowsDocumentFormatExceptionAtTheDuration(string duration)
    {
        var json = Sample("Quickstart", "measures.json").Replace("\"P2D\"", "\"" + duration + "\"", StringComparison.Ordinal);

        var act = () => MeasureTableJson.Parse(json);

        act.Should().Throw<DocumentFormatException>().Which.Problems.Should().ContainSingle()
            .Which.Path.Should().Be("$.levels.Low.leaveCityTest.validity");
    }

    [Fact]
    public void PolicyEditionJson_EditionWithoutRiskScale_ThrowsDocumentFormatExceptionAtTheScale()
    {
        var json = RemoveLine(Edition("cn-2022-06-ninth-edition"), "\"scale\": \"cn-low-medium-high\",");

        var act = () => PolicyEditionJson.Parse(json);

        var problems = act.Should().Throw<DocumentFormatException>().Which.Problems;
        problems.Should().ContainSingle().Which.Path.Should().Be("$.risk.scale");
        problems[0].LineNumber.Should().Be(37, "the risk object is on line 37 and the scale is absent");
    }

    [Fact]
    public void PolicyEditionJson_EditionWithAnUnknownScaleAndRules_ReportsTheScaleOnly()
    {
        var json = Edition("cn-2022-11-twenty-measures").Replace("\"scale\": \"cn-low-medium-high\"", "\"scale\": \"\\t\"", StringComparison.Ordinal);

        var act = () => PolicyEditionJson.Parse(json);

        act.Should().Throw<DocumentFormatException>().Which.Problems.Should().ContainSingle().Which.Path.Should().Be("$.risk.scale");
    }

    [Fact]
    public void EpidemicHistoryJson_StayOfAHundredBillionMinutes_ThrowsDocumentFormatExceptionAtTheStay()
    {
        var json = Sample("GateService", "Data", "epidemic-history.json").Replace("\"stayMinutes\": 45", "\"stayMinutes\": 100000000000", StringComparison.Ordinal);

        var act = () => EpidemicHistoryJson.Parse(json, Community.Value);

        var problem = act.Should().Throw<DocumentFormatException>().Which.Problems.Should().ContainSingle().Subject;
        problem.Path.Should().Be("$.cases[0].activities[0].stayMinutes");
        problem.LineNumber.Should().Be(15);
        problem.Message.Should().Be("Must be between 0 and 20,160 minutes.");
    }

    [Fact]
    public void EpidemicHistoryJson_FirstAndLastDayAtTheEndsOfTheCalendar_ThrowsDocumentFormatExceptionForBoth()
    {
        var act = () => EpidemicHistoryJson.Parse("{\"firstDay\":\"0001-01-01\",\"lastDay\":\"9999-12-31\"}", Community.Value);

        act.Should().Throw<DocumentFormatException>().Which.Problems.Select(p => p.Path).Should().Equal("$.firstDay", "$.lastDay");
    }

    [Fact]
    public void EpidemicHistoryJson_FirstDayOfYearOneWithoutLastDay_ThrowsDocumentFormatException()
    {
        var act = () => EpidemicHistoryJson.Parse("{\"firstDay\":\"0001-01-01\"}", Community.Value);

        act.Should().Throw<DocumentFormatException>().Which.Problems.Should().ContainSingle().Which.Path.Should().Be("$.firstDay");
    }

    [Fact]
    public void EpidemicHistoryJson_CaseReportedInYear9999_ThrowsDocumentFormatExceptionAtTheDate()
    {
        var json = Sample("GateService", "Data", "epidemic-history.json")
            .Replace("\"lastDay\": \"2022-07-31\",", string.Empty, StringComparison.Ordinal)
            .Replace("\"2022-07-08\"", "\"9999-12-31\"", StringComparison.Ordinal);

        var act = () => EpidemicHistoryJson.Parse(json, Community.Value);

        act.Should().Throw<DocumentFormatException>().Which.Problems.Should().ContainSingle().Which.Path.Should().Be("$.cases[2].reported");
    }

    [Theory]
    [InlineData("\"handoverMinutes\": 30", "\"handoverMinutes\": 1e308", "$.shifts.handoverMinutes")]
    [InlineData("\"minimumRestHours\": 11", "\"minimumRestHours\": 9223372036854775807", "$.limits.minimumRestHours")]
    [InlineData("\"answerWithinSeconds\": 20, \"maximumOccupancy\"", "\"answerWithinSeconds\": 1e300, \"maximumOccupancy\"", "$.levels.Low.gate.answerWithinSeconds")]
    public void StaffingPolicyJson_HugeNumberBehindADuration_ThrowsDocumentFormatExceptionAtTheNumber(string field, string replacement, string path)
    {
        var json = Sample("Quickstart", "staffing.json");
        json.Should().Contain(field);

        var act = () => StaffingPolicyJson.Parse(json.Replace(field, replacement, StringComparison.Ordinal), RiskScales.ChinaLowMediumHigh);

        act.Should().Throw<DocumentFormatException>().Which.Problems.Should().ContainSingle().Which.Path.Should().Be(path);
    }

    [Fact]
    public void PolicyEditionJson_BadHeaderMeasuresAndStaffing_ReportsEveryProblemInDocumentOrder()
    {
        var edition = Sample("PolicyTests", "my-city.edition.json").Replace("\"version\": \"1.0.0\"", "\"version\": \"one\"", StringComparison.Ordinal);
        var measures = Sample("Quickstart", "measures.json").Replace("\"P2D\"", "\"P100000000D\"", StringComparison.Ordinal);
        var staffing = Sample("Quickstart", "staffing.json").Replace("\"handoverMinutes\": 30", "\"handoverMinutes\": -5", StringComparison.Ordinal);
        var json = WithSections(edition, ("measures", measures), ("staffing", staffing));

        var act = () => PolicyEditionJson.Parse(json);

        var problems = act.Should().Throw<DocumentFormatException>().Which.Problems;
        problems.Select(p => p.Path).Should().Equal("$.version", "$.measures.levels.Low.leaveCityTest.validity", "$.staffing.shifts.handoverMinutes");
        problems.Select(p => p.LineNumber).Should().BeInAscendingOrder();
        problems[0].LineNumber.Should().Be(4, "the local document's own line of its version (it extends the ninth edition)");
    }

    [Fact]
    public void PolicyEditionJson_BadHeaderAndStaffing_ReportsTheStaffingProblem()
    {
        var edition = Sample("PolicyTests", "my-city.edition.json").Replace("\"version\": \"1.0.0\"", "\"version\": \"\"", StringComparison.Ordinal);
        var staffing = Sample("Quickstart", "staffing.json").Replace("\"maxHoursPerDay\": 12.5", "\"maxHoursPerDay\": 25", StringComparison.Ordinal);

        var act = () => PolicyEditionJson.Parse(WithSections(edition, ("staffing", staffing)));

        act.Should().Throw<DocumentFormatException>().Which.Problems.Select(p => p.Path).Should().Equal("$.version", "$.staffing.limits.maxHoursPerDay");
    }

    [Fact]
    public void PolicyEditionJson_MissingScaleAndBadMeasures_ReportsTheMeasuresAgainstTheirOwnScale()
    {
        var edition = RemoveLine(Edition("cn-2022-06-ninth-edition"), "\"scale\": \"cn-low-medium-high\",");
        var measures = Sample("Quickstart", "measures.json").Replace("\"P2D\"", "\"P0D\"", StringComparison.Ordinal);

        var act = () => PolicyEditionJson.Parse(WithSections(edition, ("measures", measures)));

        act.Should().Throw<DocumentFormatException>().Which.Problems.Select(p => p.Path).Should().Equal("$.risk.scale", "$.measures.levels.Low.leaveCityTest.validity");
    }

    internal static string WithSections(string edition, params (string Name, string Section)[] sections)
    {
        var end = edition.LastIndexOf('}');
        var text = new System.Text.StringBuilder(edition.Substring(0, end).TrimEnd());
        foreach (var (name, section) in sections)
        {
            text.Append(",\n  \"").Append(name).Append("\": ").Append(section.Trim());
        }

        return text.Append("\n}\n").ToString();
    }

    private static string Sample(params string[] parts) => File.ReadAllText(RepositoryRoot.Combine(new[] { "samples" }.Concat(parts).ToArray()));

    private static string Edition(string id) => Documents.WithoutMeasures(File.ReadAllText(Path.Combine(RepositoryRoot.SdkSource, "Editions", id + ".edition.json")));

    private static string RemoveLine(string text, string content)
    {
        var lines = text.Split('\n').ToList();
        var index = lines.FindIndex(l => l.Trim() == content);
        index.Should().BeGreaterThanOrEqualTo(0, $"the document has the line {content}");
        lines[index] = string.Empty; // keep the line numbers
        return string.Join('\n', lines);
    }
}
