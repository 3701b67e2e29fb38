using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;

namespace CommunityControl.Samples.GateService.Http;

/// <summary>
/// Collects every problem of a request, keyed by the field (a JSON path such as <c>$.personId</c> for the body, the
/// parameter's name for the query or route), and turns them into one 400 ValidationProblem. Messages never repeat the
/// value sent: it may be personal.
/// </summary>
public sealed class RequestProblems
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = new List<string>();
        }

        list.Add(message);
    }

    /// <summary>Adds the message of an <see cref="ArgumentException"/> without its "(Parameter 'x')" suffix.</summary>
    public void Add(string field, ArgumentException exception)
    {
        var message = exception.Message;
        var suffix = exception.ParamName is null ? null : $" (Parameter '{exception.ParamName}')";
        Add(field, suffix is not null && message.EndsWith(suffix, StringComparison.Ordinal) ? message[..^suffix.Length] : message);
    }

    /// <summary>Parses a required query date (<c>yyyy-MM-dd</c>).</summary>
    public LocalDate? Date(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Add(field, "A date is required, as yyyy-MM-dd (e.g. 2022-07-08).");
            return null;
        }

        var result = LocalDatePattern.Iso.Parse(text);
        if (!result.Success)
        {
            Add(field, "Expected a date as yyyy-MM-dd (e.g. 2022-07-08).");
            return null;
        }

        return result.Value;
    }

    /// <summary>Parses an optional query integer within a range.</summary>
    public int? WholeNumber(string field, string? text, int fallback, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Add(field, $"Expected a whole number from {min} to {max}.");
            return null;
        }

        return value;
    }

    /// <summary>Parses an optional query flag (<c>true</c> or <c>false</c>).</summary>
    public bool Flag(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (!bool.TryParse(text, out var value))
        {
            Add(field, "Expected true or false.");
        }

        return value;
    }

    /// <summary>The 404 response for a resource named in the path that does not exist, listing every problem.</summary>
    public ProblemHttpResult ToNotFound()
        => TypedResults.Problem(new HttpValidationProblemDetails(_errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal))
        {
            Status = StatusCodes.Status404NotFound,
            Title = "The resource does not exist.",
            Detail = "See 'errors': every problem, keyed by the field or JSON path.",
        });

    /// <summary>The 400 response that lists every problem.</summary>
    public ValidationProblem ToResult()
        => TypedResults.ValidationProblem(
            _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal),
            title: "The request is invalid.",
            detail: "See 'errors': every problem, keyed by the field or JSON path.");
}
