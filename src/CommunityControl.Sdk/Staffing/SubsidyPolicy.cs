using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using CommunityControl.Internal;
using CommunityControl.Risk;

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
    /// <summary>The largest amount accepted for any daily rate or allowance: 1,000,000 (in the policy's currency). It keeps
    /// every statement's sums far from <see cref="decimal.MaxValue"/>.</summary>
    public const decimal MaximumDailyAmount = 1_000_000m;

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
    /// <exception cref="ModelValidationException">An amount is negative or above <see cref="MaximumDailyAmount"/>, no source is eligible, the currency or places are
    /// invalid, or daily rates are given without a scale.</exception>
    public static SubsidyPolicy Create(string id, string source, IEnumerable<KeyValuePair<RiskLevel, decimal>> dailyByLevel, decimal? overtimeDayRate, IEnumerable<WorkforceSource> eligibleSources, string currency = "CNY", int decimalPlaces = 2, RiskScale? scale = null)
        => Build(Guard.NotNull(id), Guard.NotNull(source), scale, Guard.NotNull(dailyByLevel).ToArray(), overtimeDayRate, null, null, Guard.NotNull(eligibleSources).ToArray(), Guard.NotNull(currency), decimalPlaces);

    /// <summary>Returns a copy with transport and meal allowances per day worked (no default: the reference gives none).</summary>
    /// <param name="transportPerDay">The transport allowance, or null.</param>
    /// <param name="mealPerDay">The meal allowance, or null.</param>
    /// <returns>The new policy.</returns>
    /// <exception cref="ModelValidationException">An amount is negative or above <see cref="MaximumDailyAmount"/>.</exception>
    public SubsidyPolicy WithAllowances(decimal? transportPerDay, decimal? mealPerDay)
        => Build(Id, Source, Scale, DailyByLevel.ToArray(), OvertimeDayRate, transportPerDay, mealPerDay, EligibleSources.ToArray(), Currency, DecimalPlaces);

    /// <summary>Returns a copy with an overtime-day rate (e.g. to combine Sichuan's daily rates with Xiamen's 150 CNY).</summary>
    /// <param name="overtimeDayRate">The amount per overtime day, or null.</param>
    /// <returns>The new policy.</returns>
    /// <exception cref="ModelValidationException">The amount is negative or above <see cref="MaximumDailyAmount"/>.</exception>
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
            if (pair.Value < 0 || pair.Value > MaximumDailyAmount)
            {
                failures.Add($"dailyByLevel: the amount for severity {pair.Key.Severity} must be in [0-{MaximumDailyAmount.ToString(CultureInfo.InvariantCulture)}].");
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

        if (overtime < 0 || overtime > MaximumDailyAmount)
        {
            failures.Add("overtimeDayRate: must be in [0-1000000].");
        }

        if (transport < 0 || transport > MaximumDailyAmount)
        {
            failures.Add("transportPerDay: must be in [0-1000000].");
        }

        if (meal < 0 || meal > MaximumDailyAmount)
        {
            failures.Add("mealPerDay: must be in [0-1000000].");
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
