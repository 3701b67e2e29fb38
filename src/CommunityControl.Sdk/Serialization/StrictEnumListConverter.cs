using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityControl.Risk;

namespace CommunityControl.Serialization;

/// <summary>Reads and writes a list of enum values by name only (see <see cref="StrictEnumConverter{TEnum}"/>).</summary>
/// <typeparam name="TEnum">The enum type.</typeparam>
internal sealed class StrictEnumListConverter<TEnum> : JsonConverter<IList<TEnum>>
    where TEnum : struct, Enum
{
    private static readonly StrictEnumConverter<TEnum> Element = new();

    public override IList<TEnum>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected a list of {string.Join(", ", Enum.GetNames(typeof(TEnum)))}.");
        }

        var list = new List<TEnum>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(Element.Read(ref reader, typeof(TEnum), options));
        }

        return list;
    }

    public override void Write(Utf8JsonWriter writer, IList<TEnum> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value)
        {
            Element.Write(writer, item, options);
        }

        writer.WriteEndArray();
    }
}
