using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CommunityControl.Internal;
using CommunityControl.Risk;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// What one person is owed for one period under a <see cref="SubsidyPolicy"/>, day by day, from the shifts they worked in a
/// <see cref="StaffingPlan"/>. Every amount explains itself.
/// </summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class SubsidyStatement
{
    internal SubsidyStatement(SubsidyPolicy policy, PersonId person, WorkforceSource source, DateInterval period, bool eligible, SubsidyDay[] days)
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

    /// <summary>
    /// Explains the statement in Chinese or English by the library's one rule for bilingual text (any <c>zh</c> culture gets
    /// the Simplified Chinese): the person (id redacted), the policy, each day (<see cref="SubsidyDay.Describe"/>) and the
    /// total with the rounding rule; for a source the policy does not pay, why nothing is owed.
    /// </summary>
    /// <param name="culture">The culture, e.g. <c>CultureInfo.GetCultureInfo("zh-CN")</c>.</param>
    /// <returns>The explanation; the wording may change between versions, the amounts are the contract.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string Describe(CultureInfo culture) => StaffingText.Statement(this, Guard.NotNull(culture));

    /// <summary>Returns e.g. <c>person#3fa9c2d1: 1,050.00 CNY for 15 days (2020-02-10..2020-02-24)</c> (the id only redacted).</summary>
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
            days.Add(new SubsidyDay(policy, plan.Policy.Scale.Describe(level), g.Key, top.Zone, level, hours, hasRate, daily, reason, overtime, transport, meal));
        }

        return new SubsidyStatement(policy, member.Id, member.Source, period, eligible, days.ToArray());
    }
}
