using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Docs;

/// <summary>
/// The README's C# blocks compile and run: each block is, verbatim, the body of a snippet in Docs/Snippets (its
/// <c>using</c> lines among the snippet file's), and each snippet runs here.
/// </summary>
public class ReadmeSnippetTests
{
    private static readonly Regex UsingLine = new(@"^using [A-Za-z0-9_.]+;$");

    public static IEnumerable<object[]> Snippets()
        => typeof(ReadmeSnippetTests).Assembly.GetTypes()
            .Where(t => t.Namespace == "ReadmeSnippets" && !t.IsNested)
            .Select(t => new object[] { t.Name });

    [Fact]
    public void EveryCSharpBlock_IsASnippet_WithItsUsingLines()
    {
        var snippets = Directory.GetFiles(RepositoryRoot.Combine("tests", "CommunityControl.Sdk.Tests", "Docs", "Snippets"), "*.cs")
            .Select(f => File.ReadAllLines(f))
            .ToList();
        var blocks = Regex.Matches(File.ReadAllText(RepositoryRoot.Combine("README.md")), "```csharp\\n(.*?)```", RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value.TrimEnd('\n').Split('\n'))
            .ToList();

        var uncovered = blocks
            .Where(block => !snippets.Any(snippet => Covers(snippet, block)))
            .Select(block => block.First(l => !UsingLine.IsMatch(l) && l.Length > 0))
            .ToList();

        uncovered.Should().BeEmpty("every C# block of the README is a snippet under tests/…/Docs/Snippets, verbatim");
        blocks.Should().HaveCountGreaterThan(8, "the README shows C# for every part");
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Snippet_Runs(string name)
    {
        var run = typeof(ReadmeSnippetTests).Assembly.GetType("ReadmeSnippets." + name)!.GetMethod("Run", BindingFlags.Public | BindingFlags.Static)!;

        var act = () => run.Invoke(null, null);

        act.Should().NotThrow();
    }

    [Fact]
    public void SnippetRules_RejectAMissingUsingAndAChangedLine()
    {
        var snippet = new[] { "using System;", "namespace ReadmeSnippets;", "        var x = 1;", "        Console.WriteLine(x);" };

        Covers(snippet, new[] { "using System;", "", "var x = 1;", "Console.WriteLine(x);" }).Should().BeTrue();
        Covers(snippet, new[] { "using System.IO;", "var x = 1;" }).Should().BeFalse("the snippet lacks the block's using");
        Covers(snippet, new[] { "var x = 2;" }).Should().BeFalse("the body differs");
    }

    // The snippet has every using line of the block at its top, and the block's other lines, in order, as consecutive lines.
    private static bool Covers(IReadOnlyList<string> snippet, IReadOnlyList<string> block)
    {
        var usings = block.Where(l => UsingLine.IsMatch(l)).ToList();
        var body = block.Where(l => !UsingLine.IsMatch(l)).SkipWhile(l => l.Length == 0).Select(l => l.Trim()).ToList();
        if (!usings.All(u => snippet.Contains(u)))
        {
            return false;
        }

        var trimmed = snippet.Select(l => l.Trim()).ToList();
        for (var start = 0; start + body.Count <= trimmed.Count; start++)
        {
            if (body.Select((l, i) => trimmed[start + i] == l).All(same => same))
            {
                return true;
            }
        }

        return false;
    }
}
