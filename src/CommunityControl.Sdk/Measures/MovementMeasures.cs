using System;
using System.Collections.Generic;
using NodaTime;

namespace CommunityControl.Measures;

/// <summary>
/// Closed management of a compound (封闭管理): the gates left open, whether they are staffed around the clock, and the
/// only purposes for which residents may go out.
/// </summary>
/// <remarks>Wuhan 2020-02-14: one gate per compound, staffed 24 h (测温、登记、审核放行); residents out only for medical care or
/// an epidemic-prevention or service post (cn-policy §2 [S15]).</remarks>
public sealed class ClosedManagement : ControlMeasure
{
    /// <inheritdoc/>
    public override MeasureKind Kind => MeasureKind.ClosedManagement;

    /// <inheritdoc/>
    public override string NameZh => "封闭管理";

    /// <inheritdoc/>
    public override string NameEn => "Closed management";

    /// <summary>Gets the number of gates left open per compound.</summary>
    /// <value>The default is null (not stated).</value>
    public int? OpenGates { get; init; }

    /// <summary>Gets a value indicating whether every open gate is staffed around the clock.</summary>
    /// <value>The default is false.</value>
    public bool StaffedAroundTheClock { get; init; }

    /// <summary>Gets the only purposes for which residents may go out; null when any purpose is allowed.</summary>
    /// <value>The default is null (any purpose).</value>
    public IReadOnlyList<OutingPurpose>? ExitPurposes { get; init; }

    internal override void Validate(string path, List<(string Path, string Message)> problems)
    {
        if (OpenGates is { } g && (g < 1 || g > 100))
        {
            problems.Add((path + ".openGates", $"The number of open gates must be between 1 and 100; it was {g}."));
        }

        CheckPurposes(ExitPurposes, path + ".exitPurposes", problems, allowNull: true);
    }

    internal override ControlMeasure Freeze() => new ClosedManagement
    {
        Source = Source,
        OpenGates = OpenGates,
        StaffedAroundTheClock = StaffedAroundTheClock,
        ExitPurposes = ExitPurposes is null ? null : FreezeList(ExitPurposes),
    };
}

/// <summary>
/// Stay home, services brought to the door (足不出户、上门服务): the sealing (封控) of a high-risk area. Residents go out
/// only for the listed purposes, with the community's approval; nobody but staff comes in; couriers hand over at the gate.
/// </summary>
/// <remarks>封控区 (2022): "out only for emergencies, community approval, dedicated vehicle" (cn-policy §1c [S41b]); ninth
/// edition High, twenty and ten measures High (§6.6–6.8).</remarks>
public sealed class StayHome : ControlMeasure
{
    /// <inheritdoc/>
    public override MeasureKind Kind => MeasureKind.StayHome;

    /// <inheritdoc/>
    public override string NameZh => "足不出户、上门服务";

    /// <inheritdoc/>
    public override string NameEn => "Stay home, door-to-door service";

    /// <summary>Gets the purposes for which a resident may still go out.</summary>
    /// <value>The default is <see cref="OutingPurpose.MedicalCare"/> and <see cref="OutingPurpose.Emergency"/>.</value>
    public IReadOnlyList<OutingPurpose> ExitPurposes { get; init; } = new[] { OutingPurpose.MedicalCare, OutingPurpose.Emergency };

    /// <summary>Gets a value indicating whether such an exit needs the community's approval.</summary>
    /// <value>The default is true.</value>
    public bool ExitNeedsApproval { get; init; } = true;

    internal override void Validate(string path, List<(string Path, string Message)> problems)
        => CheckPurposes(ExitPurposes, path + ".exitPurposes", problems);

    internal override ControlMeasure Freeze() => new StayHome { Source = Source, ExitPurposes = FreezeList(ExitPurposes), ExitNeedsApproval = ExitNeedsApproval };
}

