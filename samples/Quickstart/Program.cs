using System;
using System.Globalization;
using System.IO;
using System.Linq;
using CommunityControl.Editions;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Samples.Quickstart;

/// <summary>
/// The main job: a community of four compounds (2,000 households, one gate each) through a 60-day outbreak under one
/// edition: the daily risk map, gate decisions with their reasons, staffing against the workforce, the gap from the day
/// the deployed cadres leave, and subsidies.
/// Usage: dotnet run --project samples/Quickstart [-- --lang zh|en] [--edition ID|PATH] [--help]
/// </summary>
public static class Program
{
    /// <summary>The usage text <c>--help</c> prints.</summary>
    public const string Usage = """
        Usage: dotnet run --project samples/Quickstart [-- options]

        A community of four compounds (2,000 households, one gate each) through a 60-day outbreak under one policy
        edition: the daily risk map, gate decisions with their reasons, staffing against the workforce, and subsidies.

        Options:
          --lang zh|en        the language of the report (default zh, Simplified Chinese)
          --edition ID|PATH   a built-in edition id (default cn-2022-06-ninth-edition), or the path of an edition
                              document (*.json) to load
          --help, -h          show this text
        """;

    public static int Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        return Run(args, Console.Out, Console.Error, AppContext.BaseDirectory);
    }

    /// <summary>
    /// The entry point with its streams given: 0 when the report was written (or the usage, for <c>--help</c>), 2 for a bad
    /// command line (an unknown option, a missing value, a language other than zh or en), 1 for an edition that cannot be
    /// loaded.
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, string dataFolder)
    {
        var english = false;
        var edition = "cn-2022-06-ninth-edition";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h" or "-?":
                    output.WriteLine(Usage);
                    return 0;
                case "--lang" or "--edition" when i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal):
                    error.WriteLine($"{args[i]} needs a value. Run with --help for the options.");
                    return 2;
                case "--lang":
                    var lang = args[++i];
                    if (lang is not ("zh" or "en"))
                    {
                        error.WriteLine($"--lang takes zh or en; \"{lang}\" is not offered (the report is written in Simplified Chinese or English).");
                        return 2;
                    }

                    english = lang == "en";
                    break;
                case "--edition":
                    edition = args[++i];
                    break;
                default:
                    error.WriteLine($"Unknown option \"{args[i]}\". Run with --help for the options.");
                    return 2;
            }
        }

        OutbreakReport report;
        try
        {
            report = IsPath(edition)
                ? OutbreakScenario.Run(ReadEdition(edition), dataFolder)
                : OutbreakScenario.Run(edition, dataFolder);
        }
        catch (Exception ex) when (ex is DocumentFormatException or ModelValidationException or System.Collections.Generic.KeyNotFoundException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine(ex is System.Collections.Generic.KeyNotFoundException
                ? $"There is no built-in edition \"{edition}\"; known: {string.Join(", ", PolicyEditions.Ids)}. To load a document, give its path (ending in .json)."
                : ex.Message);
            return 1;
        }

        new ReportWriter(output, english).Write(report);
        return 0;
    }

    private static bool IsPath(string edition)
        => edition.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || edition.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || edition.Contains('/', StringComparison.Ordinal);

    private static PolicyEdition ReadEdition(string path)
    {
        using var stream = File.OpenRead(path);
        return PolicyEditionJson.Read(stream);
    }
}

/// <summary>Writes an <see cref="OutbreakReport"/> as readable text in Chinese or English.</summary>
public sealed class ReportWriter
{
    private readonly TextWriter _out;
    private readonly bool _en;
    private readonly CultureInfo _culture;

    public ReportWriter(TextWriter output, bool english)
    {
        _out = output;
        _en = english;
        _culture = CultureInfo.GetCultureInfo(english ? "en" : "zh-CN");
    }

