using CommunityControl.Editions;
using CommunityControl.Risk;
using CommunityControl.Samples.GateService.Contracts;
using CommunityControl.Samples.GateService.Http;
using CommunityControl.Zones;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityControl.Samples.GateService.Endpoints;

/// <summary><c>GET /zones/{id}/risk?date=yyyy-MM-dd</c>: a zone's level on a day, and why.</summary>
public static class RiskEndpoint
{
    /// <summary>200 with the level; 404 when the community has no such zone; 400 for a bad date.</summary>
    public static Results<Ok<ZoneRiskResponse>, ValidationProblem, ProblemHttpResult> Get(string id, string? date, RiskTimeline timeline, PolicyEdition edition)
    {
        var problems = new RequestProblems();
        var index = ZoneId.TryFrom(id, out var zoneId) ? timeline.Tree.IndexOf(zoneId) : -1;
        if (index < 0)
        {
            problems.Add("id", "The community has no zone with this id.");
        }

        var day = problems.Date("date", date);
        if (day is { } d && !timeline.Interval.Contains(d))
        {
            problems.Add("date", $"The service has risk levels from {Dates.Iso(timeline.Interval.Start)} to {Dates.Iso(timeline.Interval.End)}.");
        }

        if (index < 0)
        {
            return problems.ToNotFound();
        }

        if (problems.Any)
        {
            return problems.ToResult();
        }

        // Days after the history are answered as insufficient data (no reports yet), never guessed.
        var assessment = timeline.At(index, day!.Value);
        return TypedResults.Ok(ZoneRiskResponse.From(assessment, timeline.Tree[index], edition.Id));
    }
}
