using System;
using System.Diagnostics;
using System.IO;
using CommunityControl.Editions;
using CommunityControl.Serialization;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Tool;

/// <summary>The <c>communitycontrol</c> tool, run as a process as a policy author runs it: output and exit codes.</summary>
public class ToolProcessTests
{
    private static readonly string ToolDll = Path.Combine(AppContext.BaseDirectory, "CommunityControl.Tool.dll");

    [Fact]
    public void EditionValidate_AValidDocument_SaysSoAndExits0()
    {
        var (exit, output, _) = Run("edition", "validate", "my-city.edition.json");

        exit.Should().Be(0);
        output.Should().Contain("edition my-city-2022-07-ninth-edition-local 1.0.0 (CN-MyCity) is valid");
    }

    [Fact]
    public void EditionValidate_ADocumentWithProblems_ListsEachWithPathAndLine_AndExits1()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cc-tool-{Guid.NewGuid():N}.edition.json");
        File.WriteAllText(file, "{\n  \"extends\": \"cn-2022-06-ninth-edition\"\n}\n");   // a local edition that gives none of its own identity
        try
        {
            var (exit, output, _) = Run("edition", "validate", file);

            exit.Should().Be(1);
            output.Split('\n').Should().Contain(l => l.EndsWith(":2: $.extends: A document that extends another must give its own 'id'.", StringComparison.Ordinal))
                .And.Contain(l => l.EndsWith(":2: $.extends: A document that extends another must give its own 'effective'.", StringComparison.Ordinal));
            output.Should().Contain(": 5 problem(s).");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void EditionVectors_TheSampleEditionsVectors_Pass()
    {
        var (exit, output, _) = Run("edition", "vectors", "my-city.edition.json", "my-city.vectors.json");

        exit.Should().Be(0);
        output.Should().Contain("0 mismatches");
    }

    [Fact]
    public void EditionShow_ABuiltInId_PrintsItsDocument_AnUnknownIdExits2()
    {
        var (exit, output, _) = Run("edition", "show", PolicyEditions.China.NinthEditionId);
        var (unknownExit, _, error) = Run("edition", "show", "cn-2099-imaginary");

        exit.Should().Be(0);
        PolicyEditionJson.Parse(output).Id.Should().Be(PolicyEditions.China.NinthEditionId);
        unknownExit.Should().Be(2);
        error.Should().Contain("No built-in edition 'cn-2099-imaginary'");
    }

    [Fact]
    public void Schema_AKnownKind_PrintsIt_AnUnknownKindExits2()
    {
        var (exit, output, _) = Run("schema", "policy-edition");
        var (unknownExit, _, error) = Run("schema", "nope");

        exit.Should().Be(0);
        output.Trim().Should().Be(DocumentSchemas.Get("policy-edition").Trim());
        unknownExit.Should().Be(2);
        error.Should().Contain("Unknown document kind 'nope'");
    }

    [Fact]
    public void EditionDiff_TheNinthEditionAndTheCitysVariant_ListsTheChangedParameters_AndExits1()
    {
        var (exit, output, _) = Run("edition", "diff", PolicyEditions.China.NinthEditionId, "my-city.edition.json");
        var (sameExit, same, _) = Run("edition", "diff", "my-city.edition.json", "my-city.edition.json");

        exit.Should().Be(1);
        output.Should().Contain("$.id: \"cn-2022-06-ninth-edition\" -> \"my-city-2022-07-ninth-edition-local\"")
            .And.MatchRegex(@"\$\.risk\.rules\[0\]\.caseDesignation\.stages\[\d\]\.stepDownAfterDays: 7 -> 10");
        sameExit.Should().Be(0);
        same.Should().Contain("The editions are the same.");
    }

    [Fact]
    public void MissingFile_Exits2()
    {
        var (exit, _, error) = Run("edition", "validate", "no-such.edition.json");

        exit.Should().Be(2);
        error.Should().Contain("Cannot read");
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(ToolDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }
}
