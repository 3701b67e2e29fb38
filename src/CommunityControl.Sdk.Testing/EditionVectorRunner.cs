using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using CommunityControl.Editions;
using CommunityControl.Epidemiology;
using CommunityControl.Internal;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using CommunityControl.Testing.Internal;
using CommunityControl.Zones;
using NodaTime;
using NodaTime.Text;

namespace CommunityControl.Testing;

/// <summary>
/// Runs an edition's JSON test vectors — a zone tree, and per vector a history and the levels expected of zones on
/// dates — against an edition, and lists every mismatch. The format is the one the library's own editions are tested
/// with, so a vendor writes vectors for a local variant the same way.
/// </summary>
/// <remarks>
/// <para>The document:</para>
/// <code language="json">
/// {
///   "edition": "my-city-2022",                      // the id of the edition the vectors are for
///   "tree": { zone tree document },                  // ZoneTreeJson; a vector may give its own
///   "holidays": [ { "date": "2021-05-01", "scope": "by", "name": "…" } ],   // optional; a vector may override (null = none)
///   "vectors": [
///     { "name": "High steps down after 10 days", "row": "§6.6 #1",
///       "history": { history document },             // EpidemicHistoryJson
///       "expect": [
///         { "zone": "c1-a", "from": "2022-07-01", "to": "2022-07-11", "level": "High" },
///         { "zone": "c1-a", "on": "2022-07-12", "level": "Medium", "reason": "SteppedDown", "since": "2022-07-12" },
///         { "zone": "d9", "on": "2022-07-01", "level": "Normal", "outcome": "InsufficientData" } ] } ]
/// }
/// </code>
/// <para><c>on</c> replaces <c>from</c>/<c>to</c> (inclusive); <c>level</c> is a code of the edition's scale (<c>None</c> for
/// severity 0 on a scale that does not name it); <c>outcome</c> defaults to <c>Determined</c>; <c>reason</c> (a
/// <see cref="RiskReasonCodes"/> code) and <c>since</c> are checked when given. Comments and trailing commas are allowed;
/// unknown fields are rejected.</para>
/// <para>A document that cannot be run — malformed JSON, an unknown field, an unknown level code, a zone not in the tree,
/// a date the history does not cover, an invalid tree or history — throws one <see cref="DocumentFormatException"/> with
/// every problem, its JSON path and its line. Mismatches are results, never exceptions.</para>
/// </remarks>
/// <example>
/// <code>
/// var edition = PolicyEditionJson.Parse(File.ReadAllText("my-city.edition.json"));
/// var result = EditionVectorRunner.Run(edition, File.ReadAllText("my-city.vectors.json"));
/// result.Should().Pass();    // or: Assert.True(result.Passed, result.Describe());
/// </code>
/// </example>
/// <threadsafety static="true" instance="true"/>
public static class EditionVectorRunner
{
    /// <summary>The document kind named in a <see cref="DocumentFormatException"/> about a vectors document.</summary>
    public const string DocumentKind = "edition test vectors";

    private static readonly string[] RootFields = { "edition", "tree", "holidays", "vectors" };
    private static readonly string[] VectorFields = { "name", "row", "tree", "holidays", "history", "expect" };
    private static readonly string[] ExpectFields = { "zone", "on", "from", "to", "level", "outcome", "reason", "since" };
    private static readonly string[] HolidayFields = { "date", "scope", "name" };

    /// <summary>Runs every vector of a document against an edition.</summary>
    /// <param name="edition">The edition; its id must be the document's <c>edition</c>.</param>
    /// <param name="vectorsJson">The vectors document.</param>
    /// <returns>The result, listing every mismatch.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="DocumentFormatException">The document cannot be run (every problem is listed, with path and line).</exception>
    public static EditionVectorResult Run(PolicyEdition edition, string vectorsJson)
    {
        Guard.NotNull(edition);
        Guard.NotNull(vectorsJson);
        return Execute(vectorsJson, _ => edition, null);
    }

