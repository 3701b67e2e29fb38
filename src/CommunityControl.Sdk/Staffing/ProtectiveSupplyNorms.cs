using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CommunityControl.Internal;
using CommunityControl.Risk;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// How much of each protective supply one person on one shift uses, by role and level, and what a
/// <see cref="StaffingPlan"/> therefore needs: daily demand, days of cover from a stock, and the allocation of a short
/// stock with the front-line posts served first (优先保障基层防护物资).
/// </summary>
/// <remarks>
/// <para>No norm has a default: the published guidance asks communities to be fully equipped with masks and other
/// protective equipment (民政部、国家卫生健康委, 2020-02) but gives no quantity, so every figure is the caller's. A role
/// and level the plan staffs without a norm uses nothing and is listed by <see cref="RolesWithoutNorms"/>.</para>
/// <para>Demand is counted per post (planning unit and role) and day: the person-shifts of the post times the norm,
/// rounded up to whole units.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class ProtectiveSupplyNorms
{
    private readonly Dictionary<(StaffingRole Role, int Severity, ProtectiveItem Item), double> _norms;

    private ProtectiveSupplyNorms(Dictionary<(StaffingRole, int, ProtectiveItem), double> norms) => _norms = norms;

    /// <summary>Gets norms with no figure: every role uses nothing until one is set.</summary>
    public static ProtectiveSupplyNorms Empty { get; } = new(new Dictionary<(StaffingRole, int, ProtectiveItem), double>());

    /// <summary>Returns a copy with the amount one person on one shift of a role at a level uses.</summary>
    /// <param name="role">The role.</param>
    /// <param name="level">The level of the line (the zone's level the plan staffs for).</param>
    /// <param name="item">The supply.</param>
    /// <param name="perShift">Units per person per shift; zero or more, at most 1,000.</param>
    /// <returns>The new norms.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="role"/> or <paramref name="item"/> is not defined or is
    /// Unknown, or <paramref name="perShift"/> is negative, not finite, or above 1,000.</exception>
    public ProtectiveSupplyNorms With(StaffingRole role, RiskLevel level, ProtectiveItem item, double perShift)
    {
        if (role is < StaffingRole.Gate or > StaffingRole.ScreeningSupport)
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "The role must be a defined role other than Unknown.");
        }

        if (item is < ProtectiveItem.Mask or > ProtectiveItem.Sanitizer)
        {
            throw new ArgumentOutOfRangeException(nameof(item), item, "The item must be a defined item other than Unknown.");
        }

        Guard.InRange(perShift, 0, 1000);
        var copy = new Dictionary<(StaffingRole, int, ProtectiveItem), double>(_norms) { [(role, level.Severity, item)] = perShift };
        return new ProtectiveSupplyNorms(copy);
    }

    /// <summary>Gets the units one person on one shift of a role at a level uses, or null when not set.</summary>
    /// <param name="role">The role.</param>
    /// <param name="level">The level.</param>
    /// <param name="item">The supply.</param>
    /// <returns>The norm, or null.</returns>
    public double? PerShift(StaffingRole role, RiskLevel level, ProtectiveItem item)
        => _norms.TryGetValue((role, level.Severity, item), out var n) ? n : null;

    /// <summary>Lists the roles the plan staffs at a level with no norm for any supply.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The roles, in role order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    public IReadOnlyList<StaffingRole> RolesWithoutNorms(StaffingPlan plan)
    {
        Guard.NotNull(plan);
        return plan.Assignments.Select(a => (a.Role, a.Level.Severity)).Distinct()
            .Where(p => !_norms.Keys.Any(k => k.Role == p.Role && k.Severity == p.Severity))
            .Select(p => p.Role).Distinct().OrderBy(r => r).ToArray();
    }

    /// <summary>Gets the units of a supply the plan needs on a day: the sum over its posts, each rounded up.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="date">The day.</param>
    /// <param name="item">The supply.</param>
    /// <returns>The units; 0 for a day outside the plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    public long Demand(StaffingPlan plan, LocalDate date, ProtectiveItem item)
        => PostDemand(Guard.NotNull(plan), date, item).Sum(p => p.Units);

    /// <summary>
    /// Counts the plan's days, from its first, whose demand a stock covers in full: day after day while the running total
    /// of the demand is within the stock.
    /// </summary>
    /// <param name="plan">The plan.</param>
    /// <param name="item">The supply.</param>
    /// <param name="stock">The units in stock; zero or more.</param>
    /// <returns>The days of cover: 0 when the first day is short; the plan's length when the stock lasts it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stock"/> is negative.</exception>
    public int DaysOfCover(StaffingPlan plan, ProtectiveItem item, long stock)
    {
        Guard.NotNull(plan);
        if (stock < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(stock), stock, "The stock must not be negative.");
        }

        var days = 0;
        long used = 0;
        foreach (var date in Dates(plan.Period))
        {
            used += Demand(plan, date, item);
            if (used > stock)
            {
                break;
            }

            days++;
        }

        return days;
    }

    /// <summary>
    /// Shares a day's stock of a supply among the plan's posts: every post in full when the stock is enough; otherwise the
    /// front-line posts first (in full if the stock allows, else pro rata), and the rest pro rata from what is left.
    /// </summary>
    /// <param name="plan">The plan.</param>
    /// <param name="date">The day.</param>
    /// <param name="item">The supply.</param>
    /// <param name="stock">The units available; zero or more.</param>
    /// <param name="frontLine">The roles whose posts are served first (no default: which posts face residents and
    /// arrivals is the community's call, e.g. gates and door-to-door service).</param>
    /// <returns>The allocation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> or <paramref name="frontLine"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stock"/> is negative.</exception>
    public SupplyAllocation Allocate(StaffingPlan plan, LocalDate date, ProtectiveItem item, long stock, IEnumerable<StaffingRole> frontLine)
    {
        Guard.NotNull(plan);
        Guard.NotNull(frontLine);
        if (stock < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(stock), stock, "The stock must not be negative.");
        }

        var front = new HashSet<StaffingRole>(frontLine);
        var posts = PostDemand(plan, date, item);
        var firstPosts = posts.Where(p => front.Contains(p.Role)).ToList();
        var otherPosts = posts.Where(p => !front.Contains(p.Role)).ToList();
        var firstShare = Share(firstPosts, stock);
        var left = stock - firstShare.Sum(p => p.Given);
        var otherShare = Share(otherPosts, left);
        return new SupplyAllocation(date, item, stock, firstShare.Concat(otherShare).ToArray(), front);
    }

    /// <summary>Returns the number of norms set.</summary>
    /// <returns>E.g. <c>ProtectiveSupplyNorms (12 norms)</c>.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "ProtectiveSupplyNorms ({0} norms)", _norms.Count);

    internal static IEnumerable<LocalDate> Dates(DateInterval period)
    {
        for (var d = period.Start; d <= period.End; d = d.PlusDays(1))
        {
            yield return d;
        }
    }

    /// <summary>Shares units among posts: in full when enough; otherwise pro rata, rounded down, the remainder by largest fraction (then post order).</summary>
    private static List<SupplyAllocation.Post> Share(List<SupplyAllocation.Post> posts, long units)
    {
        var demand = posts.Sum(p => p.Units);
        if (demand <= units)
        {
            return posts.Select(p => p with { Given = p.Units }).ToList();
        }

        var given = posts.Select(p => p with { Given = (long)((decimal)p.Units * units / demand) }).ToList();
        var left = units - given.Sum(p => p.Given);
        var order = Enumerable.Range(0, posts.Count)
            .OrderByDescending(i => ((decimal)posts[i].Units * units) % demand)
            .ThenBy(i => i)
            .ToList();
        for (var k = 0; k < left; k++)
        {
            var i = order[k];
            given[i] = given[i] with { Given = given[i].Given + 1 };
        }

        return given;
    }

    private List<SupplyAllocation.Post> PostDemand(StaffingPlan plan, LocalDate date, ProtectiveItem item)
    {
        var byPost = new Dictionary<(ZoneId Zone, StaffingRole Role), double>();
        var order = new List<(ZoneId Zone, StaffingRole Role)>();
        foreach (var a in plan.Assignments)
        {
            if (a.Date != date)
            {
                continue;
            }

            var key = (a.Zone, a.Role);
            if (!byPost.TryGetValue(key, out var sum))
            {
                order.Add(key);
            }

            byPost[key] = sum + (PerShift(a.Role, a.Level, item) ?? 0);
        }

        return order.Select(k => new SupplyAllocation.Post(k.Zone, k.Role, (long)Math.Ceiling(byPost[k] - 1e-9), 0)).ToList();
    }
}
