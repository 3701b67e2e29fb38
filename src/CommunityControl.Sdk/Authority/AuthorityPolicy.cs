using System;
using System.Collections.Generic;
using System.Threading;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Authority;

/// <summary>
/// Who may do what, when and where: a set of <see cref="AuthorityGrant"/>s, some held by position (unbounded), some
/// time-bounded or scoped to a zone, some only while control measures are in force. A gate decision that needs a
/// permission its operator lacks escalates to the roles this policy names as holders.
/// </summary>
/// <remarks>
/// <para><see cref="ChinaInfectiousDiseaseLaw2013"/> encodes cn-policy §4: community roles organize and assist (Art. 9,
/// Emergency Regulations Art. 40) and execute the county-or-higher decisions while measures are in force (Art. 42);
/// health workers order medical observation (NHC 2020 No. 1); the CDC orders observation at designated places (Art. 40);
/// the police assist with compulsory isolation when a person refuses it or leaves early (Art. 39). Nobody seals a
/// building by position: that needs a grant on Art. 41, 42 or 43. Only the CDC traces contacts by position (Art. 40,
/// <see cref="Permissions.TraceContacts"/>); community staff who trace do so under a grant, or escalate to it.</para>
/// <para>Looking up the permissions of a role does not allocate (a zone-scoped grant resolves its zone once per tree).</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable; safe to share between threads.</threadsafety>
public sealed class AuthorityPolicy
{
    internal const Permissions AllPermissions = (Permissions)((1 << 9) - 1);
    internal const int RoleCount = (int)Role.Cdc + 1;

    private readonly AuthorityGrant[] _grants;
    private readonly Permissions[] _standing = new Permissions[RoleCount];
    private readonly Permissions[] _whileMeasures = new Permissions[RoleCount];
    private readonly AuthorityGrant[] _dynamic;
    private ScopeCache? _scopes;

    internal AuthorityPolicy(string id, AuthorityGrant[] grants)
    {
        Id = id;
        _grants = grants;
        var dynamic = new List<AuthorityGrant>();
        foreach (var g in grants)
        {
            if (!g.Validity.HasStart && !g.Validity.HasEnd && g.Scope.IsEmpty)
            {
                if (g.Condition == GrantCondition.WhileMeasuresInForce)
                {
                    _whileMeasures[(int)g.Role] |= g.Permissions;
                }
                else
                {
                    _standing[(int)g.Role] |= g.Permissions;
                }
            }
            else
            {
                dynamic.Add(g);
            }
        }

        _dynamic = dynamic.ToArray();
        Grants = Array.AsReadOnly(grants);
    }

    /// <summary>
    /// Gets the powers of cn-policy §4 (Law on the Prevention and Control of Infectious Diseases, 2013): by position,
    /// community workers check, register and approve exits (Art. 9); grid workers, property staff, deployed cadres,
    /// party-member volunteers, volunteers and homeowners' committee members check and register (Emergency Regulations
    /// Art. 40); health workers order home medical observation (NHC 2020 No. 1); the CDC orders home or centralized
    /// observation and traces contacts (Art. 40); the police compel isolation (Art. 39). While measures are in force, every one of these roles
    /// executes them: check, register and refuse passage (Art. 42). No grants are time-bounded; add them with
    /// <see cref="WithGrant(AuthorityGrant)"/> or in <see cref="AuthorityPolicyOptions"/>.
    /// </summary>
    public static AuthorityPolicy ChinaInfectiousDiseaseLaw2013 { get; } = CreateChina2013();

    /// <summary>Gets the policy's id, e.g. <c>cn-infectious-disease-law-2013</c>.</summary>
    public string Id { get; }

    /// <summary>Gets every grant, in the order given.</summary>
    public IReadOnlyList<AuthorityGrant> Grants { get; }

    /// <summary>Creates a policy from options (the JSON binding shape).</summary>
    /// <param name="options">The options.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ModelValidationException">The options are invalid (every problem is listed).</exception>
    public static AuthorityPolicy FromOptions(AuthorityPolicyOptions options)
    {
        Guard.NotNull(options);
        var problems = new List<(string Path, string Message)>();
        var policy = AuthorityPolicyOptions.TryBuild(options, "$", problems);
        if (policy is null)
        {
            throw new ModelValidationException(typeof(AuthorityPolicy), problems.ConvertAll(p => $"{p.Path}: {p.Message}"));
        }

        return policy;
    }