    /// <summary>Runs one vector of a document against an edition (e.g. one case of an xunit theory over <see cref="VectorNames"/>).</summary>
    /// <param name="edition">The edition; its id must be the document's <c>edition</c>.</param>
    /// <param name="vectorsJson">The vectors document.</param>
    /// <param name="vectorName">The vector's name.</param>
    /// <returns>The result of that vector.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The document has no vector named <paramref name="vectorName"/>.</exception>
    /// <exception cref="DocumentFormatException">The document cannot be run.</exception>
    public static EditionVectorResult Run(PolicyEdition edition, string vectorsJson, string vectorName)
    {
        Guard.NotNull(edition);
        Guard.NotNull(vectorsJson);
        Guard.NotNull(vectorName);
        return Execute(vectorsJson, _ => edition, vectorName);
    }

    /// <summary>Runs every vector of a document against the edition of a catalog that the document names (e.g. <c>PolicyEditions.Catalog</c>).</summary>
    /// <param name="catalog">The editions.</param>
    /// <param name="vectorsJson">The vectors document.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="DocumentFormatException">The document cannot be run, or names an edition the catalog lacks.</exception>
    public static EditionVectorResult Run(EditionCatalog catalog, string vectorsJson)
    {
        Guard.NotNull(catalog);
        Guard.NotNull(vectorsJson);
        return Execute(vectorsJson, id => catalog.TryGet(id, out var e) ? e : null, null);
    }

    /// <summary>Gets the names of a document's vectors, in order (for a data-driven test).</summary>
    /// <param name="vectorsJson">The vectors document.</param>
    /// <returns>The names.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="vectorsJson"/> is null.</exception>
    /// <exception cref="DocumentFormatException">The document is not well-formed JSON, or has no list of named vectors.</exception>
    public static IReadOnlyList<string> VectorNames(string vectorsJson)
    {
        Guard.NotNull(vectorsJson);
        var utf8 = Encoding.UTF8.GetBytes(vectorsJson);
        using var document = ParseJson(ref utf8);
        var problems = new ProblemReport(DocumentKind, Limits.Default);
        var names = new List<string>();
        if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("vectors", out var vectors) || vectors.ValueKind != JsonValueKind.Array)
        {
            problems.Add("$.vectors", "A list of vectors is required.");
        }
        else
        {
            var i = 0;
            foreach (var v in vectors.EnumerateArray())
            {
                var path = "$.vectors[" + Int(i++) + "].name";
                if (v.ValueKind == JsonValueKind.Object && v.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(n.GetString()))
                {
                    names.Add(n.GetString()!);
                }
                else
                {
                    problems.Add(path, "Every vector needs a name.");
                }
            }
        }

