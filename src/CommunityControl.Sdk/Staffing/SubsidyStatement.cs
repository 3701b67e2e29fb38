using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Text;
using CommunityControl.Internal;
using CommunityControl.Risk;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// What a worker is owed for epidemic duty: a daily subsidy by the level of the zone worked in, a rate for overtime days
/// (rest days, holidays, or days beyond regular hours), and transport and meal allowances per day worked.
/// </summary>
/// <remarks>
/// <para>Amounts are <see cref="decimal"/> in <see cref="Currency"/>. Each amount on a statement is rounded to
/// <see cref="DecimalPlaces"/> places, midpoints away from zero, and the total is the sum of the rounded amounts.</para>
/// <para>Presets (<see cref="Sichuan2020"/>, <see cref="Xiamen2020"/>) carry only the figures the reference gives; transport and meal
/// allowances are UNCONFIRMED (cn-policy.md §3, §7 item 7) and have no default.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class SubsidyPolicy
{
    private SubsidyPolicy(string id, string source, RiskScale? scale, string currency, SortedDictionary<RiskLevel, decimal> daily, decimal? overtime, decimal? transport, decimal? meal, WorkforceSource[] eligible, int decimals)
    {
        Id = id;
        Scale = scale;
        Source = source;
        Currency = currency;
        DailyByLevel = new ReadOnlyDictionary<RiskLevel, decimal>(daily);
        OvertimeDayRate = overtime;
        TransportPerDay = transport;
        MealPerDay = meal;
        EligibleSources = Array.AsReadOnly(eligible);
        DecimalPlaces = decimals;
    }

    /// <summary>Gets the policy's id, e.g. <c>sichuan-2020-04-10</c>.</summary>
    public string Id { get; }

    /// <summary>Gets the source of the figures.</summary>
    public string Source { get; }

    /// <summary>Gets the scale whose levels key <see cref="DailyByLevel"/>, or null when the policy pays nothing by level;
    /// a statement for a plan on another scale is refused rather than read by severity alone.</summary>
    public RiskScale? Scale { get; }

    /// <summary>Gets the ISO 4217 currency code.</summary>
    /// <value><c>CNY</c> unless set.</value>
    public string Currency { get; }

    /// <summary>Gets the daily subsidy per level of the zone worked in; a level not listed pays none.</summary>
    public IReadOnlyDictionary<RiskLevel, decimal> DailyByLevel { get; }

    /// <summary>Gets the amount per overtime day, or null (none).</summary>
    public decimal? OvertimeDayRate { get; }

    /// <summary>Gets the transport allowance per day worked, or null (none; no default: UNCONFIRMED).</summary>
    public decimal? TransportPerDay { get; }

    /// <summary>Gets the meal allowance per day worked, or null (none; no default: UNCONFIRMED).</summary>
    public decimal? MealPerDay { get; }

    /// <summary>Gets the sources paid under the policy.</summary>
    public IReadOnlyList<WorkforceSource> EligibleSources { get; }

    /// <summary>Gets the decimal places amounts are rounded to (midpoints away from zero).</summary>
    /// <value>2 unless set (fen).</value>
    public int DecimalPlaces { get; }

    /// <summary>Creates a policy; every problem is reported at once.</summary>
    /// <param name="id">The policy's id.</param>
    /// <param name="source">Where the figures come from.</param>
    /// <param name="dailyByLevel">The daily subsidy per level; amounts not negative.</param>
    /// <param name="overtimeDayRate">The amount per overtime day, or null.</param>
    /// <param name="eligibleSources">The sources paid; at least one.</param>
    /// <param name="currency">The ISO 4217 code (three letters).</param>
    /// <param name="decimalPlaces">Rounding places, 0–4.</param>
    /// <param name="scale">The scale whose levels key <paramref name="dailyByLevel"/>; required when it is not empty.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="scale"/> is null.</exception>
    /// <exception cref="ModelValidationException">An amount is negative, no source is eligible, the currency or places are
    /// invalid, or daily rates are given without a scale.</exception>
    public static SubsidyPolicy Create(string id, string source, IEnumerable<KeyValuePair<RiskLevel, decimal>> dailyByLevel, decimal? overtimeDayRate, IEnumerable<WorkforceSource> eligibleSources, string currency = "CNY", int decimalPlaces = 2, RiskScale? scale = null)
        => Build(Guard.NotNull(id), Guard.NotNull(source), scale, Guard.NotNull(dailyByLevel).ToArray(), overtimeDayRate, null, null, Guard.NotNull(eligibleSources).ToArray(), Guard.NotNull(currency), decimalPlaces);

    /// <summary>Returns a copy with transport and meal allowances per day worked (no default: the reference gives none).</summary>
    /// <param name="transportPerDay">The transport allowance, or null.</param>
    /// <param name="mealPerDay">The meal allowance, or null.</param>
    /// <returns>The new policy.</returns>
    /// <exception cref="ModelValidationException">An amount is negative.</exception>
    public SubsidyPolicy WithAllowances(decimal? transportPerDay, decimal? mealPerDay)
        => Build(Id, Source, Scale, DailyByLevel.ToArray(), OvertimeDayRate, transportPerDay, mealPerDay, EligibleSources.ToArray(), Currency, DecimalPlaces);

    /// <summary>Returns a copy with an overtime-day rate (e.g. to combine Sichuan's daily rates with Xiamen's 150 CNY).</summary>
    /// <param name="overtimeDayRate">The amount per overtime day, or null.</param>
    /// <returns>The new policy.</returns>
    /// <exception cref="ModelValidationException">The amount is negative.</exception>
    public SubsidyPolicy WithOvertimeDayRate(decimal? overtimeDayRate)
        => Build(Id, Source, Scale, DailyByLevel.ToArray(), overtimeDayRate, TransportPerDay, MealPerDay, EligibleSources.ToArray(), Currency, DecimalPlaces);

    /// <summary>Returns a copy paying other sources.</summary>
    /// <param name="sources">The sources paid; at least one.</param>
    /// <returns>The new policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sources"/> is null.</exception>
    /// <exception cref="ModelValidationException">No source, or an undefined one.</exception>
    public SubsidyPolicy WithEligibleSources(params WorkforceSource[] sources)
        => Build(Id, Source, Scale, DailyByLevel.ToArray(), OvertimeDayRate, TransportPerDay, MealPerDay, Guard.NotNull(sources), Currency, DecimalPlaces);

    /// <summary>Returns the id and the rates in words.</summary>
    /// <returns>E.g. <c>sichuan-2020-04-10: Low 30, Medium 50, High 70 CNY/day</c>.</returns>
    public override string ToString()
    {
        var parts = new List<string>();
        if (DailyByLevel.Count > 0)
        {
            parts.Add(string.Join(", ", DailyByLevel.Select(p => Scale!.Describe(p.Key).Code + " " + p.Value.ToString(CultureInfo.InvariantCulture))) + $" {Currency}/day");
        }

        if (OvertimeDayRate is { } o)
        {
            parts.Add($"overtime {o.ToString(CultureInfo.InvariantCulture)} {Currency}/day");
        }

        return Id + ": " + string.Join("; ", parts);
    }

    internal decimal Round(decimal amount) => Math.Round(amount, DecimalPlaces, MidpointRounding.AwayFromZero);

    private static SubsidyPolicy Build(string id, string source, RiskScale? scale, KeyValuePair<RiskLevel, decimal>[] daily, decimal? overtime, decimal? transport, decimal? meal, WorkforceSource[] eligible, string currency, int decimals)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(id))
        {
            failures.Add("id: is required.");
        }

        var byLevel = new SortedDictionary<RiskLevel, decimal>();
        foreach (var pair in daily)
        {
            if (pair.Value < 0)
            {
                failures.Add($"dailyByLevel: the amount for severity {pair.Key.Severity} must not be negative.");
            }

            if (byLevel.ContainsKey(pair.Key))
            {
                failures.Add($"dailyByLevel: severity {pair.Key.Severity} is listed twice.");
            }

            byLevel[pair.Key] = pair.Value;
        }

        if (daily.Length > 0 && scale is null)
        {
            failures.Add("scale: daily rates by level need the scale that names the levels.");
        }

        if (overtime < 0)
        {
            failures.Add("overtimeDayRate: must not be negative.");
        }

        if (transport < 0)
        {
            failures.Add("transportPerDay: must not be negative.");
        }

        if (meal < 0)
        {
            failures.Add("mealPerDay: must not be negative.");
        }

        if (eligible.Length == 0 || eligible.Any(s => s is < WorkforceSource.CommunityWorker or > WorkforceSource.HomeownersCommitteeMember))
        {
            failures.Add("eligibleSources: at least one, and only defined sources.");
        }

        if (currency.Length != 3 || currency.Any(ch => ch < 'A' || ch > 'Z'))
        {
            failures.Add("currency: an ISO 4217 code of three capital letters, e.g. CNY.");
        }

        if (decimals is < 0 or > 4)
        {
            failures.Add($"decimalPlaces: 0 to 4; it was {decimals}.");
        }

        if (failures.Count > 0)
        {
            throw new ModelValidationException(typeof(SubsidyPolicy), failures);
        }

        return new SubsidyPolicy(id, source, scale, currency, byLevel, overtime, transport, meal, eligible.Distinct().ToArray(), decimals);
    }

    /// <summary>
    /// Sichuan, 2020-04-10: at least 70 / 50 / 30 CNY per person per day in high / medium / low-risk areas, during a level
    /// I or II response (cn-policy.md §3, S26c). The reference says "≥": the preset pays the stated minimums (High 70,
    /// Medium 50, Low 30 on <see cref="RiskScales.ChinaLowMediumHigh"/>). Apply it only to days of a level I/II response.
    /// The reference says "worker subsidies" without naming the workers: the preset pays community workers; widen it with
    /// <see cref="SubsidyPolicy.WithEligibleSources"/>.
    /// </summary>
    public static SubsidyPolicy Sichuan2020 { get; } = SubsidyPolicy.Create(
        "sichuan-2020-04-10",
        "Sichuan 2020-04-10: ≥70 / ≥50 / ≥30 CNY per person per day in high / medium / low-risk areas during level I/II response; the preset uses the minimums (cn-policy.md §3, S26c)",
        new[]
        {
            new KeyValuePair<RiskLevel, decimal>(RiskScales.ChinaLowMediumHigh["Low"], 30m),
            new KeyValuePair<RiskLevel, decimal>(RiskScales.ChinaLowMediumHigh["Medium"], 50m),
            new KeyValuePair<RiskLevel, decimal>(RiskScales.ChinaLowMediumHigh["High"], 70m),
        },
        overtimeDayRate: null,
        new[] { WorkforceSource.CommunityWorker },
        scale: RiskScales.ChinaLowMediumHigh);

    /// <summary>
    /// Xiamen, 2020-04: 150 CNY per person per day for overtime, rest days and holidays (cn-policy.md §3, S26d). Pays
    /// community workers; widen it with <see cref="SubsidyPolicy.WithEligibleSources"/>. Which days are rest days and
    /// holidays is the caller's <see cref="SubsidyCalendar"/>.
    /// </summary>
    public static SubsidyPolicy Xiamen2020 { get; } = SubsidyPolicy.Create(
        "xiamen-2020-04",
        "Xiamen 2020-04: 150 CNY per person per day for overtime, rest days and holidays (cn-policy.md §3, S26d)",
        Array.Empty<KeyValuePair<RiskLevel, decimal>>(),
        overtimeDayRate: 150m,
        new[] { WorkforceSource.CommunityWorker });
}

