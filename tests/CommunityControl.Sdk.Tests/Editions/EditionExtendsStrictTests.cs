using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Editions;
using CommunityControl.Serialization;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Editions;

/// <summary>
/// <c>"extends"</c> under the strict reading: problems of a merged document, bases from a catalogue of documents, and
/// <see cref="PolicyEditionJson.ParseOptions"/> all end in the one documented exception, with paths and local lines.
/// </summary>
public class EditionExtendsStrictTests
{
    private const string Header = """
          "id": "cn-wh-2022-07-local", "version": "1.0.0", "jurisdiction": "CN-WH",
          "title": { "zh": "本地第九版", "en": "Local 9th edition" },
          "effective": { "from": "2022-07-15" }
        """;

    [Fact]
    public void Parse_MergedDocumentWithTwoProblemsAtOnePath_ThrowsDocumentFormatExceptionListingBoth()
    {
        // The Wuhan February 2020 quota leaves persons, interval and window to the including document: three problems, one path.
        var json = "{\n  \"extends\": \"cn-2022-06-ninth-edition\",\n" + Header + ",\n  \"measures\": { \"levels\": { \"High\": { \"outingQuota\": { \"preset\": \"wuhan-2020-02\" } } } }\n}";

        var problems = FluentActions.Invoking(() => PolicyEditionJson.Parse(json))
            .Should().Throw<DocumentFormatException>().Which.Problems;

        problems.Should().HaveCount(3).And.OnlyContain(p => p.Path == "$.measures.levels.High.outingQuota.preset");
        problems.Should().OnlyContain(p => p.LineNumber == 6, "the path is the local document's own, on its line");
    }

    [Fact]
    public void Parse_BaseDocumentWithARepeatedName_IsAProblemAtExtends()
    {
        var baseDocument = PolicyEditions.GetDocument(PolicyEditions.China.NinthEditionId)
            .Replace("\"version\": \"1.0.0\"", "\"version\": \"1.0.0\", \"version\": \"2.0.0\"", StringComparison.Ordinal);
        var json = "{\n  \"extends\": \"my-base\",\n" + Header + "\n}";

        var problem = FluentActions.Invoking(() => PolicyEditionJson.Parse(json, new Dictionary<string, string> { ["my-base"] = baseDocument }))
            .Should().Throw<DocumentFormatException>().Which.Problems.Single();

        problem.Path.Should().Be("$.extends");
        problem.Message.Should().Contain("my-base").And.Contain("$.version");
    }

    [Fact]
    public void Parse_BaseDocumentWithALoneSurrogate_IsAProblemAtExtends()
    {
        var baseDocument = PolicyEditions.GetDocument(PolicyEditions.China.NinthEditionId)
            .Replace("\"version\": \"1.0.0\"", "\"version\": \"1.0.0\ud800\"", StringComparison.Ordinal);
        var json = "{\n  \"extends\": \"my-base\",\n" + Header + "\n}";

        var problem = FluentActions.Invoking(() => PolicyEditionJson.Parse(json, new Dictionary<string, string> { ["my-base"] = baseDocument }))
            .Should().Throw<DocumentFormatException>().Which.Problems.Single();

        problem.Path.Should().Be("$.extends");
    }

    [Fact]
    public void ParseOptions_ExtendingDocumentWithAWrongType_ReportsTheLocalLine()
    {
        var json = "{\n  \"extends\": \"cn-2022-06-ninth-edition\",\n" + Header + ",\n  \"notes\": 5\n}";

        var problem = FluentActions.Invoking(() => PolicyEditionJson.ParseOptions(json))
            .Should().Throw<DocumentFormatException>().Which.Problems.Single();

        problem.Path.Should().StartWith("$.notes");
        problem.LineNumber.Should().Be(6);
    }

    [Fact]
    public void PossiblyInForceOn_City_ListsItsOwnThenTheCountrys()
    {
        var catalog = PolicyEditions.Catalog;
        var date = new NodaTime.LocalDate(2022, 7, 20);

        var city = catalog.PossiblyInForceOn(date, "CN-WH");
        var country = catalog.PossiblyInForceOn(date, "CN");

        country.Should().NotBeEmpty();
        city.Should().Equal(country, "Wuhan has no edition of its own then, so its candidates are China's");
    }
}
