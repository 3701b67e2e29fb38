using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CommunityControl.Editions;
using CommunityControl.Samples.Quickstart;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Samples;

/// <summary>The main job read closely (issue 12 item 12), run through its entry point with its streams captured.</summary>
public class QuickstartCommandLineTests
{
    private static readonly string DataFolder = RepositoryRoot.Combine("samples", "Quickstart");

    private static readonly Lazy<(int Exit, string Out, string Error)> Chinese = new(() => Run("--lang", "zh"));

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_PrintsTheOptions_AndExitsZero(string option)
    {
        var (exit, output, error) = Run(option);

        exit.Should().Be(0);
        output.Should().Contain("--lang zh|en").And.Contain("--edition ID|PATH");
        error.Should().BeEmpty();
    }

    [Theory]
    [InlineData(new[] { "--lang", "fr" }, "\"fr\" is not offered")]
    [InlineData(new[] { "--colour" }, "Unknown option \"--colour\"")]
    [InlineData(new[] { "--lang" }, "--lang needs a value")]
    [InlineData(new[] { "--edition", "--lang", "en" }, "--edition needs a value")]
    public void BadCommandLine_IsRejectedWithAClearMessage_AndExitCode2(string[] args, string message)
    {
        var (exit, output, error) = Run(args);

        exit.Should().Be(2);
        error.Should().Contain(message);
        output.Should().BeEmpty("nothing is reported on a bad command line");
    }

    [Fact]
    public void Edition_UnknownId_SaysWhichExist_AndExits1()
    {
        var (exit, _, error) = Run("--edition", "cn-2099-nothing");

        exit.Should().Be(1);
        error.Should().Contain("cn-2022-06-ninth-edition").And.Contain("path");
    }

    [Fact]
    public void Edition_APath_LoadsThatDocument()
    {
        var path = Path.Combine(Path.GetTempPath(), "quickstart-" + Guid.NewGuid().ToString("N") + ".edition.json");
        File.WriteAllText(path, PolicyEditions.GetDocument(PolicyEditions.China.TenMeasuresId));
        try
        {
            var (exit, output, error) = Run("--edition", path, "--lang", "en");

            error.Should().BeEmpty();
            exit.Should().Be(0);
            output.Should().StartWith("== " + PolicyEditions.China.TenMeasures.Title.En);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Edition_WhoseInputsTheScenarioLacks_SaysSo_AndDecidesNoGate()
    {
        var (exit, output, _) = Run("--edition", "us-cdc-community-levels-2022", "--lang", "en");

        exit.Should().Be(0);
        output.Should().Contain("this edition needs inputs the scenario does not give").And.Contain("CasesPer100K7Day");
        output.Split('\n').Where(l => l.StartsWith("2022-", StringComparison.Ordinal)).Should().OnlyContain(l => l.Contains('?', StringComparison.Ordinal), "no level was decided");
        output.Should().NotContain("→ Allow", "no gate rule applies where the level is undecided").And.Contain("no decision");
    }

    [Fact]
    public void WeeklyGap_TheFiguresAddUpAsPrinted()
    {
        var rows = Chinese.Value.Out.Split('\n')
            .SkipWhile(l => !l.StartsWith("== 人员需求与缺口", StringComparison.Ordinal)).Skip(2)
            .TakeWhile(l => l.StartsWith("2022-", StringComparison.Ordinal))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(n => long.Parse(n.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)).ToArray())
            .ToList();

        rows.Should().HaveCountGreaterThan(5);
        rows.Should().OnlyContain(r => r[0] - r[1] == r[2], "need − covered = gap, as printed");
        rows.Should().Contain(r => r[2] > 0, "the scenario has a gap");
        Chinese.Value.Out.Should().Contain("缺口班次：", "the shift count is explained");
    }

    [Fact]
    public void RiskMap_ChineseColumnsAlignByDisplayWidth()
    {
        var lines = Chinese.Value.Out.Split('\n');
        var header = lines.Single(l => l.StartsWith("日期", StringComparison.Ordinal));
        var row = lines.First(l => l.StartsWith("2022-07-03", StringComparison.Ordinal));

        Columns(header).Should().HaveCount(5).And.Equal(Columns(row), "each level sits under its compound's name");
    }

    [Fact]
    public void Report_ExplainsInItsLanguage_WithWordsNotEnumNames()
    {
        var (_, english, _) = Run("--lang", "en");
        var chinese = Chinese.Value.Out;

        english.Should().Contain("High risk: residence of a case (case#").And.NotContain("case case#").And.MatchRegex(@"(?i)recruit(ing)? \d+ volunteers at")
            .And.NotContain("× Volunteer").And.NotContain("ResidenceOfCase").And.NotContain("SteppedDown");
        chinese.Should().Contain("高风险：病例居住地（病例 case#").And.NotContain("ResidenceOfCase").And.NotContain("SteppedDown").And.NotContain("DesignationLifted");
    }

    [Theory]
    [InlineData("香炉山小区", 10)]
    [InlineData("5栋 A", 5)]
    [InlineData("ＡＢ", 4)]
    [InlineData("Low", 3)]
    public void DisplayWidth_CountsWideCharactersTwice(string text, int width)
        => ReportWriter.DisplayWidth(text).Should().Be(width);

    // The display column where each space-separated token starts.
    private static List<int> Columns(string line)
    {
        var columns = new List<int>();
        var column = 0;
        var previous = ' ';
        foreach (var c in line.TrimEnd('\r'))
        {
            if (c != ' ' && previous == ' ')
            {
                columns.Add(column);
            }

            column += ReportWriter.DisplayWidth(c.ToString());
            previous = c;
        }

        return columns;
    }

    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = Program.Run(args, output, error, DataFolder);
        return (exit, output.ToString(), error.ToString());
    }
}