/// <summary>
/// Stay in the area, pick up supplies at staggered times (人不出区、错峰取物): the control (管控) of a medium-risk area.
/// Residents do not leave the area; going to the designated pickup point is allowed, escorted when so configured.
/// </summary>
/// <remarks>ninth edition Medium (cn-policy §1d [S8]); 管控区 "人不出区、严禁聚集" (§1c); Shanghai 2022-05 "人不出小区、错峰取物" [S39].</remarks>
public sealed class StayInArea : ControlMeasure
{
    /// <inheritdoc/>
    public override MeasureKind Kind => MeasureKind.StayInArea;

    /// <inheritdoc/>
    public override string NameZh => "人不出区、错峰取物";

    /// <inheritdoc/>
    public override string NameEn => "Stay in the area, staggered pickup";

    /// <summary>Gets the purposes for which a resident may still leave the area.</summary>
    /// <value>The default is <see cref="OutingPurpose.MedicalCare"/> and <see cref="OutingPurpose.Emergency"/>.</value>
    public IReadOnlyList<OutingPurpose> ExitPurposes { get; init; } = new[] { OutingPurpose.MedicalCare, OutingPurpose.Emergency };

    /// <summary>Gets a value indicating whether such an exit needs the community's approval.</summary>
    /// <value>The default is true.</value>
    public bool ExitNeedsApproval { get; init; } = true;

    /// <summary>Gets a value indicating whether a resident going to the pickup point (<see cref="OutingPurpose.SupplyPickup"/>) is escorted there.</summary>
    /// <value>The default is true.</value>
    public bool EscortToPickupPoint { get; init; } = true;

    internal override void Validate(string path, List<(string Path, string Message)> problems)
        => CheckPurposes(ExitPurposes, path + ".exitPurposes", problems);

    internal override ControlMeasure Freeze() => new StayInArea
    {
        Source = Source,
        ExitPurposes = FreezeList(ExitPurposes),
        ExitNeedsApproval = ExitNeedsApproval,
        EscortToPickupPoint = EscortToPickupPoint,
    };
}

/// <summary>
/// An outing quota for residents: at most <see cref="Persons"/> outings per household within any <see cref="Interval"/>,
/// each at most <see cref="MaxAbsence"/> long; the exempt purposes do not count.
/// </summary>
/// <remarks>
/// <para>An outing counts against the quota when it started less than <see cref="Interval"/> before or after the instant
/// asked about: with one person every 2 days, an outing 48:00 h ago no longer counts, one 47:59 h ago does. Without an
/// interval (Huangshi 2020-02-03: "1 member, no day limit"), at most <see cref="Persons"/> members are out at once.</para>
/// <para>Local quotas with their sources are named fragments a document includes with <c>"preset"</c>: see <see cref="Serialization.MeasureFragments"/> (cn-policy §6.4).</para>
/// </remarks>
public sealed class OutingQuota : ControlMeasure
{
    /// <inheritdoc/>
    public override MeasureKind Kind => MeasureKind.OutingQuota;

    /// <inheritdoc/>
    public override string NameZh => "限次数、限人数、限时间外出";

    /// <inheritdoc/>
    public override string NameEn => "Outing quota";

    /// <summary>Gets the number of outings (persons) per household per interval.</summary>
    /// <value>The default is 0, which is rejected: the quota must be stated.</value>
    public int Persons { get; init; }

    /// <summary>Gets the interval; null when the source states none.</summary>
    /// <value>The default is null. There is no default interval: Wuhan's, for one, is UNCONFIRMED.</value>
    public Duration? Interval { get; init; }

    /// <summary>Gets the longest an outing may last; null when the source states none.</summary>
    /// <value>The default is null.</value>
    public Duration? MaxAbsence { get; init; }

    /// <summary>Gets the purposes that do not count against the quota (medical care, epidemic work …).</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<OutingPurpose> ExemptPurposes { get; init; } = Array.Empty<OutingPurpose>();

    internal override void Validate(string path, List<(string Path, string Message)> problems)
    {
        if (Persons < 1 || Persons > 100)
        {
            problems.Add((path + ".persons", $"The quota must be between 1 and 100 persons per household; it was {Persons}."));
        }

        CheckDuration(Interval, path + ".interval", Duration.FromDays(366), problems);
        CheckDuration(MaxAbsence, path + ".maxAbsence", Duration.FromDays(7), problems);
        CheckPurposes(ExemptPurposes, path + ".exemptPurposes", problems);
    }

