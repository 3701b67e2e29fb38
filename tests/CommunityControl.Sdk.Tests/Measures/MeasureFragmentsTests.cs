using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CommunityControl.Access;
using CommunityControl.Measures;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Measures;

/// <summary>
/// The local presets of 0.1.0 (GatePresets, OutingQuotaPresets, NightClosurePresets) are now named fragments a document
/// includes with <c>"preset"</c>. TestData/Editions/Fragments/&lt;kind&gt;.&lt;name&gt;.json is what each preset wrote as
/// the High level of a table in 0.1.0 (with the parameters of the old tests where the source leaves one open).
/// </summary>
public class MeasureFragmentsTests
{
    private static readonly Dictionary<string, string> Parameters = new(StringComparer.Ordinal)
    {
        ["outingQuota.wuhan-2020-02"] = ", \"persons\": 1, \"interval\": \"P3D\", \"window\": \"Rolling\"",
        ["outingQuota.three-zones-controlled-2022"] = ", \"interval\": \"P2D\", \"window\": \"Rolling\"",
        ["outingQuota.huanggang-2020"] = ", \"window\": \"Rolling\"",
        ["outingQuota.wenzhou-2020"] = ", \"window\": \"Rolling\"",
        ["outingQuota.ezhou-2020"] = ", \"window\": \"Rolling\"",
        ["outingQuota.yangling-2020"] = ", \"window\": \"Rolling\"",
        ["nightClosure.anyang-wenfeng-2022"] = ", \"end\": \"23:00\"",
    };

