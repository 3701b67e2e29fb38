using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityControl.Epidemiology;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Serialization;

/// <summary>Reads and writes an <see cref="EpidemicHistory"/> as JSON.</summary>
/// <remarks>
/// <para>The document (every list optional):</para>
/// <code language="json">
/// {
///   "firstDay": "2022-07-01",
///   "lastDay": "2022-07-20",
///   "cases": [
///     { "id": "p-0001", "kind": "Confirmed", "reported": "2022-07-01", "residence": "c1-b2-u1",
///       "activities": [ { "zone": "market", "stayMinutes": 90, "highRisk": false } ],
///       "foundUnder": "None", "unknownSource": false }
///   ],
///   "exclusions": [ { "caseId": "s-0003", "date": "2022-07-02" } ],
///   "screenings": [ { "zone": "c1", "date": "2022-07-08", "allNegative": true } ],
///   "indicators": [ { "zone": "d1", "date": "2022-07-01", "values": { "Incidence7DayPer100K": 101.3 } } ]
/// }
/// </code>
/// <para><c>lastDay</c> defaults to the latest event's date. Enums are names (<see cref="CaseKind"/>,
/// <see cref="ControlSetting"/>), never numbers. Unknown fields are rejected. Every problem (unknown zones, repeated ids,
/// dates outside the days covered, out-of-range values) is reported at once in a <see cref="DocumentFormatException"/>
/// with its JSON path and line; messages name pseudonymous ids and zone ids only.</para>
/// </remarks>
/// <threadsafety static="true" instance="true"/>
public static class EpidemicHistoryJson
{
    private const string DocumentKind = "epidemic history";

    /// <summary>Reads a history from a JSON string.</summary>
    /// <param name="json">The document.</param>
    /// <param name="tree">The zone tree the events refer to.</param>
    /// <param name="limits">The limits the document must keep within; null for <see cref="DocumentLimits.Default"/>.</param>
    /// <returns>The validated history.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="limits"/> is out of its documented range.</exception>
    /// <exception cref="DocumentFormatException">The document is malformed, beyond a limit (such as <see cref="DocumentLimits.MaxHistoryDays"/>), or holds invalid events.</exception>
    public static EpidemicHistory Parse(string json, ZoneTree tree, DocumentLimits? limits = null)
    {
        Guard.NotNull(json);
        Guard.NotNull(tree);
        var l = DocumentLimits.Resolve(limits);
        return Read(JsonDocumentReader.Utf8(json, DocumentKind, l), tree, l);
    }

    /// <summary>Reads a history from a UTF-8 JSON stream (read to its end, or to the size limit; not closed).</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="tree">The zone tree the events refer to.</param>
    /// <param name="limits">The limits the document must keep within; null for <see cref="DocumentLimits.Default"/>.</param>
    /// <returns>The validated history.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="limits"/> is out of its documented range.</exception>
    /// <exception cref="DocumentFormatException">The document is malformed, beyond a limit (such as <see cref="DocumentLimits.MaxHistoryDays"/>), or holds invalid events.</exception>
    public static EpidemicHistory Read(Stream utf8Json, ZoneTree tree, DocumentLimits? limits = null)
    {
        Guard.NotNull(utf8Json);
        Guard.NotNull(tree);
        var l = DocumentLimits.Resolve(limits);
        return Read(JsonDocumentReader.ReadAll(utf8Json, DocumentKind, l), tree, l);
    }

    /// <summary>Reads a history from UTF-8 JSON bytes.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="tree">The zone tree the events refer to.</param>
    /// <param name="limits">The limits the document must keep within; null for <see cref="DocumentLimits.Default"/>.</param>
    /// <returns>The validated history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tree"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="limits"/> is out of its documented range.</exception>
    /// <exception cref="DocumentFormatException">The document is malformed, beyond a limit (such as <see cref="DocumentLimits.MaxHistoryDays"/>), or holds invalid events.</exception>
    public static EpidemicHistory Read(ReadOnlySpan<byte> utf8Json, ZoneTree tree, DocumentLimits? limits = null)
        => Read(utf8Json, Guard.NotNull(tree), DocumentLimits.Resolve(limits));