    /// <summary>Returns a copy of this policy with one more grant.</summary>
    /// <param name="grant">The grant to add.</param>
    /// <returns>The new policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="grant"/> is null.</exception>
    public AuthorityPolicy WithGrant(AuthorityGrant grant)
    {
        Guard.NotNull(grant);
        var grants = new AuthorityGrant[_grants.Length + 1];
        _grants.CopyTo(grants, 0);
        grants[_grants.Length] = grant;
        return new AuthorityPolicy(Id, grants);
    }

    /// <summary>Gets the permissions a role holds at an instant anywhere (grants scoped to a zone are not counted).</summary>
    /// <param name="role">The role.</param>
    /// <param name="at">The instant.</param>
    /// <param name="measuresInForce">Whether control measures are in force (for grants with <see cref="GrantCondition.WhileMeasuresInForce"/>).</param>
    /// <returns>The permissions; none for <see cref="Role.Unknown"/>.</returns>
    public Permissions PermissionsOf(Role role, Instant at, bool measuresInForce = false)
        => PermissionsAt(role, at, null, -1, measuresInForce);

    /// <summary>Gets the permissions a role holds at an instant at a gate in a zone (zone-scoped grants count when the zone is in their scope).</summary>
    /// <param name="role">The role.</param>
    /// <param name="at">The instant.</param>
    /// <param name="tree">The zone tree.</param>
    /// <param name="zoneIndex">The dense index of the gate's zone in <paramref name="tree"/>.</param>
    /// <param name="measuresInForce">Whether control measures are in force at the zone.</param>
    /// <returns>The permissions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tree"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="zoneIndex"/> is outside the tree.</exception>
    public Permissions PermissionsAtGate(Role role, Instant at, ZoneTree tree, int zoneIndex, bool measuresInForce)
    {
        Guard.NotNull(tree);
        if (unchecked((uint)zoneIndex >= (uint)tree.Count))
        {
            throw new ArgumentOutOfRangeException(nameof(zoneIndex), zoneIndex, $"The zone index must be in [0-{tree.Count - 1}]; it was {zoneIndex}.");
        }

        return PermissionsAt(role, at, tree, zoneIndex, measuresInForce);
    }

    /// <summary>Gets the roles that hold every one of <paramref name="permissions"/> at an instant anywhere.</summary>
    /// <param name="permissions">The permissions needed.</param>
    /// <param name="at">The instant.</param>
    /// <param name="measuresInForce">Whether control measures are in force.</param>
    /// <returns>The roles; <see cref="Roles.None"/> when no role holds them all.</returns>
    public Roles HoldersOf(Permissions permissions, Instant at, bool measuresInForce = false)
        => HoldersAt(permissions, at, null, -1, measuresInForce);

    /// <summary>Gets the roles that hold every one of <paramref name="permissions"/> at an instant at a gate in a zone.</summary>
    /// <param name="permissions">The permissions needed.</param>
    /// <param name="at">The instant.</param>
    /// <param name="tree">The zone tree.</param>
    /// <param name="zoneIndex">The dense index of the gate's zone.</param>
    /// <param name="measuresInForce">Whether control measures are in force at the zone.</param>
    /// <returns>The roles; <see cref="Roles.None"/> when no role holds them all.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tree"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="zoneIndex"/> is outside the tree.</exception>
    public Roles HoldersAtGate(Permissions permissions, Instant at, ZoneTree tree, int zoneIndex, bool measuresInForce)
    {
        Guard.NotNull(tree);
        if (unchecked((uint)zoneIndex >= (uint)tree.Count))
        {
            throw new ArgumentOutOfRangeException(nameof(zoneIndex), zoneIndex, $"The zone index must be in [0-{tree.Count - 1}]; it was {zoneIndex}.");
        }

        return HoldersAt(permissions, at, tree, zoneIndex, measuresInForce);
    }

    /// <summary>Returns the id and the number of grants.</summary>
    /// <returns>E.g. <c>AuthorityPolicy cn-infectious-disease-law-2013 (16 grants)</c>.</returns>
    public override string ToString() => $"AuthorityPolicy {Id} ({_grants.Length} grants)";

    /// <summary>Gets a value indicating whether some grant is time-bounded or scoped (so permissions depend on the instant and zone).</summary>
    internal bool HasDynamicGrants => _dynamic.Length != 0;

    /// <summary>Gets the permissions of every role held regardless of instant and zone, by role, while measures are in force.</summary>
    internal Permissions[] StandingWhileMeasuresInForce()
    {
        var all = new Permissions[RoleCount];
        for (var r = 0; r < RoleCount; r++)
        {
            all[r] = _standing[r] | _whileMeasures[r];
        }

        return all;
    }