    public static IEnumerable<object[]> Captured()
        => Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "Editions", "Fragments"), "*.json")
            .Select(f => Path.GetFileNameWithoutExtension(f)!)
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(Captured))]
    public void Preset_EveryFragment_ReadsAsThePresetOfVersion010(string capture)
    {
        var kind = capture.Substring(0, capture.IndexOf('.', StringComparison.Ordinal));
        var name = capture.Substring(kind.Length + 1);
        Parameters.TryGetValue(capture, out var parameters);
        var level = kind == "gate"
            ? $"{{ \"preset\": \"{name}\" }}"
            : $"{{ \"{kind}\": {{ \"preset\": \"{name}\"{parameters} }} }}";
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Editions", "Fragments", capture + ".json")).TrimEnd('\n');

        var table = MeasureTableJson.Parse($"{{ \"scale\": \"cn-low-medium-high\", \"levels\": {{ \"High\": {level} }} }}");

        MeasureTableJson.ToJson(table).Should().Be(expected);
    }

    [Fact]
    public void Names_EveryKind_ListsTheFragmentsOfVersion010()
    {
        MeasureFragments.GateNames.Should().Equal("wuhan-2020-02", "beijing-2020-02", "zhuhai-2020-03", "daqing-2020-03");
        MeasureFragments.OutingQuotaNames.Should().HaveCount(8).And.Contain("huanggang-2020", "three-zones-controlled-2022");
        MeasureFragments.NightClosureNames.Should().Equal("yinchuan-2020", "xilinhot-2020", "germany-curfew-2021", "anyang-wenfeng-2022");
    }

    [Fact]
    public void GetOutingQuota_KnownNames_MatchSection6_4()
    {
        MeasureFragments.GetOutingQuota("huanggang-2020", OutingWindowKind.Rolling).Persons.Should().Be(1);
        MeasureFragments.GetOutingQuota("huanggang-2020", OutingWindowKind.Rolling).Interval.Should().Be(Duration.FromDays(2));
        MeasureFragments.GetOutingQuota("huanggang-2020", OutingWindowKind.Rolling).ExemptPurposes.Should().Equal(OutingPurpose.MedicalCare, OutingPurpose.EpidemicWork, OutingPurpose.EssentialServiceWork);
        MeasureFragments.GetOutingQuota("huangshi-2020").Interval.Should().BeNull("Huangshi stated no day limit");
        MeasureFragments.GetOutingQuota("yangling-2020", OutingWindowKind.Rolling).MaxAbsence.Should().Be(Duration.FromHours(3));
        MeasureFragments.GetOutingQuota("wuhan-2020-03-epidemic-free").Interval.Should().Be(Duration.FromDays(1));
        MeasureFragments.GetOutingQuota("wuhan-2020-03-epidemic-free").MaxAbsence.Should().Be(Duration.FromHours(2));
        MeasureFragments.GetOutingQuota("wenzhou-2020", OutingWindowKind.Rolling).Source.Should().Contain("S19b");
    }

    [Fact]
    public void GetOutingQuota_FragmentWithAnOpenParameter_ThrowsNamingIt()
    {
        FluentActions.Invoking(() => MeasureFragments.GetOutingQuota("wuhan-2020-02")).Should().Throw<ArgumentException>()
            .WithParameterName("name").WithMessage("*persons, interval*");
    }

    [Fact]
    public void GetGate_UnknownName_ThrowsNamingTheKnownOnes()
    {
        FluentActions.Invoking(() => MeasureFragments.GetGate("shanghai-2022-04")).Should().Throw<KeyNotFoundException>()
            .WithMessage("*wuhan-2020-02*");
    }

    [Fact]
    public void Preset_UnknownName_IsAProblemAtThePresetWithItsLine()
    {
        const string json = "{\n  \"scale\": \"cn-low-medium-high\",\n  \"levels\": {\n    \"Medium\": {\n      \"outingQuota\": { \"preset\": \"huanggang-2021\" }\n    }\n  }\n}";

        var problem = FluentActions.Invoking(() => MeasureTableJson.Parse(json)).Should().Throw<DocumentFormatException>().Which.Problems.Single();

        problem.Path.Should().Be("$.levels.Medium.outingQuota.preset");
        problem.LineNumber.Should().Be(5);
        problem.Message.Should().Contain("The name is not a known outing-quota preset").And.Contain("huanggang-2020").And.NotContain("huanggang-2021");
    }

    [Fact]
    public void Preset_UnknownGateAndClosure_AreEachAProblem()
    {
        const string json = """{ "scale": "cn-low-medium-high", "levels": { "High": { "preset": "nowhere" }, "Low": { "nightClosure": { "preset": "nowhere" } } } }""";

        var problems = FluentActions.Invoking(() => MeasureTableJson.Parse(json)).Should().Throw<DocumentFormatException>().Which.Problems;

        problems.Select(p => p.Path).Should().BeEquivalentTo("$.levels.High.preset", "$.levels.Low.nightClosure.preset");
    }

    [Fact]
    public void Preset_OpenParameterNotGiven_IsAProblemNamingIt()
    {
        const string json = """{ "scale": "cn-low-medium-high", "levels": { "Medium": { "outingQuota": { "preset": "wuhan-2020-02", "persons": 1, "window": "Rolling" } } } }""";

        var problem = FluentActions.Invoking(() => MeasureTableJson.Parse(json)).Should().Throw<DocumentFormatException>().Which.Problems.Single();

        problem.Path.Should().Be("$.levels.Medium.outingQuota.preset");
        problem.Message.Should().Contain("leaves 'interval' to the document");
    }

    [Theory]
    [InlineData("PT47H", false)]
    [InlineData("P2D", true)]
    [InlineData("P3D", true)]
    [InlineData("PT73H", false)]
    public void Preset_ThreeZonesControlled_AcceptsOnlyTheStatedTwoToThreeDays(string interval, bool accepted)
    {
        var json = $$"""{ "scale": "cn-low-medium-high", "levels": { "Medium": { "outingQuota": { "preset": "three-zones-controlled-2022", "interval": "{{interval}}", "window": "Rolling" } } } }""";

        var act = () => MeasureTableJson.Parse(json);

        if (accepted)
        {
            act().For(RiskScales.ChinaLowMediumHigh["Medium"]).OutingQuota!.Interval.Should().Be(NodaTime.Text.PeriodPattern.NormalizingIso.Parse(interval).Value.ToDuration());
        }
        else
        {
            act.Should().Throw<DocumentFormatException>().Which.Problems.Single().Path.Should().Be("$.levels.Medium.outingQuota.interval");
        }
    }

    [Fact]
    public void Preset_WithExplicitFields_TheyReplaceTheFragmentsFieldsWhole()
    {
        const string json = """
            { "scale": "cn-low-medium-high", "levels": {
                "High": { "preset": "wuhan-2020-02", "temperatureCheck": { "reportAboveCelsius": 37.5 } },
                "Medium": { "outingQuota": { "preset": "huanggang-2020", "source": "our notice", "window": "CalendarDays", "exemptPurposes": [ "MedicalCare" ] } } } }
            """;

        var table = MeasureTableJson.Parse(json);

        var high = table.For(RiskScales.ChinaLowMediumHigh["High"]);
        high.TemperatureCheck!.ReportAboveCelsius.Should().Be(37.5);
        high.TemperatureCheck.Source.Should().BeNull("the level's temperature check replaces the fragment's whole, its source included");
        high.ClosedManagement!.OpenGates.Should().Be(1, "the fields the level does not give come from the fragment");
        var quota = table.For(RiskScales.ChinaLowMediumHigh["Medium"]).OutingQuota!;
        (quota.Source, quota.Interval).Should().Be(("our notice", Duration.FromDays(2)));
        quota.ExemptPurposes.Should().Equal(OutingPurpose.MedicalCare);
    }

    [Fact]
    public void Preset_InAnAccessPolicyDocument_ProblemCarriesTheMeasuresPath()
    {
        const string json = """{ "measures": { "scale": "cn-low-medium-high", "levels": { "High": { "preset": "nowhere" } } } }""";

        var problem = FluentActions.Invoking(() => AccessPolicyJson.Parse(json)).Should().Throw<DocumentFormatException>().Which.Problems.Single();

        problem.Path.Should().Be("$.measures.levels.High.preset");
    }

    [Fact]
    public void ToJson_TableWithAPreset_WritesTheResolvedMeasures()
    {
        var table = MeasureTableJson.Parse("""{ "scale": "cn-low-medium-high", "levels": { "Low": { "nightClosure": { "preset": "anyang-wenfeng-2022", "end": "06:00" } } } }""");

        var json = MeasureTableJson.ToJson(table);

        json.Should().NotContain("preset").And.Contain("\"start\": \"19:00:00\"");
        MeasureTableJson.ToJson(MeasureTableJson.Parse(json)).Should().Be(json);
    }

    [Theory]
    [InlineData(22, 29, 59, false)]
    [InlineData(22, 30, 0, true)]
    [InlineData(0, 0, 0, true)]
    [InlineData(6, 29, 59, true)]
    [InlineData(6, 30, 0, false)]
    [InlineData(12, 0, 0, false)]
    public void Yinchuan2020_ClosedFrom2230To0630AcrossMidnight(int hour, int minute, int second, bool closed)
    {
        MeasureFragments.GetNightClosure("yinchuan-2020").IsClosedAt(new LocalTime(hour, minute, second)).Should().Be(closed);
    }

    [Theory]
    [InlineData(21, 59, false)]
    [InlineData(22, 0, true)]
    [InlineData(6, 59, true)]
    [InlineData(7, 0, false)]
    public void Xilinhot2020_ClosedFrom2200To0700(int hour, int minute, bool closed)
    {
        MeasureFragments.GetNightClosure("xilinhot-2020").IsClosedAt(new LocalTime(hour, minute)).Should().Be(closed);
    }

    [Fact]
    public void NightClosure_WindowWithinOneDay_DoesNotWrap()
    {
        var closure = MeasureTableJson.Parse("""{ "scale": "cn-low-medium-high", "levels": { "Low": { "nightClosure": { "preset": "anyang-wenfeng-2022", "end": "23:00" } } } }""")
            .For(RiskScales.ChinaLowMediumHigh["Low"]).NightClosure!;

        closure.IsClosedAt(new LocalTime(18, 59)).Should().BeFalse();
        closure.IsClosedAt(new LocalTime(19, 0)).Should().BeTrue("the closure is in force in the evening");
        closure.IsClosedAt(new LocalTime(23, 0)).Should().BeFalse();
        closure.Source.Should().Contain("UNCONFIRMED");
    }

    [Fact]
    public void GermanyCurfew2021_LetsPeopleComeHome()
    {
        MeasureFragments.GetNightClosure("germany-curfew-2021").ClosesEntries.Should().BeFalse();
        MeasureFragments.GetNightClosure("germany-curfew-2021").IsClosedAt(new LocalTime(4, 59)).Should().BeTrue("04:59 is still inside the 22:00–05:00 curfew");
        MeasureFragments.GetNightClosure("germany-curfew-2021").IsClosedAt(new LocalTime(5, 0)).Should().BeFalse();
    }

    [Fact]
    public void TemperatureCheck_DefaultThreshold_Is37_3FromTheSource()
    {
        var check = new TemperatureCheck();

        check.ReportAboveCelsius.Should().Be(37.3);
        (check.PlausibleMinimumCelsius, check.PlausibleMaximumCelsius).Should().Be((34.0, 43.0));
        (check.OnEntry, check.OnExit).Should().Be((true, false));
    }
}