    public void Write(OutbreakReport r)
    {
        var e = r.Edition;
        Line(T($"== {e.Title.Zh}（{e.Issuer.Zh}，{e.EffectiveFrom}起）", $"== {e.Title.En} ({e.Issuer.En}, from {e.EffectiveFrom})"));
        Line(T($"来源：{e.Source}", $"Source: {e.Source}"));
        var community = r.Tree[ZoneId.From(OutbreakScenario.Community)];
        Line(T($"社区：{community.Name}，{community.Households} 户，{community.Residents} 人，{community.DescendantsOfKind(ZoneKind.Compound).Count} 个小区，每个 1 个门岗",
               $"Community: {community.Name}, {community.Households} households, {community.Residents} residents, {community.DescendantsOfKind(ZoneKind.Compound).Count} compounds with one gate each"));
        Line(T($"病例：{r.History.CaseCount} 例，{r.History.FirstDay:uuuu-MM-dd} 至 {r.History.LastDay:uuuu-MM-dd}", $"Cases: {r.History.CaseCount}, {r.History.FirstDay:uuuu-MM-dd} to {r.History.LastDay:uuuu-MM-dd}"));
        Line();
        RiskMap(r);
        Changes(r);
        Gates(r);
        Staffing(r);
    }

    private void RiskMap(OutbreakReport r)
    {
        Line(T("== 每日风险地图（高/中/低；— 为常态化，无风险区）", "== Daily risk map (H/M/L; - means normal: no risk areas)"));
        var names = OutbreakScenario.Compounds.Select(c => r.Tree[ZoneId.From(c)].Name).ToArray();
        var width = Math.Max(8, names.Max(DisplayWidth));
        Line(Pad(T("日期", "Date"), 12) + string.Join(" ", names.Select(n => Pad(n, width))).TrimEnd());
        foreach (var snapshot in r.Snapshots)
        {
            var cells = OutbreakScenario.Compounds.Select(c => Pad(Determined(r, c, snapshot.Date) ? Short(snapshot.Scale.Describe(snapshot.LevelOf(ZoneId.From(c)))) : "?", width));
            Line($"{snapshot.Date:uuuu-MM-dd}  {string.Join(" ", cells)}".TrimEnd());
        }

        // An edition whose rules need inputs the scenario does not give (indicator series, for one) decides no level:
        // say so, with what the rules reported missing, rather than print a level that was never decided.
        var missing = OutbreakScenario.Compounds
            .SelectMany(c => r.Snapshots.Select(d => r.Timeline.At(ZoneId.From(c), d.Date)))
            .Where(a => a.Outcome == RiskAssessmentOutcome.InsufficientData)
            .Select(a => a.Reason is { } reason ? reason.Code + (reason.Detail is { } detail ? " (" + detail + ")" : string.Empty) : "-")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (missing.Count > 0)
        {
            Line(T("? 为无法判定：本方案所需的输入本场景没有提供：", "? means undecided: this edition needs inputs the scenario does not give: ") + string.Join("; ", missing.Take(5)));
        }

        Line();
    }

    private void Changes(OutbreakReport r)
    {
        Line(T("== 小区风险等级变化及原因", "== Changes of the compounds' levels, and why"));
        foreach (var compound in OutbreakScenario.Compounds)
        {
            foreach (var change in r.Timeline.ChangesOf(ZoneId.From(compound)))
            {
                var to = r.Timeline.Policy.Scale.Describe(change.To);
                var a = r.Timeline.At(ZoneId.From(compound), change.Date);
                var step = a.EarliestStepDown is { } s ? T($"，最早 {s:uuuu-MM-dd} 降级", $", earliest step-down {s:uuuu-MM-dd}") : string.Empty;
                Line($"{change.Date:uuuu-MM-dd} {r.Tree[ZoneId.From(compound)].Name} → {(_en ? to.NameEn : to.NameZh)}{T("：", ": ")}{change.Reason?.Describe(_culture)}{step}");
            }
        }

        Line();
    }

