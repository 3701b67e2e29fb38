using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using CommunityControl.Serialization;
using CommunityControl.Zones;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace CommunityControl.Tests.Zones;

/// <summary>
/// Feeds thousands of randomly damaged documents to the readers: each must give a valid tree or the documented
/// <see cref="DocumentFormatException"/> with at least one problem, never any other exception. Seeded, so a failure
/// repeats; the failing document is printed.
/// </summary>
public class ZoneDocumentMutationTests
{
    private const int Documents = 3000;
    private readonly ITestOutputHelper _output;

    public ZoneDocumentMutationTests(ITestOutputHelper output) => _output = output;

    private delegate string Mutation(string document, Random random);

    [Fact]
    public void JsonReader_DamagedDocuments_GiveATreeOrTheDocumentedException()
    {
        var original = ZoneTreeJson.ToJson(TestTrees.SmallCommunity().Build());
        var mutations = new Mutation[] { Truncate, DeleteSpan, FlipByte, WrongType, HugeNumber, NegativeNumber, MakeCycle, DuplicateZone, RenameField, SwapKind, InsertGarbage, NullValue, DeepNesting };
        var outcome = Run(original, mutations, json => ZoneTreeJson.Parse(json), seed: 20200214);

        outcome.Rejected.Should().BeGreaterThan(Documents / 2, "most damage is detectable");
        outcome.Accepted.Should().BeGreaterThan(0, "some damage (e.g. a changed name) still describes a valid tree");
        outcome.MutationsUsed.Should().Be(mutations.Length);
    }

    [Fact]
    public void CsvReader_DamagedDocuments_GiveATreeOrTheDocumentedException()
    {
        var original = ZoneTreeCsv.ToCsv(TestTrees.SmallCommunity().Build());
        var mutations = new Mutation[] { Truncate, DeleteSpan, FlipByte, HugeNumber, NegativeNumber, MakeCycle, InsertGarbage, InsertQuote, DropComma };
        var outcome = Run(original, mutations, ZoneTreeCsv.Parse, seed: 20200220);

        outcome.Rejected.Should().BeGreaterThan(Documents / 3);
        outcome.Accepted.Should().BeGreaterThan(0);
    }

    private (int Accepted, int Rejected, int MutationsUsed) Run(string original, Mutation[] mutations, Func<string, ZoneTree> read, int seed)
    {
        var random = new Random(seed);
        int accepted = 0, rejected = 0;
        var used = new HashSet<int>();
        for (var n = 0; n < Documents; n++)
        {
            var document = original;
            var count = 1 + random.Next(3);
            for (var m = 0; m < count; m++)
            {
                var which = random.Next(mutations.Length);
                used.Add(which);
                document = mutations[which](document, random);
            }

            try
            {
                var tree = read(document);
                tree.Count.Should().BeGreaterThanOrEqualTo(0);
                accepted++;
            }
            catch (DocumentFormatException ex)
            {
                ex.Problems.Should().NotBeEmpty();
                ex.Problems.Should().OnlyContain(p => !string.IsNullOrEmpty(p.Path) && !string.IsNullOrEmpty(p.Message));
                rejected++;
            }
            catch (Exception ex)
            {
                _output.WriteLine(document);
                throw new InvalidOperationException($"Document #{n} (seed {seed}) threw {ex.GetType().Name} instead of DocumentFormatException: {ex.Message}", ex);
            }
        }

        return (accepted, rejected, used.Count);
    }

    private static string Truncate(string d, Random r) => d.Substring(0, r.Next(d.Length));

    private static string DeleteSpan(string d, Random r)
    {
        var start = r.Next(d.Length);
        var length = Math.Min(d.Length - start, 1 + r.Next(20));
        return d.Remove(start, length);
    }

    private static string FlipByte(string d, Random r)
    {
        var i = r.Next(d.Length);
        var chars = d.ToCharArray();
        chars[i] = (char)r.Next(0x20, 0x7F);
        return new string(chars);
    }

    private static string InsertGarbage(string d, Random r)
    {
        var garbage = new[] { "\0", "\uFFFD", "\"", "}", "]", ",", "{", "[", "\\u12", "💥", "\t\n", ",,", "\"\"" };
        return d.Insert(r.Next(d.Length + 1), garbage[r.Next(garbage.Length)]);
    }

    private static string WrongType(string d, Random r)
    {
        var replacements = new[] { "\"households\": \"many\"", "\"households\": 1.5", "\"households\": true", "\"households\": []", "\"households\": {}" };
        return ReplaceOne(d, "\"households\": \\d+", replacements[r.Next(replacements.Length)], r);
    }

    private static string HugeNumber(string d, Random r)
    {
        var huge = new[] { "2147483647", "2147483648", "99999999999999999999", "1e400", "4294967295" };
        return ReplaceOne(d, @"(?<=[:,])\s*\d+", huge[r.Next(huge.Length)], r);
    }

    private static string NegativeNumber(string d, Random r) => ReplaceOne(d, @"(?<=[:,])\s*\d+", "-" + r.Next(1, 100), r);

    private static string MakeCycle(string d, Random r)
    {
        // Point a zone's parent at one of its descendants (or itself).
        var ids = new[] { "C1", "C1-01", "C1-01-01", "C1-02" };
        var target = ids[r.Next(ids.Length)];
        return Regex.Replace(d, "(\"id\": \"C1\", \"kind\": \"Community\"[^}]*)|^C1,Community,[^,]*,", m =>
            m.Value.StartsWith('"') ? m.Value + $", \"parent\": \"{target}-01\"" : $"C1,Community,{"x"},{target}-01", RegexOptions.Multiline);
    }

    private static string DuplicateZone(string d, Random r)
    {
        var matches = Regex.Matches(d, @"\{[^{}]*\}");
        if (matches.Count == 0)
        {
            return d;
        }

        var m = matches[r.Next(matches.Count)];
        return d.Insert(m.Index + m.Length, "," + m.Value);
    }

    private static string RenameField(string d, Random r)
    {
        var fields = new[] { "\"parent\"", "\"kind\"", "\"id\"", "\"gates\"", "\"zones\"" };
        return ReplaceOne(d, fields[r.Next(fields.Length)], "\"Parent\"", r);
    }

    private static string SwapKind(string d, Random r)
    {
        var kinds = new[] { "Household", "City", "Unknown", "0", "compound", "小区" };
        return ReplaceOne(d, "\"kind\": \"\\w+\"", $"\"kind\": \"{kinds[r.Next(kinds.Length)]}\"", r);
    }

    private static string NullValue(string d, Random r) => ReplaceOne(d, "\"[^\"]*\"(?=\\s*[,}])", "null", r);

    private static string DeepNesting(string d, Random r)
    {
        var depth = 10 + r.Next(100);
        return d.Insert(d.IndexOf('[', StringComparison.Ordinal) + 1, new string('[', depth) + new string(']', depth) + ",");
    }

    private static string InsertQuote(string d, Random r) => d.Insert(r.Next(d.Length + 1), "\"");

    private static string DropComma(string d, Random r) => ReplaceOne(d, ",", string.Empty, r);

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
