using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using CommunityControl.Editions;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using CommunityControl.Zones;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace CommunityControl.Tests.Serialization;

/// <summary>
/// A mutation corpus for every document kind but zone trees (see <c>ZoneDocumentMutationTests</c>): the built-in editions,
/// the samples and a history are damaged by seeded, deterministic mutations (extreme numbers, durations and dates, empty,
/// huge or wrongly typed values, dropped properties, duplicated array items, truncation, changed and comma-listed enum
/// names). Each reader must return a model or throw <see cref="DocumentFormatException"/> with at least one problem
/// whose path starts with <c>$</c>, nothing else. Every escape is listed with its document, so one run shows them all.
/// </summary>
/// <remarks>Duplicate keys and invalid UTF-8 are not produced here: the pre-pass tests cover them.</remarks>
public class DocumentMutationTests
{
    private const int MutantsPerDocument = 160;

    private static readonly string[] Extremes =
    {
        "0", "-1", "-0", "0.5", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "100000000000", "1e308", "-1e308", "1e400", "1E-320", "4294967296", "1.7976931348623157e308",
    };

    private static readonly string[] Strings =
    {
        "\"\"", "\" \"", "\"\\t\"", "\"" + new string('x', 5000) + "\"", "1", "true", "null", "[]", "{}", "\"P99999999999D\"",
        "\"P100000000D\"", "\"PT-1H\"", "\"P0D\"", "\"0001-01-01\"", "\"9999-12-31\"", "\"2022-02-30\"", "\"00:00\"", "\"24:00\"",
        "\"23:59:59.999999999\"", "\"Unknown\"", "\"None\"", "\"0\"", "\"小区\"", "\"PT2562047H\"", "\"-P1D\"", "\"P1Y\"",
    };

    private static readonly string[] Durations =
    {
        "\"P99999999999D\"", "\"P100000000D\"", "\"P16777216D\"", "\"PT9999999999H\"", "\"PT99999999999999M\"", "\"P-1D\"", "\"PT0S\"",
        "\"P0D\"", "\"PT0.000000001S\"", "\"P1M\"", "\"P1W\"", "\"PT1H\"", "\"P365D\"", "\"P10000D\"",
    };

    private static readonly string[] Dates = { "\"0001-01-01\"", "\"9999-12-31\"", "\"2022-02-29\"", "\"1899-12-31\"", "\"2022-13-01\"", "\"-9998-01-01\"", "\"2022\"", "\"2020-03\"" };

    private static readonly string[] Times = { "\"00:00\"", "\"23:59\"", "\"24:00\"", "\"00:00:00.000000001\"", "\"25:00\"", "\"12\"" };

    private readonly ITestOutputHelper _output;

    public DocumentMutationTests(ITestOutputHelper output) => _output = output;

    private delegate string Mutation(string document, Random random);

