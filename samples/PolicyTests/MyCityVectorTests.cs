using System.Linq;
using CommunityControl.Editions;
using CommunityControl.Serialization;
using CommunityControl.Testing;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Samples.PolicyTests;

/// <summary>The variant's own test vectors (my-city.vectors.json), one xunit case per vector, and proof they catch a wrong parameter.</summary>
public class MyCityVectorTests
{
    public static TheoryData<string> VectorNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in EditionVectorRunner.VectorNames(MyCity.VectorsJson))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Vector_Holds(string name)
    {
        var result = EditionVectorRunner.Run(MyCity.Edition, MyCity.VectorsJson, name);

        result.Should().Pass();
    }

    [Fact]
    public void AllVectors_CheckEveryZoneDayTheyName()
    {
        var result = EditionVectorRunner.Run(MyCity.Edition, MyCity.VectorsJson);

        result.Should().Pass();
        result.Vectors.Should().HaveCount(6);
        result.Checks.Should().Be(59 + 13 + 13 + 17 + 13 + 25, "each expectation checks every day from 'from' to 'to'");
    }

    [Fact]
    public void Vectors_CatchAVariantThatStillStepsDownAfter7Days()
    {
        // Someone "fixes" the document back to 7 days but keeps the id: the vectors name the days that changed.
        var options = PolicyEditionJson.ParseOptions(MyCity.EditionJson);
        options.Risk!.Rules[0].CaseDesignation!.Stages.Single(s => s.Id == "High").StepDownAfterDays = 7;
        var regressed = PolicyEdition.FromOptions(options);

        var result = EditionVectorRunner.Run(regressed, MyCity.VectorsJson);

        result.Passed.Should().BeFalse();
        var failed = result.Vectors.Where(v => !v.Passed).Select(v => v.Name).ToList();
        failed.Should().Contain("The 9th edition's day-7 round is not enough");
        var mismatch = result.Vectors.Single(v => v.Name == "The 9th edition's day-7 round is not enough").Mismatches[0];
        mismatch.Zone.Value.Should().Be("c1-a");
        mismatch.Date.Should().Be(MyCity.Day(8));
        mismatch.ExpectedLevel.Should().Be("High");
        mismatch.Actual.LevelDefinition.Code.Should().Be("Medium");
        mismatch.LineNumber.Should().BeGreaterThan(0);
    }
}
