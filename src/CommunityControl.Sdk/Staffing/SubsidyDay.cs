using System.Globalization;
using System.Text;
using CommunityControl.Risk;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>One day of a <see cref="SubsidyStatement"/>.</summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public readonly struct SubsidyDay
{
    private readonly SubsidyPolicy _policy;
    private readonly RiskLevelDefinition _level;
    private readonly bool _hasRate;

    internal SubsidyDay(SubsidyPolicy policy, RiskLevelDefinition definition, LocalDate date, ZoneId zone, RiskLevel level, double hours, bool hasRate, decimal daily, OvertimeReason reason, decimal overtime, decimal transport, decimal meal)
    {
        _policy = policy;
        _level = definition;
        _hasRate = hasRate;
        Date = date;
        Zone = zone;
        Level = level;
        PaidHours = hours;
        DailySubsidy = daily;
        OvertimeReason = reason;
        Overtime = overtime;
        Transport = transport;
        Meal = meal;
    }

    /// <summary>Gets the day.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the zone whose level set the daily subsidy (the highest level worked in that day).</summary>
    public ZoneId Zone { get; }

    /// <summary>Gets that zone's level.</summary>
    public RiskLevel Level { get; }

    /// <summary>Gets the paid hours worked (shifts starting that day).</summary>
    public double PaidHours { get; }

    /// <summary>Gets the daily subsidy by level.</summary>
    public decimal DailySubsidy { get; }

    /// <summary>Gets why the day is an overtime day, if it is.</summary>
    public OvertimeReason OvertimeReason { get; }

    /// <summary>Gets the overtime-day amount.</summary>
    public decimal Overtime { get; }

    /// <summary>Gets the transport allowance.</summary>
    public decimal Transport { get; }

    /// <summary>Gets the meal allowance.</summary>
    public decimal Meal { get; }

    /// <summary>Gets the code of <see cref="Level"/> on the plan's scale.</summary>
    internal string LevelCode => _level.Code;

    /// <summary>Gets the day's total.</summary>
    public decimal Total => DailySubsidy + Overtime + Transport + Meal;

    /// <summary>Explains the day, e.g. <c>2020-02-15: 12.5 h at 500101-001-01 (High) → 70.00 daily + 150.00 overtime (RestDay) = 220.00 CNY.</c></summary>
    /// <returns>The explanation.</returns>
    public string Explain()
    {
        if (_policy is null)
        {
            return "(no day)";
        }

        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendFormat(c, "{0:uuuu'-'MM'-'dd}: {1:0.##} h at {2} ({3}) → ", Date, PaidHours, Zone, _level.Code);
        text.Append(_hasRate ? DailySubsidy.ToString("0.00", c) + " daily" : "no daily rate for " + _level.Code);
        if (OvertimeReason != OvertimeReason.None)
        {
            text.Append(_policy.OvertimeDayRate is null ? $", overtime day ({OvertimeReason}) without a rate" : $" + {Overtime.ToString("0.00", c)} overtime ({OvertimeReason})");
        }

        if (_policy.TransportPerDay is not null)
        {
            text.Append(" + ").Append(Transport.ToString("0.00", c)).Append(" transport");
        }

        if (_policy.MealPerDay is not null)
        {
            text.Append(" + ").Append(Meal.ToString("0.00", c)).Append(" meal");
        }

        text.Append(" = ").Append(Total.ToString("0.00", c)).Append(' ').Append(_policy.Currency).Append('.');
        return text.ToString();
    }

    /// <summary>
    /// Explains the day in Chinese or English by the library's one rule for bilingual text (any <c>zh</c> culture gets the
    /// Simplified Chinese): the hours, the zone and its level's name, each amount and the day's total.
    /// </summary>
    /// <param name="culture">The culture, e.g. <c>CultureInfo.GetCultureInfo("zh-CN")</c>.</param>
    /// <returns>E.g. <c>2020-02-15：在 500101-001-01（高风险）工作 12.5 小时 → 日补贴 70.00 + 休息日加班 150.00 = 220.00 CNY。</c> or
    /// <c>2020-02-15: 12.5 h at 500101-001-01 (High risk) → 70.00 daily + 150.00 overtime (rest day) = 220.00 CNY.</c> The wording may change between versions.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string Describe(CultureInfo culture)
    {
        CommunityControl.Internal.Guard.NotNull(culture);
        return _policy is null ? (CommunityControl.Internal.Bilingual.IsChinese(culture) ? "（无）" : "(no day)") : StaffingText.Day(this, _policy, _level, _hasRate, culture);
    }

    /// <summary>Returns <see cref="Explain"/>.</summary>
    /// <returns>The explanation.</returns>
    public override string ToString() => Explain();
}
