namespace CommunityControl.Authority;

/// <summary>When an <see cref="AuthorityGrant"/> applies, beyond its validity interval and zone scope.</summary>
/// <remarks>Values never change between versions.</remarks>
public enum GrantCondition
{
    /// <summary>No further condition: the grant applies throughout its validity.</summary>
    None = 0,

    /// <summary>
    /// Only while control measures are in force at the gate's zone: the power comes from the county-or-higher decision
    /// (Art. 41/42) that the gate's staff execute (cn-policy §4: "model community-worker actions as executing county+
    /// 指挥部 decisions").
    /// </summary>
    WhileMeasuresInForce = 1,
}
