using System;
using System.IO;
using System.Linq;
using System.Text;
using CommunityControl.Access;
using CommunityControl.Epidemiology;
using CommunityControl.Measures;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using CommunityControl.Tests.Staffing;
using CommunityControl.Zones;
using FluentAssertions;

namespace CommunityControl.Tests.Serialization;

/// <summary>One reader per document kind, and a valid document of each, for the strict-reading tests.</summary>
internal static class Documents
{
    public static readonly string[] Kinds = { "zones", "edition", "measures", "access", "staffing", "history" };

    public static ZoneTree Tree => Risk.SmallCity.Tree;

    /// <summary>Reads UTF-8 bytes with the reader of a document kind.</summary>
    public static object Read(string kind, byte[] utf8, DocumentLimits? limits = null) => kind switch
    {
        "zones" => ZoneTreeJson.Read(utf8, limits),
        "edition" => PolicyEditionJson.Read(utf8, limits),
        "measures" => MeasureTableJson.Read(utf8, null, limits),
        "access" => AccessPolicyJson.Read(utf8, limits),
        "staffing" => StaffingPolicyJson.Read(utf8, RiskScales.ChinaLowMediumHigh, limits),
        "history" => EpidemicHistoryJson.Read(utf8, Tree, limits),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static object Read(string kind, string json, DocumentLimits? limits = null) => Read(kind, Encoding.UTF8.GetBytes(json), limits);

    /// <summary>A valid document of each kind, written by the library.</summary>
    /// <summary>
    /// A built-in edition document without its <c>measures</c> section, which closes every built-in document: the lines
    /// before it are unchanged, so tests can add an <c>access</c> section or count lines in the risk part.
    /// </summary>
    public static string WithoutMeasures(string edition)
    {
        var at = edition.IndexOf(",\n  \"measures\": {", StringComparison.Ordinal);
        return at < 0 ? edition : edition.Substring(0, at) + "\n}\n";
    }

    public static string Valid(string kind) => kind switch
    {
        "zones" => ZoneTreeJson.ToJson(Tree),
        "edition" => WithoutMeasures(File.ReadAllText(RepositoryRoot.Combine("src", "CommunityControl.Sdk", "Editions", "cn-2022-06-ninth-edition.edition.json"))),
        "measures" => MeasureTableJson.ToJson(CommunityControl.Editions.PolicyEditions.China.NinthEdition.Measures!),
        "access" => AccessPolicyJson.ToJson(AccessPolicy.Create(CommunityControl.Editions.PolicyEditions.China.NinthEdition.Measures!)),
        "staffing" => StaffingPolicyJson.ToJson(SeedsCommunity.Policy()),
        "history" => EpidemicHistoryJson.ToJson(new EpidemicHistoryBuilder(Tree, Risk.SmallCity.Day0).Add(Risk.SmallCity.Case("p-1", 0, "c1-a-1-1")).Build(Risk.SmallCity.Day(2))),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Asserts that reading throws the one documented exception, and returns it.</summary>
    public static DocumentFormatException Rejects(string kind, byte[] utf8, DocumentLimits? limits = null)
        => FluentActions.Invoking(() => Read(kind, utf8, limits)).Should().Throw<DocumentFormatException>().Which;

    public static DocumentFormatException Rejects(string kind, string json, DocumentLimits? limits = null) => Rejects(kind, Encoding.UTF8.GetBytes(json), limits);

    /// <summary>Inserts a member right after the document's first '{'.</summary>
    public static string WithFirstMember(string json, string member)
    {
        var open = json.IndexOf('{');
        return json.Substring(0, open + 1) + " " + member + "," + json.Substring(open + 1);
    }

    public static int CountLines(string text) => text.Count(c => c == '\n') + 1;
}