        return problems.Count > 0 ? throw problems.ToException(utf8) : names.AsReadOnly();
    }

    private static EditionVectorResult Execute(string json, Func<string, PolicyEdition?> resolve, string? vectorName)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        using var document = ParseJson(ref utf8);
        var reader = new Reader(utf8);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            reader.Problem("$", "The document must be a JSON object.");
            throw reader.Exception();
        }

        reader.Fields(root, "$", RootFields);
        PolicyEdition? edition = null;
        var editionId = reader.String(root, "$", "edition", required: true);
        if (editionId is not null)
        {
            edition = resolve(editionId);
            if (edition is null)
            {
                reader.Problem("$.edition", $"No edition with id '{editionId}' is known.");
            }
            else if (!string.Equals(edition.Id, editionId, StringComparison.Ordinal))
            {
                reader.Problem("$.edition", $"The vectors are for edition '{editionId}', but they were given edition '{edition.Id}'.");
            }
        }

        var rootTree = root.TryGetProperty("tree", out var t) ? reader.Tree(t, "$.tree") : null;
        var rootHolidays = root.TryGetProperty("holidays", out var h) ? reader.Holidays(h, "$.holidays") : null;
        var plans = new List<VectorPlan>();
        if (!root.TryGetProperty("vectors", out var vectors) || vectors.ValueKind != JsonValueKind.Array || vectors.GetArrayLength() == 0)
        {
            reader.Problem("$.vectors", "A non-empty list of vectors is required.");
        }
        else
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var i = 0;
            foreach (var v in vectors.EnumerateArray())
            {
                var path = "$.vectors[" + Int(i++) + "]";
                var plan = reader.Vector(v, path, rootTree, rootHolidays, root.TryGetProperty("tree", out _), edition?.Risk.Scale);
                if (v.ValueKind == JsonValueKind.Object && v.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && !names.Add(n.GetString()!))
                {
                    reader.Problem(path + ".name", $"The name '{n.GetString()}' is used by an earlier vector.");
                }

                if (plan is null)
                {
                    continue;
                }

                if (vectorName is null || string.Equals(plan.Name, vectorName, StringComparison.Ordinal))
                {
                    plans.Add(plan);
                }
            }

            if (vectorName is not null && plans.Count == 0 && !reader.HasProblems && !names.Contains(vectorName))
            {
                throw new ArgumentException($"The document has no vector named '{vectorName}'; it has: {string.Join("; ", names)}.", nameof(vectorName));
            }
        }

        if (reader.HasProblems || edition is null)
        {
            throw reader.Exception();
        }

        reader.FindLines(plans);
        var outcomes = plans.Select(p => p.Run(edition.Risk)).ToArray();
        return new EditionVectorResult(edition.Id, outcomes);
    }

    /// <summary>Parses a document after the core's strict pre-pass (repeated names, invalid UTF-8, limits; a top-level "$schema" is dropped).</summary>
    private static JsonDocument ParseJson(ref byte[] utf8)
    {
        var limits = Limits.Default;
        var checkedUtf8 = JsonDocumentReader.Check(utf8, DocumentKind, limits);
        if (checkedUtf8 != utf8.AsSpan())
        {
            utf8 = checkedUtf8.ToArray();
        }

        try
        {
            return JsonDocument.Parse(utf8, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            var report = new ProblemReport(DocumentKind, limits);
            report.AddAtLine(ex.Path ?? "$", ex.LineNumber is { } l ? l + 1 : null, ex.Message);
            throw report.ToException(utf8, ex);
        }
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads the parts of a document, collecting every problem with its path and line.</summary>
    private sealed class Reader
    {
        private readonly byte[] _utf8;
        private readonly ProblemReport _problems = new(DocumentKind, Limits.Default);

        public Reader(byte[] utf8)
        {
            _utf8 = utf8;
        }

        public bool HasProblems => _problems.Count > 0;

        public void Problem(string path, string message) => _problems.Add(path, message);

        /// <summary>The one exception: every problem's line found in one pass by the core's step.</summary>
        public DocumentFormatException Exception() => _problems.ToException(_utf8);

        /// <summary>Finds the line of every expectation in one pass.</summary>
        public void FindLines(List<VectorPlan> plans)
        {
            var expectations = plans.SelectMany(p => p.Expectations).ToList();
            var lines = JsonLines.Find(_utf8, expectations.Select(e => e.Path));
            foreach (var e in expectations)
            {
                e.Line = lines.TryGetValue(e.Path, out var line) ? line : null;
            }
        }

        public void Fields(JsonElement element, string path, string[] allowed)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (Array.IndexOf(allowed, property.Name) < 0)
                {
                    Problem(path + "." + property.Name, $"Unknown field '{property.Name}'; expected one of {string.Join(", ", allowed)}.");
                }
            }
        }

        public string? String(JsonElement element, string path, string name, bool required)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required)
                {
                    Problem(path + "." + name, $"'{name}' is required.");
                }

                return null;
            }

            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                Problem(path + "." + name, $"'{name}' must be a non-empty string.");
                return null;
            }

            return value.GetString();
        }

        public LocalDate? Date(JsonElement element, string path, string name, bool required)
        {
            var text = String(element, path, name, required);
            if (text is null)
            {
                return null;
            }

            var parsed = LocalDatePattern.Iso.Parse(text);
            if (!parsed.Success)
            {
                Problem(path + "." + name, $"'{text}' is not a date like 2022-07-01.");
                return null;
            }

            return parsed.Value;
        }

        /// <summary>Reads a zone tree sub-document; problems keep their path (prefixed) and line (shifted).</summary>
        public ZoneTree? Tree(JsonElement element, string path)
            => Sub(path, element, "a zone tree document", span => ZoneTreeJson.Read(span));

        public EpidemicHistory? History(JsonElement element, string path, ZoneTree tree)
            => Sub(path, element, "a history document", span => EpidemicHistoryJson.Read(span, tree));

        public HolidayCalendar? Holidays(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (element.ValueKind != JsonValueKind.Array)
            {
                Problem(path, "The holidays must be a list (or null for no calendar).");
                return null;
            }

            var holidays = new List<PublicHoliday>();
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                var p = path + "[" + Int(i++) + "]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    Problem(p, "A holiday must be an object with a date.");
                    continue;
                }

                Fields(item, p, HolidayFields);
                var date = Date(item, p, "date", required: true);
                var scope = String(item, p, "scope", required: false);
                ZoneId scopeId = default;
                if (scope is not null && !ZoneId.TryFrom(scope, out scopeId))
                {
                    Problem(p + ".scope", $"'{scope}' is not a zone id.");
                }

                if (date is { } d)
                {
                    holidays.Add(new PublicHoliday { Date = d, Scope = scopeId, Name = String(item, p, "name", required: false) });
                }
            }

            return HolidayCalendar.Create(holidays);
        }

        public VectorPlan? Vector(JsonElement v, string path, ZoneTree? rootTree, HolidayCalendar? rootHolidays, bool rootHasTree, RiskScale? scale)
        {
            if (v.ValueKind != JsonValueKind.Object)
            {
                Problem(path, "A vector must be an object.");
                return null;
            }

            Fields(v, path, VectorFields);
            var name = String(v, path, "name", required: true);
            var row = String(v, path, "row", required: false);
            var tree = rootTree;
            if (v.TryGetProperty("tree", out var ownTree))
            {
                tree = Tree(ownTree, path + ".tree");
            }
            else if (!rootHasTree)
            {
                Problem(path + ".tree", "A tree is required, in the vector or at the top of the document.");
            }

            var holidays = v.TryGetProperty("holidays", out var ownHolidays) ? Holidays(ownHolidays, path + ".holidays") : rootHolidays;
            EpidemicHistory? history = null;
            if (!v.TryGetProperty("history", out var historyElement) || historyElement.ValueKind != JsonValueKind.Object)
            {
                Problem(path + ".history", "A history document is required.");
            }
            else if (tree is not null)
            {
                history = History(historyElement, path + ".history", tree);
            }

            var expectations = new List<Expectation>();
            if (!v.TryGetProperty("expect", out var expect) || expect.ValueKind != JsonValueKind.Array || expect.GetArrayLength() == 0)
            {
                Problem(path + ".expect", "A non-empty list of expectations is required.");
            }
            else
            {
                var i = 0;
                foreach (var e in expect.EnumerateArray())
                {
                    var expectation = Expectation(e, path + ".expect[" + Int(i++) + "]", tree, history, scale);
                    if (expectation is not null)
                    {
                        expectations.Add(expectation);
                    }
                }
            }

            return name is null || tree is null || history is null ? null : new VectorPlan(name, row, history, holidays, expectations);
        }

        private Expectation? Expectation(JsonElement e, string path, ZoneTree? tree, EpidemicHistory? history, RiskScale? scale)
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                Problem(path, "An expectation must be an object.");
                return null;
            }

            var before = _problems.Count;
            Fields(e, path, ExpectFields);
            var zoneText = String(e, path, "zone", required: true);
            ZoneId zone = default;
            if (zoneText is not null && (!ZoneId.TryFrom(zoneText, out zone) || (tree is not null && !tree.Contains(zone))))
            {
                Problem(path + ".zone", $"The zone '{zoneText}' is not in the tree.");
            }

            LocalDate? from, to;
            if (e.TryGetProperty("on", out _))
            {
                if (e.TryGetProperty("from", out _) || e.TryGetProperty("to", out _))
                {
                    Problem(path + ".on", "Give either 'on' or 'from' and 'to', not both.");
                }

                from = to = Date(e, path, "on", required: true);
            }
            else
            {
                from = Date(e, path, "from", required: true);
                to = Date(e, path, "to", required: true);
                if (from is { } f && to is { } t && t < f)
                {
                    Problem(path + ".to", $"'to' ({Text.Date(t)}) is before 'from' ({Text.Date(f)}).");
                }
            }

            if (history is not null)
            {
                foreach (var (d, field) in new[] { (from, e.TryGetProperty("on", out _) ? "on" : "from"), (to, e.TryGetProperty("on", out _) ? "on" : "to") })
                {
                    if (d is { } day && !history.Covers(day))
                    {
                        Problem(path + "." + field, $"{Text.Date(day)} is outside the history ({Text.Date(history.FirstDay)} to {Text.Date(history.LastDay)}).");
                        break;
                    }
                }
            }

            var level = String(e, path, "level", required: true);
            if (level is not null && scale is not null && !scale.TryGetLevel(level, out _) && !(level == "None" && !scale.Defines(RiskLevel.None)))
            {
                Problem(path + ".level", $"The scale {scale.Id} has no level '{level}'; it has {string.Join(", ", scale.Levels.Select(l => l.Code))}.");
            }

            var outcome = RiskAssessmentOutcome.Determined;
            var outcomeText = String(e, path, "outcome", required: false);
            if (outcomeText is not null)
            {
                if (outcomeText == nameof(RiskAssessmentOutcome.Determined) || outcomeText == nameof(RiskAssessmentOutcome.InsufficientData))
                {
                    outcome = outcomeText == nameof(RiskAssessmentOutcome.Determined) ? RiskAssessmentOutcome.Determined : RiskAssessmentOutcome.InsufficientData;
                }
                else
                {
                    Problem(path + ".outcome", $"'{outcomeText}' is not an outcome; expected Determined or InsufficientData.");
                }
            }

            var reason = String(e, path, "reason", required: false);
            var since = Date(e, path, "since", required: false);
            return _problems.Count > before || from is null || to is null || level is null
                ? null
                : new Expectation(path, zone, from.Value, to.Value, level, outcome, reason, since);
        }

        private T? Sub<T>(string path, JsonElement element, string what, SubReader<T> read)
            where T : class
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Problem(path, $"Expected {what}.");
                return null;
            }

            try
            {
                // The raw text of the value, as in the document: the sub-document's lines count from the value's line.
                return read(Encoding.UTF8.GetBytes(element.GetRawText()));
            }
            catch (DocumentFormatException ex)
            {
                _problems.AddNested(path, ex);
                return null;
            }
        }
    }

    private delegate T SubReader<out T>(ReadOnlySpan<byte> utf8);

    private sealed class Expectation
    {
        public Expectation(string path, ZoneId zone, LocalDate from, LocalDate to, string level, RiskAssessmentOutcome outcome, string? reason, LocalDate? since)
        {
            Path = path;
            Zone = zone;
            From = from;
            To = to;
            Level = level;
            Outcome = outcome;
            Reason = reason;
            Since = since;
        }

        public string Path { get; }

        public long? Line { get; set; }

        public ZoneId Zone { get; }

        public LocalDate From { get; }

        public LocalDate To { get; }

        public string Level { get; }

        public RiskAssessmentOutcome Outcome { get; }

        public string? Reason { get; }

        public LocalDate? Since { get; }
    }

    private sealed class VectorPlan
    {
        private readonly EpidemicHistory _history;
        private readonly HolidayCalendar? _holidays;
        private readonly List<Expectation> _expectations;

        public VectorPlan(string name, string? row, EpidemicHistory history, HolidayCalendar? holidays, List<Expectation> expectations)
        {
            Name = name;
            Row = row;
            _history = history;
            _holidays = holidays;
            _expectations = expectations;
        }

        public string Name { get; }

        public string? Row { get; }

        public IReadOnlyList<Expectation> Expectations => _expectations;

        public EditionVectorOutcome Run(RiskPolicy policy)
        {
            var timeline = policy.Evaluate(_history, new DateInterval(_history.FirstDay, _history.LastDay), _holidays);
            var mismatches = new List<EditionVectorMismatch>();
            var checks = 0;
            foreach (var e in _expectations)
            {
                for (var date = e.From; date <= e.To; date = date.PlusDays(1))
                {
                    checks++;
                    var a = timeline.At(e.Zone, date);
                    if (a.LevelDefinition.Code != e.Level || a.Outcome != e.Outcome || (e.Reason is not null && a.Reason?.Code != e.Reason) || (e.Since is not null && a.Since != e.Since))
                    {
                        mismatches.Add(new EditionVectorMismatch(Name, e.Path, e.Line, e.Level, e.Outcome, e.Reason, e.Since, a));
                    }
                }
            }

            return new EditionVectorOutcome(Name, Row, checks, mismatches.ToArray());
        }
    }
}
