using System.Globalization;
using CommunityControl.Internal;

namespace CommunityControl.Staffing;

/// <summary>
/// Chinese and English texts of the support results: attendance, door-to-door requests and protective supplies. The
/// language is chosen by <see cref="Bilingual"/>, the library's one rule; numbers are formatted invariantly.
/// </summary>
internal static class SupportText
{
    public static string Attendance(AttendanceSheet sheet, CultureInfo culture)
    {
        var c = CultureInfo.InvariantCulture;
        var share = sheet.PlannedHours > 0 ? sheet.ActualHours / sheet.PlannedHours : 0;
        return Bilingual.Pick(
            culture,
            string.Format(c, "出勤：计划 {0:0.##} 小时，实际 {1:0.##} 小时（{2:0.#%}）；{3} 个班次缺勤（共 {4} 个）；缺少签退 {5} 次；无效签退 {6} 次；重复打卡 {7} 次；计划外 {8:0.##} 小时不计补贴。", sheet.PlannedHours, sheet.ActualHours, share, sheet.AbsentShifts, sheet.Shifts.Count, sheet.MissingClockOuts, sheet.StrayClockOuts, sheet.RepeatedRecords, sheet.UnplannedHours),
            string.Format(c, "Attendance: {0:0.##} h planned, {1:0.##} h worked ({2:0.#%}); {3} of {4} shifts absent; {5} missing clock-out(s); {6} stray clock-out(s); {7} repeated record(s); {8:0.##} h outside planned shifts, not paid.", sheet.PlannedHours, sheet.ActualHours, share, sheet.AbsentShifts, sheet.Shifts.Count, sheet.MissingClockOuts, sheet.StrayClockOuts, sheet.RepeatedRecords, sheet.UnplannedHours));
    }

    public static string Supply(SupplyAllocation a, CultureInfo culture)
    {
        var c = CultureInfo.InvariantCulture;
        var others = a.Demand - a.FrontLineDemand;
        var othersGiven = a.Allocated - a.FrontLineAllocated;
        var zh = a.Item switch { ProtectiveItem.Mask => "口罩", ProtectiveItem.Gloves => "手套", ProtectiveItem.Gown => "防护服", ProtectiveItem.Sanitizer => "手消毒液", _ => a.Item.ToString() };
        return Bilingual.Pick(
            culture,
            string.Format(c, "{0:uuuu'-'MM'-'dd} {1}：库存 {2}，需要 {3}；一线岗位 {4}/{5}，其他岗位 {6}/{7}；缺口 {8}。", a.Date, zh, a.Stock, a.Demand, a.FrontLineAllocated, a.FrontLineDemand, othersGiven, others, a.Shortfall),
            string.Format(c, "{0:uuuu'-'MM'-'dd} {1}: stock {2}, need {3}; front line {4} of {5}, others {6} of {7}; short {8}.", a.Date, a.Item, a.Stock, a.Demand, a.FrontLineAllocated, a.FrontLineDemand, othersGiven, others, a.Shortfall));
    }

    public static string Requests(int count, long ordered, long delivered, CultureInfo culture)
        => Bilingual.Pick(
            culture,
            string.Format(CultureInfo.InvariantCulture, "代购代送：{0} 单，订购 {1} 件，已送达 {2} 件，待送 {3} 件。", count, ordered, delivered, ordered - delivered),
            string.Format(CultureInfo.InvariantCulture, "Door-to-door: {0} requests, {1} units ordered, {2} delivered, {3} outstanding.", count, ordered, delivered, ordered - delivered));
}
