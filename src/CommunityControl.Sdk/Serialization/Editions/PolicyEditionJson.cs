using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityControl.Access;
using CommunityControl.Editions;
using CommunityControl.Internal;
using CommunityControl.Measures;
using CommunityControl.Risk;
using CommunityControl.Staffing;

namespace CommunityControl.Serialization;

/// <summary>
/// Reads a <see cref="PolicyEdition"/> from JSON: the loader of the built-in editions and of users' own.
/// </summary>
/// <remarks>
/// <para>The document is <see cref="PolicyEditionOptions"/> in JSON (camelCase names; enums as names; level codes of the
/// edition's scale):</para>
/// <code language="json">
/// {
///   "id": "cn-2022-06-ninth-edition", "version": "1.0.0", "jurisdiction": "CN",
///   "title": { "zh": "新型冠状病毒肺炎防控方案（第九版）", "en": "COVID-19 Prevention and Control Plan, 9th edition" },
///   "issuer": { "zh": "国务院联防联控机制综合组", "en": "State Council Joint Prevention and Control Mechanism" },
///   "source": { "reference": "cn-policy.md E5, §1d, §6.6", "documents": [ "S7", "S8", "S9" ] },
///   "effective": { "from": "2022-06-28" },
///   "risk": {
///     "scale": "cn-low-medium-high",
///     "baseline": { "unit": "District", "level": "Low" },
///     "rules": [ { "id": "risk-areas", "caseDesignation": { "drawingUnit": "Compound", "...": "..." } } ]
///   }
/// }
/// </code>
/// <para>The optional <c>measures</c> (<see cref="MeasureTableJson"/>; levels may include named fragments with
/// <c>"preset"</c>, see <see cref="MeasureFragments"/>), <c>access</c> (<see cref="AccessPolicyJson"/>) and <c>staffing</c>
/// (<see cref="StaffingPolicyJson"/>) sections are read by their own readers.</para>
/// <para><b>A local edition extends a national one</b> with <c>"extends"</c>: the id of a built-in edition
/// (<see cref="PolicyEditions.GetDocument"/>) or of one of the documents given to <see cref="Parse(string, IReadOnlyDictionary{string, string}, DocumentLimits?)"/>.
/// The local document is a JSON Merge Patch (RFC 7386) over its base document: objects merge member by member, arrays and
/// other values replace the base's whole, and <c>null</c> deletes a member (e.g. an optional section). The merged document
/// is then read as usual. The local document must give its own <c>id</c>, <c>version</c>, <c>jurisdiction</c>,
/// <c>title</c> and <c>effective</c>. A city whose High areas step down after 10 days instead of 7 writes:</para>
/// <code language="json">
/// {
///   "extends": "cn-2022-06-ninth-edition",
///   "id": "my-city-2022-07-ninth-edition-local", "version": "1.0.0", "jurisdiction": "CN-MyCity",
///   "title": { "zh": "我市第九版实施细则", "en": "My City's 9th edition" },
///   "effective": { "from": "2022-07-15" },
///   "notes": [ "High steps down after 10 days (一区一策)." ],
///   "risk": { "rules": [ { "id": "risk-areas", "caseDesignation": { "...": "the ninth's rule, with", "stages": [
///     { "id": "High", "level": "High", "stepDownAfterDays": 10, "requireNegativeScreening": true, "screeningWithinDays": 1, "stepDownTo": "MediumFromHigh" },
///     { "...": "the ninth's other two stages, unchanged" } ] } } ] }
/// }
/// </code>
/// <para>Since arrays replace, an override inside <c>risk.rules</c> restates that array (everything else — issuer,
/// source, the <c>measures</c> section — comes from the base). A problem of the merged document is reported with its path
/// and, when the local document has that path, the local line; otherwise with the path alone, no line, and a message saying
/// it comes from the base. An unknown base id, or a chain of <c>extends</c> that comes back to an edition already in it, is
/// a problem at <c>$.extends</c>.</para>
/// <para>Unknown fields are rejected. Every problem — malformed values, unknown level codes or stage ids, missing
/// parameters that the references leave UNCONFIRMED — is reported at once in a <see cref="DocumentFormatException"/>,
/// each with its JSON path and line; nothing is half-loaded.</para>
/// </remarks>
/// <threadsafety static="true" instance="true"/>
public static class PolicyEditionJson
{
    private const string DocumentKind = "policy edition";

