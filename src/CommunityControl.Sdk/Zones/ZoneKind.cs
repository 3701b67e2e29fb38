namespace CommunityControl.Zones;

/// <summary>
/// The level of a zone in the administrative and physical hierarchy, from the largest to the smallest.
/// </summary>
/// <remarks>
/// Values are ordered by scale: a zone's parent always has a smaller value (a larger scale) than the zone.
/// Levels may be skipped (a compound directly under a community, without a grid; a household directly under a unit,
/// without a floor). Values never change between versions, except <see cref="Household"/>, 9 → 10 in 0.2.0 to make room for
/// <see cref="Floor"/> (documents name kinds, never numbers, so only compiled code that stored the number is affected).
/// </remarks>
public enum ZoneKind
{
    /// <summary>Not set; rejected wherever a kind is required.</summary>
    Unknown = 0,

    /// <summary>A city (市), e.g. the urban area whose level is the highest of its districts.</summary>
    City = 1,

    /// <summary>A district or county (区县): the unit of the 2020 county grading and of 常态化.</summary>
    District = 2,

    /// <summary>A subdistrict or township (街道/乡镇).</summary>
    Subdistrict = 3,

    /// <summary>An urban community or a village (社区/村).</summary>
    Community = 4,

    /// <summary>A grid (网格): the unit of grid management inside a community.</summary>
    Grid = 5,

    /// <summary>A residential compound (小区): the unit closed to one gate in 2020 and the 9th edition's drawing unit.</summary>
    Compound = 6,

    /// <summary>A building (楼栋).</summary>
    Building = 7,

    /// <summary>A unit or stairwell of a building (单元).</summary>
    Unit = 8,

    /// <summary>A floor of a building or unit (楼层): a drawing unit of the ten measures (2022-12-07: 楼栋、单元、楼层、住户).</summary>
    Floor = 9,

    /// <summary>A household (户), named by a pseudonymous id.</summary>
    /// <remarks>10 since 0.2.0 (was 9): the floor sits between the unit and the household, and values are ordered by scale.</remarks>
    Household = 10,
}