    [Fact]
    public void Readers_MutatedDocuments_GiveAModelOrTheDocumentedException()
    {
        var tree = ZoneTreeJson.Parse(File.ReadAllText(RepositoryRoot.Combine("samples", "GateService", "Data", "community.json")));
        var scale = RiskScales.ChinaLowMediumHigh;
        var corpus = new List<(string Name, string Document, Action<string> Read)>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot.SdkSource, "Editions"), "*.edition.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            corpus.Add((Path.GetFileName(file), File.ReadAllText(file), d => PolicyEditionJson.Parse(d)));
        }

        var myCity = File.ReadAllText(RepositoryRoot.Combine("samples", "PolicyTests", "my-city.edition.json"));
        var quickMeasures = File.ReadAllText(RepositoryRoot.Combine("samples", "Quickstart", "measures.json"));
        var quickStaffing = File.ReadAllText(RepositoryRoot.Combine("samples", "Quickstart", "staffing.json"));
        var gateStaffing = File.ReadAllText(RepositoryRoot.Combine("samples", "GateService", "Data", "staffing-policy.json"));
        corpus.Add(("my-city.edition.json", myCity, d => PolicyEditionJson.Parse(d)));
        corpus.Add(("my-city with sections", WithSections(myCity, ("measures", quickMeasures), ("staffing", quickStaffing)), d => PolicyEditionJson.Parse(d)));
        corpus.Add(("my-city with access", WithSections(myCity, ("measures", "null"), ("access", AccessDocument()), ("staffing", gateStaffing)), d => PolicyEditionJson.Parse(d)));
        corpus.Add(("Quickstart/measures.json", quickMeasures, d => MeasureTableJson.Parse(d)));
        corpus.Add(("GateService/local-measures.json", File.ReadAllText(RepositoryRoot.Combine("samples", "GateService", "Data", "local-measures.json")), d => MeasureTableJson.Parse(d)));
        corpus.Add(("ninth edition measures", MeasureTableJson.ToJson(PolicyEditions.China.NinthEdition.Measures!), d => MeasureTableJson.Parse(d)));
        corpus.Add(("access policy", AccessDocument(), d => AccessPolicyJson.Parse(d)));
        corpus.Add(("Quickstart/staffing.json", quickStaffing, d => StaffingPolicyJson.Parse(d, scale)));
        corpus.Add(("GateService/staffing-policy.json", gateStaffing, d => StaffingPolicyJson.Parse(d, scale)));
        corpus.Add(("GateService/epidemic-history.json", File.ReadAllText(RepositoryRoot.Combine("samples", "GateService", "Data", "epidemic-history.json")), d => EpidemicHistoryJson.Parse(d, tree)));
        corpus.Add(("history", HistoryDocument, d => EpidemicHistoryJson.Parse(d, tree)));

        var mutations = new Mutation[]
        {
            ExtremeNumber, StringValue, Duration, Date, Time, DropProperty, DuplicateItem, Truncate, EnumName, CommaListEnum,
            SwapType, NullInList, EmptyContainer,
        };
        var escapes = new Dictionary<string, string>(StringComparer.Ordinal);
        int accepted = 0, rejected = 0;
        foreach (var (name, original, read) in corpus)
        {
            read(original); // every seed document is valid
            var random = new Random(StableSeed(name));
            for (var n = 0; n < MutantsPerDocument; n++)
            {
                var document = original;
                var count = 1 + random.Next(2);
                for (var m = 0; m < count; m++)
                {
                    document = mutations[random.Next(mutations.Length)](document, random);
                }

                try
                {
                    read(document);
                    accepted++;
                }
                catch (DocumentFormatException ex)
                {
                    if (ex.Problems.Count == 0 || !ex.Problems.Any(p => p.Path.StartsWith("$", StringComparison.Ordinal)))
                    {
                        escapes.TryAdd("no $ path: " + ex.Message, $"{name} #{n}");
                    }

                    rejected++;
                }
#pragma warning disable CA1031 // Every other exception is what this test looks for.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    var frame = ex.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("CommunityControl", StringComparison.Ordinal))?.Trim() ?? string.Empty;
                    if (escapes.TryAdd(ex.GetType().Name + " " + frame, $"{name} #{n}: {ex.Message}"))
                    {
                        _output.WriteLine($"{ex.GetType().Name} in {name} #{n} at {frame}: {ex.Message}\n{Excerpt(original, document)}\n");
                    }
                }
            }
        }

        escapes.Should().BeEmpty("every damaged document gives a model or a DocumentFormatException: " + string.Join(" | ", escapes.Select(e => e.Key + " <- " + e.Value)));
        rejected.Should().BeGreaterThan(corpus.Count * MutantsPerDocument / 3, "most damage is detectable");
        accepted.Should().BeGreaterThan(0, "some damage (a changed text) still describes a valid document");
    }

    private static string WithSections(string edition, params (string Name, string Section)[] sections)
    {
        var end = edition.LastIndexOf('}');
        var text = new StringBuilder(edition.Substring(0, end).TrimEnd());
        foreach (var (name, section) in sections)
        {
            text.Append(",\n  \"").Append(name).Append("\": ").Append(section.Trim());
        }

        return text.Append("\n}\n").ToString();
    }

    private static string AccessDocument()
    {
        var measures = MeasureTableJson.ToJson(PolicyEditions.China.NinthEdition.Measures!);
        return "{\n\"measures\": " + measures + ",\n\"authority\": { \"base\": \"none\", \"grants\": [\n"
            + "  { \"role\": \"CommunityWorker\", \"permissions\": [\"Check\", \"DenyEntry\"], \"basis\": \"cn-idl-2013-art42\", \"from\": \"2022-01-01T00:00:00Z\", \"to\": \"2022-12-31T00:00:00Z\", \"scope\": \"500101-001\" },\n"
            + "  { \"role\": \"Volunteer\", \"permissions\": [\"Register\"], \"basis\": \"cn-idl-2013-art42\" }\n] }\n}";
    }

    private const string HistoryDocument = """
        {
          "firstDay": "2022-07-01",
          "lastDay": "2022-07-20",
          "cases": [
            { "id": "c-1", "kind": "Suspected", "reported": "2022-07-02", "residence": "500101-001-01-02-1", "foundUnder": "HomeIsolation",
              "activities": [ { "zone": "500101-001-02", "stayMinutes": 45, "highRisk": true }, { "zone": "500101-001-01", "stayMinutes": 1440 } ] },
            { "id": "c-2", "kind": "Confirmed", "reported": "2022-07-04", "residence": "500101-001-01-01-1", "unknownSource": true },
            { "id": "c-3", "kind": "Suspected", "reported": "2022-07-05" }
          ],
          "exclusions": [ { "caseId": "c-3", "date": "2022-07-06" } ],
          "screenings": [ { "zone": "500101-001-02", "date": "2022-07-11", "allNegative": true } ],
          "indicators": [ { "zone": "500101-001", "date": "2022-07-03", "values": { "positivity": 0.02, "cases7d": 12 } } ]
        }
        """;

    private static int StableSeed(string name)
    {
        var seed = 20220628;
        foreach (var c in name)
        {
            seed = unchecked((seed * 31) + c);
        }

        return seed;
    }

    private static string Excerpt(string original, string mutated)
    {
        var start = 0;
        while (start < original.Length && start < mutated.Length && original[start] == mutated[start])
        {
            start++;
        }

        var from = Math.Max(0, start - 80);
        return "…" + mutated.Substring(from, Math.Min(240, mutated.Length - from)) + "…";
    }

    // Values only: a match must follow a ':' or '[' or ',' so that property names are never touched (no duplicate keys).
    private const string ValueLead = @"(?<=[:\[,]\s*)";

    private static string ExtremeNumber(string d, Random r) => ReplaceOne(d, ValueLead + @"-?\d+(\.\d+)?([eE][-+]?\d+)?(?=\s*[,}\]])", Pick(Extremes, r), r);

    private static string StringValue(string d, Random r) => ReplaceOne(d, ValueLead + "\"[^\"\\\\]*\"(?=\\s*[,}\\]])", Pick(Strings, r), r);

    private static string Duration(string d, Random r) => ReplaceOne(d, "\"-?P[0-9WDTHMS.]*\"", Pick(Durations, r), r);

    private static string Date(string d, Random r) => ReplaceOne(d, "\"\\d{4}-\\d{2}-\\d{2}(T[^\"]*)?\"", Pick(Dates, r), r);

    private static string Time(string d, Random r) => ReplaceOne(d, "\"\\d{2}:\\d{2}(:\\d{2})?\"", Pick(Times, r), r);

    private static string EnumName(string d, Random r)
        => ReplaceOne(d, ValueLead + "\"[A-Z][A-Za-z]+\"(?=\\s*[,}\\]])", Pick(new[] { "\"Unknown\"", "\"None\"", "\"0\"", "\"1\"", "\"low\"", "\"Everything\"", "\" High\"" }, r), r);

    private static string CommaListEnum(string d, Random r)
    {
        var names = Regex.Matches(d, ValueLead + "\"([A-Z][A-Za-z]+)\"(?=\\s*[,}\\]])");
        if (names.Count < 2)
        {
            return d;
        }

        var other = names[r.Next(names.Count)].Groups[1].Value;
        var target = names[r.Next(names.Count)];
        return d.Remove(target.Index, target.Length).Insert(target.Index, "\"" + target.Groups[1].Value + ", " + other + "\"");
    }

    private static string DropProperty(string d, Random r)
        => ReplaceOne(d, "\"\\w+\"\\s*:\\s*(\"[^\"\\\\]*\"|-?[\\d.eE+-]+|true|false|null|\\[[^\\[\\]{}]*\\]|\\{[^{}]*\\})\\s*,?", string.Empty, r);

    private static string DuplicateItem(string d, Random r)
    {
        var matches = Regex.Matches(d, @"(?<=[\[,]\s*)(\{[^{}]*\}|""[^""\\]*"")(?=\s*[,\]])");
        if (matches.Count == 0)
        {
            return d;
        }

        var m = matches[r.Next(matches.Count)];
        return d.Insert(m.Index + m.Length, ", " + m.Value);
    }

    private static string Truncate(string d, Random r) => d.Substring(0, r.Next(d.Length));

    private static string SwapType(string d, Random r)
        => ReplaceOne(d, ValueLead + @"(\[[^\[\]{}]*\]|\{[^{}]*\}|true|false|-?\d+(\.\d+)?)(?=\s*[,}\]])", Pick(new[] { "\"1\"", "[]", "{}", "[1]", "1", "false", "\"\"", "[\"\"]", "[null]" }, r), r);

    private static string NullInList(string d, Random r) => ReplaceOne(d, @"\[(?=\s*[""{\d])", "[null, ", r);

    private static string EmptyContainer(string d, Random r) => ReplaceOne(d, @"(\[[^\[\]]*\]|\{[^{}]*\})", Pick(new[] { "[]", "{}" }, r), r);

    private static string Pick(string[] values, Random r) => values[r.Next(values.Length)];

    private static string ReplaceOne(string d, string pattern, string replacement, Random r)
    {
        var matches = Regex.Matches(d, pattern);
        if (matches.Count == 0)
        {
            return d;
        }

        var m = matches[r.Next(matches.Count)];
        return new StringBuilder(d).Remove(m.Index, m.Length).Insert(m.Index, replacement).ToString();
    }
}
