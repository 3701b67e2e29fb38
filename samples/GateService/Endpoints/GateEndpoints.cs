using CommunityControl.Editions;
using CommunityControl.Samples.GateService.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CommunityControl.Samples.GateService.Endpoints;

/// <summary>The service's routes. Every handler takes the library's types from dependency injection.</summary>
public static class GateEndpoints
{
    public static IEndpointRouteBuilder MapGateEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (PolicyEdition edition) => TypedResults.Ok(new HealthResponse("Healthy", edition.Id)));
        app.MapPost("/access/evaluate", AccessEndpoint.Evaluate);
        app.MapGet("/zones/{id}/risk", RiskEndpoint.Get);
        app.MapGet("/staffing/plan", StaffingEndpoint.Get);
        return app;
    }
}
