using System.Globalization;

namespace CommunityControl.Staffing;

/// <summary>Sums over lines of a <see cref="StaffingPlan"/>.</summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public readonly struct StaffingTotals
{
    internal StaffingTotals(long requiredPeople, double requiredPersonHours, double workHours, long assignedPeople, double assignedPersonHours, long gapPeople, double gapPersonHours)
    {
        RequiredPeople = requiredPeople;
        RequiredPersonHours = requiredPersonHours;
        WorkHours = workHours;
        AssignedPeople = assignedPeople;
        AssignedPersonHours = assignedPersonHours;
        GapPeople = gapPeople;
        GapPersonHours = gapPersonHours;
    }

    /// <summary>Gets the person-shifts required (people summed over shifts).</summary>
    public long RequiredPeople { get; }

    /// <summary>Gets the paid person-hours required.</summary>
    public double RequiredPersonHours { get; }

    /// <summary>Gets the hours of work itself.</summary>
    public double WorkHours { get; }

    /// <summary>Gets the person-shifts covered.</summary>
    public long AssignedPeople { get; }

    /// <summary>Gets the paid person-hours covered.</summary>
    public double AssignedPersonHours { get; }

    /// <summary>Gets the person-shifts missing.</summary>
    public long GapPeople { get; }

    /// <summary>Gets the paid person-hours missing.</summary>
    public double GapPersonHours { get; }

    /// <summary>Returns e.g. <c>12 person-shifts (147 h) required, 10 covered, gap 2 (24.5 h)</c>.</summary>
    /// <returns>The totals in words.</returns>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0} person-shifts ({1:0.##} h) required, {2} covered, gap {3} ({4:0.##} h)",
        RequiredPeople,
        RequiredPersonHours,
        AssignedPeople,
        GapPeople,
        GapPersonHours);
}
