using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Risk;

/// <summary>What a rule's evaluation runs over: the tree, the scale, the first day and the holiday calendar.</summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class RiskRuleSetup
{
    internal RiskRuleSetup(ZoneTree tree, RiskScale scale, LocalDate firstDay, HolidayCalendar? holidays)
    {
        Tree = tree;
        Scale = scale;
        FirstDay = firstDay;
        Holidays = holidays;
    }

    /// <summary>Gets the zone tree.</summary>
    public ZoneTree Tree { get; }

    /// <summary>Gets the policy's scale.</summary>
    public RiskScale Scale { get; }

    /// <summary>Gets the first day that will be evaluated (the history's first day).</summary>
    public LocalDate FirstDay { get; }

    /// <summary>Gets the holiday calendar, or null when none was given.</summary>
    public HolidayCalendar? Holidays { get; }
}
