using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Internal;
using CommunityControl.Measures;

namespace CommunityControl.Serialization;

/// <summary>
/// Reads an <see cref="AccessPolicy"/> from a JSON document in the shape of <see cref="AccessPolicyOptions"/>: a
/// <c>measures</c> table (as <see cref="MeasureTableJson"/> reads it) and an optional <c>authority</c>.
/// </summary>
/// <remarks>Every problem is reported at once in a <see cref="DocumentFormatException"/>, with its JSON path and line.</remarks>
/// <threadsafety static="true" instance="true"/>
public static class AccessPolicyJson
{
    private const string DocumentKind = "access policy";

    /// <summary>Reads a policy from a JSON string.</summary>
    /// <param name="json">The document.</param>
    /// <param name="limits">The limits the document must keep within; null for <see cref="DocumentLimits.Default"/>.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="limits"/> is out of its documented range.</exception>
    /// <exception cref="DocumentFormatException">The document is malformed, beyond a limit, or describes an invalid policy.</exception>
    public static AccessPolicy Parse(string json, DocumentLimits? limits = null)
    {
        Guard.NotNull(json);
        var l = DocumentLimits.Resolve(limits);
        return Read(JsonDocumentReader.Utf8(json, DocumentKind, l), l);
    }

    /// <summary>Reads a policy from a UTF-8 JSON stream (read to its end, or to the size limit; not closed).</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="limits">The limits the document must keep within; null for <see cref="DocumentLimits.Default"/>.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="limits"/> is out of its documented range.</exception>
    /// <exception cref="DocumentFormatException">The document is malformed, beyond a limit, or describes an invalid policy.</exception>
    public static AccessPolicy Read(Stream utf8Json, DocumentLimits? limits = null)
    {
        Guard.NotNull(utf8Json);
        var l = DocumentLimits.Resolve(limits);
        return Read(JsonDocumentReader.ReadAll(utf8Json, DocumentKind, l), l);
    }

    /// <summary>Reads a policy from UTF-8 JSON bytes.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="limits">The limits the document must keep within; null for <see cref="DocumentLimits.Default"/>.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="limits"/> is out of its documented range.</exception>
    /// <exception cref="DocumentFormatException">The document is malformed, beyond a limit, or describes an invalid policy.</exception>
    public static AccessPolicy Read(ReadOnlySpan<byte> utf8Json, DocumentLimits? limits = null) => Read(utf8Json, DocumentLimits.Resolve(limits));

    internal static AccessPolicy Read(ReadOnlySpan<byte> utf8Json, in Limits limits)
    {
        utf8Json = JsonDocumentReader.Check(utf8Json, DocumentKind, limits);
        var document = JsonDocumentReader.Deserialize(utf8Json, DocumentJsonContext.Default.AccessPolicyDocument, DocumentKind, limits);
        var problems = new List<(string Path, string Message)>();
        var options = new AccessPolicyOptions { Measures = document.Measures?.ToOptions("$.measures", problems), Authority = document.Authority };
        var policy = AccessPolicy.TryCreate(options, problems);
        if (policy is not null && problems.Count == 0)
        {
            return policy;
        }

        throw JsonDocumentReader.Fail(DocumentKind, utf8Json, problems, limits);
    }

    /// <summary>Writes a policy's measures and grants added to its base as an indented JSON document.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="ArgumentException">The policy's authority is not built on a base the document can name.</exception>
    public static string ToJson(AccessPolicy policy)
    {
        Guard.NotNull(policy);
        var china = AuthorityPolicy.ChinaInfectiousDiseaseLaw2013;
        var authority = new AuthorityPolicyOptions { Base = policy.Authority.Id == china.Id ? null : "none" };
        var skip = policy.Authority.Id == china.Id ? china.Grants.Count : 0;
        if (skip > 0)
        {
            for (var i = 0; i < skip; i++)
            {
                if (!ReferenceEquals(policy.Authority.Grants[i], china.Grants[i]))
                {
                    throw new ArgumentException("The policy's authority does not start with the grants of its base, so a document cannot name it.", nameof(policy));
                }
            }
        }

        for (var i = skip; i < policy.Authority.Grants.Count; i++)
        {
            var g = policy.Authority.Grants[i];
            var grant = new AuthorityGrantOptions
            {
                Role = g.Role,
                Basis = g.Basis.Id,
                From = g.Validity.HasStart ? g.Validity.Start : null,
                To = g.Validity.HasEnd ? g.Validity.End : null,
                Scope = g.Scope.IsEmpty ? null : g.Scope.Value,
                Condition = g.Condition,
                DecidedBy = g.DecidedBy,
            };
            for (var bit = 1; bit <= (int)Permissions.TraceContacts; bit <<= 1)
            {
                if (((int)g.Permissions & bit) != 0)
                {
                    grant.Permissions.Add((Permissions)bit);
                }
            }

            authority.Grants.Add(grant);
        }

        var document = new AccessPolicyDocument { Measures = MeasureTableDocument.From(policy.Measures.ToOptions()), Authority = authority };
        return JsonSerializer.Serialize(document, DocumentJsonContext.Writer.AccessPolicyDocument);
    }
}

/// <summary>The JSON shape of an access policy document.</summary>
internal sealed class AccessPolicyDocument
{
    public MeasureTableDocument? Measures { get; set; }

    public AuthorityPolicyOptions? Authority { get; set; }
}
