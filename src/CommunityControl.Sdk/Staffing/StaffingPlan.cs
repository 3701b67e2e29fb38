using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CommunityControl.Internal;
using CommunityControl.Risk;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// Who is needed, who is there, and what is missing: one line per planning unit, day, shift, role and level, with the
/// people and person-hours required, the rule that demanded them, the people who cover them, and the gap.
/// </summary>
/// <remarks>
/// <para>Made by <see cref="StaffingPolicy.Calculate(IReadOnlyList{RiskSnapshot}, GateArrivals, Workforce)"/>. Every
/// line explains itself (<see cref="StaffingRequirement.Explain"/>). Person-hours are paid hours: shift length plus
/// handover.</para>
/// <para>The cover is a greedy heuristic, not an optimum: shifts are filled in time order; within a shift, gates first,
/// then door-to-door, disinfection, patrol, screening support and grid work; each place goes to the earliest source in
/// <see cref="StaffingPolicy.CoverageOrder"/>, then to whoever has the fewest hours this week. A gap can therefore
/// sometimes be closed by moving people by hand; it is never hidden.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class StaffingPlan
{
    private readonly RequirementRecord[] _records;
    private readonly int _recordCount;
    private readonly int[] _assignedPeople;
    private readonly int _assignedCount;
    private readonly int[] _assignmentRequirement;
    private readonly LocalDate[] _dates;
    private readonly RiskSnapshot[] _snapshots;
    private Dictionary<int, int[]>? _byPerson;

    internal StaffingPlan(StaffingPolicy policy, ZoneTree tree, Workforce workforce, GateArrivals arrivals, LocalDate[] dates, RiskSnapshot[] snapshots, RequirementRecord[] records, int recordCount, int[] assignedPeople, int assignedCount)
    {
        Policy = policy;
        Tree = tree;
        Workforce = workforce;
        Arrivals = arrivals;
        _dates = dates;
        _snapshots = snapshots;
        _records = records;
        _recordCount = recordCount;
        _assignedPeople = assignedPeople;
        _assignedCount = assignedCount;
        _assignmentRequirement = new int[assignedCount];
        for (var r = 0; r < recordCount; r++)
        {
            for (var k = 0; k < records[r].Assigned; k++)
            {
                _assignmentRequirement[records[r].FirstAssignment + k] = r;
            }
        }

        Period = new DateInterval(dates[0], dates[dates.Length - 1]);
        Requirements = new ViewList<StaffingRequirement>(recordCount, i => new StaffingRequirement(this, i));
        Assignments = new ViewList<ShiftAssignment>(assignedCount, i => new ShiftAssignment(this, i));
    }

    /// <summary>Gets the policy the plan follows.</summary>
    public StaffingPolicy Policy { get; }

    /// <summary>Gets the zone tree.</summary>
    public ZoneTree Tree { get; }

    /// <summary>Gets the workforce the plan drew on.</summary>
    public Workforce Workforce { get; }

    /// <summary>Gets the gate traffic the plan used.</summary>
    public GateArrivals Arrivals { get; }

    /// <summary>Gets the days planned.</summary>
    public DateInterval Period { get; }

    /// <summary>Gets every line: by day, then shift, then role (gate first), then unit in tree order.</summary>
    public IReadOnlyList<StaffingRequirement> Requirements { get; }

    /// <summary>Gets every shift someone was given, in the order of <see cref="Requirements"/>.</summary>
    public IReadOnlyList<ShiftAssignment> Assignments { get; }

    internal RequirementRecord[] Records => _records;

    /// <summary>Gets the lines with a gap.</summary>
    /// <returns>The lines whose <see cref="StaffingRequirement.GapPeople"/> is more than zero.</returns>
    public IEnumerable<StaffingRequirement> Gaps()
    {
        for (var i = 0; i < _recordCount; i++)
        {
            if (_records[i].Assigned < _records[i].People)
            {
                yield return new StaffingRequirement(this, i);
            }
        }
    }

    /// <summary>Gets the shifts a person was given.</summary>
    /// <param name="person">The person.</param>
    /// <returns>Their shifts in time order; empty when they have none or are not in the workforce.</returns>
    public IReadOnlyList<ShiftAssignment> AssignmentsOf(PersonId person)
    {
        var p = Workforce.IndexOf(person);
        if (p < 0)
        {
            return Array.Empty<ShiftAssignment>();
        }

        var byPerson = _byPerson;
        if (byPerson is null)
        {
            var lists = new Dictionary<int, List<int>>();
            for (var a = 0; a < _assignedCount; a++)
            {
                if (!lists.TryGetValue(_assignedPeople[a], out var list))
                {
                    lists[_assignedPeople[a]] = list = new List<int>();
                }

                list.Add(a);
            }

            byPerson = lists.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());
            _byPerson = byPerson;
        }

        return byPerson.TryGetValue(p, out var indexes)
            ? indexes.Select(a => new ShiftAssignment(this, a)).ToArray()
            : Array.Empty<ShiftAssignment>();
    }

    /// <summary>Gets the totals of the whole plan.</summary>
    /// <returns>The totals.</returns>
    public StaffingTotals Totals() => Sum(static _ => true);

    /// <summary>Gets the totals of one day.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The totals; zero for a day outside the plan.</returns>
    public StaffingTotals Totals(LocalDate date)
    {
        var day = DayIndex(date);
        return Sum(r => r.Day == day);
    }

    /// <summary>Gets the totals of one role over the whole plan.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The totals.</returns>
    public StaffingTotals Totals(StaffingRole role) => Sum(r => r.Role == role);

    /// <summary>Gets the totals of one role on one day.</summary>
    /// <param name="date">The day.</param>
    /// <param name="role">The role.</param>
    /// <returns>The totals.</returns>
    public StaffingTotals Totals(LocalDate date, StaffingRole role)
    {
        var day = DayIndex(date);
        return Sum(r => r.Day == day && r.Role == role);
    }

    /// <summary>Gets the totals of one zone (the unit itself, or every unit under it) on one day.</summary>
    /// <param name="date">The day.</param>
    /// <param name="zone">A planning unit or a zone above units, e.g. a community.</param>
    /// <returns>The totals.</returns>
    /// <exception cref="ArgumentException"><paramref name="zone"/> is not in the tree.</exception>
    public StaffingTotals Totals(LocalDate date, ZoneId zone)
    {
        var index = Tree.GetIndex(zone);
        var end = Tree.SubtreeEnd(index);
        var day = DayIndex(date);
        return Sum(r => r.Day == day && r.Zone >= index && r.Zone < end);
    }

    /// <summary>
    /// Describes the plan in Chinese or English by the library's one rule for bilingual text (any <c>zh</c> culture gets the
    /// Simplified Chinese): the period, the person-hours needed and assigned, and the gap; each line with a gap describes
    /// itself (<see cref="Gaps"/>, <see cref="StaffingRequirement.Describe"/>).
    /// </summary>
    /// <param name="culture">The culture, e.g. <c>CultureInfo.GetCultureInfo("zh-CN")</c>.</param>
    /// <returns>E.g. <c>2020-02-14 至 2020-02-20：需求 5,678.5 人时，已安排 5,558.5 人时，缺口 120 人时（10 个岗位班次无人，涉及 6 条需求）</c>;
    /// the wording may change between versions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string Describe(CultureInfo culture) => StaffingText.Plan(this, Guard.NotNull(culture));

    /// <summary>Returns a summary, e.g. <c>StaffingPlan 2020-02-14..2020-02-20: 1,234 lines, 5,678.5 person-hours required, gap 120 person-hours</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        var t = Totals();
        return string.Format(CultureInfo.InvariantCulture, "StaffingPlan {0:uuuu'-'MM'-'dd}..{1:uuuu'-'MM'-'dd}: {2:N0} lines, {3:#,0.##} person-hours required, gap {4:#,0.##} person-hours", Period.Start, Period.End, _recordCount, t.RequiredPersonHours, t.GapPersonHours);
    }

    internal LocalDate DateAt(int day) => _dates[day];

    internal RiskSnapshot SnapshotAt(int day) => _snapshots[day];

    internal int PersonAt(int assignment) => _assignedPeople[assignment];

    internal int RequirementOf(int assignment) => _assignmentRequirement[assignment];

    internal double PaidHours(int shift) => Policy.Shifts.PaidHours(shift);

    internal int DayIndex(LocalDate date)
    {
        return Period.Start <= date && date <= Period.End ? NodaTime.Period.DaysBetween(Period.Start, date) : -1;
    }

    private StaffingTotals Sum(Func<RequirementRecord, bool> predicate)
    {
        long people = 0, assigned = 0, gap = 0;
        double personHours = 0, work = 0, assignedHours = 0, gapHours = 0;
        for (var i = 0; i < _recordCount; i++)
        {
            ref readonly var r = ref _records[i];
            if (!predicate(r))
            {
                continue;
            }

            var paid = r.People == 0 ? 0 : r.PersonHours / r.People;
            people += r.People;
            assigned += r.Assigned;
            gap += r.People - r.Assigned;
            personHours += r.PersonHours;
            work += r.WorkHours;
            assignedHours += r.Assigned * paid;
            gapHours += (r.People - r.Assigned) * paid;
        }

        return new StaffingTotals(people, personHours, work, assigned, assignedHours, gap, gapHours);
    }
}

