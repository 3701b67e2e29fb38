using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Risk;

/// <summary>What a rule's evaluation runs over: the tree, the scale, the first day and the holiday calendar.</summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class RiskRuleSetup
{
    internal RiskRuleSetup(ZoneTree tree, RiskScale scale, LocalDate firstDay, HolidayCalendar? holidays, LocalDate? appliesFrom = null, bool earlierDaysCount = false)
    {
        AppliesFrom = appliesFrom;
        EarlierDaysCount = earlierDaysCount;
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

    /// <summary>Gets the first day the policy can set a level (<see cref="RiskPolicy.AppliesFrom"/>), or null when it applies from <see cref="FirstDay"/>.</summary>
    /// <value>Designations reported for earlier days are held back by the engine and take effect on this day.</value>
    public LocalDate? AppliesFrom { get; }

    /// <summary>
    /// Gets a value indicating whether days before <see cref="AppliesFrom"/> count towards a trigger (<see cref="RiskPolicy.EarlierDaysCount"/>);
    /// when true, a rule with triggers must not complete one before the day before <see cref="AppliesFrom"/>.
    /// </summary>
    public bool EarlierDaysCount { get; }

    /// <summary>Gets the holiday calendar, or null when none was given.</summary>
    public HolidayCalendar? Holidays { get; }
}
