using System;
using System.IO;
using CommunityControl.Editions;
using CommunityControl.Serialization;
using NodaTime;

namespace CommunityControl.Samples.PolicyTests;

/// <summary>Where the sample's documents are, and the built-in edition the local variant was made from.</summary>
internal static class MyCity
{
    /// <summary>The local variant's id (the document's <c>id</c>).</summary>
    public const string EditionId = "my-city-2022-07-ninth-edition-local";

    /// <summary>The local variant, read from <c>my-city.edition.json</c> by the library's own loader.</summary>
    public static PolicyEdition Edition { get; } = PolicyEditionJson.Parse(EditionJson);

    /// <summary>The text of <c>my-city.edition.json</c>.</summary>
    public static string EditionJson => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "my-city.edition.json"));

    /// <summary>The text of <c>my-city.vectors.json</c>.</summary>
    public static string VectorsJson => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "my-city.vectors.json"));

    /// <summary>2022-07-01: the day the first case is reported (day 0 of the count).</summary>
    public static LocalDate Day0 { get; } = new(2022, 7, 1);

    /// <summary>Day <paramref name="n"/> after the first case.</summary>
    public static LocalDate Day(int n) => Day0.PlusDays(n);

    /// <summary>The built-in ninth edition's document (<see cref="PolicyEditions.GetDocument"/>), as options.</summary>
    public static PolicyEditionOptions NinthEditionOptions()
        => PolicyEditionJson.ParseOptions(PolicyEditions.GetDocument(PolicyEditions.China.NinthEditionId));
}
