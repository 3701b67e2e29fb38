using System.Collections.Generic;
using NodaTime;

namespace CommunityControl.Authority;

/// <summary>The JSON binding shape of one <see cref="AuthorityGrant"/>.</summary>
/// <threadsafety static="true" instance="false">Mutable binding type.</threadsafety>
public sealed class AuthorityGrantOptions
{
    /// <summary>The role that receives the permissions.</summary>
    /// <value>The default is <see cref="Role.Unknown"/>, which is rejected.</value>
    public Role Role { get; set; }

    /// <summary>The permissions, by name, e.g. <c>["DenyEntry"]</c>.</summary>
    /// <value>The default is an empty list, which is rejected.</value>
    public IList<Permissions> Permissions { get; set; } = new List<Permissions>();

    /// <summary>The id of the legal basis in <see cref="LegalBasis.All"/>, e.g. <c>cn-idl-2013-art42</c>.</summary>
    /// <value>The default is null, which is rejected.</value>
    public string? Basis { get; set; }

    /// <summary>The instant the grant starts (inclusive).</summary>
    /// <value>The default is null: no start.</value>
    public Instant? From { get; set; }

    /// <summary>The instant the grant ends (exclusive).</summary>
    /// <value>The default is null: no end.</value>
    public Instant? To { get; set; }

    /// <summary>The id of the zone whose subtree the grant covers.</summary>
    /// <value>The default is null: everywhere.</value>
    public string? Scope { get; set; }

    /// <summary>A further condition.</summary>
    /// <value>The default is <see cref="GrantCondition.None"/>.</value>
    public GrantCondition Condition { get; set; }

    /// <summary>The deciding body; never a person's name.</summary>
    /// <value>The default is null.</value>
    public string? DecidedBy { get; set; }
}
