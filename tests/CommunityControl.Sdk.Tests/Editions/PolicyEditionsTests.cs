using System.Collections.Generic;
using System.Linq;
using CommunityControl.Authority;
using CommunityControl.Editions;
using CommunityControl.Risk;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Editions;

public class PolicyEditionsTests
{
    public static TheoryData<string, string> IdsAndScales() => new()
    {
        { "cn-2020-01-community-types", "cn-community-types" },
        { "cn-2020-02-county-grading", "cn-low-medium-high" },
        { "cn-2020-04-precision", "cn-2020-04-precision" },
        { "cn-2020-03-wuhan-epidemic-free", "cn-wuhan-epidemic-free" },
        { "cn-2022-three-zones", "cn-three-zones" },
        { "cn-2022-06-ninth-edition", "cn-low-medium-high" },
        { "cn-2022-11-twenty-measures", "cn-low-medium-high" },
        { "cn-2022-12-ten-measures", "cn-low-medium-high" },
        { "cn-2023-01-class-b", "cn-low-medium-high" },
        { "us-cdc-community-levels-2022", "us-cdc-community-levels" },
        { "us-cdc-transmission-levels", "us-cdc-transmission-levels" },
        { "de-28b-emergency-brake-2021", "de-28b-emergency-brake" },
    };

    [Theory]
    [MemberData(nameof(IdsAndScales))]
    public void Get_EveryIdOfTheTable_LoadsWithItsScaleAndMetadata(string id, string scale)
    {
        var edition = PolicyEditions.Get(id);

        edition.Id.Should().Be(id);
        edition.Risk.Scale.Id.Should().Be(scale);
        edition.Title.Zh.Should().NotBeNullOrWhiteSpace();
        edition.Title.En.Should().NotBeNullOrWhiteSpace();
        edition.Issuer.En.Should().NotBeNullOrWhiteSpace();
        edition.Source.Reference.Should().MatchRegex("^(cn|intl)-policy\\.md ");
        edition.Version.Should().Be("1.0.0");
        edition.Notes.Should().NotBeEmpty();
    }

    [Fact]
    public void All_IsTheTableOfTheBrief()
    {
        PolicyEditions.All.Select(e => e.Id).Should().Equal(PolicyEditions.Ids);
        PolicyEditions.Ids.Should().HaveCount(12);
        PolicyEditions.China.NinthEdition.Should().BeSameAs(PolicyEditions.Get("cn-2022-06-ninth-edition"), "built-ins are loaded once");
    }

    [Fact]
    public void TwentyAndTenMeasures_HaveNoMediumLevel()
    {
        foreach (var edition in new[] { PolicyEditions.China.TwentyMeasures, PolicyEditions.China.TenMeasures })
        {
            var rule = edition.Risk.Rules.OfType<CaseDesignationRule>().Single();
            rule.Stages.Select(s => s.Level).Should().OnlyContain(l => l == RiskScales.ChinaLowMediumHigh["High"]);
            rule.ActivityStage.Should().BeNull("ordinary activity places designate nothing once Medium is abolished");
        }
    }

    [Theory]
    [InlineData("CN", "2020-01-23", null)]
    [InlineData("CN", "2020-01-24", "cn-2020-01-community-types")]
    [InlineData("CN", "2020-02-16", "cn-2020-01-community-types")]
    [InlineData("CN", "2020-02-17", "cn-2020-02-county-grading")]
    [InlineData("CN", "2020-04-13", "cn-2020-02-county-grading")]
    [InlineData("CN", "2020-04-14", "cn-2020-04-precision")]
    [InlineData("CN", "2022-06-27", "cn-2020-04-precision")]
    [InlineData("CN", "2022-06-28", "cn-2022-06-ninth-edition")]
    [InlineData("CN", "2022-11-10", "cn-2022-06-ninth-edition")]
    [InlineData("CN", "2022-11-11", "cn-2022-11-twenty-measures")]
    [InlineData("CN", "2022-12-06", "cn-2022-11-twenty-measures")]
    [InlineData("CN", "2022-12-07", "cn-2022-12-ten-measures")]
    [InlineData("CN", "2023-01-07", "cn-2022-12-ten-measures")]
    [InlineData("CN", "2023-01-08", "cn-2023-01-class-b")]
    [InlineData("CN", "2030-01-01", "cn-2023-01-class-b")]
    [InlineData("CN-Wuhan", "2020-03-20", "cn-2020-02-county-grading")] // Wuhan's own edition is not confirmed in force then: the country's is
    [InlineData("XX-Nowhere", "2020-03-20", null)]
    [InlineData("US", "2022-02-24", null)]
    [InlineData("US", "2022-02-25", "us-cdc-community-levels-2022")]
    [InlineData("US", "2023-04-30", "us-cdc-community-levels-2022")]
    [InlineData("US", "2023-05-01", null)]
    [InlineData("DE", "2021-04-22", null)]
    [InlineData("DE", "2021-04-23", "de-28b-emergency-brake-2021")]
    [InlineData("DE", "2021-06-30", "de-28b-emergency-brake-2021")]
    [InlineData("DE", "2021-07-01", null)]
    public void Catalog_Date_PicksTheEditionCertainlyInForce(string jurisdiction, string date, string? expected)
    {
        var day = NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value;

        PolicyEditions.Catalog.TryGetInForce(day, jurisdiction, out var edition).Should().Be(expected is not null);
        edition?.Id.Should().Be(expected);
        if (expected is null)
        {
            PolicyEditions.Catalog.Invoking(c => c.InForceOn(day, jurisdiction)).Should().Throw<KeyNotFoundException>();
        }
    }

