using System.Collections.Generic;
using CommunityControl.Editions;
using CommunityControl.Serialization;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Editions;

/// <summary>The catalogue falls back from a city's jurisdiction (<c>CN-WH</c>) to its country's (<c>CN</c>).</summary>
public class EditionCatalogFallbackTests
{
    private static readonly PolicyEdition Wuhan = PolicyEditionJson.Parse("""
        { "extends": "cn-2022-06-ninth-edition", "id": "cn-wh-2022-07-local", "version": "1.0.0", "jurisdiction": "CN-WH",
          "title": { "zh": "武汉本地版", "en": "Wuhan's local edition" }, "effective": { "from": "2022-07-15", "until": "2022-10-31" } }
        """);

    private static readonly EditionCatalog Catalog = EditionCatalog.Create(new List<PolicyEdition>(PolicyEditions.All) { Wuhan });

    [Fact]
    public void InForceOn_CityEditionInForce_WinsOverTheCountrys()
    {
        Catalog.InForceOn(new LocalDate(2022, 8, 1), "CN-WH").Id.Should().Be("cn-wh-2022-07-local");
        Catalog.InForceOn(new LocalDate(2022, 8, 1), "CN").Id.Should().Be(PolicyEditions.China.NinthEditionId, "the country is not the city");
    }

    [Fact]
    public void InForceOn_CityEditionNotYetInForce_FallsBackToTheCountry()
    {
        Catalog.InForceOn(new LocalDate(2022, 7, 14), "CN-WH").Id.Should().Be(PolicyEditions.China.NinthEditionId);
    }

    [Fact]
    public void InForceOn_CityEditionEnded_FallsBackToTheCountrysLaterEdition()
    {
        Catalog.InForceOn(new LocalDate(2022, 11, 20), "CN-WH").Id.Should().Be(PolicyEditions.China.TwentyMeasuresId);
    }

    [Fact]
    public void InForceOn_CityWithoutEditions_UsesTheCountry()
    {
        Catalog.InForceOn(new LocalDate(2022, 8, 1), "CN-Wuhan").Id.Should().Be(PolicyEditions.China.NinthEditionId, "the part before the first hyphen is the country");
    }

    [Fact]
    public void InForceOn_UnknownCountry_ThrowsKeyNotFound()
    {
        Catalog.Invoking(c => c.InForceOn(new LocalDate(2022, 8, 1), "FR-PAR")).Should().Throw<KeyNotFoundException>().WithMessage("*FR-PAR*");
        Catalog.TryGetInForce(new LocalDate(2022, 8, 1), "FR-PAR", out var none).Should().BeFalse();
        none.Should().BeNull();
    }

    [Fact]
    public void TryGetInForce_JurisdictionWithoutHyphen_HasNoFallback()
    {
        Catalog.TryGetInForce(new LocalDate(2022, 8, 1), "CNWH", out _).Should().BeFalse();
    }
}