/// <summary>Builds the English explanation of a plan line from the policy and the stored counts.</summary>
internal static class PlanExplainer
{
    public static string Explain(StaffingPlan plan, int index)
    {
        var r = plan.Records[index];
        var policy = plan.Policy;
        var shift = policy.Shifts.Shifts[r.Shift];
        var level = RiskLevel.FromSeverity(r.Severity);
        var levelCode = policy.Scale.Describe(level).Code;
        var paid = policy.Shifts.PaidHours(r.Shift);
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendFormat(c, "{0} {1}, {2:uuuu'-'MM'-'dd}, shift {3}, {4} at level {5}: ", policy.PlanningUnit, plan.Tree.IdAt(r.Zone), plan.DateAt(r.Day), shift, r.Role, levelCode);
        var rule = policy.DemandAt(r.Severity);
        if (r.Role == StaffingRole.Gate)
        {
            ExplainGate(plan, r, level, rule, text);
        }
        else
        {
            ExplainWork(r, rule, shift, text);
        }

        text.AppendFormat(c, "{0} × {1:0.##} paid h (shift + handover) = {2:0.##} person-hours. ", r.People, paid, r.PersonHours);
        ExplainCoverage(plan, r, paid, text);
        return text.ToString();
    }

    /// <summary>Explains a gate line: the busiest hour's checks, Erlang C, the minimum on duty and the shrinkage.</summary>
    private static void ExplainGate(StaffingPlan plan, in RequirementRecord r, RiskLevel level, LevelDemand rule, StringBuilder text)
    {
        var policy = plan.Policy;
        var c = CultureInfo.InvariantCulture;
        var gate = rule.Gate!;
        var aht = policy.CheckTimes[gate.Check];
        var load = r.PeakChecksPerGate * aht.TotalSeconds / 3600;
        var erlang = ErlangC.SolveCore(load, aht.TotalSeconds, gate.Target);
        text.AppendFormat(c, "{0} gate(s) × {1} = {2} people. ", r.Gates, r.People / r.Gates, r.People);
        var profile = plan.Arrivals.For(plan.Tree.IdAt(r.Zone), level);
        text.AppendFormat(c, "Per gate, the busiest hour of the shift is {0:00}:00 with {1:0.##} checks/h (profile '{2}', {3} households over {4} gate(s)", r.PeakHour, r.PeakChecksPerGate, profile.Name, r.Households, r.Gates);
        if (gate.ArrivalFactor != 1)
        {
            text.AppendFormat(c, ", {0} of normal traffic at this level", ServiceTarget.Percent(gate.ArrivalFactor));
        }

        text.AppendFormat(c, "); {0} at {1} → A = {2:0.####} E; Erlang C for {3}: {4} on duty", gate.Check, ServiceTarget.Seconds(aht), load, gate.Target, erlang.Agents);
        if (erlang.Agents > 0)
        {
            text.AppendFormat(c, " (SL {0:0.###}, P_w {1:0.###}, occupancy {2:0.###})", erlang.ServiceLevel, erlang.ProbabilityOfWaiting, erlang.Occupancy);
        }

        if (gate.MinimumOnDuty > 0)
        {
            text.AppendFormat(c, "; minimum on duty {0}", gate.MinimumOnDuty);
        }

        text.AppendFormat(c, " → {0} on duty ({1})", r.PeakOnDutyPerGate, r.Binding);
        if (gate.Target.Shrinkage > 0)
        {
            text.AppendFormat(c, "; ÷ (1 − {0} shrinkage) → {1} people", ServiceTarget.Percent(gate.Target.Shrinkage), r.People / r.Gates);
        }

        text.Append(". ");
    }