    internal static EpidemicHistory Read(ReadOnlySpan<byte> utf8Json, ZoneTree tree, in Limits limits)
    {
        Guard.NotNull(tree);
        utf8Json = JsonDocumentReader.Check(utf8Json, DocumentKind, limits);
        var document = JsonDocumentReader.Deserialize(utf8Json, DocumentJsonContext.Default.EpidemicHistoryDocument, DocumentKind, limits);
        var problems = new List<(string Path, string Message)>();
        var history = FromDocument(document, tree, "$", problems, limits.MaxHistoryDays);
        if (history is not null && problems.Count == 0)
        {
            return history;
        }

        throw JsonDocumentReader.Fail(DocumentKind, utf8Json, problems, limits);
    }

    /// <summary>Writes a history as an indented JSON document that <see cref="Parse(string, ZoneTree, DocumentLimits?)"/> reads back.</summary>
    /// <param name="history">The history.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is null.</exception>
    public static string ToJson(EpidemicHistory history)
    {
        using var stream = new MemoryStream();
        Write(history, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes a history as an indented UTF-8 JSON document to a stream (not closed).</summary>
    /// <param name="history">The history.</param>
    /// <param name="utf8Json">The stream.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(EpidemicHistory history, Stream utf8Json)
    {
        Guard.NotNull(history);
        Guard.NotNull(utf8Json);
        JsonSerializer.Serialize(utf8Json, ToDocument(history), DocumentJsonContext.Default.EpidemicHistoryDocument);
    }

    /// <summary>Turns a parsed document into a history; problems get paths under <paramref name="root"/>.</summary>
    internal static EpidemicHistory? FromDocument(EpidemicHistoryDocument document, ZoneTree tree, string root, List<(string Path, string Message)> problems, int maxDays = 3_660)
    {
        var before = problems.Count;
        if (document.FirstDay is null)
        {
            problems.Add((root + ".firstDay", "The first day the history covers is required."));
            return null;
        }

        // Dates are range-checked first: a day count from year 1 (or to 9999) is no history, and cannot be built.
        if (!Check.Date(document.FirstDay, root + ".firstDay", problems) | !(document.LastDay is null || Check.Date(document.LastDay, root + ".lastDay", problems)) | !EventDatesInRange(document, root, problems))
        {
            return null;
        }

        var builder = new EpidemicHistoryBuilder(tree, document.FirstDay.Value);
        AddCases(document.Cases, builder, root, problems);
        AddExclusions(document.Exclusions, builder, root, problems);
        AddScreenings(document.Screenings, builder, root, problems);
        AddIndicators(document.Indicators, builder, root, problems);

        var lastDay = document.LastDay ?? builder.LatestEventDate() ?? document.FirstDay.Value.PlusDays(-1);
        if (lastDay < document.FirstDay.Value.PlusDays(-1))
        {
            problems.Add((root + ".lastDay", $"The last day {DayValidator.Format(lastDay)} is before the first day {DayValidator.Format(document.FirstDay.Value)}."));
            return null;
        }

        // Checked before the history is built: its per-day tables are what a 49-byte document spanning 0001 to 9999 costs.
        var days = Period.Between(document.FirstDay.Value, lastDay, PeriodUnits.Days).Days + 1L;
        if (days > maxDays)
        {
            var which = document.LastDay is null ? "its latest event" : "its last day";
            problems.Add((document.LastDay is null ? root + ".firstDay" : root + ".lastDay", string.Format(CultureInfo.InvariantCulture, "The history covers {0} days, from its first day to {1}; at most {2} are allowed (DocumentLimits.MaxHistoryDays).", days, which, maxDays)));
            return null;
        }

        var inner = new List<(string Path, string Message)>();
        var history = builder.TryBuild(lastDay, inner);
        foreach (var p in inner)
        {
            // The builder reports "<item path>.<field>"; indicator values carry their metric in the path already.
            problems.Add(p.Path.Contains(".values.") && (p.Path.EndsWith(".value", StringComparison.Ordinal) || p.Path.EndsWith(".metric", StringComparison.Ordinal) || p.Path.EndsWith(".zone", StringComparison.Ordinal) || p.Path.EndsWith(".date", StringComparison.Ordinal))
                ? (p.Path.Substring(0, p.Path.LastIndexOf('.')), p.Message)
                : p);
        }

        return problems.Count > before ? null : history;
    }

    private static void AddCases(List<CaseDocument?>? document, EpidemicHistoryBuilder builder, string root, List<(string Path, string Message)> problems)
    {
        var cases = document ?? new List<CaseDocument?>();
        for (var i = 0; i < cases.Count; i++)
        {
            var path = root + ".cases[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            var c = cases[i];
            if (c is null)
            {
                problems.Add((path, "A case must be an object, not null."));
                continue;
            }

            var ok = Require(c.Id, path + ".id", "The case id is required.", problems)
                & Require(c.Kind, path + ".kind", "The case kind is required: Confirmed, Asymptomatic or Suspected.", problems)
                & Require(c.Reported, path + ".reported", "The report date is required.", problems);
            var residence = default(ZoneId);
            if (c.Residence is not null)
            {
                ok &= TryZone(c.Residence, path + ".residence", problems, out residence);
            }

            var activities = new List<CaseActivity>();
            ok &= ReadActivities(c.Activities, path, activities, problems);

            if (ok)
            {
                builder.Add(
                    new CaseReport
                    {
                        Id = c.Id!,
                        Kind = c.Kind!.Value,
                        Reported = c.Reported!.Value,
                        Residence = residence,
                        Activities = activities.ToArray(),
                        FoundUnder = c.FoundUnder ?? ControlSetting.None,
                        UnknownSource = c.UnknownSource ?? false,
                        DrawingUnit = c.DrawingUnit ?? ZoneKind.Unknown,
                    },
                    path);
            }
        }
    }

    private static bool ReadActivities(List<ActivityDocument?>? document, string path, List<CaseActivity> activities, List<(string Path, string Message)> problems)
    {
        var ok = true;
        var list = document ?? new List<ActivityDocument?>();
        for (var a = 0; a < list.Count; a++)
        {
            var activityPath = path + ".activities[" + a.ToString(CultureInfo.InvariantCulture) + "]";
            var activity = list[a];
            if (activity is null)
            {
                problems.Add((activityPath, "An activity place must be an object, not null."));
                ok = false;
                continue;
            }

            if (!Require(activity.Zone, activityPath + ".zone", "The activity zone is required.", problems) || !TryZone(activity.Zone!, activityPath + ".zone", problems, out var zone))
            {
                ok = false;
                continue;
            }

            if (activity.StayMinutes is { } minutes && !Check.Range(minutes, 0, CaseActivity.MaxStayMinutes, "minutes", activityPath + ".stayMinutes", problems))
            {
                ok = false;
                continue;
            }

            activities.Add(new CaseActivity { Zone = zone, Stay = Duration.FromMinutes(activity.StayMinutes ?? 0), HighRisk = activity.HighRisk ?? false });
        }

        return ok;
    }

    private static void AddExclusions(List<ExclusionDocument?>? document, EpidemicHistoryBuilder builder, string root, List<(string Path, string Message)> problems)
    {
        var exclusions = document ?? new List<ExclusionDocument?>();
        for (var i = 0; i < exclusions.Count; i++)
        {
            var path = root + ".exclusions[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            var x = exclusions[i];
            if (x is null)
            {
                problems.Add((path, "An exclusion must be an object, not null."));
                continue;
            }

            if (Require(x.CaseId, path + ".caseId", "The id of the suspected case is required.", problems)
                & Require(x.Date, path + ".date", "The date is required.", problems))
            {
                builder.Add(new CaseExclusion { CaseId = x.CaseId!, Date = x.Date!.Value }, path);
            }
        }
    }

    private static void AddScreenings(List<ScreeningDocument?>? document, EpidemicHistoryBuilder builder, string root, List<(string Path, string Message)> problems)
    {
        var screenings = document ?? new List<ScreeningDocument?>();
        for (var i = 0; i < screenings.Count; i++)
        {
            var path = root + ".screenings[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            var s = screenings[i];
            if (s is null)
            {
                problems.Add((path, "A screening round must be an object, not null."));
                continue;
            }

            var ok = Require(s.Zone, path + ".zone", "The screened zone is required.", problems)
                & Require(s.Date, path + ".date", "The date is required.", problems)
                & Require(s.AllNegative, path + ".allNegative", "Whether every result was negative is required.", problems);
            if (ok && TryZone(s.Zone!, path + ".zone", problems, out var zone))
            {
                builder.Add(new ScreeningRound { Zone = zone, Date = s.Date!.Value, AllNegative = s.AllNegative!.Value }, path);
            }
        }
    }

    private static void AddIndicators(List<IndicatorDocument?>? document, EpidemicHistoryBuilder builder, string root, List<(string Path, string Message)> problems)
    {
        var indicators = document ?? new List<IndicatorDocument?>();
        for (var i = 0; i < indicators.Count; i++)
        {
            var path = root + ".indicators[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            var r = indicators[i];
            if (r is null)
            {
                problems.Add((path, "An indicator entry must be an object, not null."));
                continue;
            }

            var ok = Require(r.Zone, path + ".zone", "The zone is required.", problems)
                & Require(r.Date, path + ".date", "The date is required.", problems);
            if (r.Values is null || r.Values.Count == 0)
            {
                problems.Add((path + ".values", "At least one metric value is required."));
                ok = false;
            }

            if (ok && TryZone(r.Zone!, path + ".zone", problems, out var zone))
            {
                foreach (var pair in r.Values!)
                {
                    builder.Add(new IndicatorReading { Zone = zone, Date = r.Date!.Value, Metric = pair.Key, Value = pair.Value }, path + ".values." + pair.Key);
                }
            }
        }
    }

    internal static EpidemicHistoryDocument ToDocument(EpidemicHistory history)
    {
        var document = new EpidemicHistoryDocument
        {
            FirstDay = history.FirstDay,
            LastDay = history.LastDay,
            Cases = new List<CaseDocument?>(),
            Exclusions = new List<ExclusionDocument?>(),
            Screenings = new List<ScreeningDocument?>(),
            Indicators = new List<IndicatorDocument?>(),
        };
        for (var d = 0; d < history.DayCount; d++)
        {
            var day = history.DayAt(d);
            foreach (var c in day.Cases)
            {
                document.Cases.Add(new CaseDocument
                {
                    Id = c.Id,
                    Kind = c.Kind,
                    Reported = c.Reported,
                    Residence = c.Residence.IsEmpty ? null : c.Residence.Value,
                    Activities = c.Activities.Count == 0 ? null : c.Activities.Select(a => (ActivityDocument?)new ActivityDocument
                    {
                        Zone = a.Zone.Value,
                        StayMinutes = a.Stay == Duration.Zero ? null : (long)a.Stay.TotalMinutes,
                        HighRisk = a.HighRisk ? true : null,
                    }).ToList(),
                    FoundUnder = c.FoundUnder == ControlSetting.None ? null : c.FoundUnder,
                    DrawingUnit = c.DrawingUnit == ZoneKind.Unknown ? null : c.DrawingUnit,
                    UnknownSource = c.UnknownSource ? true : null,
                });
            }

            foreach (var x in day.Exclusions)
            {
                document.Exclusions.Add(new ExclusionDocument { CaseId = x.CaseId, Date = x.Date });
            }

            foreach (var s in day.Screenings)
            {
                document.Screenings.Add(new ScreeningDocument { Zone = s.Zone.Value, Date = s.Date, AllNegative = s.AllNegative });
            }

            foreach (var group in day.Readings.GroupBy(r => r.Zone))
            {
                var values = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var r in group)
                {
                    values[r.Metric] = r.Value;
                }

                document.Indicators.Add(new IndicatorDocument { Zone = group.Key.Value, Date = day.Date, Values = values });
            }
        }

        return document;
    }

    private static bool EventDatesInRange(EpidemicHistoryDocument document, string root, List<(string Path, string Message)> problems)
    {
        var ok = true;
        void Dates<T>(List<T?>? items, string name, string field, Func<T, LocalDate?> date)
            where T : class
        {
            for (var i = 0; i < (items?.Count ?? 0); i++)
            {
                if (items![i] is { } item && date(item) is { } d)
                {
                    ok &= Check.Date(d, root + "." + name + "[" + i.ToString(CultureInfo.InvariantCulture) + "]." + field, problems);
                }
            }
        }

        Dates(document.Cases, "cases", "reported", c => c.Reported);
        Dates(document.Exclusions, "exclusions", "date", x => x.Date);
        Dates(document.Screenings, "screenings", "date", s => s.Date);
        Dates(document.Indicators, "indicators", "date", r => r.Date);
        return ok;
    }

    private static bool Require<T>(T? value, string path, string message, List<(string Path, string Message)> problems)
    {
        if (value is null || (value is string s && string.IsNullOrWhiteSpace(s)))
        {
            problems.Add((path, message));
            return false;
        }

        return true;
    }

    private static bool TryZone(string text, string path, List<(string Path, string Message)> problems, out ZoneId zone)
    {
        if (ZoneId.TryFrom(text, out zone))
        {
            return true;
        }

        problems.Add((path, ZoneId.Validate(text) ?? "Not a zone id."));
        return false;
    }
}

/// <summary>The JSON shape of a history.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class EpidemicHistoryDocument
{
    [JsonPropertyName("firstDay")]
    [JsonConverter(typeof(LocalDateJsonConverter))]
    public LocalDate? FirstDay { get; set; }

    [JsonPropertyName("lastDay")]
    [JsonConverter(typeof(LocalDateJsonConverter))]
    public LocalDate? LastDay { get; set; }

    [JsonPropertyName("cases")]
    public List<CaseDocument?>? Cases { get; set; }

    [JsonPropertyName("exclusions")]
    public List<ExclusionDocument?>? Exclusions { get; set; }

    [JsonPropertyName("screenings")]
    public List<ScreeningDocument?>? Screenings { get; set; }

    [JsonPropertyName("indicators")]
    public List<IndicatorDocument?>? Indicators { get; set; }
}

/// <summary>The JSON shape of a case report.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class CaseDocument
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("kind")]
    [JsonConverter(typeof(StrictEnumConverter<CaseKind>))]
    public CaseKind? Kind { get; set; }

    [JsonPropertyName("reported")]
    [JsonConverter(typeof(LocalDateJsonConverter))]
    public LocalDate? Reported { get; set; }

    [JsonPropertyName("residence")]
    public string? Residence { get; set; }

    [JsonPropertyName("activities")]
    public List<ActivityDocument?>? Activities { get; set; }

    [JsonPropertyName("foundUnder")]
    [JsonConverter(typeof(StrictEnumConverter<ControlSetting>))]
    public ControlSetting? FoundUnder { get; set; }

    [JsonPropertyName("unknownSource")]
    public bool? UnknownSource { get; set; }

    [JsonPropertyName("drawingUnit")]
    [JsonConverter(typeof(StrictEnumConverter<ZoneKind>))]
    public ZoneKind? DrawingUnit { get; set; }
}

