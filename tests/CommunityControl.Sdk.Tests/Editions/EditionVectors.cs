using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using CommunityControl.Editions;
using CommunityControl.Epidemiology;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using CommunityControl.Zones;
using NodaTime;
using NodaTime.Text;

namespace CommunityControl.Tests.Editions;

/// <summary>
/// Reads the test vectors stored as JSON beside each built-in edition (TestData/Editions/&lt;edition-id&gt;.vectors.json):
/// a tree, and per vector a history and the expected level of zones on dates, taken from the reference's tables.
/// </summary>
/// <remarks>
/// The file:
/// <code>
/// { "edition": "cn-2022-06-ninth-edition", "tree": { zone tree document },
///   "holidays": [ { "date": "2021-05-01", "scope": "by" } ],            (optional; omit for "no calendar")
///   "vectors": [ { "name": "…", "row": "§6.6 #1", "history": { history document },
///                  "expect": [ { "zone": "c1-a", "from": "2022-07-01", "to": "2022-07-08", "level": "High",
///                                "outcome": "Determined", "reason": "ResidenceOfCase" } ] } ] }
/// </code>
/// <c>on</c> may replace <c>from</c>/<c>to</c>; <c>outcome</c> defaults to Determined; <c>reason</c> is optional.
/// A vector may override <c>tree</c> and <c>holidays</c>.
/// </remarks>
public static class EditionVectors
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "TestData", "Editions");

    public static IEnumerable<object[]> All()
        => Directory.EnumerateFiles(Folder, "*.vectors.json").OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(file =>
            {
                using var document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
                return document.RootElement.GetProperty("vectors").EnumerateArray()
                    .Select(v => new object[] { Path.GetFileName(file), v.GetProperty("name").GetString()! })
                    .ToList();
            });

    /// <summary>Runs one vector and returns every mismatch (empty when all expectations hold) and the number of checks.</summary>
    public static (List<string> Mismatches, int Checks, string Row) Run(string file, string name)
    {
        var text = File.ReadAllText(Path.Combine(Folder, file));
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var root = document.RootElement;
        var vector = root.GetProperty("vectors").EnumerateArray().Single(v => v.GetProperty("name").GetString() == name);
        var edition = PolicyEditions.Get(root.GetProperty("edition").GetString()!);
        var tree = ZoneTreeJson.Parse((vector.TryGetProperty("tree", out var t) ? t : root.GetProperty("tree")).GetRawText());
        var history = EpidemicHistoryJson.Parse(vector.GetProperty("history").GetRawText(), tree);
        HolidayCalendar? holidays = null;
        if ((vector.TryGetProperty("holidays", out var h) || root.TryGetProperty("holidays", out h)) && h.ValueKind == JsonValueKind.Array)
        {
            holidays = HolidayCalendar.Create(h.EnumerateArray().Select(x => new PublicHoliday
            {
                Date = Date(x.GetProperty("date").GetString()!),
                Scope = x.TryGetProperty("scope", out var s) && s.ValueKind == JsonValueKind.String ? ZoneId.From(s.GetString()!) : default,
            }));
        }

        var timeline = edition.Risk.Evaluate(history, new DateInterval(history.FirstDay, history.LastDay), holidays);
        var mismatches = new List<string>();
        var checks = 0;
        foreach (var e in vector.GetProperty("expect").EnumerateArray())
        {
            var zone = ZoneId.From(e.GetProperty("zone").GetString()!);
            LocalDate from, to;
            if (e.TryGetProperty("on", out var on))
            {
                from = to = Date(on.GetString()!);
            }
            else
            {
                from = Date(e.GetProperty("from").GetString()!);
                to = Date(e.GetProperty("to").GetString()!);
            }

            var level = e.GetProperty("level").GetString()!;
            var outcome = e.TryGetProperty("outcome", out var o) ? Enum.Parse<RiskAssessmentOutcome>(o.GetString()!) : RiskAssessmentOutcome.Determined;
            var reason = e.TryGetProperty("reason", out var r) ? r.GetString() : null;
            var since = e.TryGetProperty("since", out var si) ? Date(si.GetString()!) : (LocalDate?)null;
            for (var date = from; date <= to; date = date.PlusDays(1))
            {
                checks++;
                var a = timeline.At(zone, date);
                var actual = a.LevelDefinition.Code;
                if (actual != level || a.Outcome != outcome || (reason is not null && a.Reason?.Code != reason) || (since is not null && a.Since != since))
                {
                    mismatches.Add($"{zone} {Format(date)}: expected {level}/{outcome}{(reason is null ? string.Empty : "/" + reason)}{(since is null ? string.Empty : " since " + Format(since.Value))}, got {actual}/{a.Outcome}/{a.Reason?.Code} since {(a.Since is { } s2 ? Format(s2) : "-")} ({a.Reason})");
                }
            }
        }

        return (mismatches, checks, vector.TryGetProperty("row", out var row) ? row.GetString()! : string.Empty);
    }

    private static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).Value;

    private static string Format(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
