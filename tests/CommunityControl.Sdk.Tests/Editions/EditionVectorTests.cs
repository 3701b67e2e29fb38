using System.IO;
using System.Linq;
using CommunityControl.Editions;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Editions;

/// <summary>Runs every test vector of every built-in edition (the reference's rule tables as input → expected level by date).</summary>
public class EditionVectorTests
{
    public static TheoryData<string, string> Vectors()
    {
        var data = new TheoryData<string, string>();
        foreach (var v in EditionVectors.All())
        {
            data.Add((string)v[0], (string)v[1]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Vector_ExpectedLevelsHold(string file, string name)
    {
        var (mismatches, checks, _) = EditionVectors.Run(file, name);

        checks.Should().BeGreaterThan(0, "a vector checks at least one zone on one day");
        mismatches.Should().BeEmpty();
    }

    [Fact]
    public void EveryBuiltInEdition_HasVectors()
    {
        var files = Directory.EnumerateFiles(EditionVectors.Folder, "*.vectors.json").Select(Path.GetFileName).ToList();

        files.Should().BeEquivalentTo(PolicyEditions.Ids.Select(id => id + ".vectors.json"));
    }
}