/// <summary>The JSON shape of an activity place.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class ActivityDocument
{
    [JsonPropertyName("zone")]
    public string? Zone { get; set; }

    [JsonPropertyName("stayMinutes")]
    public long? StayMinutes { get; set; }

    [JsonPropertyName("highRisk")]
    public bool? HighRisk { get; set; }
}

/// <summary>The JSON shape of an exclusion.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class ExclusionDocument
{
    [JsonPropertyName("caseId")]
    public string? CaseId { get; set; }

    [JsonPropertyName("date")]
    [JsonConverter(typeof(LocalDateJsonConverter))]
    public LocalDate? Date { get; set; }
}

/// <summary>The JSON shape of a screening round.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class ScreeningDocument
{
    [JsonPropertyName("zone")]
    public string? Zone { get; set; }

    [JsonPropertyName("date")]
    [JsonConverter(typeof(LocalDateJsonConverter))]
    public LocalDate? Date { get; set; }

    [JsonPropertyName("allNegative")]
    public bool? AllNegative { get; set; }
}

/// <summary>The JSON shape of a zone's indicator values on one day.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class IndicatorDocument
{
    [JsonPropertyName("zone")]
    public string? Zone { get; set; }

    [JsonPropertyName("date")]
    [JsonConverter(typeof(LocalDateJsonConverter))]
    public LocalDate? Date { get; set; }

    [JsonPropertyName("values")]
    public Dictionary<string, double>? Values { get; set; }
}
