using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityControl.Serialization;

namespace CommunityControl.Tool;

/// <summary>
/// What changed between two editions, parameter by parameter: both documents are read strictly (a document that extends
/// another is merged first), written in the library's one canonical form, and compared value by value.
/// </summary>
internal static class EditionDiff
{
    /// <summary>Returns one line per difference: <c>$.path: old -&gt; new</c>, <c>(absent)</c> where a side has no value.</summary>
    public static IReadOnlyList<string> Compare(string leftJson, string rightJson)
    {
        var left = JsonNode.Parse(PolicyEditionJson.ToJson(PolicyEditionJson.ParseOptions(leftJson)));
        var right = JsonNode.Parse(PolicyEditionJson.ToJson(PolicyEditionJson.ParseOptions(rightJson)));
        var lines = new List<string>();
        Walk("$", left, right, lines);
        return lines;
    }

    private static void Walk(string path, JsonNode? left, JsonNode? right, List<string> lines)
    {
        if (left is JsonObject l && right is JsonObject r)
        {
            foreach (var name in l.Select(p => p.Key).Union(r.Select(p => p.Key)))
            {
                Walk(path + "." + name, l[name], r[name], lines);
            }
        }
        else if (left is JsonArray la && right is JsonArray ra)
        {
            for (var i = 0; i < System.Math.Max(la.Count, ra.Count); i++)
            {
                Walk(path + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", i < la.Count ? la[i] : null, i < ra.Count ? ra[i] : null, lines);
            }
        }
        else if (!JsonNode.DeepEquals(left, right))
        {
            lines.Add($"{path}: {Show(left)} -> {Show(right)}");
        }
    }

    // Values as JSON, with Chinese and other text as written (a terminal shows it), not as \u escapes.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Show(JsonNode? node) => node is null ? "(absent)" : node.ToJsonString(Readable);
}
