using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CommunityControl.Access;
using CommunityControl.Editions;
using CommunityControl.Epidemiology;
using CommunityControl.Measures;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using CommunityControl.Staffing;
using CommunityControl.Testing;
using CommunityControl.Zones;
using FluentAssertions;
using Json.Schema;
using Xunit;

namespace CommunityControl.Tests.Serialization;

/// <summary>
/// The schemas in <c>schemas/</c> (embedded and served by <see cref="DocumentSchemas"/>) accept every document the
/// repository ships, are valid draft 2020-12, and reject the same bad documents the readers reject.
/// </summary>
public class DocumentSchemaTests
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    // Built once: each schema registered under its $id, in an order where every $ref target comes first.
    private static readonly Lazy<IReadOnlyDictionary<string, JsonSchema>> Schemas = new(() =>
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var built = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var name in new[] { "zone-tree", "epidemic-history", "measure-table", "access-policy", "staffing-policy", "subsidy-policy", "policy-edition", "edition-vectors" })
        {
            built[name] = JsonSchema.FromText(DocumentSchemas.Get(name), options);
        }

        return built;
    });

    private static readonly string Readme = File.ReadAllText(RepositoryRoot.Combine("README.md"));

    // ------------------------------------------------------------------ the shipped documents pass

    public static TheoryData<string> ShippedDocuments()
    {
        var data = new TheoryData<string>();
        foreach (var file in ShippedFiles())
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedDocuments))]
    public void ShippedDocument_IsValidAgainstItsSchema(string relativePath)
    {
        var kind = KindOf(relativePath);

        var errors = Validate(kind, File.ReadAllText(RepositoryRoot.Combine(relativePath.Split('/'))));

        errors.Should().BeEmpty($"{relativePath} is a {kind} document");
    }

    [Fact]
    public void ShippedDocuments_CoverEveryKindButTheStandaloneAccessPolicy()
    {
        // No stand-alone access policy is shipped (the built-in editions hold theirs in an "access" section, which the
        // edition schema checks through the access-policy schema); every other kind has at least one document.
        ShippedFiles().Select(KindOf).Distinct().Should().BeEquivalentTo(DocumentSchemas.Names.Where(n => n != "access-policy"));
    }

    [Theory]
    [InlineData("\"timeZone\"", "zone-tree")]
    [InlineData("cn-2022-06-my-city", "policy-edition")]
    [InlineData("\"doorToDoor\"", "staffing-policy")]
    [InlineData("\"extends\"", "policy-edition")]
    public void ReadmeExample_IsValidAgainstItsSchema(string containing, string kind)
    {
        var block = Regex.Matches(Readme, "```json\\n(.*?)```", RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value)
            .Single(b => b.Contains(containing, StringComparison.Ordinal));

        Validate(kind, block).Should().BeEmpty();
    }

    // ------------------------------------------------------------------ the schemas themselves

    [Fact]
    public void Names_MatchTheSchemaFiles()
    {
        var files = Directory.GetFiles(RepositoryRoot.Combine("schemas"), "*.schema.json")
            .Select(f => Path.GetFileName(f).Replace(".schema.json", string.Empty, StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal);

        DocumentSchemas.Names.Should().Equal(files);
    }

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public void Schema_IsTheFileInTheRepository(string name)
    {
        var file = File.ReadAllText(RepositoryRoot.Combine("schemas", name + ".schema.json"));

        DocumentSchemas.Get(name).Should().Be(file);
    }

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public void Schema_IsValidDraft202012(string name)
    {
        using var document = JsonDocument.Parse(DocumentSchemas.Get(name));
        var root = document.RootElement;

        var result = MetaSchemas.Draft202012.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.List });

        result.IsValid.Should().BeTrue(string.Join("; ", Errors(result)));
        root.GetProperty("$schema").GetString().Should().Be("https://json-schema.org/draft/2020-12/schema");
        root.GetProperty("$id").GetString().Should().Be($"https://communitycontrol.github.io/schemas/0.2/{name}.schema.json");
        root.GetProperty("title").GetString().Should().NotBeNullOrWhiteSpace();
        root.GetProperty("description").GetString().Should().NotBeNullOrWhiteSpace();
        root.GetProperty("unevaluatedProperties").GetBoolean().Should().BeFalse("unknown properties are rejected");
        root.GetProperty("properties").GetProperty("$schema").GetProperty("type").GetString().Should().Be("string");
    }

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public void Schema_AllowsDollarSchemaOnTheRootOnly(string name)
    {
        var document = JsonNode.Parse(BaseDocument(name), documentOptions: Lenient)!.AsObject();
        document.Insert(0, "$schema", $"https://communitycontrol.github.io/schemas/0.2/{name}.schema.json");

        Validate(name, document.ToJsonString()).Should().BeEmpty();
    }

    [Fact]
    public void EditionSection_RejectsDollarSchema()
    {
        var edition = JsonNode.Parse(BaseDocument("policy-edition"), documentOptions: Lenient)!.AsObject();
        edition["measures"]!.AsObject().Add("$schema", "https://communitycontrol.github.io/schemas/0.2/measure-table.schema.json");

        Validate("policy-edition", edition.ToJsonString()).Should().NotBeEmpty();
    }

    public static TheoryData<string> SchemaNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in DocumentSchemas.Names)
        {
            data.Add(name);
        }

        return data;
    }

    // ------------------------------------------------------------------ bad documents: the schema and the reader agree

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public void BaseDocument_IsAcceptedBySchemaAndReader(string kind)
    {
        var json = BaseDocument(kind);

        Validate(kind, json).Should().BeEmpty();
        FluentActions.Invoking(() => Read(kind, json)).Should().NotThrow();
    }

    public static TheoryData<string> BadDocumentNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in BadDocuments.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadDocumentNames))]
    public void BadDocument_IsRejectedBySchemaAndReader(string name)
    {
        var (kind, mutate) = BadDocuments[name];
        var document = JsonNode.Parse(BaseDocument(kind), documentOptions: Lenient)!;
        mutate(document);
        var json = document.ToJsonString();

        Validate(kind, json).Should().NotBeEmpty("the schema rejects it");
        FluentActions.Invoking(() => Read(kind, json)).Should().Throw<DocumentFormatException>("the reader rejects it");
    }

    private static readonly Dictionary<string, (string Kind, Action<JsonNode> Mutate)> BadDocuments = new(StringComparer.Ordinal)
    {
        // zone tree
        ["zone-tree: unknown root property"] = ("zone-tree", d => d["zoneCount"] = 3),
        ["zone-tree: unknown zone property"] = ("zone-tree", d => d["zones"]![0]!["area"] = 12.5),
        ["zone-tree: households as a string"] = ("zone-tree", d => d["zones"]![1]!["households"] = "48"),
        ["zone-tree: missing zones"] = ("zone-tree", d => d.AsObject().Remove("zones")),
        ["zone-tree: missing kind"] = ("zone-tree", d => d["zones"]![2]!.AsObject().Remove("kind")),
        ["zone-tree: bad kind name"] = ("zone-tree", d => d["zones"]![1]!["kind"] = "Estate"),
        ["zone-tree: kind in lower case"] = ("zone-tree", d => d["zones"]![1]!["kind"] = "compound"),
        ["zone-tree: numeric kind"] = ("zone-tree", d => d["zones"]![1]!["kind"] = 6),
        ["zone-tree: negative households"] = ("zone-tree", d => d["zones"]![2]!["households"] = -1),
        ["zone-tree: too many gates"] = ("zone-tree", d => d["zones"]![1]!["gates"] = 70000),
        ["zone-tree: fractional count"] = ("zone-tree", d => d["zones"]![2]!["households"] = 4.5),
        ["zone-tree: zone id with a space"] = ("zone-tree", d => d["zones"]![0]!["id"] = "500101 001"),

        // epidemic history
        ["epidemic-history: unknown case property"] = ("epidemic-history", d => d["cases"]![0]!["name"] = "x"),
        ["epidemic-history: missing firstDay"] = ("epidemic-history", d => d.AsObject().Remove("firstDay")),
        ["epidemic-history: missing case kind"] = ("epidemic-history", d => d["cases"]![0]!.AsObject().Remove("kind")),
        ["epidemic-history: bad case kind name"] = ("epidemic-history", d => d["cases"]![0]!["kind"] = "Probable"),
        ["epidemic-history: numeric case kind"] = ("epidemic-history", d => d["cases"]![0]!["kind"] = 1),
        ["epidemic-history: negative stay"] = ("epidemic-history", d => d["cases"]![0]!["activities"]![0]!["stayMinutes"] = -5),
        ["epidemic-history: allNegative as a string"] = ("epidemic-history", d => d["screenings"]![0]!["allNegative"] = "yes"),
        ["epidemic-history: date with slashes"] = ("epidemic-history", d => d["firstDay"] = "2022/07/01"),
        ["epidemic-history: bad foundUnder name"] = ("epidemic-history", d => d["cases"]![0]!["foundUnder"] = "Hospital"),

        // measure table
        ["measure-table: unknown measure"] = ("measure-table", d => d["levels"]!["High"]!["curfew"] = new JsonObject()),
        ["measure-table: missing scale"] = ("measure-table", d => d.AsObject().Remove("scale")),
        ["measure-table: quota of zero persons"] = ("measure-table", d => d["levels"]!["Medium"]!["outingQuota"]!["persons"] = 0),
        ["measure-table: too many open gates"] = ("measure-table", d => d["levels"]!["High"]!["closedManagement"]!["openGates"] = 101),
        ["measure-table: numeric visitor policy"] = ("measure-table", d => d["levels"]!["Medium"]!["visitors"]!["policy"] = 1),
        ["measure-table: bad courier hand-over"] = ("measure-table", d => d["levels"]!["Medium"]!["couriers"]!["handover"] = "Drone"),
        ["measure-table: missing visitor policy"] = ("measure-table", d => d["levels"]!["Medium"]!["visitors"]!.AsObject().Remove("policy")),
        ["measure-table: duration in months"] = ("measure-table", d => d["levels"]!["Medium"]!["outingQuota"]!["interval"] = "P1M"),
        ["measure-table: plan for exposure None"] = ("measure-table", d => d["plans"]!["None"] = new JsonObject { ["first"] = "HomeIsolation", ["firstDays"] = 7 }),
        ["measure-table: quarantine of 61 days"] = ("measure-table", d => d["plans"]!["CloseContact"]!["firstDays"] = 61),
        ["measure-table: implausible temperature range"] = ("measure-table", d => d["levels"]!["Medium"]!["temperatureCheck"]!["plausibleMinimumCelsius"] = 20),
        ["measure-table: bad prohibition name"] = ("measure-table", d => d["prohibitions"] = new JsonArray("Curfews")),
        ["measure-table: purposes as a string"] = ("measure-table", d => d["levels"]!["High"]!["closedManagement"]!["exitPurposes"] = "MedicalCare"),

        // access policy
        ["access-policy: missing measures"] = ("access-policy", d => d.AsObject().Remove("measures")),
        ["access-policy: unknown authority property"] = ("access-policy", d => d["authority"]!["extends"] = "none"),
        ["access-policy: bad role name"] = ("access-policy", d => d["authority"]!["grants"]![0]!["role"] = "Mayor"),
        ["access-policy: numeric role"] = ("access-policy", d => d["authority"]!["grants"]![0]!["role"] = 6),
        ["access-policy: comma-combined permissions"] = ("access-policy", d => d["authority"]!["grants"]![0]!["permissions"] = new JsonArray("Check, Register")),
        ["access-policy: missing basis"] = ("access-policy", d => d["authority"]!["grants"]![0]!.AsObject().Remove("basis")),
        ["access-policy: no permissions"] = ("access-policy", d => d["authority"]!["grants"]![0]!["permissions"] = new JsonArray()),
        ["access-policy: unknown base"] = ("access-policy", d => d["authority"]!["base"] = "cn-2020"),

        // staffing policy
        ["staffing-policy: unknown root property"] = ("staffing-policy", d => d["budget"] = 1000),
        ["staffing-policy: missing shifts"] = ("staffing-policy", d => d.AsObject().Remove("shifts")),
        ["staffing-policy: bad preset"] = ("staffing-policy", d => d["shifts"]!["preset"] = "FourSixHour"),
        ["staffing-policy: bad check method key"] = ("staffing-policy", d => d["checkSeconds"]!["FaceScan"] = 5),
        ["staffing-policy: zero check time"] = ("staffing-policy", d => d["checkSeconds"]!["CodeScan"] = 0),
        ["staffing-policy: bad coverage source"] = ("staffing-policy", d => d["coverageOrder"] = new JsonArray("Robot")),
        ["staffing-policy: coverage source twice"] = ("staffing-policy", d => d["coverageOrder"] = new JsonArray("Volunteer", "Volunteer")),
        ["staffing-policy: service level above one"] = ("staffing-policy", d => d["levels"]!["High"]!["gate"]!["serviceLevel"] = 1.5),
        ["staffing-policy: numeric check method"] = ("staffing-policy", d => d["levels"]!["High"]!["gate"]!["check"] = 2),
        ["staffing-policy: workload of zero minutes"] = ("staffing-policy", d => d["levels"]!["High"]!["workloads"]![0]!["minutesEach"] = 0),
        ["staffing-policy: missing workload basis"] = ("staffing-policy", d => d["levels"]!["High"]!["workloads"]![0]!.AsObject().Remove("basis")),
        ["staffing-policy: timesPerDay as a string"] = ("staffing-policy", d => d["levels"]!["High"]!["workloads"]![0]!["timesPerDay"] = "3"),
        ["staffing-policy: 25-hour day limit"] = ("staffing-policy", d => d["limits"] = new JsonObject { ["maxHoursPerDay"] = 25 }),

        // subsidy policy
        ["subsidy-policy: unknown root property"] = ("subsidy-policy", d => d["bonus"] = 10),
        ["subsidy-policy: missing id"] = ("subsidy-policy", d => d.AsObject().Remove("id")),
        ["subsidy-policy: missing eligible sources"] = ("subsidy-policy", d => d.AsObject().Remove("eligibleSources")),
        ["subsidy-policy: no eligible source"] = ("subsidy-policy", d => d["eligibleSources"] = new JsonArray()),
        ["subsidy-policy: bad source name"] = ("subsidy-policy", d => d["eligibleSources"] = new JsonArray("Robot")),
        ["subsidy-policy: source twice"] = ("subsidy-policy", d => d["eligibleSources"] = new JsonArray("Volunteer", "Volunteer")),
        ["subsidy-policy: negative daily amount"] = ("subsidy-policy", d => d["dailyByLevel"]!["High"] = -1),
        ["subsidy-policy: amount above the maximum"] = ("subsidy-policy", d => d["overtimeDayRate"] = 1000001),
        ["subsidy-policy: amount as a string"] = ("subsidy-policy", d => d["mealPerDay"] = "15"),
        ["subsidy-policy: lower-case currency"] = ("subsidy-policy", d => d["currency"] = "cny"),
        ["subsidy-policy: five decimal places"] = ("subsidy-policy", d => d["decimalPlaces"] = 5),

        // policy edition
        ["policy-edition: unknown root property"] = ("policy-edition", d => d["author"] = "me"),
        ["policy-edition: missing risk"] = ("policy-edition", d => d.AsObject().Remove("risk")),
        ["policy-edition: missing title"] = ("policy-edition", d => d.AsObject().Remove("title")),
        ["policy-edition: upper-case id"] = ("policy-edition", d => d["id"] = "CN-2022-06-my-city"),
        ["policy-edition: two-part version"] = ("policy-edition", d => d["version"] = "1.0"),
        ["policy-edition: zero step-down days"] = ("policy-edition", d => Designation(d)["stages"]![0]!["stepDownAfterDays"] = 0),
        ["policy-edition: 4000 step-down days"] = ("policy-edition", d => Designation(d)["stages"]![0]!["stepDownAfterDays"] = 4000),
        ["policy-edition: numeric drawing unit"] = ("policy-edition", d => Designation(d)["drawingUnit"] = 7),
        ["policy-edition: bad infection name"] = ("policy-edition", d => Designation(d)["infections"] = new JsonArray("Probable")),
        ["policy-edition: missing requireNegativeScreening"] = ("policy-edition", d => Designation(d)["stages"]![1]!.AsObject().Remove("requireNegativeScreening")),
        ["policy-edition: rule of two families"] = ("policy-edition", d => d["risk"]!["rules"]![0]!["indicatorBands"] = new JsonObject { ["unit"] = "District", ["valueValidDays"] = 1 }),
        ["policy-edition: rule of no family"] = ("policy-edition", d => d["risk"]!["rules"]![0]!.AsObject().Remove("caseDesignation")),
        ["policy-edition: unknown stage property"] = ("policy-edition", d => Designation(d)["stages"]![0]!["days"] = 10),
        ["policy-edition: unknown property in the measures section"] = ("policy-edition", d => d["measures"]!["levels"]!["High"]!["lockdown"] = true),
        ["policy-edition: measures and access sections"] = ("policy-edition", d => d["access"] = new JsonObject { ["measures"] = d["measures"]!.DeepClone() }),
        ["policy-edition: bad preset in the staffing section"] = ("policy-edition", d => d["staffing"]!["shifts"]!["preset"] = "OneDay"),
        ["policy-edition: severity 16"] = ("policy-edition", d =>
        {
            // Without the case-designation rule: with a scale the reader rejects, that rule's reading ends in a
            // NullReferenceException today (CaseDesignationRule.TryCreate), not in a DocumentFormatException.
            d["risk"]!["rules"] = new JsonArray();
            d["risk"]!["scale"] = "my-scale";
            d["risk"]!["levels"] = new JsonArray(
                new JsonObject { ["severity"] = 0, ["code"] = "Low", ["nameZh"] = "低", ["nameEn"] = "Low" },
                new JsonObject { ["severity"] = 16, ["code"] = "High", ["nameZh"] = "高", ["nameEn"] = "High" });
        }),
        ["policy-edition: bad exitCounts name"] = ("policy-edition", d => d["risk"]!["rules"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "brake",
            ["indicatorHysteresis"] = new JsonObject
            {
                ["unit"] = "District",
                ["metric"] = "incidence",
                ["tiers"] = new JsonArray(new JsonObject
                {
                    ["level"] = "High", ["threshold"] = 100, ["enterAfterDays"] = 3, ["enterTakesEffectAfterDays"] = 2,
                    ["exitAfterDays"] = 5, ["exitCounts"] = "Weekdays", ["exitTakesEffectAfterDays"] = 2,
                }),
            },
        })),

        // edition vectors
        ["edition-vectors: unknown root property"] = ("edition-vectors", d => d["author"] = "me"),
        ["edition-vectors: missing edition"] = ("edition-vectors", d => d.AsObject().Remove("edition")),
        ["edition-vectors: empty vectors"] = ("edition-vectors", d => d["vectors"] = new JsonArray()),
        ["edition-vectors: unknown vector property"] = ("edition-vectors", d => d["vectors"]![0]!["comment"] = "x"),
        ["edition-vectors: missing expect"] = ("edition-vectors", d => d["vectors"]![0]!.AsObject().Remove("expect")),
        ["edition-vectors: bad outcome name"] = ("edition-vectors", d => d["vectors"]![0]!["expect"]![0]!["outcome"] = "Unknown"),
        ["edition-vectors: on with from"] = ("edition-vectors", d => d["vectors"]![0]!["expect"]![0]!["from"] = d["vectors"]![0]!["expect"]![0]!["on"]!.DeepClone()),
        ["edition-vectors: bad case kind in a history"] = ("edition-vectors", d => d["vectors"]![0]!["history"]!["cases"]![0]!["kind"] = "Probable"),
        ["edition-vectors: bad zone kind in the tree"] = ("edition-vectors", d => d["tree"]!["zones"]![0]!["kind"] = 1),
        ["zone-tree: kind with a trailing space"] = ("zone-tree", d => d["zones"]![1]!["kind"] = "Compound "),
        ["epidemic-history: comma-combined case kinds"] = ("epidemic-history", d => d["cases"]![0]!["kind"] = "Confirmed, Asymptomatic"),
        ["epidemic-history: case kind with a trailing space"] = ("epidemic-history", d => d["cases"]![0]!["kind"] = "Confirmed "),
        ["measure-table: comma-combined purposes"] = ("measure-table", d => d["levels"]!["High"]!["closedManagement"]!["exitPurposes"] = new JsonArray("Shopping, SupplyPickup")),
        ["measure-table: comma-combined actions"] = ("measure-table", d => d["levels"]!["High"]!["actions"] = new JsonArray("PreventImport, PreventSpread")),
        ["access-policy: one permission named twice in one string"] = ("access-policy", d => d["authority"]!["grants"]![0]!["permissions"] = new JsonArray("Check, Check")),
        ["staffing-policy: comma-combined workload kinds"] = ("staffing-policy", d => d["levels"]!["High"]!["workloads"]![0]!["kind"] = "Delivery, TemperatureCheck"),
        ["policy-edition: comma-combined infections"] = ("policy-edition", d => Designation(d)["infections"] = new JsonArray("Confirmed, Asymptomatic")),
        ["policy-edition: drawing unit with a trailing space"] = ("policy-edition", d => Designation(d)["drawingUnit"] = "Building "),
    };

    public static TheoryData<string> StricterThanTheReaderNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in StricterThanTheReader.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>
    /// Documents the schema rejects and the readers accept: an explicit null for an optional property, which the readers
    /// take as absent. The schemas are stricter here on purpose: an editor flags the null, and no document changes meaning.
    /// </summary>
    [Theory]
    [MemberData(nameof(StricterThanTheReaderNames))]
    public void StricterThanTheReader_IsRejectedBySchema(string name)
    {
        var (kind, mutate) = StricterThanTheReader[name];
        var document = JsonNode.Parse(BaseDocument(kind), documentOptions: Lenient)!;
        mutate(document);

        Validate(kind, document.ToJsonString()).Should().NotBeEmpty();
    }

    private static readonly Dictionary<string, (string Kind, Action<JsonNode> Mutate)> StricterThanTheReader = new(StringComparer.Ordinal)
    {
        ["zone-tree: null name"] = ("zone-tree", d => d["zones"]![1]!["name"] = null),
        ["epidemic-history: null unknownSource"] = ("epidemic-history", d => d["cases"]![0]!["unknownSource"] = null),
        ["measure-table: null source"] = ("measure-table", d => d["levels"]!["Medium"]!["visitors"]!["source"] = null),
    };

    private static JsonNode Designation(JsonNode edition) => edition["risk"]!["rules"]![0]!["caseDesignation"]!;

    /// <summary>A small valid document of each kind, which each bad case changes in one place.</summary>
    private static string BaseDocument(string kind) => kind switch
    {
        "zone-tree" => """
            {
              "timeZone": "Asia/Shanghai",
              "zones": [
                { "id": "500101-001", "kind": "Community", "name": "香炉山社区" },
                { "id": "500101-001-01", "kind": "Compound", "name": "香炉山小区", "parent": "500101-001", "gates": 2 },
                { "id": "500101-001-01-05", "kind": "Building", "name": "5栋", "parent": "500101-001-01", "households": 48 }
              ]
            }
            """,
        "epidemic-history" => """
            {
              "firstDay": "2022-07-01",
              "lastDay": "2022-07-10",
              "cases": [
                { "id": "c-0001", "kind": "Confirmed", "reported": "2022-07-03", "residence": "500101-001-01-05",
                  "activities": [ { "zone": "500101-001-01", "stayMinutes": 30 } ], "foundUnder": "None" }
              ],
              "screenings": [ { "zone": "500101-001-01", "date": "2022-07-05", "allNegative": true } ],
              "indicators": [ { "zone": "500101-001", "date": "2022-07-04", "values": { "incidence": 1.5 } } ]
            }
            """,
        "measure-table" => """
            {
              "edition": "cn-2022-06-ninth-edition",
              "scale": "cn-low-medium-high",
              "levels": {
                "High": { "closedManagement": { "openGates": 1, "exitPurposes": [ "MedicalCare" ] }, "actions": [ "StrictControl" ] },
                "Medium": {
                  "stayInArea": { "exitPurposes": [ "MedicalCare" ] },
                  "outingQuota": { "persons": 1, "interval": "P2D", "window": "Rolling", "maxAbsence": "PT2H" },
                  "temperatureCheck": { "reportAboveCelsius": 37.3 },
                  "visitors": { "policy": "Barred" },
                  "couriers": { "handover": "AtGate" }
                }
              },
              "plans": { "CloseContact": { "first": "CentralizedQuarantine", "firstDays": 7, "then": "HomeHealthMonitoring", "thenDays": 3 } },
              "prohibitions": [ "BlockingFireExits" ]
            }
            """,
        "access-policy" => """
            {
              "measures": { "scale": "cn-low-medium-high", "levels": { "High": { "stayHome": { } } } },
              "authority": {
                "base": "cn-infectious-disease-law-2013",
                "grants": [ { "role": "Volunteer", "permissions": [ "Check" ], "basis": "cn-idl-2013-art42" } ]
              }
            }
            """,
        "staffing-policy" => """
            {
              "scale": "cn-low-medium-high",
              "planningUnit": "Compound",
              "shifts": { "preset": "TwoTwelveHour", "firstStart": "08:00" },
              "checkSeconds": { "CodeScan": 10 },
              "coverageOrder": [ "CommunityWorker", "Volunteer" ],
              "levels": {
                "High": {
                  "gate": { "check": "CodeScan", "serviceLevel": 0.8, "answerWithinSeconds": 60 },
                  "workloads": [ { "kind": "Delivery", "basis": "PerHousehold", "timesPerDay": 1, "minutesEach": 5 } ]
                }
              }
            }
            """,
        "subsidy-policy" => """
            {
              "id": "sichuan-2020-04-10",
              "scale": "cn-low-medium-high",
              "dailyByLevel": { "Low": 30, "Medium": 50, "High": 70 },
              "overtimeDayRate": 150,
              "eligibleSources": [ "CommunityWorker" ]
            }
            """,
        "policy-edition" => Regex.Matches(Readme, "```json\\n(.*?)```", RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value)
            .Single(b => b.Contains("cn-2022-06-my-city", StringComparison.Ordinal)),
        "edition-vectors" => File.ReadAllText(RepositoryRoot.Combine("samples", "PolicyTests", "my-city.vectors.json")),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such document kind."),
    };

    private static object Read(string kind, string json) => kind switch
    {
        "zone-tree" => ZoneTreeJson.Parse(json),
        "epidemic-history" => EpidemicHistoryJson.Parse(json, ZoneTreeJson.Parse(BaseDocument("zone-tree"))),
        "measure-table" => MeasureTableJson.Parse(json),
        "access-policy" => AccessPolicyJson.Parse(json),
        "staffing-policy" => StaffingPolicyJson.Parse(json, RiskScales.ChinaLowMediumHigh),
        "subsidy-policy" => SubsidyPolicyJson.Parse(json, RiskScales.ChinaLowMediumHigh),
        "policy-edition" => PolicyEditionJson.Parse(json),
        "edition-vectors" => EditionVectorRunner.Run(VectorCatalog(), json),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such document kind."),
    };

    /// <summary>The built-in editions plus the PolicyTests sample's own edition, which its vectors test.</summary>
    private static EditionCatalog VectorCatalog()
    {
        var mine = PolicyEditionJson.Parse(File.ReadAllText(RepositoryRoot.Combine("samples", "PolicyTests", "my-city.edition.json")));
        return EditionCatalog.Create(PolicyEditions.All.Append(mine));
    }

    // ------------------------------------------------------------------ the accessor

    [Fact]
    public void Names_AreTheEightDocumentKindsInOrdinalOrder()
    {
        DocumentSchemas.Names.Should().Equal("access-policy", "edition-vectors", "epidemic-history", "measure-table", "policy-edition", "staffing-policy", "subsidy-policy", "zone-tree");
    }

    [Fact]
    public void Get_Null_ThrowsArgumentNullException()
    {
        FluentActions.Invoking(() => DocumentSchemas.Get(null!)).Should().Throw<ArgumentNullException>().WithParameterName("name");
    }

    [Theory]
    [InlineData("zone-trees")]
    [InlineData("Zone-Tree")]
    [InlineData("zone-tree.schema.json")]
    [InlineData("")]
    public void Get_UnknownName_ThrowsArgumentExceptionListingTheNames(string name)
    {
        FluentActions.Invoking(() => DocumentSchemas.Get(name)).Should().Throw<ArgumentException>()
            .Where(e => e.ParamName == "name" && e.GetType() == typeof(ArgumentException))
            .Which.Message.Should().Contain("access-policy, edition-vectors, epidemic-history, measure-table, policy-edition, staffing-policy, subsidy-policy, zone-tree");
    }

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public void TryGet_KnownName_ReturnsTheSchemaGetReturns(string name)
    {
        DocumentSchemas.TryGet(name, out var schema).Should().BeTrue("every listed name has a schema");

        schema.Should().BeSameAs(DocumentSchemas.Get(name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("zone-trees")]
    [InlineData("ZONE-TREE")]
    public void TryGet_UnknownName_ReturnsFalseAndNull(string? name)
    {
        DocumentSchemas.TryGet(name!, out var schema).Should().BeFalse();

        schema.Should().BeNull();
    }

    // ------------------------------------------------------------------ helpers

    private static IEnumerable<string> ShippedFiles()
    {
        string Relative(string path) => Path.GetRelativePath(RepositoryRoot.Folder, path).Replace('\\', '/');
        IEnumerable<string> Glob(string folder, string pattern) => Directory.GetFiles(RepositoryRoot.Combine(folder.Split('/')), pattern).Select(Relative);
        return Glob("src/CommunityControl.Sdk/Editions", "*.edition.json")
            .Concat(Glob("samples/Quickstart", "*.json"))
            .Concat(Glob("samples/GateService/Data", "*.json"))
            .Concat(Glob("samples/PolicyTests", "*.json"))
            .Concat(Glob("tests/CommunityControl.Sdk.Tests/TestData/Editions", "*.vectors.json"))
            .OrderBy(p => p, StringComparer.Ordinal);
    }

    /// <summary>The document kind of a shipped file, from its name; a file no rule covers fails the test.</summary>
    private static string KindOf(string relativePath)
    {
        var file = Path.GetFileName(relativePath);
        return file switch
        {
            _ when file.EndsWith(".edition.json", StringComparison.Ordinal) => "policy-edition",
            _ when file.EndsWith(".vectors.json", StringComparison.Ordinal) => "edition-vectors",
            "community.json" => "zone-tree",
            "epidemic-history.json" => "epidemic-history",
            "measures.json" or "local-measures.json" => "measure-table",
            "staffing.json" or "staffing-policy.json" => "staffing-policy",
            "subsidy.json" => "subsidy-policy",
            _ => throw new InvalidOperationException($"No schema is known for {relativePath}; add it to {nameof(KindOf)}."),
        };
    }

    private static List<string> Validate(string kind, string json)
    {
        using var document = JsonDocument.Parse(json, Lenient);
        var result = Schemas.Value[kind].Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid ? new List<string>() : Errors(result).ToList();
    }

    private static IEnumerable<string> Errors(EvaluationResults result)
        => (result.Details ?? (IReadOnlyList<EvaluationResults>)Array.Empty<EvaluationResults>())
            .Prepend(result)
            .Where(r => r.Errors is { Count: > 0 })
            .SelectMany(r => r.Errors!.Select(e => $"{r.InstanceLocation} ({r.EvaluationPath}): {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid");
}
