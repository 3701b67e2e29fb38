using System.IO;
using System.Linq;
using CommunityControl.Editions;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Docs;

/// <summary>docs/sources.md covers every built-in edition, so the repository stands on its own.</summary>
public class SourcesDocTests
{
    [Fact]
    public void SourcesDoc_HasASectionForEveryBuiltInEdition_WithEachUrlTheEditionCites()
    {
        var doc = File.ReadAllText(RepositoryRoot.Combine("docs", "sources.md"));

        var missing = PolicyEditions.All
            .SelectMany(e => new[] { $"### `{e.Id}`" }.Concat(e.Source.Urls))
            .Where(needle => !doc.Contains(needle, System.StringComparison.Ordinal))
            .ToList();

        missing.Should().BeEmpty("docs/sources.md lists each edition and the URLs its document cites");
        doc.Should().NotContain("cn-policy.md").And.NotContain("intl-policy.md");
    }
}
