using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// How a gate is staffed at one risk level: the check made, the service target the queue must meet, the least number of
/// people on duty, the share of normal traffic that still passes, and the hours the gate is staffed.
/// </summary>
/// <remarks>
/// <para>Per gate and hour: the arrivals (<see cref="GateArrivals"/>) × <see cref="ArrivalFactor"/> and the check's
/// service time give the offered load; Erlang C gives the agents on duty (<see cref="ErlangC.Solve"/>), at least
/// <see cref="MinimumOnDuty"/>. Per shift: the most needed in any hour the shift covers, divided by (1 − shrinkage) and
/// rounded up, times the compound's gates.</para>
/// <para><see cref="MinimumOnDuty"/> has no national default: the national staff per checkpoint is UNCONFIRMED
/// (cn-policy.md §3, §7 item 6). Named local figures are static members (<see cref="Yangling2020"/>).</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable once built.</threadsafety>
public sealed class GateRule
{
    /// <summary>Gets how people are checked; its service time comes from <see cref="StaffingPolicy.CheckTimes"/>.</summary>
    public required GateCheckMethod Check { get; init; }

    /// <summary>Gets the service target of the check point's queue (including the occupancy cap and shrinkage).</summary>
    public required ServiceTarget Target { get; init; }

    /// <summary>Gets the least number of people on duty at a gate in every staffed hour, whatever the traffic.</summary>
    /// <value>0 (no minimum) unless set.</value>
    public int MinimumOnDuty { get; init; }

    /// <summary>Gets the share of the arrival profile that still passes the gate at this level (e.g. fewer outings when sealed); zero or more.</summary>
    /// <value>1 (all traffic) unless set.</value>
    public double ArrivalFactor { get; init; } = 1;

    /// <summary>Gets the local time from which the gate is staffed; equal to <see cref="StaffedUntil"/> means 24 hours.</summary>
    /// <value>Midnight: with the default <see cref="StaffedUntil"/>, staffed 24 hours (Wuhan 2020-02-14, S15: "staffed 24h").</value>
    public LocalTime StaffedFrom { get; init; } = LocalTime.Midnight;

    /// <summary>Gets the local time until which the gate is staffed.</summary>
    /// <value>Midnight.</value>
    public LocalTime StaffedUntil { get; init; } = LocalTime.Midnight;

    /// <summary>Gets the source of the rule's figures, when it is a named preset.</summary>
    public string? Source { get; init; }

    /// <summary>Returns the rule in words.</summary>
    /// <returns>E.g. <c>CodeScan, 80 % within 20 s, minimum 4 on duty, staffed 24 h</c>.</returns>
    public override string ToString()
    {
        var hours = StaffedFrom == StaffedUntil ? "staffed 24 h" : $"staffed {ShiftPattern.Time(StaffedFrom)}–{ShiftPattern.Time(StaffedUntil)}";
        var factor = ArrivalFactor == 1 ? string.Empty : $", {ServiceTarget.Percent(ArrivalFactor)} of traffic";
        return $"{Check}, {Target}{factor}, minimum {MinimumOnDuty} on duty, {hours}";
    }

    /// <summary>Tells whether the gate is staffed during any part of the clock hour <paramref name="hour"/>.</summary>
    internal bool IsStaffedInHour(int hour)
    {
        if (StaffedFrom == StaffedUntil)
        {
            return true;
        }

        var from = ShiftPattern.MinuteOfDay(StaffedFrom);
        var until = ShiftPattern.MinuteOfDay(StaffedUntil);
        var length = ((until - from) % 1440 + 1440) % 1440;
        var start = hour * 60;
        for (var m = start; m < start + 60; m++)
        {
            if (((m - from) % 1440 + 1440) % 1440 < length)
            {
                return true;
            }
        }

        return false;
    }

    internal void Validate(string path, List<PolicyProblem> problems)
    {
        if (Check is not (GateCheckMethod.ManualRegistration or GateCheckMethod.CodeScan))
        {
            problems.Add(new(path + ".check", "the check method is required (ManualRegistration or CodeScan)."));
        }

        if (Target is null)
        {
            problems.Add(new(path + ".serviceLevel", "the service target is required."));
        }

        if (MinimumOnDuty < 0)
        {
            problems.Add(new(path + ".minimumOnDuty", $"must not be negative; it was {MinimumOnDuty}."));
        }

        if (double.IsNaN(ArrivalFactor) || double.IsInfinity(ArrivalFactor) || ArrivalFactor < 0)
        {
            problems.Add(new(path + ".arrivalFactor", $"must be a finite number not below zero; it was {ArrivalFactor.ToString(CultureInfo.InvariantCulture)}."));
        }

        if (StaffedFrom.Second != 0 || StaffedUntil.Second != 0 || StaffedFrom.NanosecondOfSecond != 0 || StaffedUntil.NanosecondOfSecond != 0)
        {
            problems.Add(new(path + ".staffedFrom", "staffed hours start and end on whole minutes."));
        }
    }

    /// <summary>
    /// The minimum on duty of Yangling (Shaanxi), 2020-02-13: two posts at the exit and two at the entrance, staffed 24 hours
    /// (cn-policy.md §3, S29, grade A local government) — 4 people on duty per gate.
    /// </summary>
    public const int YanglingMinimumOnDuty = 4;

    /// <summary>
    /// A gate rule with Yangling's minimum of 4 on duty, 24 hours, and the caller's check and target (the source gives no
    /// service target or check time).
    /// </summary>
    /// <param name="check">How people are checked.</param>
    /// <param name="target">The queue's service target.</param>
    /// <returns>The rule, with <see cref="GateRule.Source"/> naming the source.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="target"/> is null.</exception>
    public static GateRule Yangling2020(GateCheckMethod check, ServiceTarget target) => new()
    {
        Check = check,
        Target = Internal.Guard.NotNull(target),
        MinimumOnDuty = YanglingMinimumOnDuty,
        Source = "Yangling 2020-02-13: 2 posts at the exit + 2 at the entrance, 24 h (cn-policy.md §3, S29)",
    };
}

