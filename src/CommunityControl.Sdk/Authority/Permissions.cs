using System;

namespace CommunityControl.Authority;

/// <summary>The permissions a role may exercise at a gate or over a person or place.</summary>
/// <remarks>Values never change between versions. A decision that needs a permission the gate's operator lacks escalates.</remarks>
[Flags]
public enum Permissions
{
    /// <summary>No permission.</summary>
    None = 0,

    /// <summary>Check a person: measure temperature, read the health code and the pass (测温、验码、查证).</summary>
    Check = 1 << 0,

    /// <summary>Register a person's entry or exit (登记).</summary>
    Register = 1 << 1,

    /// <summary>Refuse a person passage at a gate (劝阻、拒绝通行).</summary>
    DenyEntry = 1 << 2,

    /// <summary>Approve an exit that a measure allows only with approval, e.g. an emergency exit from a sealed area (社区审批外出).</summary>
    ApproveExit = 1 << 3,

    /// <summary>Order a person into home medical observation or home isolation (居家医学观察).</summary>
    OrderHomeObservation = 1 << 4,

    /// <summary>Order a person into medical observation at a designated place (集中隔离医学观察).</summary>
    OrderCentralizedQuarantine = 1 << 5,

    /// <summary>Compel isolation of a person who refuses it or leaves it early (强制隔离).</summary>
    CompelIsolation = 1 << 6,

    /// <summary>Seal a building, a place or an area (封闭楼栋、场所).</summary>
    SealBuilding = 1 << 7,

    /// <summary>
    /// Trace a case's contacts through the registers (流行病学调查): read whose passages lie near the case's and so
    /// determine the close contacts to be placed under observation (see <c>CoPresenceTracing</c>). Whereabouts are sensitive
    /// personal information (PIPL Art. 28); a role without this permission escalates the trace to the roles that hold it.
    /// </summary>
    TraceContacts = 1 << 8,
}