    [Fact]
    public void UnconfirmedDates_AreReachableByIdButNeverPickedByDate()
    {
        var threeZones = PolicyEditions.China.ThreeZones2022;
        var wuhan = PolicyEditions.China.WuhanEpidemicFree2020;
        var transmission = PolicyEditions.UnitedStates.CdcTransmissionLevels;

        threeZones.IsEffectiveFromConfirmed.Should().BeFalse();
        threeZones.EffectiveFrom.Should().BeNull();
        threeZones.EffectiveNote.Should().Contain("UNCONFIRMED");
        wuhan.EffectiveFrom!.Value.ToString().Should().Be("2020-03");
        wuhan.IsEffectiveFromConfirmed.Should().BeFalse();
        transmission.IsEffectiveFromConfirmed.Should().BeFalse();
        wuhan.IsInForceOn(new LocalDate(2020, 3, 20)).Should().BeFalse("the day it began is not confirmed");

        // Wuhan's own first, then China's, as the fallback of TryGetInForce would go.
        var candidates = PolicyEditions.Catalog.PossiblyInForceOn(new LocalDate(2020, 3, 20), "CN-Wuhan");
        candidates[0].Should().BeSameAs(wuhan);
        candidates.Skip(1).Should().OnlyContain(e => e.Jurisdiction == "CN").And.NotBeEmpty();
        PolicyEditions.Catalog.PossiblyInForceOn(new LocalDate(2022, 3, 1), "CN").Select(e => e.Id)
            .Should().Equal("cn-2020-04-precision", "cn-2020-02-county-grading", "cn-2020-01-community-types", "cn-2022-three-zones");
    }

    [Fact]
    public void Catalog_RepeatedIds_Throw()
    {
        var ninth = PolicyEditions.China.NinthEdition;

        FluentActions.Invoking(() => EditionCatalog.Create(new[] { ninth, ninth }))
            .Should().Throw<ModelValidationException>().Which.Failures.Single().Should().Contain("cn-2022-06-ninth-edition");
    }

    [Fact]
    public void Catalog_UnknownId_ListsTheKnownOnes()
    {
        PolicyEditions.Catalog.Invoking(c => c.Get("cn-2021-05-eighth-edition"))
            .Should().Throw<KeyNotFoundException>().WithMessage("*cn-2022-06-ninth-edition*");
    }

    [Fact]
    public void EditionDate_ParsesDayMonthAndYearPrecision()
    {
        EditionDate.TryParse("2022-06-28", out var day).Should().BeTrue("a full date parses");
        day.IsExact.Should().BeTrue("a full date is exact to the day");
        EditionDate.TryParse("2020-03", out var month).Should().BeTrue("a month parses");
        (month.EarliestDay, month.LatestDay).Should().Be((new LocalDate(2020, 3, 1), new LocalDate(2020, 3, 31)));
        EditionDate.TryParse("2021", out var year).Should().BeTrue("a year parses");
        year.LatestDay.Should().Be(new LocalDate(2021, 12, 31));
        EditionDate.TryParse("2022-02-30", out _).Should().BeFalse();
        EditionDate.TryParse("22-06-28", out _).Should().BeFalse();
        EditionDate.TryParse(null, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("de-28b-emergency-brake-2021", Roles.None)]
    [InlineData("us-cdc-community-levels-2022", Roles.None)]
    [InlineData("us-cdc-transmission-levels", Roles.None)]
    [InlineData("cn-2022-06-ninth-edition", Roles.Police)]
    public void Access_EachEditionCarriesItsOwnAuthority_OnlyChinaEscalatesToThePoliceUnderItsLaw(string id, Roles compelIsolation)
    {
        var edition = PolicyEditions.Get(id);
        var at = Instant.FromUtc(2022, 7, 1, 4, 0);

        edition.Access!.Authority.HoldersOf(Permissions.CompelIsolation, at, measuresInForce: true).Should().Be(compelIsolation);
        edition.WithMeasures(edition.Measures!).Access!.Authority.Should().BeSameAs(edition.Access.Authority, "a new measure table keeps the edition's authority");
    }
}
