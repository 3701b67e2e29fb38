using System;
using System.Globalization;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Testing;

/// <summary>
/// Builds regular test communities in one line: a community with compounds, buildings and units, every count stated,
/// with predictable ids (<c>T-01</c> compound 1, <c>T-01-03</c> building 3 of it, <c>T-01-03-2</c> unit 2 of that).
/// </summary>
/// <threadsafety static="true" instance="true"/>
public static class TestCommunities
{
    /// <summary>Creates a builder holding a regular community, so a test can add its own zones before building.</summary>
    /// <param name="compounds">Compounds in the community (1–99).</param>
    /// <param name="buildingsPerCompound">Buildings per compound (1–99).</param>
    /// <param name="unitsPerBuilding">Units per building (1–9).</param>
    /// <param name="householdsPerUnit">Households per unit (0 or more).</param>
    /// <param name="residentsPerHousehold">Residents per household (0 or more).</param>
    /// <param name="gatesPerCompound">Staffed gates per compound (0 or more).</param>
    /// <param name="communityId">The community's id; compounds are named after it.</param>
    /// <param name="timeZone">The tree's time zone; Asia/Shanghai when null.</param>
    /// <returns>A builder holding the community.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is outside its range.</exception>
    public static ZoneTreeBuilder CreateBuilder(
        int compounds = 4,
        int buildingsPerCompound = 10,
        int unitsPerBuilding = 2,
        int householdsPerUnit = 25,
        int residentsPerHousehold = 3,
        int gatesPerCompound = 1,
        string communityId = "T",
        DateTimeZone? timeZone = null)
    {
        Guard.InRange(compounds, 1, 99);
        Guard.InRange(buildingsPerCompound, 1, 99);
        Guard.InRange(unitsPerBuilding, 1, 9);
        Guard.NotNegative(householdsPerUnit);
        Guard.NotNegative(residentsPerHousehold);
        Guard.NotNegative(gatesPerCompound);
        Guard.NotNullOrWhiteSpace(communityId);

        var builder = new ZoneTreeBuilder(timeZone ?? ZoneTreeBuilder.DefaultTimeZone)
            .Add(communityId, ZoneKind.Community, "测试社区");
        for (var c = 1; c <= compounds; c++)
        {
            var compound = communityId + "-" + c.ToString("00", CultureInfo.InvariantCulture);
            builder.Add(compound, ZoneKind.Compound, $"{c}号小区", parent: communityId, gates: gatesPerCompound);
            for (var b = 1; b <= buildingsPerCompound; b++)
            {
                var building = compound + "-" + b.ToString("00", CultureInfo.InvariantCulture);
                builder.Add(building, ZoneKind.Building, $"{b}栋", parent: compound);
                for (var u = 1; u <= unitsPerBuilding; u++)
                {
                    builder.Add(building + "-" + u.ToString(CultureInfo.InvariantCulture), ZoneKind.Unit, $"{u}单元", parent: building, households: householdsPerUnit, residents: householdsPerUnit * residentsPerHousehold);
                }
            }
        }

        return builder;
    }

    /// <summary>Creates a regular community tree; see <see cref="CreateBuilder"/> for the parameters and ids.</summary>
    /// <param name="compounds">Compounds in the community (1–99).</param>
    /// <param name="buildingsPerCompound">Buildings per compound (1–99).</param>
    /// <param name="unitsPerBuilding">Units per building (1–9).</param>
    /// <param name="householdsPerUnit">Households per unit.</param>
    /// <param name="residentsPerHousehold">Residents per household.</param>
    /// <param name="gatesPerCompound">Staffed gates per compound.</param>
    /// <returns>The tree.</returns>
    public static ZoneTree Create(int compounds = 4, int buildingsPerCompound = 10, int unitsPerBuilding = 2, int householdsPerUnit = 25, int residentsPerHousehold = 3, int gatesPerCompound = 1)
        => CreateBuilder(compounds, buildingsPerCompound, unitsPerBuilding, householdsPerUnit, residentsPerHousehold, gatesPerCompound).Build();

    /// <summary>Gets the id of compound <paramref name="compound"/> (1-based) of a community built here.</summary>
    /// <param name="compound">The compound's number.</param>
    /// <param name="communityId">The community's id.</param>
    /// <returns>E.g. <c>T-03</c>.</returns>
    public static ZoneId CompoundId(int compound, string communityId = "T")
        => ZoneId.From(communityId + "-" + compound.ToString("00", CultureInfo.InvariantCulture));

    /// <summary>Gets the id of a building of a community built here.</summary>
    /// <param name="compound">The compound's number (1-based).</param>
    /// <param name="building">The building's number (1-based).</param>
    /// <param name="communityId">The community's id.</param>
    /// <returns>E.g. <c>T-03-07</c>.</returns>
    public static ZoneId BuildingId(int compound, int building, string communityId = "T")
        => ZoneId.From(CompoundId(compound, communityId).Value + "-" + building.ToString("00", CultureInfo.InvariantCulture));
}
