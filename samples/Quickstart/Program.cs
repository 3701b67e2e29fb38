using System;
using System.Globalization;
using System.IO;
using System.Linq;
using CommunityControl.Risk;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Samples.Quickstart;

/// <summary>
/// The main job: a community of four compounds (2,000 households, one gate each) through a 60-day outbreak under one
/// edition: the daily risk map, gate decisions with their reasons, staffing against the workforce, the gap from the day
/// the deployed cadres leave, and subsidies.
/// Usage: dotnet run --project samples/Quickstart [-- --lang zh|en] [--edition cn-2022-06-ninth-edition]
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var english = Option(args, "--lang") == "en";
        var editionId = Option(args, "--edition") ?? "cn-2022-06-ninth-edition";
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        OutbreakReport report;
        try
        {
            report = OutbreakScenario.Run(editionId, AppContext.BaseDirectory);
        }
        catch (Exception ex) when (ex is DocumentFormatException or ModelValidationException or System.Collections.Generic.KeyNotFoundException)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }

        new ReportWriter(Console.Out, english).Write(report);
        return 0;
    }

    private static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
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
        Line(T("日期        ", "Date        ") + string.Join(" ", names.Select(n => Pad(n, 8))));
        foreach (var snapshot in r.Snapshots)
        {
            var cells = OutbreakScenario.Compounds.Select(c => Pad(Short(snapshot.Scale.Describe(snapshot.LevelOf(ZoneId.From(c)))), 8));
            Line($"{snapshot.Date:uuuu-MM-dd}  {string.Join(" ", cells)}");
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
                Line($"{change.Date:uuuu-MM-dd} {r.Tree[ZoneId.From(compound)].Name} → {(_en ? to.NameEn : to.NameZh)} ({change.Reason}){step}");
            }
        }

        Line();
    }

    private void Gates(OutbreakReport r)
    {
        Line(T("== 门岗判定示例", "== Gate decisions (a sample)"));
        foreach (var g in r.Decisions)
        {
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
        Line(T("周起始      需求人时   已安排人时   缺口人时   缺口人次", "Week of     need (h)   covered (h)   gap (h)   gap (shifts)"));
        for (var start = plan.Period.Start; start <= plan.Period.End; start = start.PlusDays(7))
        {
            var days = Enumerable.Range(0, 7).Select(start.PlusDays).Where(d => d <= plan.Period.End).Select(plan.Totals).ToList();
            Line(string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd}  {1,9:N0}  {2,11:N0}  {3,8:N0}  {4,10:N0}",
                start.ToDateTimeUnspecified(), days.Sum(t => t.RequiredPersonHours), days.Sum(t => t.AssignedPersonHours), days.Sum(t => t.GapPersonHours), days.Sum(t => t.GapPeople)));
        }

        var t = s.Transition;
        var after = t.Days.Where(d => d.Date >= OutbreakScenario.CadresLeave).ToList();
        Line();
        Line(T($"== 下沉干部撤离（{OutbreakScenario.CadresLeave:uuuu-MM-dd}，{t.Departures.Count} 人）之后",
               $"== After the {t.Departures.Count} deployed cadres leave ({OutbreakScenario.CadresLeave:uuuu-MM-dd})"));
        Line(T($"有缺口的天数：{after.Count(d => d.GapPeople > 0)}；缺口合计 {after.Sum(d => d.GapPersonHours):N0} 人时，其中因撤离新增 {after.Sum(d => d.GapFromDeparturesPersonHours):N0} 人时",
               $"Days with a gap: {after.Count(d => d.GapPeople > 0)}; gap {after.Sum(d => d.GapPersonHours):N0} person-hours, of which {after.Sum(d => d.GapFromDeparturesPersonHours):N0} because they left"));
        foreach (var option in t.Recruitment)
        {
            var who = _en ? $"{option.Profile.Source} at {option.Profile.HoursPerWeek} h/week" : $"{SourceZh(option.Profile.Source)}（每周 {option.Profile.HoursPerWeek} 小时）";
            Line(option.ClosesGap
                ? T($"补充方案：招募 {option.Count} 名{who}可补齐缺口", $"To close it: recruit {option.Count} × {who}")
                : T($"补充方案：招募 {option.Count} 名{who}后仍缺 {option.RemainingGapPersonHours:N0} 人时", $"Recruiting {option.Count} × {who} still leaves {option.RemainingGapPersonHours:N0} person-hours"));
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

    private static string SourceZh(WorkforceSource source) => source switch
    {
        WorkforceSource.Volunteer => "志愿者",
        WorkforceSource.CommunityWorker => "社区工作者",
        _ => source.ToString(),
    };

    private string Short(RiskLevelDefinition level) => level.Code switch
    {
        "High" => T("高", "H"),
        "Medium" => T("中", "M"),
        "Low" => T("低", "L"),
        "Normal" or "None" => T("—", "-"),
        _ => level.Code,
    };

    private static string Pad(string text, int width)
    {
        // Chinese characters take two columns in a terminal.
        var columns = text.Sum(c => c > 0x2E80 ? 2 : 1);
        return columns >= width ? text : text + new string(' ', width - columns);
    }

    private string T(string zh, string en) => _en ? en : zh;

    private void Line(string text = "") => _out.WriteLine(text);
}
