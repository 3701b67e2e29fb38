// The README's C# blocks, verbatim (ReadmeSnippetTests checks it), compiled and run by the tests.
#pragma warning disable CA1303, CA1305, CA1307, CA1849, CA2000, IDE0005, IDE0007, IDE0008, IDE0011, IDE0059
using System.IO;
using CommunityControl.Access;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using CommunityControl.Testing;
using FluentAssertions;
using NodaTime;

namespace ReadmeSnippets;

/// <summary>README §7: testing an edition with the Testing package.</summary>
internal static class ReadmeTestingAnEdition
{
    public static void Run()
    {
        var edition = PolicyEditionJson.Parse(File.ReadAllText("my-city.edition.json"));   // samples/PolicyTests
        var tree = TestCommunities.Create(compounds: 2, buildingsPerCompound: 2, unitsPerBuilding: 2, householdsPerUnit: 25);
        var compound = TestCommunities.CompoundId(1);
        var day0 = new LocalDate(2022, 7, 1);

        var result = EditionScenario.For(edition, tree)
            .Case("p-0001", day0, residence: TestCommunities.BuildingId(1, 1))
            .ScreeningRound(compound, day0.PlusDays(10))
            .Evaluate(through: day0.PlusDays(14));

        result.Timeline.Should().HaveLevel("High").Throughout(compound, day0, day0.PlusDays(10));
        result.Timeline.Should().StepDownOn(compound, day0.PlusDays(11)).WithReason(RiskReasonCodes.SteppedDown);
        result.GateDecision(compound, day0.PlusDays(10).At(new LocalTime(9, 0)), GateRequests.ResidentExit())
            .Should().BeDenied().WithReason(AccessReasons.StayHomeOrder);

        EditionVectorRunner.Run(edition, File.ReadAllText("my-city.vectors.json")).Should().Pass();
    }
}
