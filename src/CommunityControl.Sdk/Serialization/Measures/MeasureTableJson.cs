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
    /// <param name="limits">The limits the document must keep within; null for <see cref="DocumentLimits.Default"/>.</param>
    /// <returns>The validated table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="limits"/> is out of its documented range.</exception>
    /// <exception cref="DocumentFormatException">The document is malformed, beyond a limit, or describes an invalid table.</exception>
    public static MeasureTable Parse(string json, RiskScale? scale = null, DocumentLimits? limits = null)
    {
        Guard.NotNull(json);
        var l = DocumentLimits.Resolve(limits);
        return Read(JsonDocumentReader.Utf8(json, DocumentKind, l), scale, l);
    }

    /// <summary>Reads a table from a UTF-8 JSON stream (read to its end, or to the size limit; not closed).</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="scale">The scale, when the document's <c>scale</c> is not a known id.</param>
    /// <param name="limits">The limits the document must keep within; null for <see cref="DocumentLimits.Default"/>.</param>
    /// <returns>The validated table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="limits"/> is out of its documented range.</exception>
    /// <exception cref="DocumentFormatException">The document is malformed, beyond a limit, or describes an invalid table.</exception>
    public static MeasureTable Read(Stream utf8Json, RiskScale? scale = null, DocumentLimits? limits = null)
    {
        Guard.NotNull(utf8Json);
        var l = DocumentLimits.Resolve(limits);
        return Read(JsonDocumentReader.ReadAll(utf8Json, DocumentKind, l), scale, l);
    }

    /// <summary>Reads a table from UTF-8 JSON bytes.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="scale">The scale, when the document's <c>scale</c> is not a known id.</param>
    /// <param name="limits">The limits the document must keep within; null for <see cref="DocumentLimits.Default"/>.</param>
    /// <returns>The validated table.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="limits"/> is out of its documented range.</exception>
    /// <exception cref="DocumentFormatException">The document is malformed, beyond a limit, or describes an invalid table.</exception>
    public static MeasureTable Read(ReadOnlySpan<byte> utf8Json, RiskScale? scale = null, DocumentLimits? limits = null)
        => Read(utf8Json, scale, DocumentLimits.Resolve(limits));

    internal static MeasureTable Read(ReadOnlySpan<byte> utf8Json, RiskScale? scale, in Limits limits)
    {
        utf8Json = JsonDocumentReader.Check(utf8Json, DocumentKind, limits);
        var problems = new List<(string Path, string Message)>();
        var options = JsonDocumentReader.Deserialize(utf8Json, DocumentJsonContext.Default.MeasureTableDocument, DocumentKind, limits).ToOptions("$", problems);
        var table = MeasureTable.TryCreate(options, scale, "$", problems);
        if (table is not null && problems.Count == 0)
        {
            return table;
        }

        throw JsonDocumentReader.Fail(DocumentKind, utf8Json, problems, limits);
    }

    /// <summary>Writes a table as an indented JSON document that <see cref="Parse(string, RiskScale?, DocumentLimits?)"/> reads back to an equal table.</summary>
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
}

/// <summary>Reads and writes a <see cref="Duration"/> as an ISO-8601 period of days and times: <c>P2D</c>, <c>PT48H</c>, <c>PT2H30M</c>.</summary>
internal sealed class IsoDurationJsonConverter : JsonConverter<Duration>
{
    private static readonly string LongestDurationMessage = "A duration must be at most " + Check.Number(Check.LongestDuration.Days) + " days (P36500D).";

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

        // A period beyond 100 years is no policy's duration, and one beyond NodaTime's range cannot even be represented.
        Duration duration;
        try
        {
            duration = period.ToDuration();
        }
        catch (Exception ex) when (ex is OverflowException or ArgumentOutOfRangeException)
        {
            throw new JsonException(LongestDurationMessage, ex);
        }

        return duration > Check.LongestDuration || duration < -Check.LongestDuration ? throw new JsonException(LongestDurationMessage) : duration;
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
