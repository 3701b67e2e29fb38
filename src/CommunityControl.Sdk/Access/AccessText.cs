using System;
using System.Collections.Generic;
using System.Globalization;
using CommunityControl.Authority;

namespace CommunityControl.Access;

/// <summary>
/// Chinese and English messages for <see cref="AccessReasons"/>, <see cref="AccessObligations"/> and outcomes. The codes
/// (member names) are the contract; the wording may change between versions. Nothing here is used on the decision's hot path.
/// </summary>
/// <threadsafety static="true" instance="true"/>
internal static class AccessText
{
    private static readonly string[] ReasonZh =
    {
        "封控区足不出户：居民不得外出，外来人员不得进入",
        "管控区人不出区：居民不得离开本区域",
        "封闭管理期间仅限规定事由外出",
        "外出须经社区审批",
        "本户外出次数已达限额",
        "外出超过规定时长",
        "未测体温",
        "体温读数异常，请复测",
        "体温高于规定阈值",
        "未出示健康码",
        "健康码颜色不符合通行要求",
        "未持出入证",
        "外来人员不得进入",
        "访客须经居民确认",
        "快递外卖人员不得进入，须在指定地点交接",
        "夜间封闭时段",
        "无有效期内的核酸检测阴性证明",
        "居家医学观察（隔离）期间不得外出",
        "居家健康监测期间外出须经社区审批",
        "集中隔离期间不得离开隔离场所",
        "拒不执行隔离措施",
        "须集中隔离医学观察",
        "须居家医学观察",
        "须按要求进行核酸检测",
    };

    private static readonly string[] ReasonEn =
    {
        "Stay-home order: residents may not go out and outsiders may not come in",
        "Stay-in-area order: residents may not leave the area",
        "Closed management: going out only for the listed purposes",
        "Going out needs the community's approval",
        "The household's outing quota is used up",
        "Returned after the longest absence allowed",
        "Temperature not measured",
        "Implausible temperature reading: measure again",
        "Temperature above the threshold",
        "No health code shown",
        "Health-code colour not accepted",
        "No pass",
        "Visitors are barred",
        "A visitor needs a resident's confirmation",
        "Couriers do not enter: hand over at the designated point",
        "Gates closed for the night",
        "No negative test within the validity required",
        "Under home medical observation or isolation: no going out",
        "Under home health monitoring: going out needs the community's approval",
        "Under centralized quarantine: may not leave the designated place",
        "Refuses the isolation ordered",
        "The exposure requires centralized quarantine",
        "The exposure requires observation at home",
        "The exposure requires tests",
    };

    private static readonly string[] ObligationZh =
    {
        "登记", "复测体温", "引导至取物点", "向社区报告发热情况", "在指定地点交接物品", "当日向社区报告", "落实居家医学观察",
        "按要求进行核酸检测", "转运集中隔离", "依法强制隔离", "记录外出（计入限额）", "在规定时长内返回", "专车接送",
    };

    private static readonly string[] ObligationEn =
    {
        "Register", "Measure the temperature again", "Escort to the pickup point", "Report the fever to the community",
        "Hand over at the designated point", "Report the arrival to the community today", "Begin observation at home",
        "Take the required tests", "Transfer to centralized quarantine", "Enforce the isolation", "Record the outing against the quota",
        "Return within the time limit", "Use a dedicated vehicle",
    };

    /// <summary>Gets the message of one reason.</summary>
    /// <param name="reason">A single reason.</param>
    /// <param name="chinese">True for Chinese, false for English.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is not exactly one defined reason.</exception>
    public static string Message(AccessReasons reason, bool chinese)
    {
        var bit = SingleBit((long)reason, ReasonZh.Length, nameof(reason));
        return chinese ? ReasonZh[bit] : ReasonEn[bit];
    }

    /// <summary>Gets the message of one obligation.</summary>
    /// <param name="obligation">A single obligation.</param>
    /// <param name="chinese">True for Chinese, false for English.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentException"><paramref name="obligation"/> is not exactly one defined obligation.</exception>
    public static string Message(AccessObligations obligation, bool chinese)
    {
        var bit = SingleBit((long)obligation, ObligationZh.Length, nameof(obligation));
        return chinese ? ObligationZh[bit] : ObligationEn[bit];
    }

    /// <summary>Gets the name of an outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <param name="chinese">True for Chinese, false for English.</param>
    /// <returns>E.g. <c>放行</c> or <c>Allow</c>.</returns>
    public static string Outcome(AccessOutcome outcome, bool chinese) => outcome switch
    {
        AccessOutcome.Allow => chinese ? "放行" : "Allow",
        AccessOutcome.AllowWithObligations => chinese ? "附条件放行" : "Allow with obligations",
        AccessOutcome.Deny => chinese ? "不予通行" : "Deny",
        AccessOutcome.Escalate => chinese ? "移交处理" : "Escalate",
        _ => chinese ? "未决定" : "Undecided",
    };

    /// <summary>Describes an escalation: the permissions needed and the roles that hold them.</summary>
    /// <param name="missing">The permissions the operator lacks.</param>
    /// <param name="holders">The roles that hold them.</param>
    /// <param name="chinese">True for Chinese, false for English.</param>
    /// <returns>E.g. <c>Needs: compel isolation; escalate to: police</c>.</returns>
    public static string Escalation(Permissions missing, Roles holders, bool chinese)
    {
        var permissions = AuthorityText.Describe(missing, chinese);
        var roles = holders == Roles.None ? (chinese ? "（当前无人持有）" : "(no role holds it now)") : AuthorityText.Describe(holders, chinese);
        return chinese ? $"需要权限：{permissions}；移交：{roles}" : $"Needs: {permissions}; escalate to: {roles}";
    }

    /// <summary>Splits a set of reasons into single reasons, in bit order.</summary>
    /// <param name="reasons">The set.</param>
    /// <returns>The single reasons.</returns>
    public static IReadOnlyList<AccessReasons> Split(AccessReasons reasons)
    {
        var list = new List<AccessReasons>();
        for (var bit = 0; bit < 63; bit++)
        {
            var flag = 1L << bit;
            if (((long)reasons & flag) != 0)
            {
                list.Add((AccessReasons)flag);
            }
        }

        return list;
    }

    /// <summary>Splits a set of obligations into single obligations, in bit order.</summary>
    /// <param name="obligations">The set.</param>
    /// <returns>The single obligations.</returns>
    public static IReadOnlyList<AccessObligations> Split(AccessObligations obligations)
    {
        var list = new List<AccessObligations>();
        for (var bit = 0; bit < 31; bit++)
        {
            var flag = 1 << bit;
            if (((int)obligations & flag) != 0)
            {
                list.Add((AccessObligations)flag);
            }
        }

        return list;
    }

    internal static bool IsChinese(CultureInfo culture) => Internal.Bilingual.IsChinese(culture);

    private static int SingleBit(long value, int count, string parameterName)
    {
        for (var bit = 0; bit < count; bit++)
        {
            if (value == 1L << bit)
            {
                return bit;
            }
        }

        throw new ArgumentException($"Expected exactly one defined flag; it was {value}.", parameterName);
    }
}
