using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommunityControl.Serialization;

/// <summary>
/// Reads an enum only from exactly one of its defined names, matched case-sensitively, and writes its name. Numbers
/// (whose meaning would change silently if the enum were renumbered) and comma-separated lists of names (which
/// <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> would OR into another, possibly valid, value) are rejected.
/// The rejected text is never echoed: documents may carry personal data in the wrong field.
/// </summary>
/// <typeparam name="TEnum">The enum type.</typeparam>
internal sealed class StrictEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly string[] Names = Enum.GetNames(typeof(TEnum));
    private static readonly Dictionary<string, TEnum> ByName = CreateLookup();

    /// <summary>Gets the defined names, comma-separated, for messages.</summary>
    internal static string Expected { get; } = string.Join(", ", Names);

    /// <summary>Finds the value whose name is exactly <paramref name="name"/> (one defined name; no lists, no numbers).</summary>
    internal static bool TryParseName(string name, out TEnum value) => ByName.TryGetValue(name, out value);

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected one of {Expected} as a string.");
        }

        if (!reader.ValueIsEscaped && reader.ValueSpan.Length > 64)
        {
            throw new JsonException($"The value is not one of {Expected}.");
        }

        var text = reader.GetString()!;
        if (ByName.TryGetValue(text, out var value))
        {
            return value;
        }

        throw new JsonException($"The value is not one of {Expected}.");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.ToString());

    private static Dictionary<string, TEnum> CreateLookup()
    {
        var lookup = new Dictionary<string, TEnum>(StringComparer.Ordinal);
        foreach (var name in Names)
        {
            lookup[name] = (TEnum)Enum.Parse(typeof(TEnum), name);
        }

        return lookup;
    }
}