    private void Gates(OutbreakReport r)
    {
        Line(T("== 门岗判定示例", "== Gate decisions (a sample)"));
        foreach (var g in r.Decisions)
        {
            if (!Determined(r, g.Compound, g.Date))
            {
                Line($"{g.Date:MM-dd} {r.Tree[ZoneId.From(g.Compound)].Name} {(_en ? g.LabelEn : g.LabelZh)}");
                Line(T("      → 不判定：该小区当日风险等级无法判定（缺少输入），门岗规则无从适用", "      → no decision: the compound's level that day is undecided (inputs missing), so no gate rule applies"));
                continue;
            }

            var level = r.Timeline.Policy.Scale.Describe(g.Level);
            Line($"{g.Date:MM-dd} {r.Tree[ZoneId.From(g.Compound)].Name} [{(_en ? level.NameEn : level.NameZh)}] {(_en ? g.LabelEn : g.LabelZh)}");
            Line("      → " + g.Decision.Describe(_culture).Replace("\n", "\n        ", StringComparison.Ordinal));
        }

        Line();
    }

    private void Staffing(OutbreakReport r)
    {
        if (r.Staffing is not { } s)
        {
            Line(T("== 人员配置：本方案的风险等级与示例人员配置文件不一致，略。", "== Staffing: this edition's scale differs from the sample staffing document; skipped."));
            return;
        }

        var plan = s.Transition.Plan;
        Line(T("== 人员需求与缺口（按周）", "== Staffing need and gap, by week"));
        // Each row rounds the need and the gap to whole hours and shows as covered what of the need is met (need − gap),
        // so the three figures add up as printed.
        int[] widths = { 12, 12, 12, 12, 14 };
        Line(Row(widths, T("周起始", "Week of"), T("需求人时", "need (h)"), T("已满足人时", "covered (h)"), T("缺口人时", "gap (h)"), T("缺口班次", "gap (shifts)")));
        for (var start = plan.Period.Start; start <= plan.Period.End; start = start.PlusDays(7))
        {
            var days = Enumerable.Range(0, 7).Select(start.PlusDays).Where(d => d <= plan.Period.End).Select(plan.Totals).ToList();
            var need = (long)Math.Round(days.Sum(t => t.RequiredPersonHours), MidpointRounding.AwayFromZero);
            var gap = (long)Math.Round(days.Sum(t => t.GapPersonHours), MidpointRounding.AwayFromZero);
            Line(Row(
                widths,
                start.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
                need.ToString("N0", CultureInfo.InvariantCulture),
                (need - gap).ToString("N0", CultureInfo.InvariantCulture),
                gap.ToString("N0", CultureInfo.InvariantCulture),
                days.Sum(t => t.GapPeople).ToString("N0", CultureInfo.InvariantCulture)));
        }

        Line(T("缺口班次：一周内无人值守的岗位班次数（一人一班计一次）；缺口人时是这些班次的工时合计。",
               "gap (shifts): the posts' shifts in the week left without a person (one person for one shift counts once); gap (h) is their hours."));

        var t = s.Transition;
        var after = t.Days.Where(d => d.Date >= OutbreakScenario.CadresLeave).ToList();
        Line();
        Line(T($"== 下沉干部撤离（{OutbreakScenario.CadresLeave:uuuu-MM-dd}，{t.Departures.Count} 人）之后",
               $"== After the {t.Departures.Count} deployed cadres leave ({OutbreakScenario.CadresLeave:uuuu-MM-dd})"));
        Line(T($"有缺口的天数：{after.Count(d => d.GapPeople > 0)}；缺口合计 {after.Sum(d => d.GapPersonHours):#,0.##} 人时，其中因撤离新增 {after.Sum(d => d.GapFromDeparturesPersonHours):#,0.##} 人时",
               $"Days with a gap: {after.Count(d => d.GapPeople > 0)}; gap {after.Sum(d => d.GapPersonHours):#,0.##} person-hours, of which {after.Sum(d => d.GapFromDeparturesPersonHours):#,0.##} because they left"));
        foreach (var option in t.Recruitment)
        {
            // The library explains each option in the report's language (RecruitmentOption.Describe).
            Line(T("补充方案：", "Option: ") + option.Describe(_culture));
        }

        Line();
        Line(T("== 补贴（人民币）", "== Subsidies (CNY)"));
        var daily = s.DailySubsidies.Where(x => x.IsEligible).ToList();
        var overtime = s.OvertimeSubsidies.Where(x => x.IsEligible).ToList();
        Line(T($"四川 2020 标准（按风险等级每人每日 70/50/30 元，社区工作者）：{daily.Count} 人，合计 {daily.Sum(x => x.Total):N2} 元",
               $"Sichuan 2020 rates (70/50/30 per person-day by level, community workers): {daily.Count} people, {daily.Sum(x => x.Total):N2}"));
        Line(T($"厦门 2020 标准（加班、休息日每人每日 150 元，社区工作者和物业人员）：{overtime.Count} 人，合计 {overtime.Sum(x => x.Total):N2} 元",
               $"Xiamen 2020 rate (150 per overtime or rest day; community workers and property staff): {overtime.Count} people, {overtime.Sum(x => x.Total):N2}"));
    }