/// <summary>Which days count as overtime days for a <see cref="SubsidyStatement"/>: rest days, holidays, and days worked beyond regular hours.</summary>
/// <remarks>No default: rest days, holidays and regular hours are the employer's and the year's; empty means none.</remarks>
/// <threadsafety static="true" instance="true">Immutable once built.</threadsafety>
public sealed class SubsidyCalendar
{
    /// <summary>Gets a calendar with no rest days, no holidays and no regular-hours limit.</summary>
    public static SubsidyCalendar None { get; } = new();

    /// <summary>Gets the weekly rest days (e.g. Saturday and Sunday).</summary>
    public IReadOnlyList<IsoDayOfWeek> RestDays { get; init; } = Array.Empty<IsoDayOfWeek>();

    /// <summary>
    /// Gets the public holidays: the same <see cref="HolidayCalendar"/> a risk evaluation takes, so a holiday may be scoped
    /// to a zone (it applies to the days worked in that zone or below it).
    /// </summary>
    public HolidayCalendar Holidays { get; init; } = HolidayCalendar.Empty;

    /// <summary>Gets the regular paid hours per day; a day worked beyond them is an overtime day. Null: hours never make a day overtime.</summary>
    public double? RegularHoursPerDay { get; init; }
}

/// <summary>Why a day is an overtime day.</summary>
public enum OvertimeReason
{
    /// <summary>Not an overtime day.</summary>
    None = 0,

