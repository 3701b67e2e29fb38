using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CommunityControl.Internal;

namespace CommunityControl.Risk;

/// <summary>
/// Chinese and English explanations of the built-in <see cref="RiskReasonCodes"/>, chosen by the library's one rule for
/// bilingual text (any <c>zh</c> culture gets the Chinese). The codes are the contract; the wording may change.
/// </summary>
internal static class RiskText
{
    private static readonly Dictionary<string, (string Zh, string En)> Reasons = new()
    {
        [RiskReasonCodes.ResidenceOfCase] = ("病例居住地", "residence of a case"),
        [RiskReasonCodes.ActivityPlaceOfCase] = ("病例工作或活动场所", "a place where a case worked or stayed"),
        [RiskReasonCodes.HighRiskActivityPlace] = ("病例频繁活动的高风险场所", "a high-risk place a case visited often"),
        [RiskReasonCodes.SteppedDown] = ("连续无新增感染者，降级", "stepped down after days without a new infection"),
        [RiskReasonCodes.DesignationLifted] = ("解除风险区", "designation lifted"),
        [RiskReasonCodes.AwaitingScreening] = ("等待全员核酸检测结果均为阴性后方可降级", "waits for an all-negative screening round before stepping down"),
        [RiskReasonCodes.ZoneCoarserThanDrawingUnit] = ("病例地址仅精确到比划定单位更大的范围", "the place is known only at a zone larger than the drawing unit"),
        [RiskReasonCodes.CountThreshold] = ("病例数达到分级标准", "a row of the case-count table matched"),
        [RiskReasonCodes.IndicatorBand] = ("指标值落入该等级区间", "an indicator value fell in the level's band"),
        [RiskReasonCodes.ThresholdExceeded] = ("指标连续超过阈值，措施生效", "the threshold was exceeded on enough consecutive days"),
        [RiskReasonCodes.ThresholdUndercut] = ("指标连续低于阈值，措施解除", "the indicator stayed under the threshold on enough consecutive days"),
        [RiskReasonCodes.BelowThresholds] = ("未达任何阈值", "no threshold is in force"),
        [RiskReasonCodes.Certified] = ("认定为无疫情小区", "certified epidemic-free"),
        [RiskReasonCodes.Suspended] = ("出现疑似病例，暂停无疫情认定", "certification suspended by a new suspected case"),
        [RiskReasonCodes.Revoked] = ("出现确诊病例，撤销无疫情认定", "certification revoked by a confirmed case"),
        [RiskReasonCodes.NotCertified] = ("尚未认定为无疫情小区", "not (yet) certified epidemic-free"),
        [RiskReasonCodes.CountyBaseline] = ("所在县（区）有风险区，其余区域为低风险区", "the county has a risk area, so the rest of it is at the baseline level"),
        [RiskReasonCodes.NoRiskZoneLeft] = ("县（区）内已无风险区，恢复常态化", "no risk area is left in the county: back to normal"),
        [RiskReasonCodes.HighestOfParts] = ("取所辖区域的最高等级", "the highest level of its parts"),
        [RiskReasonCodes.MissingIndicator] = ("数据不足：缺少所需指标值", "insufficient data: an indicator value the rule needs is missing"),
        [RiskReasonCodes.DateNotCovered] = ("数据不足：历史记录未覆盖该日期", "insufficient data: the history does not cover the date"),
        [RiskReasonCodes.GradeMatrixCell] = ("按所在地区风险等级与本区域类型确定", "set by the area's risk level and the zone's own type"),
        [RiskReasonCodes.GradeMatrixOpenCell] = ("数据不足：政策未规定该地区等级与区域类型的组合", "insufficient data: the edition does not say what this pair of area level and zone type means"),
        [RiskReasonCodes.HolidayCalendarMissing] = ("数据不足：按工作日计数但未提供节假日历", "insufficient data: the rule counts working days and no holiday calendar was given"),
    };

    internal static string Describe(RiskReason reason, CultureInfo culture)
    {
        var zh = Bilingual.IsChinese(culture);
        var text = new StringBuilder(Reasons.TryGetValue(reason.Code, out var t) ? (zh ? t.Zh : t.En) : reason.Code);
        var parts = new List<string>();
        if (reason.RedactedCaseId is { } id)
        {
            parts.Add(zh ? "病例 " + id : id); // the redacted id reads "case#…" already
        }

        if (!reason.Zone.IsEmpty)
        {
            parts.Add((zh ? "区域 " : "zone ") + reason.Zone.Value);
        }

        if (reason.Metric is { } metric)
        {
            parts.Add(reason.Value is { } v ? metric + " " + v.ToString("0.##", CultureInfo.InvariantCulture) : metric);
        }

        if (reason.EvidenceDate is { } date)
        {
            parts.Add(date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
        }

        if (parts.Count > 0)
        {
            text.Append(zh ? "（" : " (").Append(string.Join(zh ? "，" : ", ", parts)).Append(zh ? "）" : ")");
        }

        return text.ToString();
    }
}
