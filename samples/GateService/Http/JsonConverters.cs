using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace CommunityControl.Samples.GateService.Http;

/// <summary>
/// Enums as names only, exactly as declared (<c>"Exit"</c>, never <c>2</c> or <c>"exit"</c>), so that a renumbered or
/// misspelt value fails loudly instead of changing meaning. The error lists the names allowed and never repeats the value.
/// </summary>
public sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        => (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class StrictEnumConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private static readonly string[] Names = Enum.GetNames<T>();

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (text is null || Array.IndexOf(Names, text) < 0)
            {
                throw new JsonException($"Expected the name of a {typeof(T).Name}: one of {string.Join(", ", Names)}.");
            }

            return Enum.Parse<T>(text);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }
}

/// <summary>An <see cref="Instant"/> as an ISO-8601 date and time with its offset: <c>2022-07-08T10:30:00+08:00</c> or <c>…Z</c>.</summary>
/// <remarks>A time without an offset is rejected: the service never guesses which time zone a gate device meant.</remarks>
public sealed class InstantJsonConverter : JsonConverter<Instant>
{
    private const int MinimumYear = 1;
    private const int MaximumYear = 9998;
    private static readonly OffsetDateTimePattern Pattern = OffsetDateTimePattern.ExtendedIso;

    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        var result = text is null ? null : Pattern.Parse(text);
        if (result is null || !result.Success)
        {
            throw new JsonException("Expected a date and time with its offset, e.g. 2022-07-08T10:30:00+08:00 or 2022-07-08T02:30:00Z.");
        }

        // Years 1–9998 only: at the ends of NodaTime's range an offset or a time zone would carry the instant out of it.
        if (result.Value.Year is < MinimumYear or > MaximumYear)
        {
            throw new JsonException($"Expected a date and time in the years {MinimumYear}–{MaximumYear}.");
        }

        return result.Value.ToInstant();
    }

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options)
        => writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
}

/// <summary>A <see cref="LocalDate"/> as <c>yyyy-MM-dd</c>.</summary>
public sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        var result = text is null ? null : LocalDatePattern.Iso.Parse(text);
        if (result is null || !result.Success)
        {
            throw new JsonException("Expected a date as yyyy-MM-dd, e.g. 2022-07-08.");
        }

        return result.Value;
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options)
        => writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
}