    /// <summary>Explains a work line: each workload of the role in the shift, then the paid hours and the minimum.</summary>
    private static void ExplainWork(in RequirementRecord r, LevelDemand rule, ShiftDefinition shift, StringBuilder text)
    {
        var c = CultureInfo.InvariantCulture;
        text.Append("work ");
        var first = true;
        var paidWork = 0.0;
        var minimum = 0;
        foreach (var w in rule.Workloads)
        {
            if (w.Role != r.Role)
            {
                continue;
            }

            var share = w.ShareIn(shift);
            var count = StaffingPlanner.CountFor(w.Basis, r.Households, r.Residents, r.Buildings, r.IsUnitLevel);
            var hours = count * w.TimesPerDay * w.TimeEach.TotalHours * share;
            if (hours <= 0)
            {
                continue;
            }

            paidWork += hours / (1 - w.Shrinkage);
            minimum = Math.Max(minimum, w.MinimumPeople);
            text.Append(first ? string.Empty : " + ");
            first = false;
            text.AppendFormat(
                c,
                "{0} ({1} {2} × {3:0.##}/day × {4:0.##} min × {5} of its window in this shift = {6:0.##} h)",
                w.Kind,
                count,
                Unit(w.Basis),
                w.TimesPerDay,
                w.TimeEach.TotalMinutes,
                ServiceTarget.Percent(share),
                hours);
            if (w.Shrinkage > 0)
            {
                text.AppendFormat(c, " ÷ (1 − {0} shrinkage)", ServiceTarget.Percent(w.Shrinkage));
            }
        }

        text.AppendFormat(c, " = {0:0.##} h of work; {1:0.##} paid h ÷ {2:0.##} h shift → {3} people", r.WorkHours, paidWork, shift.Length.TotalHours, ErlangC.CeilingTolerant(paidWork / shift.Length.TotalHours));
        if (minimum > 0)
        {
            text.AppendFormat(c, "; at least {0}", minimum);
        }

        text.AppendFormat(c, " → {0} people. ", r.People);
    }

    /// <summary>Explains who covers the line and the gap that is left.</summary>
    private static void ExplainCoverage(StaffingPlan plan, in RequirementRecord r, double paid, StringBuilder text)
    {
        var c = CultureInfo.InvariantCulture;
        if (r.Assigned > 0)
        {
            text.Append("Covered by ");
            for (var k = 0; k < r.Assigned; k++)
            {
                var m = plan.Workforce[plan.PersonAt(r.FirstAssignment + k)];
                text.Append(k == 0 ? string.Empty : ", ").Append(m.Id.ToString()).Append(" (").Append(m.Source).Append(')');
            }

            text.Append("; ");
        }
        else
        {
            text.Append("Nobody available covers it; ");
        }

        var gap = r.People - r.Assigned;
        if (gap == 0)
        {
            text.Append("no gap.");
        }
        else
        {
            text.AppendFormat(c, "gap {0} {1} ({2:0.##} person-hours).", gap, gap == 1 ? "person" : "people", gap * paid);
        }
    }

    private static string Unit(WorkloadBasis basis) => basis switch
    {
        WorkloadBasis.PerHousehold => "households",
        WorkloadBasis.PerResident => "residents",
        WorkloadBasis.PerBuilding => "buildings",
        _ => "unit",
    };
}
