using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// One day's share of one protective supply among a plan's posts (planning unit and role), front-line posts first when
/// the stock is short; made by <see cref="ProtectiveSupplyNorms.Allocate"/>.
/// </summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class SupplyAllocation
{
    private readonly Post[] _posts;

    internal SupplyAllocation(LocalDate date, ProtectiveItem item, long stock, Post[] posts, HashSet<StaffingRole> frontLine)
    {
        Date = date;
        Item = item;
        Stock = stock;
        _posts = posts;
        Demand = posts.Sum(p => p.Units);
        Allocated = posts.Sum(p => p.Given);
        FrontLineDemand = posts.Where(p => frontLine.Contains(p.Role)).Sum(p => p.Units);
        FrontLineAllocated = posts.Where(p => frontLine.Contains(p.Role)).Sum(p => p.Given);
    }

    /// <summary>Gets the day.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the supply.</summary>
    public ProtectiveItem Item { get; }

    /// <summary>Gets the units available.</summary>
    public long Stock { get; }

    /// <summary>Gets the units every post needs.</summary>
    public long Demand { get; }

    /// <summary>Gets the units given out (the demand, or the whole stock when it is short).</summary>
    public long Allocated { get; }

    /// <summary>Gets the units short: demand not met.</summary>
    public long Shortfall => Demand - Allocated;

    /// <summary>Gets the units the front-line posts need.</summary>
    public long FrontLineDemand { get; }

    /// <summary>Gets the units given to the front-line posts.</summary>
    public long FrontLineAllocated { get; }

    /// <summary>Gets the units a post needs and is given.</summary>
    /// <param name="zone">The planning unit.</param>
    /// <param name="role">The role.</param>
    /// <returns>The needed and given units; (0, 0) for a post not staffed that day.</returns>
    public (long Needed, long Given) For(ZoneId zone, StaffingRole role)
    {
        foreach (var p in _posts)
        {
            if (p.Zone == zone && p.Role == role)
            {
                return (p.Units, p.Given);
            }
        }

        return (0, 0);
    }

    /// <summary>Describes the allocation in Chinese or English.</summary>
    /// <param name="culture">A <c>zh</c> culture for Chinese, any other for English.</param>
    /// <returns>E.g. <c>2020-02-10 Mask: stock 40, need 48; front line 36 of 36, others 4 of 12; short 8.</c></returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string Describe(CultureInfo culture) => SupportText.Supply(this, Guard.NotNull(culture));

    /// <summary>Returns the English description.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Describe(CultureInfo.InvariantCulture);

    /// <summary>One post's demand and share.</summary>
    internal readonly record struct Post(ZoneId Zone, StaffingRole Role, long Units, long Given);
}