    internal Permissions PermissionsAt(Role role, Instant at, ZoneTree? tree, int zoneIndex, bool measuresInForce)
    {
        var r = (int)role;
        if (unchecked((uint)r >= RoleCount))
        {
            return Permissions.None;
        }

        var p = _standing[r];
        if (measuresInForce)
        {
            p |= _whileMeasures[r];
        }

        return _dynamic.Length == 0 ? p : p | DynamicPermissions(role, at, tree, zoneIndex, measuresInForce);
    }

    internal Roles HoldersAt(Permissions permissions, Instant at, ZoneTree? tree, int zoneIndex, bool measuresInForce)
    {
        var holders = Roles.None;
        for (var r = 1; r < RoleCount; r++)
        {
            if ((PermissionsAt((Role)r, at, tree, zoneIndex, measuresInForce) & permissions) == permissions)
            {
                holders |= (Roles)(1 << (r - 1));
            }
        }

        return holders;
    }

    private static AuthorityPolicy CreateChina2013()
    {
        var community = new[] { Role.GridWorker, Role.PropertyStaff, Role.DeployedCadre, Role.PartyMemberVolunteer, Role.Volunteer, Role.HomeownersCommitteeMember };
        var grants = new List<AuthorityGrant>
        {
            new(Role.CommunityWorker, Permissions.Check | Permissions.Register | Permissions.ApproveExit, LegalBasis.InfectiousDiseaseLawArticle9),
        };
        foreach (var role in community)
        {
            grants.Add(new AuthorityGrant(role, Permissions.Check | Permissions.Register, LegalBasis.EmergencyRegulationsArticle40));
        }

        grants.Add(new AuthorityGrant(Role.Police, Permissions.CompelIsolation, LegalBasis.InfectiousDiseaseLawArticle39));
        grants.Add(new AuthorityGrant(Role.HealthWorker, Permissions.OrderHomeObservation, LegalBasis.NhcAnnouncement2020No1));
        grants.Add(new AuthorityGrant(Role.Cdc, Permissions.OrderHomeObservation | Permissions.OrderCentralizedQuarantine | Permissions.TraceContacts, LegalBasis.InfectiousDiseaseLawArticle40));
        for (var r = 1; r < RoleCount; r++)
        {
            grants.Add(new AuthorityGrant((Role)r, Permissions.Check | Permissions.Register | Permissions.DenyEntry, LegalBasis.InfectiousDiseaseLawArticle42, condition: GrantCondition.WhileMeasuresInForce));
        }

        return new AuthorityPolicy("cn-infectious-disease-law-2013", grants.ToArray());
    }

    private Permissions DynamicPermissions(Role role, Instant at, ZoneTree? tree, int zoneIndex, bool measuresInForce)
    {
        var p = Permissions.None;
        int[]? scopes = null;
        for (var i = 0; i < _dynamic.Length; i++)
        {
            var g = _dynamic[i];
            if (g.Role != role || !g.IsValidAt(at) || (g.Condition == GrantCondition.WhileMeasuresInForce && !measuresInForce))
            {
                continue;
            }

            if (!g.Scope.IsEmpty)
            {
                if (tree is null)
                {
                    continue;
                }

                scopes ??= ScopesFor(tree);
                var s = scopes[i];
                if (s < 0 || zoneIndex < s || zoneIndex >= tree.SubtreeEnd(s))
                {
                    continue;
                }
            }

            p |= g.Permissions;
        }

        return p;
    }

    private int[] ScopesFor(ZoneTree tree)
    {
        var cache = Volatile.Read(ref _scopes);
        if (cache is not null && ReferenceEquals(cache.Tree, tree))
        {
            return cache.Indexes;
        }

        var indexes = new int[_dynamic.Length];
        for (var i = 0; i < indexes.Length; i++)
        {
            indexes[i] = _dynamic[i].Scope.IsEmpty ? -1 : tree.IndexOf(_dynamic[i].Scope);
        }

        Volatile.Write(ref _scopes, new ScopeCache(tree, indexes));
        return indexes;
    }

    private sealed class ScopeCache
    {
        public ScopeCache(ZoneTree tree, int[] indexes)
        {
            Tree = tree;
            Indexes = indexes;
        }

        public ZoneTree Tree { get; }

        public int[] Indexes { get; }
    }
}
