using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using CommunityControl.Staffing;
using CommunityControl.Testing.Internal;
using CommunityControl.Zones;
using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;
using NodaTime;

namespace CommunityControl.Testing;

/// <summary>
/// FluentAssertions for a <see cref="StaffingPlan"/>: <c>plan.Should().HaveGapOn(date, role: StaffingRole.Gate)</c>,
/// <c>.HaveNoGapOn(date)</c>, <c>.HaveNoGap(zone: compound)</c>. A role of <see cref="StaffingRole.Unknown"/> means every
/// role; an empty zone every zone; a zone filter takes the zone's own lines and those of every zone under it.
/// </summary>
/// <remarks>Failure messages list the lines by day, shift, zone id, role and level, with the people required, assigned and missing; never who.</remarks>
/// <threadsafety static="true" instance="false"/>
[DebuggerNonUserCode]
public sealed class StaffingPlanAssertions : ReferenceTypeAssertions<StaffingPlan, StaffingPlanAssertions>
{
    private const int LinesShown = 10;

    /// <summary>Creates the assertions for a plan (use <c>plan.Should()</c>).</summary>
    /// <param name="subject">The plan.</param>
    public StaffingPlanAssertions(StaffingPlan subject)
        : base(subject)
    {
    }

    /// <inheritdoc/>
    protected override string Identifier => "plan";

    /// <summary>Asserts that at least one person-shift is missing on a day (for the role and zone given).</summary>
    /// <param name="date">The day.</param>
    /// <param name="role">The role; <see cref="StaffingRole.Unknown"/> (the default) for every role.</param>
    /// <param name="zone">The zone (with every zone under it); empty (the default) for every zone.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint whose <c>Which</c> is the lines with a gap.</returns>
    /// <exception cref="ArgumentException"><paramref name="zone"/> is not in the plan's tree.</exception>
    [CustomAssertion]
    public AndWhichConstraint<StaffingPlanAssertions, IReadOnlyList<StaffingRequirement>> HaveGapOn(LocalDate date, StaffingRole role = StaffingRole.Unknown, ZoneId zone = default, string because = "", params object[] becauseArgs)
    {
        var lines = Lines(date, role, zone);
        var gaps = lines.Where(l => l.GapPeople > 0).ToList();
        Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(gaps.Count > 0)
            .FailWith("Expected a staffing gap on " + Text.Date(date) + Filter(role, zone) + "{reason}, but "
                + (lines.Count == 0 ? "the plan has no line there" : "all " + Count(lines.Count, "line") + " were covered (" + Totals(lines) + ")") + ".");
        return new AndWhichConstraint<StaffingPlanAssertions, IReadOnlyList<StaffingRequirement>>(this, gaps.AsReadOnly());
    }

    /// <summary>Asserts that every line on a day is fully covered (for the role and zone given).</summary>
    /// <param name="date">The day.</param>
    /// <param name="role">The role; <see cref="StaffingRole.Unknown"/> (the default) for every role.</param>
    /// <param name="zone">The zone (with every zone under it); empty (the default) for every zone.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>These assertions, to chain on.</returns>
    /// <exception cref="ArgumentException"><paramref name="zone"/> is not in the plan's tree.</exception>
    [CustomAssertion]
    public AndConstraint<StaffingPlanAssertions> HaveNoGapOn(LocalDate date, StaffingRole role = StaffingRole.Unknown, ZoneId zone = default, string because = "", params object[] becauseArgs)
    {
        NoGap(Lines(date, role, zone), " on " + Text.Date(date) + Filter(role, zone), because, becauseArgs);
        return new AndConstraint<StaffingPlanAssertions>(this);
    }

    /// <summary>Asserts that every line of the plan is fully covered (for the role and zone given).</summary>
    /// <param name="role">The role; <see cref="StaffingRole.Unknown"/> (the default) for every role.</param>
    /// <param name="zone">The zone (with every zone under it); empty (the default) for every zone.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>These assertions, to chain on.</returns>
    /// <exception cref="ArgumentException"><paramref name="zone"/> is not in the plan's tree.</exception>
    [CustomAssertion]
    public AndConstraint<StaffingPlanAssertions> HaveNoGap(StaffingRole role = StaffingRole.Unknown, ZoneId zone = default, string because = "", params object[] becauseArgs)
    {
        var lines = Lines(null, role, zone);
        NoGap(lines, " from " + Text.Date(Subject.Period.Start) + " to " + Text.Date(Subject.Period.End) + Filter(role, zone), because, becauseArgs);
        return new AndConstraint<StaffingPlanAssertions>(this);
    }

    [CustomAssertion]
    private static void NoGap(List<StaffingRequirement> lines, string where, string because, object[] becauseArgs)
    {
        var gaps = lines.Where(l => l.GapPeople > 0).ToList();
        var shown = string.Join("; ", gaps.Take(LinesShown).Select(l => l.ToString()));
        Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(gaps.Count == 0)
            .FailWith("Expected no staffing gap" + where + "{reason}, but " + Count(gaps.Count, "line") + " had one ("
                + Totals(lines) + "): " + Text.Safe(shown) + (gaps.Count > LinesShown ? "; …" : string.Empty) + ".");
    }

    [CustomAssertion]
    private List<StaffingRequirement> Lines(LocalDate? date, StaffingRole role, ZoneId zone)
    {
        Execute.Assertion.ForCondition(Subject is not null).FailWith("Expected a staffing plan, but found <null>.");
        var plan = Subject!;
        int first = 0, end = int.MaxValue;
        if (!zone.IsEmpty)
        {
            first = plan.Tree.GetIndex(zone);
            end = plan.Tree.SubtreeEnd(first);
        }

        var lines = new List<StaffingRequirement>();
        foreach (var line in plan.Requirements)
        {
            if ((date is null || line.Date == date.Value) && (role == StaffingRole.Unknown || line.Role == role))
            {
                if (!zone.IsEmpty)
                {
                    var i = plan.Tree.GetIndex(line.Zone);
                    if (i < first || i >= end)
                    {
                        continue;
                    }
                }

                lines.Add(line);
            }
        }

        return lines;
    }

    private static string Filter(StaffingRole role, ZoneId zone)
        => (role == StaffingRole.Unknown ? string.Empty : " for role " + role) + (zone.IsEmpty ? string.Empty : " in zone " + Text.Safe(zone.Value));

    private static string Totals(List<StaffingRequirement> lines)
    {
        long required = 0, assigned = 0;
        double gapHours = 0;
        foreach (var l in lines)
        {
            required += l.RequiredPeople;
            assigned += l.AssignedPeople;
            gapHours += l.GapPersonHours;
        }

        return string.Format(CultureInfo.InvariantCulture, "{0} person-shifts required, {1} assigned, gap {2} ({3:0.##} person-hours)", required, assigned, required - assigned, gapHours);
    }

    private static string Count(int count, string noun) => count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
}
