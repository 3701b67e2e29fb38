using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityControl.Internal;
using CommunityControl.Risk;
using CommunityControl.Staffing;

namespace CommunityControl.Serialization;

/// <summary>
/// Reads and writes a <see cref="SubsidyPolicy"/> as a JSON document (schema <c>subsidy-policy</c>).
/// </summary>
/// <remarks>
/// <para>The document (levels are codes of the scale passed in; sources are <see cref="WorkforceSource"/> names):</para>
/// <code>
/// {
///   "id": "sichuan-2020-04-10",
///   "source": "Sichuan 2020-04-10 (cn-policy.md §3, S26c)",
///   "scale": "cn-low-medium-high",
///   "dailyByLevel": { "Low": 30, "Medium": 50, "High": 70 },
///   "overtimeDayRate": 150,
///   "eligibleSources": [ "CommunityWorker" ]
/// }
/// </code>
/// <para><c>id</c> and <c>eligibleSources</c> are required. <c>source</c> defaults to empty, <c>currency</c> to <c>CNY</c>,
/// <c>decimalPlaces</c> to 2. <c>overtimeDayRate</c>, <c>transportPerDay</c> and <c>mealPerDay</c> have no default: absent
/// means none is paid (the reference gives no national amount). <c>scale</c> is optional; when present it must be the id
/// of the scale passed in. Unknown fields are rejected. Every problem is reported at once in a
/// <see cref="DocumentFormatException"/>, with its JSON path and line.</para>
/// </remarks>
/// <threadsafety static="true" instance="true"/>
public static class SubsidyPolicyJson
{
    private const string DocumentKind = "subsidy policy";

    /// <summary>Reads a policy from a JSON string.</summary>
    /// <param name="json">The document.</param>
    /// <param name="scale">The scale whose codes name the levels of <c>dailyByLevel</c>.</param>
    /// <param name="limits">The limits the document must keep within; null for <see cref="DocumentLimits.Default"/>.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="scale"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="limits"/> is out of its documented range.</exception>
    /// <exception cref="DocumentFormatException">The document is malformed, beyond a limit, or describes an invalid policy.</exception>
    public static SubsidyPolicy Parse(string json, RiskScale scale, DocumentLimits? limits = null)
    {
        Guard.NotNull(json);
        Guard.NotNull(scale);
        var l = DocumentLimits.Resolve(limits);
        return Read(JsonDocumentReader.Utf8(json, DocumentKind, l), scale, l);
    }

    /// <summary>Reads a policy from a UTF-8 JSON stream (read to its end, or to the size limit; not closed).</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="scale">The scale whose codes name the levels of <c>dailyByLevel</c>.</param>
    /// <param name="limits">The limits the document must keep within; null for <see cref="DocumentLimits.Default"/>.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="scale"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="limits"/> is out of its documented range.</exception>
    /// <exception cref="DocumentFormatException">The document is malformed, beyond a limit, or describes an invalid policy.</exception>
    public static SubsidyPolicy Read(Stream utf8Json, RiskScale scale, DocumentLimits? limits = null)
    {
        Guard.NotNull(utf8Json);
        Guard.NotNull(scale);
        var l = DocumentLimits.Resolve(limits);
        return Read(JsonDocumentReader.ReadAll(utf8Json, DocumentKind, l), scale, l);
    }

    /// <summary>Writes a policy as an indented JSON document that <see cref="Parse"/> reads back to an equal policy.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public static string ToJson(SubsidyPolicy policy)
    {
        Guard.NotNull(policy);
        var document = new SubsidyPolicyDocument
        {
            Id = policy.Id,
            Source = policy.Source.Length == 0 ? null : policy.Source,
            Scale = policy.Scale?.Id,
            Currency = policy.Currency,
            DecimalPlaces = policy.DecimalPlaces,
            DailyByLevel = policy.DailyByLevel.Count == 0 ? null : policy.DailyByLevel.ToDictionary(p => policy.Scale!.Describe(p.Key).Code, p => p.Value),
            OvertimeDayRate = policy.OvertimeDayRate,
            TransportPerDay = policy.TransportPerDay,
            MealPerDay = policy.MealPerDay,
            EligibleSources = policy.EligibleSources.Select(s => (string?)s.ToString()).ToList(),
        };
        return JsonSerializer.Serialize(document, DocumentJsonContext.Writer.SubsidyPolicyDocument);
    }

