using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityControl.Risk;
using CommunityControl.Zones;

namespace CommunityControl.Serialization;

/// <summary>
/// Reads and writes an id as its plain text (<c>"500101-001-01"</c>), as a value and as a dictionary key. The empty
/// text is the empty id (<c>default</c>), so every value round-trips. A bad id is a <see cref="JsonException"/> whose
/// message says why without repeating the text (it may be personal data).
/// </summary>
internal abstract class IdJsonConverter<T> : JsonConverter<T>
    where T : struct
{
    /// <summary>What the id is called in messages, e.g. "zone id".</summary>
    protected abstract string Kind { get; }

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a {Kind} as a string.");
        }

        return FromText(reader.GetString()!);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(TextOf(value));

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => FromText(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(TextOf(value));

    /// <summary>Returns why <paramref name="text"/> is not a valid id, or null.</summary>
    protected abstract string? Validate(string text);

    /// <summary>Wraps text that <see cref="Validate"/> accepted.</summary>
    protected abstract T Create(string text);

    /// <summary>The id's full text (never a redacted form: this is the id's serialized value).</summary>
    protected abstract string TextOf(T value);

    private T FromText(string text)
    {
        if (text.Length == 0)
        {
            return default;
        }

        var error = Validate(text);
        return error is null ? Create(text) : throw new JsonException($"Expected a {Kind}: {error}");
    }
}

/// <summary>A <see cref="ZoneId"/> as its text.</summary>
internal sealed class ZoneIdJsonConverter : IdJsonConverter<ZoneId>
{
    protected override string Kind => "zone id";

    protected override string? Validate(string text) => ZoneId.Validate(text);

    protected override ZoneId Create(string text) => ZoneId.FromValidated(text);

    protected override string TextOf(ZoneId value) => value.Value;
}

/// <summary>A <see cref="PersonId"/> as its full text (its <c>ToString()</c> is for people to read; JSON is data).</summary>
internal sealed class PersonIdJsonConverter : IdJsonConverter<PersonId>
{
    protected override string Kind => "pseudonymous person id";

    protected override string? Validate(string text) => PseudonymousId.Validate(text);

    protected override PersonId Create(string text) => PersonId.From(text);

    protected override string TextOf(PersonId value) => value.Value;
}

/// <summary>A <see cref="HouseholdId"/> as its full text (its <c>ToString()</c> is for people to read; JSON is data).</summary>
internal sealed class HouseholdIdJsonConverter : IdJsonConverter<HouseholdId>
{
    protected override string Kind => "pseudonymous household id";

    protected override string? Validate(string text) => PseudonymousId.Validate(text);

    protected override HouseholdId Create(string text) => HouseholdId.From(text);

    protected override string TextOf(HouseholdId value) => value.Value;
}

/// <summary>A <see cref="RiskLevel"/> as its severity, a JSON number from 0 to <see cref="RiskLevel.MaxSeverity"/>.</summary>
internal sealed class RiskLevelJsonConverter : JsonConverter<RiskLevel>
{
    public override RiskLevel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var severity) || severity < 0 || severity > RiskLevel.MaxSeverity)
        {
            throw new JsonException($"Expected a risk level as its severity, a whole number from 0 to {RiskLevel.MaxSeverity}.");
        }

        return RiskLevel.FromSeverity(severity);
    }

    public override void Write(Utf8JsonWriter writer, RiskLevel value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Severity);
}
