using System;
using System.IO;
using System.Reflection;
using CommunityControl.PostgreSql;
using CommunityControl.Scheduling;
using CommunityControl.Testing;
using CommunityControl.Zones;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.PublicApi;

/// <summary>
/// The approved public API of each package. A change writes <c>*.received.txt</c> beside the approved file and fails:
/// review it, and if the change is intended, copy it over the approved file and log it in CHANGELOG.md.
/// </summary>
public class PublicApiTests
{
    [Theory]
    [InlineData("CommunityControl.Sdk", "PublicApi")]
    [InlineData("CommunityControl.Sdk.Testing", "PublicApi.Testing")]
    [InlineData("CommunityControl.Sdk.PostgreSql", "PublicApi.PostgreSql")]
    [InlineData("CommunityControl.Sdk.Scheduling", "PublicApi.Scheduling")]
    public void PublicApi_MatchesApprovedSnapshot(string assemblyName, string fileName)
    {
        var assembly = assemblyName switch
        {
            "CommunityControl.Sdk" => typeof(ZoneTree).Assembly,
            "CommunityControl.Sdk.PostgreSql" => typeof(PostgreSqlSchema).Assembly,
            "CommunityControl.Sdk.Scheduling" => typeof(CpSatRosterSolver).Assembly,
            _ => typeof(TestCommunities).Assembly,
        };
        assembly.GetName().Name.Should().Be(assemblyName);
        var received = PublicApiRenderer.Render(assembly);
        var folder = SourceFolder();
        var approvedPath = Path.Combine(folder, fileName + ".approved.txt");
        var receivedPath = Path.Combine(folder, fileName + ".received.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : string.Empty;

        if (received != approved)
        {
            File.WriteAllText(receivedPath, received);
        }
        else if (File.Exists(receivedPath))
        {
            File.Delete(receivedPath);
        }

        received.Should().Be(
            approved,
            "the public API of {0} changed: review {1}; if intended, copy it over {2} and log the change in CHANGELOG.md",
            assemblyName,
            receivedPath,
            approvedPath);
    }

    private static string SourceFolder() => RepositoryRoot.Combine("tests", "CommunityControl.Sdk.Tests", "PublicApi");
}
