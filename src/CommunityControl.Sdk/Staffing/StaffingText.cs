using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CommunityControl.Internal;
using CommunityControl.Risk;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// Chinese and English explanations of staffing gaps, hand-over plans and subsidy statements, chosen by the library's one
/// rule for bilingual text (any <c>zh</c> culture gets the Chinese). The figures are the contract; the wording may change.
/// Persons appear only by their redacted ids.
/// </summary>
internal static class StaffingText
{
    private static readonly Dictionary<StaffingRole, (string Zh, string En)> Roles = new()
    {
        [StaffingRole.Gate] = ("门岗值守", "gate duty"),
        [StaffingRole.DoorToDoor] = ("上门服务", "door-to-door work"),
        [StaffingRole.Patrol] = ("巡查", "patrol"),
        [StaffingRole.Disinfection] = ("消杀", "disinfection"),
        [StaffingRole.GridWork] = ("网格工作", "grid work"),
        [StaffingRole.ScreeningSupport] = ("核酸检测保障", "screening support"),
    };

    private static readonly Dictionary<WorkforceSource, (string Zh, string One, string Many)> Sources = new()
    {
        [WorkforceSource.CommunityWorker] = ("社区工作者", "community worker", "community workers"),
        [WorkforceSource.GridWorker] = ("网格员", "grid worker", "grid workers"),
        [WorkforceSource.PropertyStaff] = ("物业人员", "member of property staff", "property staff"),
        [WorkforceSource.DeployedCadre] = ("下沉干部", "deployed cadre", "deployed cadres"),
        [WorkforceSource.PartyMember] = ("党员志愿者", "Party-member volunteer", "Party-member volunteers"),
        [WorkforceSource.Volunteer] = ("志愿者", "volunteer", "volunteers"),
        [WorkforceSource.HomeownersCommitteeMember] = ("业委会成员", "homeowners' committee member", "homeowners' committee members"),
    };

    private static readonly Dictionary<OvertimeReason, (string Zh, string En)> OvertimeReasons = new()
    {
        [OvertimeReason.RestDay] = ("休息日", "rest day"),
        [OvertimeReason.Holiday] = ("法定节假日", "public holiday"),
        [OvertimeReason.Hours] = ("超时工作", "long hours"),
    };

    internal static string Role(StaffingRole role, bool zh)
        => Roles.TryGetValue(role, out var t) ? (zh ? t.Zh : t.En) : role.ToString();

    internal static string Source(WorkforceSource source, int count, bool zh)
        => Sources.TryGetValue(source, out var t) ? (zh ? t.Zh : count == 1 ? t.One : t.Many) : (zh ? "人员" : count == 1 ? "person" : "people");

    internal static string Overtime(OvertimeReason reason, bool zh)
        => OvertimeReasons.TryGetValue(reason, out var t) ? (zh ? t.Zh : t.En) : reason.ToString();

