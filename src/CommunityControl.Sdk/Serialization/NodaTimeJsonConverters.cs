using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace CommunityControl.Serialization;

/// <summary>Reads and writes a <see cref="LocalDate"/> as ISO <c>uuuu-MM-dd</c>.</summary>
internal sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Expected a date as a string like \"2022-06-28\".");
        }

        var result = LocalDatePattern.Iso.Parse(reader.GetString()!);
        return result.Success ? result.Value : throw new JsonException($"Expected a date like \"2022-06-28\": {result.Exception.Message}");
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options)
        => writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
}

/// <summary>Reads and writes a <see cref="LocalTime"/> as ISO <c>HH:mm</c> or <c>HH:mm:ss</c>.</summary>
internal sealed class LocalTimeJsonConverter : JsonConverter<LocalTime>
{
    public override LocalTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Expected a time as a string like \"22:30\".");
        }

        var text = reader.GetString()!;
        var result = (text.Length == 5 ? LocalTimePattern.CreateWithInvariantCulture("HH':'mm") : LocalTimePattern.ExtendedIso).Parse(text);
        return result.Success ? result.Value : throw new JsonException($"Expected a time like \"22:30\": {result.Exception.Message}");
    }

    public override void Write(Utf8JsonWriter writer, LocalTime value, JsonSerializerOptions options)
        => writer.WriteStringValue(LocalTimePattern.ExtendedIso.Format(value));
}

/// <summary>Reads and writes an <see cref="Instant"/> as ISO-8601 UTC, e.g. <c>2022-06-28T08:00:00Z</c>.</summary>
internal sealed class InstantJsonConverter : JsonConverter<Instant>
{
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Expected an instant as a string like \"2022-06-28T08:00:00Z\".");
        }

        var result = InstantPattern.ExtendedIso.Parse(reader.GetString()!);
        return result.Success ? result.Value : throw new JsonException($"Expected an instant like \"2022-06-28T08:00:00Z\": {result.Exception.Message}");
    }

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options)
        => writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
}
