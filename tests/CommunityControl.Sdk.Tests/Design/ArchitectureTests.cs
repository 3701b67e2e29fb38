using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Design;

/// <summary>
/// The dependency picture of DESIGN.md, read from the source: each part imports only the parts it may know; the model
/// knows no format; only the dependency-injection part knows the container.
/// </summary>
public class ArchitectureTests
{
    // Which parts each part may import (besides the root namespace and Internal). Parts not listed here may not exist.
    // Records know the decision, never the reverse: only Serialization and DependencyInjection import Records.
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Zones"] = Array.Empty<string>(),
        ["Epidemiology"] = new[] { "Zones" },
        ["Risk"] = new[] { "Zones", "Epidemiology" },
        ["Measures"] = new[] { "Zones", "Risk" },
        ["Authority"] = new[] { "Zones" },
        ["Access"] = new[] { "Zones", "Risk", "Measures", "Authority" },
        ["Records"] = new[] { "Zones", "Epidemiology", "Risk", "Measures", "Authority", "Access" },
        ["Staffing"] = new[] { "Zones", "Epidemiology", "Risk", "Measures", "Authority", "Access" },
        ["Editions"] = new[] { "Zones", "Epidemiology", "Risk", "Measures", "Authority", "Access", "Staffing" },
        ["Serialization"] = new[] { "Zones", "Epidemiology", "Risk", "Measures", "Authority", "Access", "Records", "Staffing", "Editions" },
        ["DependencyInjection"] = new[] { "Zones", "Epidemiology", "Risk", "Measures", "Authority", "Access", "Records", "Staffing", "Editions", "Serialization" },
        ["Internal"] = Array.Empty<string>(),
    };

    // The one model file that reads documents: the catalogue of built-in editions, which are documents embedded in the assembly.
    private static readonly string[] ReadsBuiltInDocuments = { Path.Combine("Editions", "PolicyEditions.cs") };

    private static readonly Regex UsingPart = new(@"^using (?:static )?CommunityControl\.(\w+)", RegexOptions.Multiline);

    public static IEnumerable<object[]> Parts() => Allowed.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(Parts))]
    public void Part_ImportsOnlyThePartsItMayKnow(string part)
    {
        var offending = SourceFiles(part)
            .SelectMany(f => UsingPart.Matches(File.ReadAllText(f)).Cast<Match>().Select(m => (File: Relative(f), Part: m.Groups[1].Value)))
            .Where(u => u.Part != "Internal" && u.Part != part && !Allowed[part].Contains(u.Part))
            .Where(u => !(u.Part == "Serialization" && ReadsBuiltInDocuments.Contains(u.File)))
            .Select(u => $"{u.File} imports {u.Part}")
            .ToList();

        offending.Should().BeEmpty($"DESIGN.md lets {part} know only {string.Join(", ", Allowed[part].DefaultIfEmpty("no other part"))}");
    }

    [Fact]
    public void Source_HasOnlyTheKnownParts()
    {
        var folders = Directory.GetDirectories(RepositoryRoot.SdkSource)
            .Select(Path.GetFileName)
            .Where(n => n is not ("bin" or "obj"))
            .ToList();

        folders.Should().OnlyContain(n => Allowed.ContainsKey(n!), "every folder of the package is a part of DESIGN.md's map");
    }

    [Fact]
    public void Model_KnowsNoFormat()
    {
        var offending = AllSourceFiles()
            .Where(f => !Relative(f).StartsWith("Serialization" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"^using System\.Text\.Json|\[Json\w+", RegexOptions.Multiline))
            .Select(Relative)
            .ToList();

        offending.Should().BeEmpty("formats belong to the serialization part; the model carries no JSON attributes or converters");
    }

    [Fact]
    public void OnlyTheDependencyInjectionPart_KnowsTheContainer()
    {
        var offending = AllSourceFiles()
            .Where(f => !Relative(f).StartsWith("DependencyInjection" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"^using Microsoft\.Extensions\.DependencyInjection", RegexOptions.Multiline))
            .Select(Relative)
            .ToList();

        offending.Should().BeEmpty("only the DependencyInjection part registers services");
    }

    [Fact]
    public void ArchitectureRules_CatchAForbiddenImport()
    {
        // The rule itself, on a line it must reject: Zones importing Risk.
        var line = "using CommunityControl.Risk;\nnamespace CommunityControl.Zones;";
        var imported = UsingPart.Matches(line).Cast<Match>().Select(m => m.Groups[1].Value).ToList();

        imported.Should().Equal("Risk");
        Allowed["Zones"].Should().NotContain(imported[0]);
    }

    private static IEnumerable<string> SourceFiles(string part)
    {
        var folder = Path.Combine(RepositoryRoot.SdkSource, part);
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories) : Enumerable.Empty<string>();
    }

    private static IEnumerable<string> AllSourceFiles()
        => Directory.EnumerateFiles(RepositoryRoot.SdkSource, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Relative(f).Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"));

    private static string Relative(string file) => Path.GetRelativePath(RepositoryRoot.SdkSource, file);
}