    internal static string Date(LocalDate date) => date.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture);

    internal static string Hours(double hours) => hours.ToString("#,0.##", CultureInfo.InvariantCulture);

    internal static string Money(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>One line of a plan: who is needed where and when, and what is missing.</summary>
    internal static string Requirement(StaffingRequirement r, RiskLevelDefinition level, CultureInfo culture)
    {
        var zh = Bilingual.IsChinese(culture);
        var shift = $"{r.Shift.Name} {ShiftPattern.Time(r.Shift.Start)}–{ShiftPattern.Time(r.Shift.End)}";
        return zh
            ? $"{Date(r.Date)} {shift}，{r.Zone}（{level.NameZh}）{Role(r.Role, true)}：需 {r.RequiredPeople} 人，已安排 {r.AssignedPeople} 人，缺 {r.GapPeople} 人（{Hours(r.GapPersonHours)} 人时）"
            : $"{Date(r.Date)} {shift}, {r.Zone} ({level.NameEn}) {Role(r.Role, false)}: {r.RequiredPeople} needed, {r.AssignedPeople} assigned, {r.GapPeople} missing ({Hours(r.GapPersonHours)} person-hours)";
    }

    /// <summary>A plan in one paragraph: the need, what is covered, and the gap.</summary>
    internal static string Plan(StaffingPlan plan, CultureInfo culture)
    {
        var zh = Bilingual.IsChinese(culture);
        var t = plan.Totals();
        var gaps = plan.Gaps().Count();
        return zh
            ? $"{Date(plan.Period.Start)} 至 {Date(plan.Period.End)}：需求 {Hours(t.RequiredPersonHours)} 人时，已安排 {Hours(t.AssignedPersonHours)} 人时，缺口 {Hours(t.GapPersonHours)} 人时（{t.GapPeople} 个岗位班次无人，涉及 {gaps} 条需求）"
            : $"{Date(plan.Period.Start)} to {Date(plan.Period.End)}: {Hours(t.RequiredPersonHours)} person-hours needed, {Hours(t.AssignedPersonHours)} assigned, gap {Hours(t.GapPersonHours)} person-hours ({t.GapPeople} post-shifts without a person, in {gaps} lines)";
    }

    /// <summary>A hand-over: the departures, the gap they leave, and each recruitment option.</summary>
    internal static string Transition(TransitionPlan plan, CultureInfo culture)
    {
        var zh = Bilingual.IsChinese(culture);
        if (plan.FirstDeparture is not { } first)
        {
            return zh ? "期间没有下沉干部撤离。" : "No deployed cadre leaves in the period.";
        }

        var text = new StringBuilder();
        var groups = plan.Departures.GroupBy(d => d.LeavesOn).Select(g => zh ? $"{Date(g.Key)} {g.Count()} 人" : $"{g.Count()} on {Date(g.Key)}");
        var after = plan.Days.Where(d => d.Date >= first).ToArray();
        var gap = Hours(after.Sum(d => d.GapPersonHours));
        var stayed = Hours(after.Sum(d => d.GapPersonHoursIfCadresStayed));
        var lost = Hours(after.Sum(d => d.GapFromDeparturesPersonHours));
        text.Append(zh
            ? $"自 {Date(first)} 起 {plan.Departures.Count} 名下沉干部撤离（{string.Join("，", groups)}）。至 {Date(plan.Plan.Period.End)}，缺口 {gap} 人时（若不撤离为 {stayed} 人时，因撤离新增 {lost} 人时）。"
            : $"{plan.Departures.Count} deployed {(plan.Departures.Count == 1 ? "cadre leaves" : "cadres leave")} from {Date(first)} ({string.Join(", ", groups)}). To {Date(plan.Plan.Period.End)}: gap {gap} person-hours ({stayed} had they stayed; {lost} from the departures).");
        foreach (var option in plan.Recruitment)
        {
            text.Append(zh ? string.Empty : " ").Append(Recruitment(option, culture));
        }

        return text.ToString();
    }

    /// <summary>One recruitment option: how many of whom, and whether they close the gap.</summary>
    internal static string Recruitment(RecruitmentOption option, CultureInfo culture)
    {
        var zh = Bilingual.IsChinese(culture);
        var p = option.Profile;
        var who = zh ? $"{option.Count} 名{Source(p.Source, option.Count, true)}（每周 {p.HoursPerWeek} 小时）" : $"{option.Count} {Source(p.Source, option.Count, false)} at {p.HoursPerWeek} h/week";
        if (option.ClosesGap)
        {
            return zh
                ? $"招募 {who}可补齐 {Hours(option.GapWithoutRecruitsPersonHours)} 人时的缺口。"
                : $"Recruiting {who} closes the gap of {Hours(option.GapWithoutRecruitsPersonHours)} person-hours.";
        }

        return zh
            ? $"招募 {who}后，{Hours(option.GapWithoutRecruitsPersonHours)} 人时的缺口仍余 {Hours(option.RemainingGapPersonHours)} 人时（余下的工作需要该类人员不承担的职责或时段）。"
            : $"Recruiting {who} leaves {Hours(option.RemainingGapPersonHours)} of the {Hours(option.GapWithoutRecruitsPersonHours)} person-hours' gap (what is left needs duties or hours this profile does not give).";
    }

    /// <summary>A subsidy statement: whose, under which policy, each day, and the total with the rounding rule.</summary>
    internal static string Statement(SubsidyStatement statement, CultureInfo culture)
    {
        var zh = Bilingual.IsChinese(culture);
        var who = Source(statement.Source, 1, zh);
        var text = new StringBuilder(zh
            ? $"{statement.Person}（{who}），{Date(statement.Period.Start)} 至 {Date(statement.Period.End)}，按 {statement.Policy.Id}［{statement.Policy.Source}］："
            : $"{statement.Person} ({who}), {Date(statement.Period.Start)} to {Date(statement.Period.End)}, under {statement.Policy.Id} [{statement.Policy.Source}]: ");
        if (!statement.IsEligible)
        {
            var eligible = string.Join(zh ? "、" : ", ", statement.Policy.EligibleSources.Select(s => Source(s, 2, zh)));
            text.Append(zh
                ? $"{who}不在补贴范围内（{eligible}），工作 {statement.Days.Count} 天，无应发金额。"
                : $"{Source(statement.Source, 2, false)} are not paid under it ({eligible}); nothing is owed for {statement.Days.Count} day(s) worked.");
            return text.ToString();
        }

        foreach (var day in statement.Days)
        {
            text.Append(day.Describe(culture)).Append(zh ? string.Empty : " ");
        }

        text.Append(zh
            ? $"合计 {Money(statement.Total)} {statement.Currency}（每项金额保留 {statement.Policy.DecimalPlaces} 位小数，四舍五入，合计为各项之和）。"
            : $"Total {Money(statement.Total)} {statement.Currency} (each amount rounded to {statement.Policy.DecimalPlaces} decimal places, midpoints away from zero; the total is their sum).");
        return text.ToString();
    }

    /// <summary>One day of a statement: hours, the level that set the rate, each amount and the day's total.</summary>
    internal static string Day(in SubsidyDay day, SubsidyPolicy policy, RiskLevelDefinition level, bool hasRate, CultureInfo culture)
    {
        var zh = Bilingual.IsChinese(culture);
        var parts = new List<string>
        {
            hasRate ? (zh ? $"日补贴 {Money(day.DailySubsidy)}" : $"{Money(day.DailySubsidy)} daily") : (zh ? $"{level.NameZh}无日补贴标准" : $"no daily rate for {level.NameEn}"),
        };
        if (day.OvertimeReason != OvertimeReason.None)
        {
            var reason = Overtime(day.OvertimeReason, zh);
            parts.Add(policy.OvertimeDayRate is null
                ? (zh ? $"{reason}加班（无标准）" : $"overtime day ({reason}) without a rate")
                : (zh ? $"{reason}加班 {Money(day.Overtime)}" : $"{Money(day.Overtime)} overtime ({reason})"));
        }

        if (policy.TransportPerDay is not null)
        {
            parts.Add(zh ? $"交通补贴 {Money(day.Transport)}" : $"{Money(day.Transport)} transport");
        }

        if (policy.MealPerDay is not null)
        {
            parts.Add(zh ? $"餐补 {Money(day.Meal)}" : $"{Money(day.Meal)} meal");
        }

        return zh
            ? $"{Date(day.Date)}：在 {day.Zone}（{level.NameZh}）工作 {Hours(day.PaidHours)} 小时 → {string.Join(" + ", parts)} = {Money(day.Total)} {policy.Currency}。"
            : $"{Date(day.Date)}: {Hours(day.PaidHours)} h at {day.Zone} ({level.NameEn}) → {string.Join(" + ", parts)} = {Money(day.Total)} {policy.Currency}.";
    }
}
