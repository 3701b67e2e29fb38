using System;
using System.Collections.Generic;
using NodaTime;

namespace CommunityControl.Measures;

/// <summary>
/// The outing quotas of cn-policy §6.4 (local, 2020–2022), each with its source. Where the source leaves a parameter
/// open (Wuhan's per-household interval in February 2020, the 2–3 days of the 2022 管控区), the preset is a method that
/// takes it: there is no invented default.
/// </summary>
/// <remarks>Daqing (~2020-03, grade C) lifted its quota ("每户每两天1人" cancelled): use no <see cref="OutingQuota"/> at all.</remarks>
public static class OutingQuotaPresets
{
    private static readonly IReadOnlyList<OutingPurpose> Exemptions = MeasureLists.Of(OutingPurpose.MedicalCare, OutingPurpose.EpidemicWork, OutingPurpose.EssentialServiceWork);

    /// <summary>Gets Huanggang's quota from 2020-02-01: one household member may go out to shop every 2 days; medical care,
    /// epidemic work and supermarket/pharmacy staff are exempt. [S19, CCTV]</summary>
    public static OutingQuota Huanggang2020 { get; } = new()
    {
        Persons = 1,
        Interval = Duration.FromDays(2),
        ExemptPurposes = Exemptions,
        Source = "cn-policy §6.4: Huanggang from 2020-02-01 [S19]",
    };

    /// <summary>Gets Wenzhou's quota, 2020-02-01 24:00 to 2020-02-08 24:00: one member every 2 days, same exemptions. [S19b]</summary>
    public static OutingQuota Wenzhou2020 { get; } = new()
    {
        Persons = 1,
        Interval = Duration.FromDays(2),
        ExemptPurposes = Exemptions,
        Source = "cn-policy §6.4: Wenzhou 2020-02-01..08 [S19b]",
    };

    /// <summary>Gets Ezhou's quota from 2020-02-04 12:00: one member every 2 days, same exemptions. [S19b]</summary>
    public static OutingQuota Ezhou2020 { get; } = new()
    {
        Persons = 1,
        Interval = Duration.FromDays(2),
        ExemptPurposes = Exemptions,
        Source = "cn-policy §6.4: Ezhou from 2020-02-04 [S19b]",
    };

    /// <summary>Gets Huangshi's quota of 2020-02-03: one member, no interval stated (so at most one member out at a time). [S19b]</summary>
    public static OutingQuota Huangshi2020 { get; } = new()
    {
        Persons = 1,
        Interval = null,
        ExemptPurposes = Exemptions,
        Source = "cn-policy §6.4: Huangshi 2020-02-03, no day limit [S19b]",
    };

    /// <summary>Gets Yangling's quota of 2020-02-13: one member every 2 days, at most 3 hours out; badge (colour-pass)
    /// holders are exempt, modelled as the work purposes <see cref="OutingPurpose.EpidemicWork"/> and
    /// <see cref="OutingPurpose.EssentialServiceWork"/>. [S29, local government]</summary>
    public static OutingQuota Yangling2020 { get; } = new()
    {
        Persons = 1,
        Interval = Duration.FromDays(2),
        MaxAbsence = Duration.FromHours(3),
        ExemptPurposes = MeasureLists.Of(OutingPurpose.EpidemicWork, OutingPurpose.EssentialServiceWork),
        Source = "cn-policy §6.4: Yangling 2020-02-13 [S29]",
    };

    /// <summary>Gets Wuhan's quota for certified epidemic-free compounds from 2020-03-19: one person per household per day,
    /// at most 2 hours, with a pass or a health-code e-pass; no exemptions stated. [S16, S17]</summary>
    public static OutingQuota WuhanEpidemicFree2020 { get; } = new()
    {
        Persons = 1,
        Interval = Duration.FromDays(1),
        MaxAbsence = Duration.FromHours(2),
        Source = "cn-policy §6.3 row 8, §6.4: Wuhan 无疫情小区 from 2020-03-19 [S16, S17]",
    };

    /// <summary>
    /// Wuhan's quota of February 2020 ("严格限次数、限人数、限时间", 2020-02-16). The persons and the interval are
    /// UNCONFIRMED ("每三天一次" appears in one grade-C repost only, S16c), so both are parameters without default;
    /// medical care and epidemic or service posts are exempt (2020-02-14, S15).
    /// </summary>
    /// <param name="persons">Outings per household per interval, as the caller's own source states.</param>
    /// <param name="interval">The interval, as the caller's own source states.</param>
    /// <returns>The quota.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="persons"/> is below 1 or <paramref name="interval"/> is not positive.</exception>
    public static OutingQuota Wuhan2020February(int persons, Duration interval)
    {
        if (persons < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(persons), persons, $"At least one person per household; it was {persons}.");
        }

        if (interval <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, $"The interval must be positive; it was {interval}.");
        }

        return new OutingQuota
        {
            Persons = persons,
            Interval = interval,
            ExemptPurposes = Exemptions,
            Source = "cn-policy §2: Wuhan 2020-02-16, interval UNCONFIRMED (caller-supplied) [S16, S16c]",
        };
    }

    /// <summary>
    /// The 2022 管控区 quota: one person per household every 2–3 days to a designated supply point (grade C). The source
    /// gives a range, so the interval is a parameter of 2 or 3 days.
    /// </summary>
    /// <param name="interval">2 or 3 days.</param>
    /// <returns>The quota.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is outside 2–3 days.</exception>
    public static OutingQuota ThreeZonesControlled(Duration interval)
    {
        if (interval < Duration.FromDays(2) || interval > Duration.FromDays(3))
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, $"The source states 2–3 days; it was {interval}.");
        }

        return new OutingQuota
        {
            Persons = 1,
            Interval = interval,
            Source = "cn-policy §1c, §6.4: 管控区 2022, 2–3 days (grade C) [S41b]",
        };
    }
}