    /// <summary>Reads an edition from a JSON string.</summary>
    /// <param name="json">The document.</param>
    /// <param name="limits">The limits the document must keep within; null for <see cref="DocumentLimits.Default"/>.</param>
    /// <returns>The validated edition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="limits"/> is out of its documented range.</exception>
    /// <exception cref="DocumentFormatException">The document is malformed, beyond a limit, or describes an invalid edition.</exception>
    public static PolicyEdition Parse(string json, DocumentLimits? limits = null)
    {
        Guard.NotNull(json);
        var l = DocumentLimits.Resolve(limits);
        return Read(JsonDocumentReader.Utf8(json, DocumentKind, l), l);
    }

    /// <summary>Reads an edition from a UTF-8 JSON stream (read to its end, or to the size limit; not closed).</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="limits">The limits the document must keep within; null for <see cref="DocumentLimits.Default"/>.</param>
    /// <returns>The validated edition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="limits"/> is out of its documented range.</exception>
    /// <exception cref="DocumentFormatException">The document is malformed, beyond a limit, or describes an invalid edition.</exception>
    public static PolicyEdition Read(Stream utf8Json, DocumentLimits? limits = null)
    {
        Guard.NotNull(utf8Json);
        var l = DocumentLimits.Resolve(limits);
        return Read(JsonDocumentReader.ReadAll(utf8Json, DocumentKind, l), l);
    }

    /// <summary>Reads an edition from UTF-8 JSON bytes.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="limits">The limits the document must keep within; null for <see cref="DocumentLimits.Default"/>.</param>
    /// <returns>The validated edition.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="limits"/> is out of its documented range.</exception>
    /// <exception cref="DocumentFormatException">The document is malformed, beyond a limit, extends an unknown edition or one that extends it back, or describes an invalid edition.</exception>
    public static PolicyEdition Read(ReadOnlySpan<byte> utf8Json, DocumentLimits? limits = null) => Read(utf8Json, DocumentLimits.Resolve(limits));

    /// <summary>Reads an edition from a JSON string whose <c>"extends"</c> may name one of <paramref name="baseDocuments"/>.</summary>
    /// <param name="json">The document.</param>
    /// <param name="baseDocuments">Edition documents by id, looked up before the built-in ones (<see cref="PolicyEditions.GetDocument"/>);
    /// each may itself extend another.</param>
    /// <param name="limits">The limits the document must keep within; null for <see cref="DocumentLimits.Default"/>.</param>
    /// <returns>The validated edition.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="limits"/> is out of its documented range.</exception>
    /// <exception cref="DocumentFormatException">The document is malformed, beyond a limit, extends an unknown edition or one that extends it back, or describes an invalid edition.</exception>
    public static PolicyEdition Parse(string json, IReadOnlyDictionary<string, string> baseDocuments, DocumentLimits? limits = null)
    {
        Guard.NotNull(json);
        Guard.NotNull(baseDocuments);
        var resolved = DocumentLimits.Resolve(limits);
        return Read(JsonDocumentReader.Utf8(json, DocumentKind, resolved), baseDocuments, resolved);
    }

    internal static PolicyEdition Read(ReadOnlySpan<byte> utf8Json, in Limits limits) => Read(utf8Json, null, limits);

    private static PolicyEdition Read(ReadOnlySpan<byte> utf8Json, IReadOnlyDictionary<string, string>? baseDocuments, in Limits limits)
    {
        // The local document is checked strictly (UTF-8, repeated names, limits) before anything is merged into it.
        utf8Json = JsonDocumentReader.Check(utf8Json, DocumentKind, limits);
        if (EditionExtends.TryMerge(utf8Json, baseDocuments, DocumentKind, limits) is not { } merged)
        {
            return ReadDocument(utf8Json, limits);
        }

        try
        {
            return ReadDocument(merged.Utf8, limits);
        }
        catch (DocumentFormatException ex)
        {
            throw EditionExtends.Remap(utf8Json, ex, merged.BaseId, DocumentKind);
        }
    }

