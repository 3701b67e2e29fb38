using System;
using System.Collections.Generic;
using NodaTime;

namespace CommunityControl.Measures;

/// <summary>
/// Local night closures and curfews. No national curfew was found (cn-policy §2 [S38]); these are local. The exemptions
/// of the Chinese presets are the general exemptions row of cn-policy §2 (medical care; epidemic, service and supply
/// staff; approved emergencies [S15, S19, S41b]), since the closure notices state none of their own.
/// </summary>
public static class NightClosurePresets
{
    private static readonly IReadOnlyList<OutingPurpose> ChineseExemptions = MeasureLists.Of(
        OutingPurpose.MedicalCare, OutingPurpose.EpidemicWork, OutingPurpose.EssentialServiceWork, OutingPurpose.Emergency);

    /// <summary>Gets Yinchuan's compound closure from 2020-01-30: 22:30 to 06:30. [S38, grade B]</summary>
    public static NightClosure Yinchuan2020 { get; } = new()
    {
        Start = new LocalTime(22, 30),
        End = new LocalTime(6, 30),
        ExemptPurposes = ChineseExemptions,
        Source = "cn-policy §2: Yinchuan from 2020-01-30 [S38]",
    };

    /// <summary>Gets Xilinhot's compound closure of 2020-02-03: 22:00 to 07:00. [S38, grade B]</summary>
    public static NightClosure Xilinhot2020 { get; } = new()
    {
        Start = new LocalTime(22, 0),
        End = new LocalTime(7, 0),
        ExemptPurposes = ChineseExemptions,
        Source = "cn-policy §2: Xilinhot 2020-02-03 [S38]",
    };

    /// <summary>Gets Germany's §28b curfew (2021-04-23 to 2021-06-30, above 100): no going out 22:00 to 05:00 except for
    /// emergencies, medical care, work, care or custody, and animals; coming home is not refused. Solitary exercise until
    /// 24:00 is not modelled. [intl §b]</summary>
    public static NightClosure GermanyCurfew2021 { get; } = new()
    {
        Start = new LocalTime(22, 0),
        End = new LocalTime(5, 0),
        ClosesEntries = false,
        ExemptPurposes = MeasureLists.Of(OutingPurpose.Emergency, OutingPurpose.MedicalCare, OutingPurpose.Work, OutingPurpose.Care, OutingPurpose.AnimalCare),
        Source = "intl-policy §b: §28b(1) Nr. 2 IfSG",
    };

    /// <summary>
    /// Anyang Wenfeng's "宵禁" after 19:00 (2022-01, grade C). The end of the night is not stated (UNCONFIRMED), so it is
    /// a parameter without default.
    /// </summary>
    /// <param name="end">When the closure ends, as the caller's own source states.</param>
    /// <returns>The closure.</returns>
    /// <exception cref="ArgumentException"><paramref name="end"/> is 19:00.</exception>
    public static NightClosure AnyangWenfeng2022(LocalTime end)
    {
        if (end == new LocalTime(19, 0))
        {
            throw new ArgumentException("The closure must end at another time than 19:00.", nameof(end));
        }

        return new NightClosure
        {
            Start = new LocalTime(19, 0),
            End = end,
            ExemptPurposes = ChineseExemptions,
            Source = "cn-policy §2: Anyang Wenfeng 2022-01 after 19:00, end UNCONFIRMED (caller-supplied) [S38b]",
        };
    }
}
