using CommunityControl.Epidemiology;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Samples.GateService;

/// <summary>
/// What the service knows about its community, loaded once at start-up: the zone tree, what happened in it, the days
/// the risk endpoints answer for, the team and the gate traffic the staffing plan uses.
/// </summary>
/// <param name="Tree">The community's zones.</param>
/// <param name="History">The cases and screening rounds.</param>
/// <param name="Days">The days the service answers for: the history's days, then some days after it (insufficient data).</param>
/// <param name="Workforce">The people available for the staffing plan.</param>
/// <param name="Arrivals">The gate traffic per hour.</param>
public sealed record GateCommunity(ZoneTree Tree, EpidemicHistory History, DateInterval Days, Workforce Workforce, GateArrivals Arrivals);
