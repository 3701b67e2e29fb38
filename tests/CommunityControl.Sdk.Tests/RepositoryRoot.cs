using System;
using System.IO;

namespace CommunityControl.Tests;

/// <summary>
/// Finds the repository's folders from the test's output folder. (CallerFilePath cannot be used: CI builds with
/// ContinuousIntegrationBuild, which maps source paths to "/_/".)
/// </summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "CommunityControl.Sdk.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"No CommunityControl.Sdk.sln above {AppContext.BaseDirectory}.");
    });

    public static string Folder => Root.Value;

    public static string Combine(params string[] parts)
    {
        var all = new string[parts.Length + 1];
        all[0] = Root.Value;
        parts.CopyTo(all, 1);
        return System.IO.Path.Combine(all);
    }

    public static string SdkSource => Combine("src", "CommunityControl.Sdk");
}
