using System.Threading.Tasks;
using CommunityControl.Zones;
using FluentAssertions;
using ReadmeSnippets;
using Xunit;

namespace CommunityControl.Tests.Records;

/// <summary>The README's records example (Docs/Snippets/ReadmeRecords.cs, checked verbatim against the README) does what its comments say.</summary>
public class ReadmeRecordsExampleTests
{
    [Fact]
    public async Task ReadmeExample_RecordsOncePerKey_AndTracesTheCase()
    {
        var (first, retry, traced, store) = await ReadmeRecords.RunAsync();

        first.IsNew.Should().BeTrue();
        retry.IsNew.Should().BeFalse();
        retry.Record.Should().Be(first.Record);
        store.Count.Should().Be(1);
        traced.CasePassages.Should().ContainSingle().Which.Should().Be(first.Record);
        traced.Gates.Should().Equal(ZoneId.From("500101-001-01"));
        traced.Contacts.Should().BeEmpty("nobody else passed");
    }
}
