using System.Collections.Generic;

namespace CommunityControl.Staffing;

/// <summary>What one risk level demands: a gate rule (or none: the gate is not staffed by this policy) and workloads.</summary>
/// <threadsafety static="true" instance="true">Immutable once built.</threadsafety>
public sealed class LevelStaffing
{
    /// <summary>Gets how gates are staffed at this level, or null when this level staffs no gate.</summary>
    public GateRule? Gate { get; init; }

    /// <summary>Gets the workloads this level creates.</summary>
    /// <value>Empty unless set.</value>
    public IReadOnlyList<Workload> Workloads { get; init; } = System.Array.Empty<Workload>();
}
