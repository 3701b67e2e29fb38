namespace CommunityControl.Staffing;

/// <summary>A kind of protective supply a post consumes per shift (防护物资), counted in whole units.</summary>
public enum ProtectiveItem
{
    /// <summary>Not set; rejected.</summary>
    Unknown = 0,

    /// <summary>Masks (口罩), in pieces.</summary>
    Mask = 1,

    /// <summary>Gloves (手套), in pairs.</summary>
    Gloves = 2,

    /// <summary>Protective gowns (防护服), in pieces.</summary>
    Gown = 3,

    /// <summary>Hand sanitizer (手消毒液), in the unit the caller counts stock in (e.g. millilitres or bottles).</summary>
    Sanitizer = 4,
}
