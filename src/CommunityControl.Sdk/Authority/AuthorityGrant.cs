using System;
using System.Collections.Generic;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Authority;

/// <summary>
/// A grant of permissions to a role: for a time (an <see cref="Interval"/>; unbounded for powers held by position), over
/// a zone's subtree or everywhere, on a legal basis that must allow every permission granted.
/// </summary>
/// <example>
/// <code>
/// // Wuhan's 指挥部 closes every compound (Art. 42): community workers may refuse entry from 2020-02-10 to 2020-04-08.
/// var grant = new AuthorityGrant(Role.CommunityWorker, Permissions.DenyEntry, LegalBasis.InfectiousDiseaseLawArticle42,
///     new Interval(Instant.FromUtc(2020, 2, 9, 16, 0), Instant.FromUtc(2020, 4, 7, 16, 0)), decidedBy: "武汉市防控指挥部");
/// </code>
/// </example>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class AuthorityGrant
{
    /// <summary>Creates a grant.</summary>
    /// <param name="role">The role that receives the permissions.</param>
    /// <param name="permissions">The permissions granted; at least one, all allowed by <paramref name="basis"/>.</param>
    /// <param name="basis">The legal basis.</param>
    /// <param name="validity">When the grant applies (start inclusive, end exclusive); null (or an interval without start and
    /// end) for a power held by position.</param>
    /// <param name="scope">The zone whose subtree the grant covers; the empty id for everywhere.</param>
    /// <param name="condition">A further condition, e.g. only while measures are in force.</param>
    /// <param name="decidedBy">The body that decided the grant, e.g. a district's 指挥部; never a person's name.</param>
    /// <exception cref="ModelValidationException">The role is unknown, no or unknown permissions are granted, the basis is
    /// missing or does not allow a permission granted, or the condition is unknown (every problem is listed).</exception>
    public AuthorityGrant(
        Role role,
        Permissions permissions,
        LegalBasis basis,
        Interval? validity = null,
        ZoneId scope = default,
        GrantCondition condition = GrantCondition.None,
        string? decidedBy = null)
    {
        var failures = new List<(string Field, string Message)>();
        Validate(role, permissions, basis, condition, failures);
        if (failures.Count > 0)
        {
            throw new ModelValidationException(typeof(AuthorityGrant), failures.ConvertAll(f => $"{f.Field}: {f.Message}"));
        }

        Role = role;
        Permissions = permissions;
        Basis = basis;
        Validity = validity ?? new Interval(null, null);
        Scope = scope;
        Condition = condition;
        DecidedBy = string.IsNullOrWhiteSpace(decidedBy) ? null : decidedBy;
    }

    /// <summary>Gets the role that receives the permissions.</summary>
    public Role Role { get; }

    /// <summary>Gets the permissions granted.</summary>
    public Permissions Permissions { get; }

    /// <summary>Gets the legal basis.</summary>
    public LegalBasis Basis { get; }

    /// <summary>Gets when the grant applies: start inclusive, end exclusive; unbounded sides are open.</summary>
    public Interval Validity { get; }

    /// <summary>Gets the zone whose subtree the grant covers, or the empty id for everywhere.</summary>
    public ZoneId Scope { get; }

    /// <summary>Gets the further condition under which the grant applies.</summary>
    public GrantCondition Condition { get; }

    /// <summary>Gets the body that decided the grant, if stated.</summary>
    public string? DecidedBy { get; }

    /// <summary>Gets a value indicating whether the grant is held by position: unbounded in time and not scoped.</summary>
    public bool IsStanding => !Validity.HasStart && !Validity.HasEnd && Scope.IsEmpty;

    /// <summary>Tells whether the grant is valid at an instant (ignoring scope and condition).</summary>
    /// <param name="at">The instant.</param>
    /// <returns>True when <paramref name="at"/> lies in <see cref="Validity"/>.</returns>
    public bool IsValidAt(Instant at) => (!Validity.HasStart || at >= Validity.Start) && (!Validity.HasEnd || at < Validity.End);

    /// <summary>Returns the role, permissions and basis, e.g. <c>CommunityWorker: DenyEntry (传染病防治法 Art. 42)</c>.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"{Role}: {Permissions} ({Basis})";

    internal static void Validate(Role role, Permissions permissions, LegalBasis? basis, GrantCondition condition, List<(string Field, string Message)> failures)
    {
        if (role <= Role.Unknown || role > Role.Cdc)
        {
            failures.Add(("role", $"The role is not one that can hold permissions (a defined role other than Unknown)."));
        }

        if (permissions == Permissions.None)
        {
            failures.Add(("permissions", "At least one permission must be granted."));
        }
        else if ((permissions & ~AuthorityPolicy.AllPermissions) != 0)
        {
            failures.Add(("permissions", $"Value {(int)permissions} holds undefined permissions."));
        }

        if (basis is null)
        {
            failures.Add(("basis", "A legal basis is required."));
        }
        else if ((permissions & ~basis.Allows & AuthorityPolicy.AllPermissions) != 0)
        {
            failures.Add(("permissions", $"{basis} does not allow {permissions & ~basis.Allows & AuthorityPolicy.AllPermissions}."));
        }

        if (condition is not (GrantCondition.None or GrantCondition.WhileMeasuresInForce))
        {
            failures.Add(("condition", $"The condition is not a defined grant condition."));
        }
    }
}
