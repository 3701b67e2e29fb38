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
        Records(r);
        Staffing(r);
        Attendance(r);
        Volunteers(r);
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

    private void Records(OutbreakReport r)
    {
        if (r.Records is not { } x)
        {
            return;
        }

        var name = (ZoneId z) => r.Tree[z].Name;
        Line(T("== 登记与追踪（第一例确诊病例）", "== Registers and tracing (the first confirmed case)"));
        Line(T($"门岗通行登记：调用 {x.AppendCalls} 次（每次均重试一次），登记 {x.Recorded} 条，库中 {x.Held} 条：重试不重复登记",
               $"Gate passages: {x.AppendCalls} calls (each retried once), {x.Recorded} recorded, {x.Held} held: a retry is not recorded twice"));
        Line(T($"{x.CaseReported:MM-dd} 确诊，追踪确诊前 2 日、同一门岗前后 {RecordsScenario.Window.TotalMinutes:0} 分钟内的通行：",
               $"{x.CaseReported:MM-dd} confirmed; tracing the 2 days before, at the same gate within {RecordsScenario.Window.TotalMinutes:0} minutes:"));
        var w = x.TraceByCommunityWorker;
        Line(T("  社区工作者发起 → ", "  by a community worker → ") + w.Describe(_culture));
        if (x.Trace.IsEscalated)
        {
            Line(T("  疾控人员发起 → ", "  by the CDC → ") + x.Trace.Describe(_culture));
            Line();
            return;
        }

        var places = string.Join(T("、", ", "), x.Trace.Gates.Select(name));
        Line(T($"  疾控人员发起 → 病例经过 {places} 门岗；密接 {x.Trace.Contacts.Count} 人；审计记录 {x.AuditEntries} 条（谁、为何、何时查阅了谁的记录）",
               $"  by the CDC → the case passed the gates of {places}; {x.Trace.Contacts.Count} contacts; {x.AuditEntries} audit entries (who read whose records, why, when)"));
        if (x.FollowUps.Count > 0)
        {
            var f = x.FollowUps[0];
            Line(T($"  密接随访：{x.FollowUps.Count} 人，{Plan(f.Plan)}；如：{f.FirstDay:MM-dd} 起，{f.ReleaseDate:MM-dd} 解除",
                   $"  Follow-ups: {x.FollowUps.Count} people, {Plan(f.Plan)}; e.g. from {f.FirstDay:MM-dd}, released {f.ReleaseDate:MM-dd}"));
        }
        else
        {
            Line(T("  本方案不判定密切接触者，无随访", "  this edition determines no close contacts: no follow-up"));
        }

        if (x.ContactAtGate is { } g)
        {
            Line(T($"  {g.Date:MM-dd} {name(ZoneId.From(g.Compound))} {g.LabelZh}（状态：{Status(g.Request.Status)}）→ {g.Decision.Describe(_culture)}",
                   $"  {g.Date:MM-dd} {name(ZoneId.From(g.Compound))}: {g.LabelEn} (status: {Status(g.Request.Status)}) → {g.Decision.Describe(_culture)}"));
        }

        var levels = string.Join(T("，", ", "), x.TracedPlaces.Select(p => $"{name(p.Zone)} {LevelName(r, p.Level)}{(p.Residence ? T("（居住地）", " (residence)") : T("（活动场所）", " (activity place)"))}"));
        Line(T($"  以登记找到的活动场所划定风险区（{x.CaseReported:MM-dd}）：{levels}", $"  Risk areas from the activity places the register found ({x.CaseReported:MM-dd}): {levels}"));
        if (x.Arrivals is null)
        {
            Line(T("外来人员：本方案的来人规则未给出时间窗，须由当地卫生健康部门设定", "Arrivals: this edition's arrival rule gives no history window; the local health authority sets it"));
        }
        else
        {
            Line(T("外来人员（本方案按行程判定）：", "Arrivals (assessed under this edition from their itineraries):"));
            foreach (var a in x.Arrivals)
            {
                var stop = a.Arrival.Itinerary[0];
                var day = Period.Between(stop.To, a.ArrivalDate, PeriodUnits.Days).Days + 1;
                var area = stop.Level switch
                {
                    "High" => T("高风险地区", "a high-risk area"),
                    "Medium" => T("中风险地区", "a medium-risk area"),
                    "Low" => T("低风险地区", "a low-risk area"),
                    _ => T("风险等级未知的地区", "an area of unknown level"),
                };
                var from = T($"  {a.ArrivalDate:MM-dd} 来自{area}，离开后第 {day} 天到达 → ", $"  {a.ArrivalDate:MM-dd} from {area}, day {day} since leaving → ");
                var outcome = a.NeedsInvestigation ? T("待核查行程", "itinerary to investigate")
                    : a.Plan is { } plan ? Plan(plan)
                    : T("无需管控", "no measure");
                Line(from + outcome);
            }
        }

        Line();
    }

    private string Plan(CommunityControl.Measures.QuarantinePlan plan)
    {
        if (plan.First == CommunityControl.Measures.MonitoringStatus.None)
        {
            return T($"{plan.TestWindowDays} 天内核酸检测 {plan.TestsRequired} 次", $"{plan.TestsRequired} tests within {plan.TestWindowDays} days");
        }

        var first = T($"{Status(plan.First)} {plan.FirstDays} 天", $"{Status(plan.First)} for {plan.FirstDays} days");
        return plan.Then == CommunityControl.Measures.MonitoringStatus.None ? first : first + T($" + {Status(plan.Then)} {plan.ThenDays} 天", $" + {Status(plan.Then)} for {plan.ThenDays} days");
    }

    private string Status(CommunityControl.Measures.MonitoringStatus status) => status switch
    {
        CommunityControl.Measures.MonitoringStatus.CentralizedQuarantine => T("集中隔离医学观察", "centralized quarantine"),
        CommunityControl.Measures.MonitoringStatus.HomeMedicalObservation => T("居家医学观察", "home medical observation"),
        CommunityControl.Measures.MonitoringStatus.HomeHealthMonitoring => T("居家健康监测", "home health monitoring"),
        CommunityControl.Measures.MonitoringStatus.HomeIsolation => T("居家隔离", "home isolation"),
        CommunityControl.Measures.MonitoringStatus.SelfHealthMonitoring => T("自我健康监测", "self health monitoring"),
        _ => T("无", "none"),
    };

    private string LevelName(OutbreakReport r, RiskLevel level)
    {
        var d = r.Timeline.Policy.Scale.Describe(level);
        return _en ? d.NameEn : d.NameZh;
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

    private void Attendance(OutbreakReport r)
    {
        if (r.Staffing?.Attendance is not { } a)
        {
            return;
        }

        Line();
        Line(T("== 出勤与按实际出勤计发的补贴（人民币，subsidy.json）", "== Attendance, and subsidies for the days actually worked (CNY, subsidy.json)"));
        Line(a.Sheet.Describe(_culture));
        var groups = a.PlannedSubsidies.Where(x => x.IsEligible).GroupBy(x => x.Source).OrderBy(g => g.Key).ToList();
        string Name(WorkforceSource source) => _en ? SourceEn(source, 2) : SourceZh(source);
        int[] widths = { groups.Select(g => DisplayWidth(Name(g.Key))).Append(DisplayWidth(T("人员类别", "Workers"))).Max() + 2, 8, 14, 14, 14, 16 };
        Line(Row(widths, T("人员类别", "Workers"), T("人数", "people"), T("计划天数", "days planned"), T("出勤天数", "days worked"), T("按计划（元）", "by plan"), T("按出勤（元）", "by attendance")));
        foreach (var group in groups)
        {
            var worked = a.Subsidies.Where(x => x.Source == group.Key).ToList();
            Line(Row(
                widths,
                Name(group.Key),
                group.Count().ToString("N0", CultureInfo.InvariantCulture),
                group.Sum(x => x.Days.Count).ToString("N0", CultureInfo.InvariantCulture),
                worked.Sum(x => x.Days.Count).ToString("N0", CultureInfo.InvariantCulture),
                group.Sum(x => x.Total).ToString("N2", CultureInfo.InvariantCulture),
                worked.Sum(x => x.Total).ToString("N2", CultureInfo.InvariantCulture)));
        }

        Line(T("缺勤或缺少签退的当日不计补贴；补贴明细可用 SubsidyStatementCsv 导出为 CSV（中文表头）。",
               "A day absent, or with a clock-out missing, is not paid; SubsidyStatementCsv exports the statements as CSV (Chinese headers)."));
    }

    private void Volunteers(OutbreakReport r)
    {
        if (r.Staffing is not { } s)
        {
            return;
        }

        var v = VolunteerWeek.Calculate(r.Tree, s.Workforce);
        var week = OutbreakScenario.CadresLeave.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
        int Count(VettingState state) => v.Roster.InState(state).Count;
        Line(T($"== 志愿者接替（{week} 起一周）", $"== Volunteers after the cadres leave (week of {week})"));
        Line(T($"报名 {v.Roster.Count} 人：审核通过并排班 {Count(VettingState.Rostered)} 人，未通过 {Count(VettingState.Rejected)} 人（无健康申报），退出 {Count(VettingState.Withdrawn)} 人",
               $"Signed up: {v.Roster.Count}; vetted and rostered {Count(VettingState.Rostered)}, rejected {Count(VettingState.Rejected)} (no health declaration), withdrawn {Count(VettingState.Withdrawn)}"));
        int[] widths = { 16, 14, 14, 12 };
        Line(Row(widths, T("排班", "roster"), T("未覆盖人时", "uncovered (h)"), T("加班人时", "overtime (h)"), T("上岗人数", "on duty")));
        foreach (var (label, solution) in new[] { (T("仅留任人员", "team that stays"), v.TeamOnly), (T("加上志愿者", "with volunteers"), v.WithVolunteers) })
        {
            Line(Row(
                widths,
                label,
                solution.UncoveredHours.ToString("N0", CultureInfo.InvariantCulture),
                solution.OvertimeHours.ToString("N0", CultureInfo.InvariantCulture),
                solution.Assignments.Select(a => a.Candidate).Distinct().Count().ToString(CultureInfo.InvariantCulture)));
        }

        Line(T("排班用核心库的贪心算法（每班 2 人值守白天岗、1 人值守夜岗，每天 8 小时；60 岁以上志愿者不排夜班是本示例的设定）；最优排班见 CommunityControl.Sdk.Scheduling 包。",
               "Rostered by the core's greedy solver (2 people per day-gate shift, 1 per night shift; keeping volunteers of 60 and over off nights is this sample's choice); for optimal rosters see the CommunityControl.Sdk.Scheduling package."));
        Line();
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
    private static string SourceZh(WorkforceSource source) => source switch
    {
        WorkforceSource.Volunteer => "志愿者",
        WorkforceSource.CommunityWorker => "社区工作者",
        WorkforceSource.GridWorker => "网格员",
        WorkforceSource.PropertyStaff => "物业人员",
        WorkforceSource.DeployedCadre => "下沉干部",
        WorkforceSource.PartyMember => "党员志愿者",
        WorkforceSource.HomeownersCommitteeMember => "业委会成员",
        _ => "人员",
    };

    private static string SourceEn(WorkforceSource source, int count)
    {
        var (one, many) = source switch
        {
            WorkforceSource.Volunteer => ("volunteer", "volunteers"),
            WorkforceSource.CommunityWorker => ("community worker", "community workers"),
            WorkforceSource.GridWorker => ("grid worker", "grid workers"),
            WorkforceSource.PropertyStaff => ("member of property staff", "property staff"),
            WorkforceSource.DeployedCadre => ("deployed cadre", "deployed cadres"),
            WorkforceSource.PartyMember => ("Party-member volunteer", "Party-member volunteers"),
            WorkforceSource.HomeownersCommitteeMember => ("homeowners' committee member", "homeowners' committee members"),
            _ => ("person", "people"),
        };
        return count == 1 ? one : many;
    }

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
