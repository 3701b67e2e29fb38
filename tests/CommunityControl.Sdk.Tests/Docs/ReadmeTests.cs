using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CommunityControl.Editions;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using CommunityControl.Zones;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Docs;

/// <summary>The documents shown in the README are real: each one is read by the library.</summary>
public class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(RepositoryRoot.Combine("README.md"));

    private static string Block(string language, string containing)
        => Regex.Matches(Readme, "```" + language + "\\n(.*?)```", RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value)
            .Single(b => b.Contains(containing, StringComparison.Ordinal));

    [Fact]
    public void ZoneTreeJsonExample_Reads()
    {
        var tree = ZoneTreeJson.Parse(Block("json", "\"timeZone\""));

        tree[ZoneId.From("500101-001-01-05")].Households.Should().Be(48);
    }

    [Fact]
    public void ZoneTreeCsvExample_Reads()
    {
        var tree = ZoneTreeCsv.Parse(Block("csv", "id,kind"));

        tree[ZoneId.From("500101-001-01")].Kind.Should().Be(ZoneKind.Compound);
    }

    [Fact]
    public void EditionDocumentExample_ReadsWithAllItsSections()
    {
        var edition = PolicyEditionJson.Parse(Block("json", "cn-2022-06-my-city"));

        edition.Id.Should().Be("cn-2022-06-my-city");
        edition.Risk.Scale.Should().BeSameAs(RiskScales.ChinaLowMediumHigh);
        edition.Measures.Should().NotBeNull();
        edition.Access.Should().NotBeNull();
        edition.Staffing.Should().NotBeNull();
    }

    [Fact]
    public void ExtendsExample_ReadsAsTheNinthEditionWithTheLocalQuota()
    {
        var edition = PolicyEditionJson.Parse(Block("json", "\"extends\""));

        edition.Id.Should().Be("cn-wh-2022-07-ninth-edition-local");
        edition.Measures!.For(RiskScales.ChinaLowMediumHigh["Medium"]).OutingQuota!.Interval.Should().Be(NodaTime.Duration.FromDays(2));
        edition.Measures.For(RiskScales.ChinaLowMediumHigh["Medium"]).StayInArea.Should().NotBeNull("the rest of the level comes from the ninth edition");
        PolicyEditions.Catalog.InForceOn(new NodaTime.LocalDate(2022, 8, 1), "CN-WH").Id.Should().Be(PolicyEditions.China.NinthEditionId, "the built-in catalogue has no Wuhan edition, so China's applies");
    }

    [Fact]
    public void DoorToDoorExample_FollowsTheNinthEditionsStayHome()
    {
        var staffing = StaffingPolicyJson.Parse(Block("json", "\"doorToDoor\""), RiskScales.ChinaLowMediumHigh)
            .WithMeasures(PolicyEditions.China.NinthEdition.Measures);
        var tree = new CommunityControl.Zones.ZoneTreeBuilder()
            .Add("c", CommunityControl.Zones.ZoneKind.Compound, "c", gates: 1)
            .Add("c-b", CommunityControl.Zones.ZoneKind.Building, "b", parent: "c", households: 100, residents: 200)
            .Build();
        var day = new NodaTime.LocalDate(2022, 7, 1);
        var arrivals = new CommunityControl.Staffing.GateArrivals(CommunityControl.Staffing.ArrivalProfile.ClosedCompoundIllustrative);
        CommunityControl.Staffing.StaffingPlan Plan(string level) => staffing.Calculate(
            RiskSnapshot.Uniform(tree, day, RiskScales.ChinaLowMediumHigh, RiskScales.ChinaLowMediumHigh[level]),
            arrivals, CommunityControl.Staffing.Workforce.Empty, new NodaTime.DateInterval(day, day));

        Plan("High").Requirements.Should().Contain(r => r.Role == CommunityControl.Staffing.StaffingRole.DoorToDoor, "the ninth edition seals High areas (足不出户)");
        Plan("Medium").Requirements.Should().NotContain(r => r.Role == CommunityControl.Staffing.StaffingRole.DoorToDoor);
    }

    [Fact]
    public void EditionTable_ListsEveryBuiltInEdition()
    {
        foreach (var id in PolicyEditions.Ids)
        {
            Readme.Should().Contain("`" + id + "`");
        }
    }
}
