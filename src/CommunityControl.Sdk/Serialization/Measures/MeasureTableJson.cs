using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityControl.Internal;
using CommunityControl.Measures;
using CommunityControl.Risk;
using NodaTime;
using NodaTime.Text;

namespace CommunityControl.Serialization;

/// <summary>
/// Reads and writes a <see cref="MeasureTable"/> as a JSON document in the shape of <see cref="MeasureTableOptions"/>.
/// </summary>
/// <remarks>
/// Every problem is reported at once in a <see cref="DocumentFormatException"/>, with its JSON path and line; nothing is
/// half-loaded. A document that is not well-formed, or has an unknown field or an enum given as a number, stops at that
/// first error.
/// </remarks>
/// <threadsafety static="true" instance="true"/>
public static class MeasureTableJson
{
    private const string DocumentKind = "measure table";

    /// <summary>Reads a table from a JSON string.</summary>
    /// <param name="json">The document.</param>
    /// <param name="scale">The scale, when the document's <c>scale</c> is not a known id; null to resolve it by id.</param>
    /// <returns>The validated table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="DocumentFormatException">The document is malformed or describes an invalid table.</exception>
    public static MeasureTable Parse(string json, RiskScale? scale = null) => Read(JsonDocumentReader.Utf8(Guard.NotNull(json)), scale);

    /// <summary>Reads a table from a UTF-8 JSON stream (read to its end; not closed).</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="scale">The scale, when the document's <c>scale</c> is not a known id.</param>
    /// <returns>The validated table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="DocumentFormatException">The document is malformed or describes an invalid table.</exception>
    public static MeasureTable Read(Stream utf8Json, RiskScale? scale = null) => Read(JsonDocumentReader.ReadAll(Guard.NotNull(utf8Json)), scale);

    /// <summary>Reads a table from UTF-8 JSON bytes.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="scale">The scale, when the document's <c>scale</c> is not a known id.</param>
    /// <returns>The validated table.</returns>
    /// <exception cref="DocumentFormatException">The document is malformed or describes an invalid table.</exception>
    public static MeasureTable Read(ReadOnlySpan<byte> utf8Json, RiskScale? scale = null)
    {
        var problems = new List<(string Path, string Message)>();
        var options = JsonDocumentReader.Deserialize(utf8Json, DocumentJsonContext.Default.MeasureTableDocument, DocumentKind).ToOptions("$", problems);
        var table = MeasureTable.TryCreate(options, scale, "$", problems);
        if (table is not null && problems.Count == 0)
        {
            return table;
        }

        throw Problems(utf8Json, problems, DocumentKind);
    }

    /// <summary>Writes a table as an indented JSON document that <see cref="Parse(string, RiskScale?)"/> reads back to an equal table.</summary>
    /// <param name="table">The table.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    public static string ToJson(MeasureTable table)
        => JsonSerializer.Serialize(MeasureTableDocument.From(Guard.NotNull(table).ToOptions()), DocumentJsonContext.Writer.MeasureTableDocument);

    /// <summary>Writes a table as an indented UTF-8 JSON document to a stream (not closed).</summary>
    /// <param name="table">The table.</param>
    /// <param name="utf8Json">The stream.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(MeasureTable table, Stream utf8Json)
    {
        Guard.NotNull(table);
        Guard.NotNull(utf8Json);
        JsonSerializer.Serialize(utf8Json, MeasureTableDocument.From(table.ToOptions()), DocumentJsonContext.Writer.MeasureTableDocument);
    }

    /// <summary>Builds the one exception of a document with semantic problems: each with its line, in document order.</summary>
    internal static DocumentFormatException Problems(ReadOnlySpan<byte> utf8Json, List<(string Path, string Message)> problems, string documentKind)
    {
        var lines = JsonDocumentReader.FindLines(utf8Json, problems.Select(p => p.Path));
        var ordered = problems
            .Select(p => new DocumentProblem(p.Path, lines.TryGetValue(p.Path, out var line) ? line : null, p.Message))
            .OrderBy(p => p.LineNumber ?? long.MaxValue)
            .ToList();
        return new DocumentFormatException(documentKind, ordered);
    }
}

/// <summary>Reads and writes a <see cref="Duration"/> as an ISO-8601 period of days and times: <c>P2D</c>, <c>PT48H</c>, <c>PT2H30M</c>.</summary>
internal sealed class IsoDurationJsonConverter : JsonConverter<Duration>
{
    public override Duration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Expected a duration as an ISO-8601 string like \"PT48H\" or \"P2D\".");
        }

        var result = PeriodPattern.NormalizingIso.Parse(reader.GetString()!);
        if (!result.Success)
        {
            throw new JsonException($"Expected a duration like \"PT48H\" or \"P2D\": {result.Exception.Message}");
        }

        var period = result.Value;
        if (period.Years != 0 || period.Months != 0)
        {
            throw new JsonException("A duration cannot be given in months or years, whose length varies; use days (P30D).");
        }

        return period.ToDuration();
    }

    public override void Write(Utf8JsonWriter writer, Duration value, JsonSerializerOptions options)
    {
        var hours = value.TotalHours;
        var text = value.BclCompatibleTicks % NodaConstants.TicksPerHour == 0 && value > Duration.Zero
            ? (hours % 24 == 0 && hours >= 24 ? "P" + (long)(hours / 24) + "D" : "PT" + (long)hours + "H")
            : PeriodPattern.NormalizingIso.Format(Period.FromTicks(value.BclCompatibleTicks).Normalize());
        writer.WriteStringValue(text);
    }
}
