using System;
using System.Linq;
using System.Text;
using CommunityControl.Serialization;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Zones;

/// <summary>
/// A zone tree document is checked against the strict pre-pass rules during the reader's one pass; whatever that pass
/// meets, the outcome (the tree, or the problems with their paths, lines and messages) is the one of the general way
/// (the pre-pass, then the reader).
/// </summary>
public class ZoneTreeJsonSinglePassTests
{
    private const string Zones = "\"zones\": [ { \"id\": \"A\", \"kind\": \"Community\" }, { \"id\": \"B\", \"kind\": \"Compound\", \"parent\": \"A\", \"name\": \"x\" } ]";

    public static TheoryData<string, int, int> Documents() => new()
    {
        { "{ " + Zones + " }", 64, 5_000_000 },
        { "{ \"timeZone\": \"Asia/Shanghai\", " + Zones + " }", 64, 5_000_000 },
        { "{ \"$schema\": \"x\", " + Zones + " }", 64, 5_000_000 },
        { "{ " + Zones + ", \"$schema\": \"x\" }", 64, 5_000_000 },
        { "{ \"$schema\": \"x\", \"$schema\": \"y\", " + Zones + " }", 64, 5_000_000 },
        { "{ \"$schema\": 1, " + Zones + " }", 64, 5_000_000 },
        { "{ \"$schema\": { \"a\": 1, \"a\": 2 }, " + Zones + " }", 64, 5_000_000 },
        { "{ \"\\u0024schema\": \"x\", " + Zones + " }", 64, 5_000_000 },
        { "{ \"$schema\": \"\\ud800\", " + Zones + " }", 64, 5_000_000 },
        { "{ \"timeZone\": \"Asia/Shanghai\", \"timeZone\": \"UTC\", " + Zones + " }", 64, 5_000_000 },
        { "{ \"time\\u005Aone\": \"Asia/Shanghai\", \"timeZone\": \"UTC\", " + Zones + " }", 64, 5_000_000 },
        { "{ " + Zones + ", " + Zones + " }", 64, 5_000_000 },
        { "{ \"timeZone\": \"Nowhere/Else\", " + Zones + " }", 64, 5_000_000 },
        { "{ \"timeZone\": \"\\udc00\", " + Zones + " }", 64, 5_000_000 },
        { "{ \"zones\": [ { \"\\u0069d\": \"A\", \"kind\": \"Community\" } ] }", 64, 5_000_000 },
        { "{ \"zones\": [ { \"id\": \"A\", \"kind\": \"Community\", \"name\": \"\\ud83d\\ude00\" } ] }", 64, 5_000_000 },
        { "{ \"zones\": [ { \"id\": \"A\", \"kind\": \"Community\", \"name\": \"\\ud83d\" } ] }", 64, 5_000_000 },
        { "{ \"zones\": [ { \"id\": \"\\ude00\", \"kind\": \"Community\" } ] }", 64, 5_000_000 },
        { "{ \"zones\": [ { \"id\\ud800\": \"A\", \"kind\": \"Community\" } ] }", 64, 5_000_000 },
        { "{ \"zones\": [ { \"id\": \"A\", \"kind\": \"Community\", \"id\": \"B\" } ] }", 64, 5_000_000 },
        { "{ \"zones\": [ { \"id\": \"A\", \"kind\": \"Community\", \"extra\": { \"b\": 1, \"b\": 1 } } ] }", 64, 5_000_000 },
        { "{ \"zones\": [ { \"id\": \"A\", \"kind\": \"Community\" }, [ [ [ 1 ] ] ] ] }", 64, 5_000_000 },
        { "{ \"zones\": [ { \"id\": \"A\", \"kind\": \"Community\", \"parent\": \"Z\" } ] }", 64, 5_000_000 },
        { "{ \"zones\": null }", 64, 5_000_000 },
        { "{ }", 64, 5_000_000 },
        { "[ ]", 64, 5_000_000 },
        { "null", 64, 5_000_000 },
        { "", 64, 5_000_000 },
        { "{ " + Zones + " } x", 64, 5_000_000 },
        { "{ " + Zones + " /* a comment */ }", 64, 5_000_000 },
        { "{ " + Zones + ", }", 64, 5_000_000 },
        { "{ \"zones\": [ { \"id\": \"A\", \"kind\": \"Community\" ", 64, 5_000_000 },
        { "{ " + Zones + " }", 3, 5_000_000 },
        { "{ " + Zones + " }", 2, 5_000_000 },
        { "{ " + Zones + " }", 1, 5_000_000 },
        { "{ " + Zones + " }", 64, 8 },
        { "{ " + Zones + " }", 64, 7 },
        { "{ " + Zones + " }", 64, 6 },
        { "{ " + Zones + " }", 64, 2 },
        { "{ " + Zones + " }", 64, 1 },
        { "{ \"$schema\": \"x\", \"timeZone\": \"UTC\", \"zones\": [ ] }", 64, 5 },
        { "{ \"$schema\": \"x\", \"timeZone\": \"UTC\", \"zones\": [ ] }", 64, 6 },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Read_AnyDocument_HasTheOutcomeOfThePrePassThenTheReader(string json, int maxDepth, int maxItems)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        var limits = DocumentLimits.Resolve(new DocumentLimits { MaxDepth = maxDepth, MaxItems = maxItems });

        Outcome(() => ZoneTreeJsonReader.Read(utf8, limits)).Should().Be(Outcome(() => ZoneTreeJsonReader.ReadThroughPrePass(utf8, limits)));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC0, 0x80 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xE6, 0x88 })]
    public void Read_InvalidUtf8InANameAValueOrAComment_HasTheOutcomeOfThePrePassThenTheReader(byte[] invalid)
    {
        foreach (var template in new[] { "{ \"zones\": [ { \"id\": \"A\", \"kind\": \"Community\", \"name\": \"@\" } ] }", "{ \"zones\": [ { \"id\": \"A\", \"kind\": \"Community\", \"n@me\": \"x\" } ] }", "{ \"zones\": [ { \"id\": \"A\", \"kind\": \"Community\" } ] /* @ */ }" })
        {
            var at = template.IndexOf('@', StringComparison.Ordinal);
            var utf8 = Encoding.UTF8.GetBytes(template.Substring(0, at)).Concat(invalid).Concat(Encoding.UTF8.GetBytes(template.Substring(at + 1))).ToArray();

            var outcome = Outcome(() => ZoneTreeJsonReader.Read(utf8, Limits.Default));

            outcome.Should().StartWith("problems:").And.Be(Outcome(() => ZoneTreeJsonReader.ReadThroughPrePass(utf8, Limits.Default)));
        }
    }

    [Fact]
    public void Read_LargerThanTheByteLimit_HasTheOutcomeOfThePrePassThenTheReader()
    {
        var utf8 = Encoding.UTF8.GetBytes("{ " + Zones + " }");
        var limits = DocumentLimits.Resolve(new DocumentLimits { MaxDocumentBytes = utf8.Length - 1 });

        Outcome(() => ZoneTreeJsonReader.Read(utf8, limits)).Should().StartWith("problems:").And.Be(Outcome(() => ZoneTreeJsonReader.ReadThroughPrePass(utf8, limits)));
    }

    [Fact]
    public void Read_TheWrittenDocumentOfATree_ReadsBackTheSameTree()
    {
        var json = Encoding.UTF8.GetBytes(ZoneTreeJson.ToJson(TestTrees.SmallCommunity().Build()));

        Outcome(() => ZoneTreeJsonReader.Read(json, Limits.Default)).Should().StartWith("tree:").And.Be(Outcome(() => ZoneTreeJsonReader.ReadThroughPrePass(json, Limits.Default)));
    }

    private static string Outcome(Func<CommunityControl.Zones.ZoneTree> read)
    {
        try
        {
            var tree = read();
            return "tree: " + tree.TimeZone.Id + " " + string.Join(" | ", tree.All.Select(z => $"{z.Id.Value} {z.Kind} {z.Name} {(z.HasParent ? z.Parent.Id.Value : "-")} {z.Households} {z.Residents} {z.Gates}"));
        }
        catch (DocumentFormatException ex)
        {
            return "problems: " + ex.TotalProblemCount + " " + string.Join(" | ", ex.Problems.Select(p => $"{p.Path} {p.LineNumber} {p.Message}"));
        }
    }
}
