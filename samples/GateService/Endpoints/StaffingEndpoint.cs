using System.Collections.Generic;
using System.Linq;
using CommunityControl.Editions;
using CommunityControl.Risk;
using CommunityControl.Samples.GateService.Contracts;
using CommunityControl.Samples.GateService.Http;
using CommunityControl.Staffing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityControl.Samples.GateService.Endpoints;

/// <summary><c>GET /staffing/plan?from=yyyy-MM-dd&amp;days=N</c>: who is needed per day and role, and the gaps, explained.</summary>
public static class StaffingEndpoint
{
    public const int MaxDays = 31;

    public static Results<Ok<StaffingPlanResponse>, ValidationProblem> Get(
        string? from, string? days, StaffingPolicy policy, DailyRiskLevels levels, GateCommunity community, PolicyEdition edition)
    {
        var problems = new RequestProblems();
        var start = problems.Date("from", from);
        var count = problems.WholeNumber("days", days, fallback: 7, min: 1, max: MaxDays);
        var known = community.Days;
        if (start is { } s && count is { } n && (!known.Contains(s) || !known.Contains(s.PlusDays(n - 1))))
        {
            problems.Add(
                known.Contains(s) ? "days" : "from",
                $"The service has risk levels from {Dates.Iso(known.Start)} to {Dates.Iso(known.End)}; the plan must lie within them.");
        }

        if (problems.Any)
        {
            return problems.ToResult();
        }

        // One snapshot of the levels per day, then the plan: demand per compound, day, shift and role; cover; gaps.
        var snapshots = Enumerable.Range(0, count!.Value).Select(i => levels.On(start!.Value.PlusDays(i))).ToArray();
        var plan = policy.Calculate(snapshots, community.Arrivals, community.Workforce);
        var units = community.Tree.OfKind(policy.PlanningUnit);

        var dayResponses = snapshots.Select(snapshot => new StaffingDayResponse(
            snapshot.Date,
            units.GroupBy(unit => snapshot.LevelAt(unit.Index))
                .OrderBy(g => g.Key)
                .Select(g => new LevelCountResponse(snapshot.Scale.Describe(g.Key).Code, g.Count()))
                .ToArray(),
            StaffingTotalsResponse.From(plan.Totals(snapshot.Date)),
            RolesOn(plan, snapshot))).ToArray();

        var gaps = plan.Gaps().Select(gap => new StaffingGapResponse(
            gap.Date,
            gap.Shift.Name,
            gap.Zone.Value,
            gap.Role,
            policy.Scale.Describe(gap.Level).Code,
            gap.RequiredPeople,
            gap.AssignedPeople,
            gap.GapPeople,
            gap.GapPersonHours,
            gap.Explain())).ToArray();

        return TypedResults.Ok(new StaffingPlanResponse(
            edition.Id, plan.Period.Start, plan.Period.End, community.Workforce.Count, StaffingTotalsResponse.From(plan.Totals()), dayResponses, gaps));
    }

    private static Dictionary<string, StaffingTotalsResponse> RolesOn(StaffingPlan plan, RiskSnapshot snapshot)
    {
        var roles = new Dictionary<string, StaffingTotalsResponse>();
        foreach (var role in System.Enum.GetValues<StaffingRole>())
        {
            var totals = plan.Totals(snapshot.Date, role);
            if (totals.RequiredPeople > 0)
            {
                roles[role.ToString()] = StaffingTotalsResponse.From(totals);
            }
        }

        return roles;
    }
}
