namespace CommunityControl.Staffing;

/// <summary>What a <see cref="Workload"/> is counted per: households, residents or buildings at the rule's level, or the planning unit itself.</summary>
public enum WorkloadBasis
{
    /// <summary>Not set; rejected.</summary>
    Unknown = 0,

    /// <summary>Per household at the level (e.g. deliveries to each sealed household).</summary>
    PerHousehold = 1,

    /// <summary>Per resident at the level (e.g. screening support per person tested).</summary>
    PerResident = 2,

    /// <summary>Per building at the level (e.g. disinfection and patrols per building).</summary>
    PerBuilding = 3,

    /// <summary>Once per planning unit (e.g. a compound's common areas), at the unit's own level.</summary>
    PerPlanningUnit = 4,
}
