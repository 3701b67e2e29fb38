using System.Collections.Generic;
using CommunityControl.Risk;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>One line of a <see cref="StaffingPlan"/>: a planning unit, day, shift, role and level; the people needed,
/// the rule that demanded them, who covers it and the gap.</summary>
/// <threadsafety static="true" instance="true">Immutable view.</threadsafety>
public readonly struct StaffingRequirement
{
    private readonly StaffingPlan _plan;
    private readonly int _index;

    internal StaffingRequirement(StaffingPlan plan, int index)
    {
        _plan = plan;
        _index = index;
    }

    /// <summary>Gets the line's position in <see cref="StaffingPlan.Requirements"/>.</summary>
    public int Index => _index;

    /// <summary>Gets the day (a shift past midnight belongs to the day it starts).</summary>
    public LocalDate Date => _plan.DateAt(Record.Day);

    /// <summary>Gets the shift's index in the policy's pattern.</summary>
    public int ShiftIndex => Record.Shift;

    /// <summary>Gets the shift.</summary>
    public ShiftDefinition Shift => _plan.Policy.Shifts.Shifts[Record.Shift];

    /// <summary>Gets the planning unit (e.g. the compound).</summary>
    public ZoneId Zone => _plan.Tree.IdAt(Record.Zone);

    /// <summary>Gets the role.</summary>
    public StaffingRole Role => Record.Role;

    /// <summary>Gets the level whose rule demanded this line (for a gate, the unit's level; for work, the level of the households counted).</summary>
    public RiskLevel Level => RiskLevel.FromSeverity(Record.Severity);

    /// <summary>Gets the people required on this shift.</summary>
    public int RequiredPeople => Record.People;

    /// <summary>Gets the paid person-hours required: people × (shift length + handover).</summary>
    public double PersonHours => Record.PersonHours;

    /// <summary>Gets the hours of work itself in the shift (for a gate: person-hours on duty at the check points before shrinkage).</summary>
    public double WorkHours => Record.WorkHours;

    /// <summary>Gets the number of people who cover this line.</summary>
    public int AssignedPeople => Record.Assigned;

    /// <summary>Gets the people who cover this line.</summary>
    public IReadOnlyList<PersonId> Assigned
    {
        get
        {
            var r = Record;
            var people = new PersonId[r.Assigned];
            for (var k = 0; k < people.Length; k++)
            {
                people[k] = _plan.Workforce[_plan.PersonAt(r.FirstAssignment + k)].Id;
            }

            return people;
        }
    }

    /// <summary>Gets the people missing.</summary>
    public int GapPeople => Record.People - Record.Assigned;

    /// <summary>Gets the paid person-hours missing.</summary>
    public double GapPersonHours => Record.People == 0 ? 0 : GapPeople * Record.PersonHours / Record.People;

    /// <summary>Gets the compound's gates (gate lines; 0 otherwise).</summary>
    public int Gates => Record.Gates;

    /// <summary>Gets the clock hour (0–23) in the shift that needed the most people on duty per gate, or −1 for work lines.</summary>
    public int PeakHour => Record.PeakHour;

    /// <summary>Gets the checks per hour at one gate in <see cref="PeakHour"/> (gate lines).</summary>
    public double PeakChecksPerGate => Record.PeakChecksPerGate;

    /// <summary>Gets the people on duty per gate in <see cref="PeakHour"/>, before shrinkage (gate lines).</summary>
    public int PeakOnDutyPerGate => Record.PeakOnDutyPerGate;

    /// <summary>Gets what set the people on duty in <see cref="PeakHour"/> (gate lines; <see cref="StaffingConstraint.Unknown"/> otherwise).</summary>
    public StaffingConstraint Binding => Record.Binding;

    /// <summary>Gets the households at <see cref="Level"/> in the unit (for a gate line: the unit's households).</summary>
    public int Households => Record.Households;

    /// <summary>Gets the residents at <see cref="Level"/> in the unit (for a gate line: the unit's residents).</summary>
    public int Residents => Record.Residents;

    /// <summary>Gets the buildings at <see cref="Level"/> in the unit (work lines).</summary>
    public int Buildings => Record.Buildings;

    private ref readonly RequirementRecord Record => ref _plan.Records[_index];

    /// <summary>Explains the line in English: the counts, the rule's parameters, the arithmetic, who covers it and the gap.</summary>
    /// <returns>The explanation.</returns>
    public string Explain() => PlanExplainer.Explain(_plan, _index);

    /// <summary>
    /// Describes the line in Chinese or English by the library's one rule for bilingual text (any <c>zh</c> culture gets the
    /// Simplified Chinese): the day and shift, the zone and its level's name, the role, and the people needed, assigned and
    /// missing. <see cref="Explain"/> gives the arithmetic behind the count (in English).
    /// </summary>
    /// <param name="culture">The culture, e.g. <c>CultureInfo.GetCultureInfo("zh-CN")</c>.</param>
    /// <returns>E.g. <c>2020-02-14 Night 20:00–08:00，500101-001-01（高风险）门岗值守：需 2 人，已安排 1 人，缺 1 人（12.5 人时）</c>;
    /// the wording may change between versions.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="culture"/> is null.</exception>
    /// <exception cref="System.InvalidOperationException">The line is <c>default</c>, not one of a plan.</exception>
    public string Describe(System.Globalization.CultureInfo culture)
    {
        CommunityControl.Internal.Guard.NotNull(culture);
        return _plan is null
            ? throw new System.InvalidOperationException("A default StaffingRequirement is not a line of a plan.")
            : StaffingText.Requirement(this, _plan.Policy.Scale.Describe(Level), culture);
    }

    /// <summary>Returns a one-line summary, e.g. <c>2020-02-14 Night 500101-001-01 Gate (High): 2 required, 1 assigned, gap 1</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
        => _plan is null
            ? "(no requirement)"
            : $"{Date:uuuu'-'MM'-'dd} {Shift.Name} {Zone} {Role} ({_plan.Policy.Scale.Describe(Level).Code}): {RequiredPeople} required, {AssignedPeople} assigned, gap {GapPeople}";
}
