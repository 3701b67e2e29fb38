using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Access;
using CommunityControl.Samples.GateService.Contracts;
using CommunityControl.Samples.GateService.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityControl.Samples.GateService.Endpoints;

/// <summary><c>POST /access/evaluate[?record=true]</c>: the gate decision for one person, explained in Chinese and English.</summary>
public static class AccessEndpoint
{
    /// <param name="body">The request; null when the body is empty or <c>null</c>.</param>
    /// <param name="record">
    /// <c>true</c> at a gate that keeps the outing ledger: a granted exit that counts against the household's quota is
    /// recorded in the same atomic step as the check (<see cref="AccessPolicy.EvaluateAndRecordAsync"/>), and a returning
    /// resident's outing is closed. Otherwise the ledger is only read.
    /// </param>
    /// <param name="policy">The gate decision of the edition in force.</param>
    /// <param name="levels">The community's risk levels, day by day.</param>
    /// <param name="community">The community.</param>
    /// <param name="outings">The outing ledger (PostgreSQL when the service is given a connection string, in memory otherwise).</param>
    /// <param name="cancellationToken">The request's abort token.</param>
    public static async Task<Results<Ok<AccessDecisionResponse>, ValidationProblem>> Evaluate(
        AccessRequestBody? body, string? record, AccessPolicy policy, DailyRiskLevels levels, GateCommunity community, IOutingLedgerAsync outings, CancellationToken cancellationToken)
    {
        var problems = new RequestProblems();
        var recordOuting = problems.Flag("record", record);
        if (body is null)
        {
            problems.Add("$", "A JSON object describing the person at the gate is required.");
            return problems.ToResult();
        }

        var request = body.ToRequest(community.Tree, community.Days, problems, out var date);
        if (problems.Any)
        {
            return problems.ToResult();
        }

        // The levels of every zone on the gate's local date; the policy reads the gate's own level from it.
        var snapshot = levels.On(date);
        var decision = recordOuting
            ? await policy.EvaluateAndRecordAsync(request, snapshot, outings, cancellationToken: cancellationToken)
            : await policy.EvaluateAsync(request, snapshot, outings, cancellationToken);
        return TypedResults.Ok(AccessDecisionResponse.From(decision, snapshot, request.ZoneIndex, recordOuting));
    }
}