    internal static SubsidyPolicy Read(ReadOnlySpan<byte> utf8Json, RiskScale scale, in Limits limits)
    {
        utf8Json = JsonDocumentReader.Check(utf8Json, DocumentKind, limits);
        var d = JsonDocumentReader.Deserialize(utf8Json, DocumentJsonContext.Default.SubsidyPolicyDocument, DocumentKind, limits);
        var problems = new List<(string Path, string Message)>();
        if (string.IsNullOrWhiteSpace(d.Id))
        {
            problems.Add(("$.id", "The policy id is required."));
        }

        if (d.Scale is not null && d.Scale != scale.Id)
        {
            problems.Add(("$.scale", $"The document is for another scale, but the levels are read with scale '{scale.Id}'."));
        }

        var daily = ReadDaily(d.DailyByLevel, scale, problems);
        Amount("$.overtimeDayRate", d.OvertimeDayRate, problems);
        Amount("$.transportPerDay", d.TransportPerDay, problems);
        Amount("$.mealPerDay", d.MealPerDay, problems);
        var sources = ReadSources(d.EligibleSources, problems);
        var currency = d.Currency ?? "CNY";
        if (currency.Length != 3 || currency.Any(ch => ch < 'A' || ch > 'Z'))
        {
            problems.Add(("$.currency", "An ISO 4217 code of three capital letters, e.g. CNY."));
        }

        if (d.DecimalPlaces is < 0 or > 4)
        {
            problems.Add(("$.decimalPlaces", $"0 to 4; it was {d.DecimalPlaces}."));
        }

        if (problems.Count > 0)
        {
            throw JsonDocumentReader.Fail(DocumentKind, utf8Json, problems, limits);
        }

        return SubsidyPolicy.Create(d.Id!, d.Source ?? string.Empty, daily, d.OvertimeDayRate, sources, currency, d.DecimalPlaces ?? 2, daily.Count > 0 ? scale : null)
            .WithAllowances(d.TransportPerDay, d.MealPerDay);
    }

    private static List<KeyValuePair<RiskLevel, decimal>> ReadDaily(Dictionary<string, decimal>? daily, RiskScale scale, List<(string Path, string Message)> problems)
    {
        var result = new List<KeyValuePair<RiskLevel, decimal>>();
        foreach (var pair in daily ?? new Dictionary<string, decimal>())
        {
            var path = "$.dailyByLevel." + pair.Key;
            if (!scale.TryGetLevel(pair.Key, out var level))
            {
                problems.Add((path, $"Scale '{scale.Id}' has no level of that code; it has {string.Join(", ", scale.Levels.Select(l => l.Code))}."));
                continue;
            }

            Amount(path, pair.Value, problems);
            result.Add(new KeyValuePair<RiskLevel, decimal>(level, pair.Value));
        }

        return result;
    }

    private static List<WorkforceSource> ReadSources(List<string?>? names, List<(string Path, string Message)> problems)
    {
        var sources = new List<WorkforceSource>();
        if (names is null || names.Count == 0)
        {
            problems.Add(("$.eligibleSources", "At least one source is required."));
            return sources;
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] is { } text && StrictEnumConverter<WorkforceSource>.TryParseName(text, out var source) && source != WorkforceSource.Unknown)
            {
                if (sources.Contains(source))
                {
                    problems.Add(($"$.eligibleSources[{i}]", "The source is listed twice."));
                }

                sources.Add(source);
            }
            else
            {
                problems.Add(($"$.eligibleSources[{i}]", $"The value is not one of {string.Join(", ", Enum.GetNames(typeof(WorkforceSource)).Where(n => n != "Unknown"))}."));
            }
        }

        return sources;
    }

    private static void Amount(string path, decimal? amount, List<(string Path, string Message)> problems)
    {
        if (amount is { } a && (a < 0 || a > SubsidyPolicy.MaximumDailyAmount))
        {
            problems.Add((path, $"The amount must be in [0-{SubsidyPolicy.MaximumDailyAmount.ToString(CultureInfo.InvariantCulture)}]."));
        }
    }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class SubsidyPolicyDocument
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("source")]
    public string? Source { get; set; }

    [JsonPropertyName("scale")]
    public string? Scale { get; set; }

    [JsonPropertyName("currency")]
    public string? Currency { get; set; }

    [JsonPropertyName("decimalPlaces")]
    public int? DecimalPlaces { get; set; }

    [JsonPropertyName("dailyByLevel")]
    public Dictionary<string, decimal>? DailyByLevel { get; set; }

    [JsonPropertyName("overtimeDayRate")]
    public decimal? OvertimeDayRate { get; set; }

    [JsonPropertyName("transportPerDay")]
    public decimal? TransportPerDay { get; set; }

    [JsonPropertyName("mealPerDay")]
    public decimal? MealPerDay { get; set; }

    [JsonPropertyName("eligibleSources")]
    public List<string?>? EligibleSources { get; set; }
}