    /// <summary>A weekly rest day.</summary>
    RestDay = 1,

    /// <summary>A public holiday.</summary>
    Holiday = 2,

    /// <summary>More paid hours than the regular hours per day.</summary>
    Hours = 3,
}

/// <summary>
/// What one person is owed for one period under a <see cref="SubsidyPolicy"/>, day by day, from the shifts they worked in a
/// <see cref="StaffingPlan"/>. Every amount explains itself.
/// </summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class SubsidyStatement
{
    private SubsidyStatement(SubsidyPolicy policy, PersonId person, WorkforceSource source, DateInterval period, bool eligible, SubsidyDay[] days)
    {
        Policy = policy;
        Person = person;
        Source = source;
        Period = period;
        IsEligible = eligible;
        Days = Array.AsReadOnly(days);
        DailySubsidy = days.Sum(d => d.DailySubsidy);
        Overtime = days.Sum(d => d.Overtime);
        Transport = days.Sum(d => d.Transport);
        Meal = days.Sum(d => d.Meal);
        Total = days.Sum(d => d.Total);
    }

    /// <summary>Gets the policy.</summary>
    public SubsidyPolicy Policy { get; }

    /// <summary>Gets the person.</summary>
    public PersonId Person { get; }

    /// <summary>Gets the person's source.</summary>
    public WorkforceSource Source { get; }

    /// <summary>Gets the period.</summary>
    public DateInterval Period { get; }

    /// <summary>Gets the currency.</summary>
    public string Currency => Policy.Currency;

    /// <summary>Gets a value indicating whether the person's source is paid under the policy (if not, every amount is 0).</summary>
    public bool IsEligible { get; }

    /// <summary>Gets the days worked in the period, with their amounts.</summary>
    public IReadOnlyList<SubsidyDay> Days { get; }

    /// <summary>Gets the sum of the daily subsidies by level.</summary>
    public decimal DailySubsidy { get; }

    /// <summary>Gets the sum of the overtime-day amounts.</summary>
    public decimal Overtime { get; }

    /// <summary>Gets the sum of the transport allowances.</summary>
    public decimal Transport { get; }

    /// <summary>Gets the sum of the meal allowances.</summary>
    public decimal Meal { get; }

    /// <summary>Gets the total: the sum of every rounded amount.</summary>
    public decimal Total { get; }

    /// <summary>Works out one person's statement.</summary>
    /// <param name="policy">The subsidy policy.</param>
    /// <param name="plan">The plan whose shifts the person worked.</param>
    /// <param name="person">The person.</param>
    /// <param name="period">The period (days outside the plan have no shifts).</param>
    /// <param name="calendar">Rest days, holidays and regular hours.</param>
    /// <returns>The statement.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="person"/> is not in the plan's workforce, or the plan's scale is not the policy's.</exception>
    public static SubsidyStatement Calculate(SubsidyPolicy policy, StaffingPlan plan, PersonId person, DateInterval period, SubsidyCalendar calendar)
    {
        Guard.NotNull(policy);
        Guard.NotNull(plan);
        Guard.NotNull(period);
        Guard.NotNull(calendar);
        CheckScale(policy, plan);
        var index = plan.Workforce.IndexOf(person);
        if (index < 0)
        {
            throw new ArgumentException($"The plan's workforce has no person '{person}'.", nameof(person));
        }

        return Build(policy, plan, plan.Workforce[index], period, calendar);
    }

    /// <summary>Works out the statement of everyone who worked a shift in the period.</summary>
    /// <param name="policy">The subsidy policy.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="period">The period.</param>
    /// <param name="calendar">Rest days, holidays and regular hours.</param>
    /// <returns>The statements, in workforce order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The plan's scale is not the policy's.</exception>
    public static IReadOnlyList<SubsidyStatement> CalculateAll(SubsidyPolicy policy, StaffingPlan plan, DateInterval period, SubsidyCalendar calendar)
    {
        Guard.NotNull(policy);
        Guard.NotNull(plan);
        Guard.NotNull(period);
        Guard.NotNull(calendar);
        CheckScale(policy, plan);
        return plan.Workforce
            .Select(m => Build(policy, plan, m, period, calendar))
            .Where(s => s.Days.Count > 0)
            .ToArray();
    }

    /// <summary>Explains the statement in English, day by day, with the rounding rule.</summary>
    /// <returns>The explanation.</returns>
    public string Explain()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendFormat(c, "{0} ({1}), {2:uuuu'-'MM'-'dd}..{3:uuuu'-'MM'-'dd}, under {4} [{5}]: ", Person, Source, Period.Start, Period.End, Policy.Id, Policy.Source);
        if (!IsEligible)
        {
            text.AppendFormat(c, "{0} is not an eligible source ({1}); nothing is owed for {2} day(s) worked.", Source, string.Join(", ", Policy.EligibleSources), Days.Count);
            return text.ToString();
        }

        foreach (var day in Days)
        {
            text.Append(day.Explain()).Append(' ');
        }

        text.AppendFormat(c, "Total {0} {1} (each amount rounded to {2} decimal places, midpoints away from zero; the total is their sum).", Total.ToString("0.00", c), Currency, Policy.DecimalPlaces);
        return text.ToString();
    }

    /// <summary>Returns e.g. <c>cw-01: 1,050.00 CNY for 15 days (2020-02-10..2020-02-24)</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}: {1:#,0.00} {2} for {3} days ({4:uuuu'-'MM'-'dd}..{5:uuuu'-'MM'-'dd})", Person, Total, Currency, Days.Count, Period.Start, Period.End);

    private static void CheckScale(SubsidyPolicy policy, StaffingPlan plan)
    {
        if (policy.Scale is { } scale && scale.Id != plan.Policy.Scale.Id)
        {
            throw new ArgumentException($"The subsidy policy '{policy.Id}' pays by levels of '{scale.Id}', but the plan's levels are of '{plan.Policy.Scale.Id}'.", nameof(plan));
        }
    }

    private static SubsidyStatement Build(SubsidyPolicy policy, StaffingPlan plan, StaffMember member, DateInterval period, SubsidyCalendar calendar)
    {
        var eligible = policy.EligibleSources.Contains(member.Source);
        var byDay = plan.AssignmentsOf(member.Id)
            .Where(a => period.Contains(a.Date))
            .GroupBy(a => a.Date)
            .OrderBy(g => g.Key);
        var days = new List<SubsidyDay>();
        foreach (var g in byDay)
        {
            var top = g.OrderByDescending(a => a.ZoneLevel).ThenBy(a => a.Zone).First();
            var level = top.ZoneLevel;
            var hours = g.Sum(a => a.PaidHours);
            var reason = (calendar.Holidays ?? HolidayCalendar.Empty).IsHoliday(plan.Tree, plan.Tree.IndexOf(top.Zone), g.Key) ? OvertimeReason.Holiday
                : calendar.RestDays.Contains(g.Key.DayOfWeek) ? OvertimeReason.RestDay
                : calendar.RegularHoursPerDay is { } regular && hours > regular + 1e-9 ? OvertimeReason.Hours
                : OvertimeReason.None;
            var hasRate = policy.DailyByLevel.TryGetValue(level, out var rate);
            var daily = eligible && hasRate ? policy.Round(rate) : 0m;
            var overtime = eligible && reason != OvertimeReason.None && policy.OvertimeDayRate is { } o ? policy.Round(o) : 0m;
            var transport = eligible && policy.TransportPerDay is { } t ? policy.Round(t) : 0m;
            var meal = eligible && policy.MealPerDay is { } m ? policy.Round(m) : 0m;
            days.Add(new SubsidyDay(policy, plan.Policy.Scale.Describe(level).Code, g.Key, top.Zone, level, hours, hasRate, daily, reason, overtime, transport, meal));
        }

        return new SubsidyStatement(policy, member.Id, member.Source, period, eligible, days.ToArray());
    }
}

/// <summary>One day of a <see cref="SubsidyStatement"/>.</summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public readonly struct SubsidyDay
{
    private readonly SubsidyPolicy _policy;
    private readonly string _levelCode;
    private readonly bool _hasRate;

    internal SubsidyDay(SubsidyPolicy policy, string levelCode, LocalDate date, ZoneId zone, RiskLevel level, double hours, bool hasRate, decimal daily, OvertimeReason reason, decimal overtime, decimal transport, decimal meal)
    {
        _policy = policy;
        _levelCode = levelCode;
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
        text.AppendFormat(c, "{0:uuuu'-'MM'-'dd}: {1:0.##} h at {2} ({3}) → ", Date, PaidHours, Zone, _levelCode);
        text.Append(_hasRate ? DailySubsidy.ToString("0.00", c) + " daily" : "no daily rate for " + _levelCode);
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

    /// <summary>Returns <see cref="Explain"/>.</summary>
    /// <returns>The explanation.</returns>
    public override string ToString() => Explain();
}
