using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace CommunityControl.Samples.GateService.Http;

/// <summary>
/// Checks a request's body before any endpoint reads it: a body larger than <see cref="MaxBodyBytes"/> is a 413, and a
/// body that is not <c>application/json</c> in UTF-8 is a 415, each with a problem body; never a 500 or a reset connection.
/// </summary>
/// <remarks>A gate request is a few hundred bytes; the limit leaves ample room and keeps a flood of bytes out.</remarks>
public sealed class RequestBodyGuard(RequestDelegate next, IProblemDetailsService problemDetails)
{
    /// <summary>The largest body accepted: 64 KiB.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBodyBytes; // a chunked body past the limit fails as a 413 BadHttpRequestException
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            await RejectAsync(context, StatusCodes.Status413PayloadTooLarge, "The request body is too large.", $"A request body is at most {MaxBodyBytes} bytes.");
            return;
        }

        var hasBody = request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        if (hasBody && !IsUtf8Json(request.ContentType))
        {
            await RejectAsync(context, StatusCodes.Status415UnsupportedMediaType, "The request body is not UTF-8 JSON.", "Send the body as Content-Type: application/json (charset utf-8, or none).");
            return;
        }

        await next(context);
    }

    private static bool IsUtf8Json(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        var type = media.MediaType.Value ?? string.Empty;
        var json = type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        var charset = media.Charset.Value;
        return json && (string.IsNullOrEmpty(charset) || charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }

    private async Task RejectAsync(HttpContext context, int status, string title, string message)
    {
        context.Response.StatusCode = status;
        var written = await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["$"] = new[] { message } })
            {
                Status = status,
                Title = title,
                Detail = "See 'errors'.",
            },
        });
        if (!written)
        {
            await context.Response.WriteAsync(title);
        }
    }
}
