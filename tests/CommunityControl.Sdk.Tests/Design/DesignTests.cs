using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using CommunityControl.Zones;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Design;

/// <summary>Rules every public type follows, checked by reflection (NodaTime's MutabilityTest in spirit).</summary>
public class DesignTests
{
    private static readonly Assembly Sdk = typeof(ZoneTree).Assembly;

    [Fact]
    public void PublicClasses_AreSealedOrAbstractOrStatic()
    {
        var open = Sdk.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !typeof(Delegate).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();

        open.Should().BeEmpty("public classes are sealed, abstract or static");
    }

    [Fact]
    public void PublicSetters_OnlyOnOptionsAndBuilders()
    {
        var offenders = Sdk.GetExportedTypes()
            // DocumentLimits is options by role (settable limits with documented defaults, checked when a read starts).
            .Where(t => !t.Name.EndsWith("Options", StringComparison.Ordinal) && !t.Name.EndsWith("Builder", StringComparison.Ordinal) && t != typeof(CommunityControl.Serialization.DocumentLimits))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(p => p.SetMethod is { IsPublic: true } set
                    && !set.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit"))
                .Select(p => $"{t.FullName}.{p.Name}"))
            .ToList();

        offenders.Should().BeEmpty("only *Options and *Builder types have public setters (init is allowed)");
    }

    [Fact]
    public void PublicEnums_HaveExplicitValuesStartingWithUnknownOrNone()
    {
        var folder = SourceRoot();
        var problems = Sdk.GetExportedTypes().Where(t => t.IsEnum).SelectMany(t =>
        {
            var file = Directory.EnumerateFiles(folder, t.Name + ".cs", SearchOption.AllDirectories).FirstOrDefault()
                ?? Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).First(f => File.ReadAllText(f).Contains("enum " + t.Name, StringComparison.Ordinal));
            var text = File.ReadAllText(file);
            var body = text.Substring(text.IndexOf("enum " + t.Name, StringComparison.Ordinal));
            body = body.Substring(body.IndexOf('{', StringComparison.Ordinal), body.IndexOf('}', StringComparison.Ordinal) - body.IndexOf('{', StringComparison.Ordinal));
            return Enum.GetNames(t)
                .Where(name => !Regex.IsMatch(body, @"\b" + name + @"\s*=\s*"))
                .Select(name => $"{t.Name}.{name} has no explicit value")
                .Concat(Enum.GetValues(t).Cast<object>().Any(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) == 0)
                    ? Array.Empty<string>()
                    : new[] { $"{t.Name} has no zero (Unknown/None) member" });
        }).ToList();

        problems.Should().BeEmpty();
    }

    [Fact]
    public void Source_NeverReadsTheSystemClockDirectly()
    {
        var banned = new Regex(@"DateTime(Offset)?\.(Now|UtcNow|Today)|SystemClock\.Instance|Stopwatch\.GetTimestamp|Environment\.TickCount");
        var allowed = new[] { Path.Combine("DependencyInjection", "") };
        var offenders = Directory.EnumerateFiles(SourceRoot(), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(f => !allowed.Any(a => f.Contains(Path.DirectorySeparatorChar + a, StringComparison.Ordinal)) || !File.ReadAllText(f).Contains("TryAdd", StringComparison.Ordinal))
            .Where(f => !f.EndsWith(Path.Combine("Internal", "Telemetry.cs"), StringComparison.Ordinal))     // durations for metrics: a monotonic timer, not the time of day
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (f, line, i)))
            .Where(x => banned.IsMatch(x.line) && !x.line.TrimStart().StartsWith("///", StringComparison.Ordinal))
            .Select(x => $"{Path.GetFileName(x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();

        offenders.Should().BeEmpty("time comes from an IClock passed in; only the DI extensions register SystemClock.Instance as a fallback");
    }

    [Fact]
    public void PublicTypes_LiveInTheirConceptNamespace()
    {
        var allowed = new[] { "CommunityControl", "CommunityControl.Zones", "CommunityControl.Epidemiology", "CommunityControl.Risk", "CommunityControl.Measures", "CommunityControl.Access", "CommunityControl.Authority", "CommunityControl.Records", "CommunityControl.Staffing", "CommunityControl.Editions", "CommunityControl.Serialization", "CommunityControl.DependencyInjection", "Microsoft.Extensions.DependencyInjection" };
        Sdk.GetExportedTypes().Select(t => t.Namespace).Distinct().Should().OnlyContain(ns => allowed.Contains(ns));
    }

    internal static string SourceRoot() => RepositoryRoot.SdkSource;
}
