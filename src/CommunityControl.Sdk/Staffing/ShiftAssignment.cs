using System.Globalization;
using CommunityControl.Risk;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>One shift given to one person in a <see cref="StaffingPlan"/>.</summary>
/// <threadsafety static="true" instance="true">Immutable view.</threadsafety>
public readonly struct ShiftAssignment
{
    private readonly StaffingPlan _plan;
    private readonly int _index;

    internal ShiftAssignment(StaffingPlan plan, int index)
    {
        _plan = plan;
        _index = index;
    }

    /// <summary>Gets the person.</summary>
    public PersonId Person => _plan.Workforce[_plan.PersonAt(_index)].Id;

    /// <summary>Gets the person's source.</summary>
    public WorkforceSource Source => _plan.Workforce[_plan.PersonAt(_index)].Source;

    /// <summary>Gets the line the person covers.</summary>
    public StaffingRequirement Requirement => new(_plan, _plan.RequirementOf(_index));

    /// <summary>Gets the day.</summary>
    public LocalDate Date => Requirement.Date;

    /// <summary>Gets the planning unit.</summary>
    public ZoneId Zone => Requirement.Zone;

    /// <summary>Gets the role.</summary>
    public StaffingRole Role => Requirement.Role;

    /// <summary>Gets the level of the line.</summary>
    public RiskLevel Level => Requirement.Level;

    /// <summary>Gets the unit's own effective level on the day (what a subsidy by the zone's level reads).</summary>
    public RiskLevel ZoneLevel
    {
        get
        {
            var r = _plan.Records[_plan.RequirementOf(_index)];
            return _plan.SnapshotAt(r.Day).LevelAt(r.Zone);
        }
    }

    /// <summary>Gets the shift.</summary>
    public ShiftDefinition Shift => Requirement.Shift;

    /// <summary>Gets the paid hours of the shift (length plus handover).</summary>
    public double PaidHours => _plan.PaidHours(_plan.Records[_plan.RequirementOf(_index)].Shift);

    /// <summary>Returns e.g. <c>person#3fa9c2d1: 2020-02-14 Night Gate at 500101-001-01 (12.25 h)</c> (the id only redacted).</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
        => _plan is null ? "(no assignment)" : string.Format(CultureInfo.InvariantCulture, "{0}: {1:uuuu'-'MM'-'dd} {2} {3} at {4} ({5:0.##} h)", Person, Date, Shift.Name, Role, Zone, PaidHours);
}