    internal override ControlMeasure Freeze() => new OutingQuota
    {
        Source = Source,
        Persons = Persons,
        Interval = Interval,
        MaxAbsence = MaxAbsence,
        ExemptPurposes = FreezeList(ExemptPurposes),
    };
}

/// <summary>
/// A night closure of the gates (or a curfew): from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive),
/// local time in the zone tree's time zone, crossing midnight when <see cref="End"/> is earlier than <see cref="Start"/>.
/// Residents' exits, and entries unless <see cref="ClosesEntries"/> is false (a curfew), are refused unless their purpose
/// is exempt.
/// </summary>
/// <remarks>No national curfew was found; local ones are named fragments a document includes with <c>"preset"</c>: see <see cref="Serialization.MeasureFragments"/> (cn-policy §2 [S38]).</remarks>
public sealed class NightClosure : ControlMeasure
{
    /// <inheritdoc/>
    public override MeasureKind Kind => MeasureKind.NightClosure;

    /// <inheritdoc/>
    public override string NameZh => "夜间封闭";

    /// <inheritdoc/>
    public override string NameEn => "Night closure";

    /// <summary>Gets the local time the closure starts (inclusive).</summary>
    /// <value>The default is midnight; it must differ from <see cref="End"/>.</value>
    public LocalTime Start { get; init; }

    /// <summary>Gets the local time the closure ends (exclusive).</summary>
    /// <value>The default is midnight; it must differ from <see cref="Start"/>.</value>
    public LocalTime End { get; init; }

    /// <summary>Gets the purposes exempt from the closure.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<OutingPurpose> ExemptPurposes { get; init; } = Array.Empty<OutingPurpose>();

    /// <summary>Gets a value indicating whether entries are refused too (a closure of the gates) or only going out (a curfew).</summary>
    /// <value>The default is true.</value>
    public bool ClosesEntries { get; init; } = true;

    /// <summary>Tells whether the gates are closed at a local time.</summary>
    /// <param name="time">The local time.</param>
    /// <returns>True inside the window [<see cref="Start"/>, <see cref="End"/>).</returns>
    public bool IsClosedAt(LocalTime time) => Start < End
        ? time >= Start && time < End
        : time >= Start || time < End;

    internal override void Validate(string path, List<(string Path, string Message)> problems)
    {
        if (Start == End)
        {
            problems.Add((path + ".end", "The closure must end at another time than it starts."));
        }

        CheckPurposes(ExemptPurposes, path + ".exemptPurposes", problems);
    }

    internal override ControlMeasure Freeze() => new NightClosure { Source = Source, Start = Start, End = End, ExemptPurposes = FreezeList(ExemptPurposes), ClosesEntries = ClosesEntries };
}

/// <summary>Proof of a negative nucleic-acid test, sampled within <see cref="Validity"/>, to leave the city.</summary>
/// <remarks>ninth edition and twenty measures, Low: "leaving the city needs a 48h negative NAT" (cn-policy §1d, §1e [S8, S11]).
/// A test sampled exactly 48 h before still counts; 48 h and one minute does not.</remarks>
public sealed class LeaveCityTest : ControlMeasure
{
    /// <inheritdoc/>
    public override MeasureKind Kind => MeasureKind.LeaveCityTest;

    /// <inheritdoc/>
    public override string NameZh => "离市需持核酸检测阴性证明";

    /// <inheritdoc/>
    public override string NameEn => "Negative test to leave the city";

    /// <summary>Gets how long before leaving the test may have been sampled.</summary>
    /// <value>The default is 48 hours (cn-policy §1d).</value>
    public Duration Validity { get; init; } = Duration.FromHours(48);

    internal override void Validate(string path, List<(string Path, string Message)> problems)
        => CheckDuration(Validity, path + ".validity", Duration.FromDays(30), problems);

    internal override ControlMeasure Freeze() => new LeaveCityTest { Source = Source, Validity = Validity };
}