    private static PolicyEdition ReadDocument(ReadOnlySpan<byte> utf8Json, in Limits limits)
    {
        utf8Json = JsonDocumentReader.Check(utf8Json, DocumentKind, limits);
        var document = JsonDocumentReader.Deserialize(utf8Json, DocumentJsonContext.Default.PolicyEditionDocument, DocumentKind, limits);
        var options = document.ToOptions(withSections: false);
        var problems = new List<(string Path, string Message)>();
        var edition = PolicyEdition.TryCreate(options, "$", problems);
        if (document.Extends is not null)
        {
            // Merging resolves "extends" away; one left here is in a document the merge could not read (e.g. a repeated name).
            problems.Add(("$.extends", "The base could not be merged: the document must be one JSON object whose names are unique."));
        }

        // Every section is read even when the header or the rules are bad: against the edition's scale, or else the
        // scale that risk.scale names (its own problems are already reported), so that one reading reports everything.
        var scale = edition?.Risk.Scale ?? (options.Risk is { } risk ? RiskPolicyOptionsReader.ReadScale(risk, "$.risk", new List<(string Path, string Message)>()) : null);

        // The optional sections are read by their own readers; their problems come back with the section's path and line.
        var report = new ProblemReport(DocumentKind, limits);
        report.AddRange(problems);
        var sectionLimits = limits;
        MeasureTable? measures = null;
        AccessPolicy? access = null;
        StaffingPolicy? staffing = null;
        if (document.Measures is { } m && m.ValueKind != JsonValueKind.Null)
        {
            measures = ReadSection(m, "$.measures", report, bytes => MeasureTableJson.Read(bytes, scale, sectionLimits));
        }

        if (document.Access is { } a && a.ValueKind != JsonValueKind.Null)
        {
            if (measures is not null || (document.Measures is { } m2 && m2.ValueKind != JsonValueKind.Null))
            {
                report.Add("$.access", "Give either a measures section or an access section (which holds its own measures), not both.");
            }
            else
            {
                access = ReadSection(a, "$.access", report, bytes => AccessPolicyJson.Read(bytes, sectionLimits));
            }
        }

        if (document.Staffing is { } st && st.ValueKind != JsonValueKind.Null && scale is not null)
        {
            staffing = ReadSection(st, "$.staffing", report, bytes => StaffingPolicyJson.Read(bytes, scale, sectionLimits));
        }

        if (scale is not null)
        {
            CheckScale(scale, measures?.Scale ?? access?.Measures.Scale, measures is not null ? "$.measures" : "$.access", report);
            CheckScale(scale, staffing?.Scale, "$.staffing", report);
        }

        if (edition is not null && report.Count == 0)
        {
            if (measures is not null)
            {
                edition = edition.WithMeasures(measures);
            }

            if (access is not null)
            {
                edition = edition.WithAccess(access);
            }

            return staffing is null ? edition : edition.WithStaffing(staffing);
        }

        throw report.ToException(utf8Json);
    }

    private static T? ReadSection<T>(JsonElement section, string root, ProblemReport report, Func<byte[], T> read)
        where T : class
    {
        var bytes = Encoding.UTF8.GetBytes(section.GetRawText());
        try
        {
            return read(bytes);
        }
        catch (DocumentFormatException ex)
        {
            report.AddNested(root, ex);
            return null;
        }
    }

    private static void CheckScale(RiskScale edition, RiskScale? scale, string path, ProblemReport report)
    {
        if (scale is not null && !string.Equals(scale.Id, edition.Id, StringComparison.Ordinal))
        {
            report.Add(path, $"The section's scale '{scale.Id}' is not the edition's scale '{edition.Id}'.");
        }
    }

    /// <summary>Reads the options of an edition document without validating its rules (e.g. to change a parameter and create a local variant).</summary>
    /// <param name="json">The document.</param>
    /// <returns>The options, as written in the document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="DocumentFormatException">The document is not well-formed, is beyond a default limit, has a repeated or unknown field, or values of the wrong type.</exception>
    /// <remarks>A document with <c>"extends"</c> gives the options of the merged document.</remarks>
    public static PolicyEditionOptions ParseOptions(string json)
    {
        Guard.NotNull(json);
        var limits = Limits.Default;
        var utf8 = JsonDocumentReader.Check(JsonDocumentReader.Utf8(json, DocumentKind, limits), DocumentKind, limits);
        if (EditionExtends.TryMerge(utf8, null, DocumentKind, limits) is not { } merged)
        {
            return JsonDocumentReader.Deserialize(utf8, DocumentJsonContext.Default.PolicyEditionDocument, DocumentKind, limits).ToOptions(withSections: true);
        }

        try
        {
            var mergedUtf8 = JsonDocumentReader.Check(merged.Utf8, DocumentKind, limits);
            return JsonDocumentReader.Deserialize(mergedUtf8, DocumentJsonContext.Default.PolicyEditionDocument, DocumentKind, limits).ToOptions(withSections: true);
        }
        catch (DocumentFormatException ex)
        {
            throw EditionExtends.Remap(utf8, ex, merged.BaseId, DocumentKind);
        }
    }

    /// <summary>Writes edition options as an indented JSON document that <see cref="Parse(string, DocumentLimits?)"/> reads.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public static string ToJson(PolicyEditionOptions options)
        => JsonSerializer.Serialize(PolicyEditionDocument.From(Guard.NotNull(options)), DocumentJsonContext.Default.PolicyEditionDocument);
}
