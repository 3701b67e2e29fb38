using System.Linq;
using CommunityControl.Editions;
using CommunityControl.Serialization;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Samples.PolicyTests;

/// <summary>The document itself: it loads, and it is the ninth edition with only the intended change.</summary>
public class MyCityDocumentTests
{
    [Fact]
    public void Document_Loads_WithItsOwnIdentity()
    {
        var edition = MyCity.Edition;

        edition.Id.Should().Be(MyCity.EditionId);
        edition.Jurisdiction.Should().Be("CN-MyCity");
        edition.Risk.Scale.Id.Should().Be("cn-low-medium-high");
        edition.IsInForceOn(new NodaTime.LocalDate(2022, 7, 1)).Should().BeTrue("the variant takes effect on 2022-07-01, the first day of its vectors (an edition sets no level before it applies)");
        edition.IsInForceOn(new NodaTime.LocalDate(2022, 6, 30)).Should().BeFalse();
    }

    [Fact]
    public void Document_IsTheNinthEdition_WithTheHighStageSteppingDownAfter10Days()
    {
        // Derive the variant from the built-in document in code, and compare with the file: nothing else may differ.
        var expected = MyCity.NinthEditionOptions();
        var mine = PolicyEditionJson.ParseOptions(MyCity.EditionJson);
        expected.Risk!.Rules[0].CaseDesignation!.Stages.Single(s => s.Id == "High").StepDownAfterDays.Should().Be(7);

        expected.Risk.Rules[0].CaseDesignation!.Stages.Single(s => s.Id == "High").StepDownAfterDays = 10;
        expected.Id = mine.Id;
        expected.Version = mine.Version;
        expected.Jurisdiction = mine.Jurisdiction;
        expected.Title = mine.Title;
        expected.Issuer = mine.Issuer;
        expected.Source = mine.Source;
        expected.Effective = mine.Effective;
        expected.Notes = mine.Notes;

        PolicyEditionJson.ToJson(mine).Should().Be(PolicyEditionJson.ToJson(expected));
    }

    [Fact]
    public void Variant_ThatLeavesTheDisputedScreeningConditionUnstated_IsRejectedWithItsPath()
    {
        // The references dispute whether a round is needed (cn-policy §7 item 3), so the library has no default: a variant must say.
        var json = MyCity.EditionJson.Replace("\"stepDownAfterDays\": 10, \"requireNegativeScreening\": true, \"screeningWithinDays\": 1,", "\"stepDownAfterDays\": 10,", System.StringComparison.Ordinal);

        var act = () => PolicyEditionJson.Parse(json);

        act.Should().Throw<DocumentFormatException>().Which.Problems.Should().ContainSingle()
            .Which.Path.Should().Be("$.risk.rules[0].caseDesignation.stages[0].requireNegativeScreening");
    }
}
