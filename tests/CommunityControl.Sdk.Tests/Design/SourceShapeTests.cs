using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Design;

/// <summary>
/// The shape of the source, read from the files: one public type per file, named as the file, and no method longer than
/// <see cref="MaxMethodLines"/> lines except the benchmarked hot paths listed here.
/// </summary>
public class SourceShapeTests
{
    private const int MaxMethodLines = 80;

    // The hot paths that stay long until they are split with benchmarks: (file, method) → why. This list must not grow.
    private static readonly Dictionary<(string File, string Method), string> LongHotPaths = new()
    {
        [(Path.Combine("Risk", "CaseDesignationRule.cs"), "EvaluateDay")] = "runs per zone and day; benchmarked",
        [(Path.Combine("Risk", "CountThresholdRule.cs"), "EvaluateDay")] = "runs per zone and day; benchmarked",
        [(Path.Combine("Risk", "EpidemicFreeCertificationRule.cs"), "EvaluateDay")] = "runs per zone and day; benchmarked",
        [(Path.Combine("Serialization", "Zones", "ZoneTreeJsonReader.cs"), "Read")] = "the zone-tree reader's hot loop; benchmarked",
        [(Path.Combine("Serialization", "Zones", "ZoneTreeJsonReader.cs"), "ReadZones")] = "runs per zone of a document; benchmarked",
    };

    private static readonly Regex TopLevelPublicType = new(
        @"^public\s+(?:(?:sealed|static|abstract|readonly|partial|ref|unsafe)\s+)*(?:class|struct|enum|interface|record(?:\s+struct|\s+class)?|delegate)\s+(?:[\w<>\[\],.?]+\s+(?=\w+\s*\())?(?<name>\w+)",
        RegexOptions.Multiline);

    private static readonly Regex MemberStart = new(@"^\s*(?:public|private|internal|protected|static)\b[\w\s<>\[\],?.()]*\(");

    private static readonly Regex MemberName = new(@"(?<name>\w+)(?:<[^()]*>)?\(");

    private static readonly Regex TypeDeclaration = new(@"\b(?:class|struct|record|interface|enum)\s");

    private static readonly Regex StringsAndComments = new(@"""(?:[^""\\]|\\.)*""|'(?:[^'\\]|\\.)'|//.*$");

    [Fact]
    public void SourceFiles_DeclareAtMostOnePublicTypeNamedAsTheFile()
    {
        var offending = SourceFiles()
            .Select(f => (File: Relative(f), Types: PublicTypes(File.ReadAllText(f))))
            .Where(f => f.Types.Count > 1 || (f.Types.Count == 1 && f.Types[0] != TypeNameOf(f.File)))
            .Select(f => $"{f.File} declares {string.Join(", ", f.Types)}")
            .ToList();

        offending.Should().BeEmpty("each public type lives in its own file, named after it (internal helpers may stay beside the type they serve)");
    }

    [Fact]
    public void Methods_AreAtMost80LinesExceptTheListedHotPaths()
    {
        var offending = SourceFiles()
            .SelectMany(f => LongMethods(File.ReadAllLines(f)).Select(m => (File: Relative(f), m.Method, m.Line, m.Lines)))
            .Where(m => !LongHotPaths.ContainsKey((m.File, m.Method)))
            .Select(m => $"{m.File}:{m.Line} {m.Method} has {m.Lines} lines")
            .ToList();

        offending.Should().BeEmpty($"a method or constructor longer than {MaxMethodLines} lines is split by meaning into private methods");
    }

    [Fact]
    public void LongHotPaths_StillExistAndAreStillLong()
    {
        var stale = LongHotPaths.Keys
            .Where(k => !File.Exists(Path.Combine(RepositoryRoot.SdkSource, k.File))
                || !LongMethods(File.ReadAllLines(Path.Combine(RepositoryRoot.SdkSource, k.File))).Any(m => m.Method == k.Method))
            .Select(k => $"{k.File} {k.Method}")
            .ToList();

        stale.Should().BeEmpty("an exception for a method that is gone or no longer long is removed from the list");
    }

    [Fact]
    public void SourceShapeRules_CatchTwoPublicTypesAndALongMethod()
    {
        PublicTypes("namespace N;\n\npublic sealed class A\n{\n    public sealed class Nested { }\n}\n\ninternal sealed class Helper { }\n\npublic readonly record struct B(int X);\n")
            .Should().Equal("A", "B");
        PublicTypes("public static class Extensions<T>\n{\n}\n").Should().Equal("Extensions");
        TypeNameOf(Path.Combine("Zones", "ZoneId.Parsing.cs")).Should().Be("ZoneId");

        var body = Enumerable.Repeat("        var s = \"}\"; // }", MaxMethodLines).ToList();
        var method = new List<string> { "    private static void Long(int a,", "        int b)", "    {" };
        method.AddRange(body);
        method.Add("    }");
        LongMethods(method).Should().ContainSingle().Which.Should().Be(("Long", 1, MaxMethodLines + 4));
        LongMethods(new[] { "    public int Short() => 1;", "    internal Shorter(int a)", "    {", "    }" }).Should().BeEmpty();
    }

    // A partial type may be split by concern into Type.Concern.cs files (ZoneId.cs, ZoneId.Parsing.cs), as NodaTime does.
    private static string TypeNameOf(string file) => Path.GetFileNameWithoutExtension(file).Split('.')[0];

    private static List<string> PublicTypes(string text)
        => TopLevelPublicType.Matches(text).Cast<Match>().Select(m => m.Groups["name"].Value).ToList();

    // Each method or constructor longer than the limit: its name, first line (1-based) and length from signature to closing brace.
    private static List<(string Method, int Line, int Lines)> LongMethods(IReadOnlyList<string> lines)
    {
        var found = new List<(string Method, int Line, int Lines)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!MemberStart.IsMatch(line) || line.Contains("=>", StringComparison.Ordinal) || line.TrimEnd().EndsWith(';') || TypeDeclaration.IsMatch(line))
            {
                continue;
            }

            var open = i;
            while (open < lines.Count && !lines[open].Contains('{', StringComparison.Ordinal) && !lines[open].TrimEnd().EndsWith(';'))
            {
                open++;
            }

            if (open == lines.Count || lines[open].Trim() != "{")
            {
                continue;
            }

            var depth = 0;
            var close = open;
            for (; close < lines.Count; close++)
            {
                var code = StringsAndComments.Replace(lines[close], string.Empty);
                depth += code.Count(c => c == '{') - code.Count(c => c == '}');
                if (depth == 0)
                {
                    break;
                }
            }

            var length = close - i + 1;
            if (length > MaxMethodLines)
            {
                found.Add((MemberName.Match(line).Groups["name"].Value, i + 1, length));
            }

            i = close;
        }

        return found;
    }

    private static IEnumerable<string> SourceFiles()
        => Directory.EnumerateFiles(RepositoryRoot.SdkSource, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Relative(f).Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"));

    private static string Relative(string file) => Path.GetRelativePath(RepositoryRoot.SdkSource, file);
}
