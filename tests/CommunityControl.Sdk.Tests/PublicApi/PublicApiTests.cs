using System;
using System.IO;
using System.Runtime.CompilerServices;
using CommunityControl.Zones;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.PublicApi;

public class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesApprovedSnapshot()
    {
        var received = PublicApiRenderer.Render(typeof(ZoneTree).Assembly);
        var folder = SourceFolder();
        var approvedPath = Path.Combine(folder, "PublicApi.approved.txt");
        var receivedPath = Path.Combine(folder, "PublicApi.received.txt");
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
            "the public API changed: review {0}; if intended, copy it over {1} and log the change in CHANGELOG.md",
            receivedPath,
            approvedPath);
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