    private static bool Determined(OutbreakReport r, string compound, LocalDate date)
        => r.Timeline.At(ZoneId.From(compound), date).Outcome != RiskAssessmentOutcome.InsufficientData;

    private string Short(RiskLevelDefinition level) => level.Code switch
    {
        "High" => T("高", "H"),
        "Medium" => T("中", "M"),
        "Low" => T("低", "L"),
        "Normal" or "None" => T("—", "-"),
        _ => level.Code,
    };

    /// <summary>Pads text on the right to a width in terminal columns (CJK and full-width characters take two).</summary>
    public static string Pad(string text, int width)
    {
        var columns = DisplayWidth(text);
        return columns >= width ? text : text + new string(' ', width - columns);
    }

    /// <summary>Pads text on the left to a width in terminal columns.</summary>
    public static string PadLeft(string text, int width)
    {
        var columns = DisplayWidth(text);
        return columns >= width ? text : new string(' ', width - columns) + text;
    }

    /// <summary>The columns a terminal gives text: two for East Asian wide and full-width characters, one otherwise.</summary>
    public static int DisplayWidth(string text)
    {
        var columns = 0;
        foreach (var c in text)
        {
            columns += IsWide(c) ? 2 : 1;
        }

        return columns;
    }

    private static bool IsWide(char c)
        => c is >= '\u1100' and <= '\u115F'        // Hangul Jamo
            or >= '\u2E80' and <= '\u303E'         // CJK radicals, punctuation
            or >= '\u3041' and <= '\u33FF'         // kana, CJK symbols
            or >= '\u3400' and <= '\u4DBF'         // CJK extension A
            or >= '\u4E00' and <= '\u9FFF'         // CJK unified ideographs
            or >= '\uA000' and <= '\uA4CF'         // Yi
            or >= '\uAC00' and <= '\uD7A3'         // Hangul syllables
            or >= '\uF900' and <= '\uFAFF'         // CJK compatibility ideographs
            or >= '\uFE30' and <= '\uFE4F'         // CJK compatibility forms
            or >= '\uFF00' and <= '\uFF60'         // full-width forms
            or >= '\uFFE0' and <= '\uFFE6';

    // The first column left-aligned, the others right-aligned, each to its width in terminal columns.
    private static string Row(int[] widths, params string[] cells)
        => string.Concat(cells.Select((cell, i) => i == 0 ? Pad(cell, widths[i]) : PadLeft(cell, widths[i]))).TrimEnd();

    private string T(string zh, string en) => _en ? en : zh;

    private void Line(string text = "") => _out.WriteLine(text);
}
