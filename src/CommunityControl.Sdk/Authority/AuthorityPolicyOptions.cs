using System;
using System.Collections.Generic;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Authority;

/// <summary>
/// The JSON binding shape of an <see cref="AuthorityPolicy"/>: a base policy and the grants added to it.
/// </summary>
/// <remarks>
/// <code language="json">
/// {
///   "base": "cn-infectious-disease-law-2013",
///   "grants": [
///     { "role": "CommunityWorker", "permissions": ["SealBuilding"], "basis": "cn-idl-2013-art42",
///       "from": "2022-07-01T00:00:00Z", "to": "2022-07-08T00:00:00Z", "scope": "500101-001-01", "decidedBy": "区防控指挥部" }
///   ]
/// }
/// </code>
/// </remarks>
/// <threadsafety static="true" instance="false">Mutable binding type.</threadsafety>
public sealed class AuthorityPolicyOptions
{
    /// <summary>The id of the built-in base policy, <c>cn-infectious-disease-law-2013</c>, or <c>none</c> to start empty.</summary>
    /// <value>The default is null, which means <c>cn-infectious-disease-law-2013</c>.</value>
    public string? Base { get; set; }

    /// <summary>The grants added to the base.</summary>
    /// <value>The default is an empty list.</value>
    public IList<AuthorityGrantOptions> Grants { get; set; } = new List<AuthorityGrantOptions>();

    internal static AuthorityPolicy? TryBuild(AuthorityPolicyOptions options, string path, List<(string Path, string Message)> problems)
    {
        var before = problems.Count;
        AuthorityPolicyBuilder builder;
        if (options.Base is null || options.Base == AuthorityPolicy.ChinaInfectiousDiseaseLaw2013.Id)
        {
            builder = new AuthorityPolicyBuilder(AuthorityPolicy.ChinaInfectiousDiseaseLaw2013);
        }
        else if (options.Base == "none")
        {
            builder = new AuthorityPolicyBuilder("custom");
        }
        else
        {
            problems.Add((path + ".base", $"The value is not a base authority policy; use cn-infectious-disease-law-2013 or none."));
            builder = new AuthorityPolicyBuilder("custom");
        }

        var grants = options.Grants ?? new List<AuthorityGrantOptions>();
        for (var i = 0; i < grants.Count; i++)
        {
            var g = grants[i];
            var at = $"{path}.grants[{i}]";
            if (g is null)
            {
                problems.Add((at, "A grant must be an object, not null."));
                continue;
            }

            var permissions = Permissions.None;
            foreach (var p in g.Permissions ?? Array.Empty<Permissions>())
            {
                permissions |= p;
            }

            LegalBasis? basis = null;
            if (g.Basis is null)
            {
                problems.Add((at + ".basis", "A legal basis id is required, e.g. cn-idl-2013-art42."));
            }
            else if (!LegalBasis.TryGet(g.Basis, out basis))
            {
                problems.Add((at + ".basis", $"The value is not a known legal basis id."));
            }

            var fieldProblems = new List<(string Field, string Message)>();
            AuthorityGrant.Validate(g.Role, permissions, basis, g.Condition, fieldProblems);
            foreach (var f in fieldProblems)
            {
                if (f.Field != "basis")
                {
                    problems.Add(($"{at}.{f.Field}", f.Message));
                }
            }

            if (g.From is { } from && g.To is { } to && to <= from)
            {
                problems.Add((at + ".to", "The end of a grant must be after its start."));
            }

            var scope = default(ZoneId);
            if (g.Scope is not null && !ZoneId.TryFrom(g.Scope, out scope))
            {
                problems.Add((at + ".scope", $"The value is not a valid zone id."));
            }

            if (problems.Count == before)
            {
                builder.Grant(new AuthorityGrant(g.Role, permissions, basis!, new Interval(g.From, g.To), scope, g.Condition, g.DecidedBy));
            }
        }

        return problems.Count == before ? builder.Build() : null;
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text.Substring(0, 64) + "…";
}
