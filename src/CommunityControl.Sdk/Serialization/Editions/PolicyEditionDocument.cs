using System.Collections.Generic;
using System.Text.Json;
using CommunityControl.Editions;
using CommunityControl.Risk;

namespace CommunityControl.Serialization;

/// <summary>The JSON shape of an edition document: the header and risk rules as options, the optional parts raw (each is read by its own reader).</summary>
internal sealed class PolicyEditionDocument
{
    public string? Id { get; set; }

    /// <summary>Gets or sets the id of the base edition; resolved (merged away) before the document is read, see <see cref="EditionExtends"/>.</summary>
    public string? Extends { get; set; }

    public string? Version { get; set; }

    public string? Jurisdiction { get; set; }

    public LocalizedTextOptions? Title { get; set; }

    public LocalizedTextOptions? Issuer { get; set; }

    public EditionSourceOptions? Source { get; set; }

    public EditionEffectiveOptions? Effective { get; set; }

    public IList<string>? Notes { get; set; }

    public RiskPolicyOptions? Risk { get; set; }

    public JsonElement? Measures { get; set; }

    public JsonElement? Access { get; set; }

    public JsonElement? Staffing { get; set; }

    public static PolicyEditionDocument From(PolicyEditionOptions options) => new()
    {
        Id = options.Id,
        Version = options.Version,
        Jurisdiction = options.Jurisdiction,
        Title = options.Title,
        Issuer = options.Issuer,
        Source = options.Source,
        Effective = options.Effective,
        Notes = options.Notes.Count == 0 ? null : options.Notes,
        Risk = options.Risk,
        Measures = Element(options.MeasuresSection),
        Access = Element(options.AccessSection),
        Staffing = Element(options.StaffingSection),
    };

    public PolicyEditionOptions ToOptions(bool withSections) => new()
    {
        Id = Id,
        Version = Version,
        Jurisdiction = Jurisdiction,
        Title = Title,
        Issuer = Issuer,
        Source = Source,
        Effective = Effective,
        Notes = Notes ?? new List<string>(),
        Risk = Risk,
        MeasuresSection = withSections ? Bytes(Measures) : null,
        AccessSection = withSections ? Bytes(Access) : null,
        StaffingSection = withSections ? Bytes(Staffing) : null,
    };

    private static JsonElement? Element(byte[]? utf8)
    {
        if (utf8 is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(utf8);
        return document.RootElement.Clone();
    }

    private static byte[]? Bytes(JsonElement? element)
        => element is { ValueKind: not JsonValueKind.Null } e ? JsonSerializer.SerializeToUtf8Bytes(e, DocumentJsonContext.Default.JsonElement) : null;
}
