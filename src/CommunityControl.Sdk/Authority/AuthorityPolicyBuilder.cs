using System.Collections.Generic;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Authority;

/// <summary>
/// Builds an <see cref="AuthorityPolicy"/>: start empty or from a base policy, add grants, then <see cref="Build"/>
/// validates every grant at once.
/// </summary>
/// <threadsafety static="true" instance="false">Mutable; use from one thread.</threadsafety>
internal sealed class AuthorityPolicyBuilder
{
    private readonly string _id;
    private readonly List<AuthorityGrant> _grants = new();
    private readonly List<Pending> _pending = new();

    /// <summary>Starts an empty policy.</summary>
    /// <param name="id">The policy's id.</param>
    /// <exception cref="System.ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    public AuthorityPolicyBuilder(string id) => _id = Guard.NotNullOrWhiteSpace(id);

    /// <summary>Starts from the grants of a base policy, e.g. <see cref="AuthorityPolicy.ChinaInfectiousDiseaseLaw2013"/>.</summary>
    /// <param name="basePolicy">The base policy; its id is kept.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="basePolicy"/> is null.</exception>
    public AuthorityPolicyBuilder(AuthorityPolicy basePolicy)
    {
        Guard.NotNull(basePolicy);
        _id = basePolicy.Id;
        _grants.AddRange(basePolicy.Grants);
    }

    /// <summary>Adds a grant that is already validated.</summary>
    /// <param name="grant">The grant.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="grant"/> is null.</exception>
    public AuthorityPolicyBuilder Grant(AuthorityGrant grant)
    {
        _grants.Add(Guard.NotNull(grant));
        return this;
    }

    /// <summary>Adds a grant; it is validated, with every other, by <see cref="Build"/>.</summary>
    /// <param name="role">The role.</param>
    /// <param name="permissions">The permissions.</param>
    /// <param name="basis">The legal basis; must allow every permission.</param>
    /// <param name="validity">When it applies; null for always.</param>
    /// <param name="scope">The zone whose subtree it covers; the empty id for everywhere.</param>
    /// <param name="condition">A further condition.</param>
    /// <param name="decidedBy">The deciding body.</param>
    /// <returns>This builder.</returns>
    public AuthorityPolicyBuilder Grant(Role role, Permissions permissions, LegalBasis basis, Interval? validity = null, ZoneId scope = default, GrantCondition condition = GrantCondition.None, string? decidedBy = null)
    {
        _pending.Add(new Pending(role, permissions, basis, validity, scope, condition, decidedBy, _grants.Count + _pending.Count));
        return this;
    }

    /// <summary>Validates every grant and builds the policy.</summary>
    /// <returns>The policy.</returns>
    /// <exception cref="ModelValidationException">A grant is invalid (every problem of every grant is listed).</exception>
    public AuthorityPolicy Build()
    {
        var failures = new List<string>();
        var all = new AuthorityGrant[_grants.Count + _pending.Count];
        var next = 0;
        foreach (var g in _grants)
        {
            all[next++] = g;
        }

        foreach (var p in _pending)
        {
            var problems = new List<(string Field, string Message)>();
            AuthorityGrant.Validate(p.Role, p.Permissions, p.Basis, p.Condition, problems);
            if (problems.Count > 0)
            {
                foreach (var f in problems)
                {
                    failures.Add($"grant #{p.Ordinal + 1} ({f.Field}): {f.Message}");
                }

                continue;
            }

            all[next++] = new AuthorityGrant(p.Role, p.Permissions, p.Basis!, p.Validity, p.Scope, p.Condition, p.DecidedBy);
        }

        if (failures.Count > 0)
        {
            throw new ModelValidationException(typeof(AuthorityPolicy), failures);
        }

        return new AuthorityPolicy(_id, all);
    }

    private sealed record Pending(Role Role, Permissions Permissions, LegalBasis? Basis, Interval? Validity, ZoneId Scope, GrantCondition Condition, string? DecidedBy, int Ordinal);
}
