using System;
using System.Collections.Generic;
using System.Text;

namespace CommunityControl.Authority;

/// <summary>Chinese and English names of roles and permissions, and conversions between <see cref="Role"/> and <see cref="Roles"/>.</summary>
/// <threadsafety static="true" instance="true"/>
internal static class AuthorityText
{
    private static readonly string[] RoleZh = { "未知", "社区工作者", "网格员", "物业人员", "下沉干部", "党员志愿者", "志愿者", "业委会成员", "公安民警", "医务人员", "疾控人员" };
    private static readonly string[] RoleEn = { "unknown", "community worker", "grid worker", "property staff", "deployed cadre", "party-member volunteer", "volunteer", "homeowners' committee member", "police", "health worker", "CDC staff" };
    private static readonly string[] PermissionZh = { "查验（测温、验码、查证）", "登记", "拒绝通行", "审批外出", "责令居家医学观察", "责令集中隔离医学观察", "强制隔离", "封闭楼栋", "流行病学调查（追踪密接）" };
    private static readonly string[] PermissionEn = { "check", "register", "deny entry", "approve an exit", "order home medical observation", "order centralized quarantine", "compel isolation", "seal a building", "trace contacts" };

    /// <summary>Gets the Chinese name of a role, e.g. <c>社区工作者</c>.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The name; <c>未知</c> for an undefined value.</returns>
    public static string NameZh(Role role) => unchecked((uint)role < (uint)RoleZh.Length) ? RoleZh[(int)role] : RoleZh[0];

    /// <summary>Gets the English name of a role, e.g. <c>community worker</c>.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The name; <c>unknown</c> for an undefined value.</returns>
    public static string NameEn(Role role) => unchecked((uint)role < (uint)RoleEn.Length) ? RoleEn[(int)role] : RoleEn[0];

    /// <summary>Gets the flag of a role in a <see cref="Roles"/> set.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The flag; <see cref="Roles.None"/> for <see cref="Role.Unknown"/> or an undefined value.</returns>
    public static Roles ToSet(Role role) => role > Role.Unknown && role <= Role.Cdc ? (Roles)(1 << ((int)role - 1)) : Roles.None;

    /// <summary>Lists the roles of a set, in role order.</summary>
    /// <param name="roles">The set.</param>
    /// <returns>The roles.</returns>
    public static IReadOnlyList<Role> Members(Roles roles)
    {
        var list = new List<Role>();
        for (var r = Role.CommunityWorker; r <= Role.Cdc; r++)
        {
            if ((roles & ToSet(r)) != 0)
            {
                list.Add(r);
            }
        }

        return list;
    }

    /// <summary>Describes a set of permissions in Chinese or English, e.g. <c>compel isolation, seal a building</c>.</summary>
    /// <param name="permissions">The permissions.</param>
    /// <param name="chinese">True for Chinese (顿号-separated), false for English.</param>
    /// <returns>The names; an empty string for none.</returns>
    public static string Describe(Permissions permissions, bool chinese)
    {
        var names = chinese ? PermissionZh : PermissionEn;
        var text = new StringBuilder();
        for (var bit = 0; bit < names.Length; bit++)
        {
            if (((int)permissions & (1 << bit)) != 0)
            {
                if (text.Length > 0)
                {
                    text.Append(chinese ? "、" : ", ");
                }

                text.Append(names[bit]);
            }
        }

        return text.ToString();
    }

    /// <summary>Describes a set of roles in Chinese or English, e.g. <c>police</c>.</summary>
    /// <param name="roles">The roles.</param>
    /// <param name="chinese">True for Chinese, false for English.</param>
    /// <returns>The names; an empty string for none.</returns>
    public static string Describe(Roles roles, bool chinese)
    {
        var text = new StringBuilder();
        foreach (var r in Members(roles))
        {
            if (text.Length > 0)
            {
                text.Append(chinese ? "、" : ", ");
            }

            text.Append(chinese ? NameZh(r) : NameEn(r));
        }

        return text.ToString();
    }
}
