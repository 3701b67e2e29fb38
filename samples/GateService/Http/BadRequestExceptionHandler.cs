using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace CommunityControl.Samples.GateService.Http;

/// <summary>
/// The safety net: turns the exceptions that mean "bad input" into a 400 ValidationProblem that names the field, so a
/// client never sees a 500 for its own mistake. Endpoints validate first and list every problem themselves; this
/// catches what slips through, and the malformed bodies the framework rejects before an endpoint runs.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><see cref="BadHttpRequestException"/>: the framework could not read the body (malformed JSON, an unknown field,
/// an enum given as a number, no body, not JSON); its inner <see cref="JsonException"/> carries the JSON path.</item>
/// <item><see cref="JsonException"/>, <see cref="DocumentFormatException"/> (with every problem and its path),
/// <see cref="ArgumentException"/> (named by its parameter).</item>
/// </list>
/// The log line holds the exception's type and the route pattern, never the message or the body: they may hold personal data.
/// Anything else is not handled here and becomes the framework's 500 ProblemDetails.
/// </remarks>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problemDetails, ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, errors) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => (StatusCodes.Status400BadRequest, Json(json)),
            BadHttpRequestException bad => (bad.StatusCode, One("$", bad.Message)),
            JsonException json => (StatusCodes.Status400BadRequest, Json(json)),
            DocumentFormatException document => (StatusCodes.Status400BadRequest, document.Problems
                .GroupBy(p => p.Path, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal)),
            ArgumentException argument => (StatusCodes.Status400BadRequest, One(argument.ParamName ?? "request", argument.Message)),
            _ => (0, null),
        };

        if (errors is null)
        {
            return false;
        }

        // The route pattern, not the path: a path may carry whatever a client typed.
        var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint();
        var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
        var kind = exception.GetType().Name;
        LogRejected(logger, httpContext.Request.Method, route, kind, status);
        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new HttpValidationProblemDetails(errors)
            {
                Status = status,
                Title = status == StatusCodes.Status400BadRequest ? "The request is invalid." : "The request cannot be processed.",
                Detail = "See 'errors': every problem, keyed by the field or JSON path.",
            },
        });
    }

    private static Dictionary<string, string[]> One(string field, string message) => new(StringComparer.Ordinal) { [field] = new[] { message } };

    private static Dictionary<string, string[]> Json(JsonException json) => One(string.IsNullOrEmpty(json.Path) ? "$" : json.Path, json.Message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected {Method} {Route}: {ExceptionType} → {Status}")]
    private static partial void LogRejected(ILogger logger, string method, string route, string exceptionType, int status);
}
