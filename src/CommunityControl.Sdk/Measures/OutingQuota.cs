using System;
using System.Collections.Generic;
using NodaTime;

namespace CommunityControl.Measures;

/// <summary>
/// An outing quota for residents: at most <see cref="Persons"/> outings per household within any <see cref="Interval"/>,
/// each at most <see cref="MaxAbsence"/> long; the exempt purposes do not count.
/// </summary>
/// <remarks>
/// <para>How the interval is counted is the quota's <see cref="Window"/>, which a quota with an interval must state
/// (the sources say "every 2 days", which reads either way): <see cref="OutingWindowKind.Rolling"/> counts the outings
/// that started less than <see cref="Interval"/> before or after the instant asked about (an outing 48:00 h ago no
/// longer counts, one 47:59 h ago does); <see cref="OutingWindowKind.CalendarDays"/> counts the outings whose local date
/// is less than <see cref="Interval"/> (whole days) from the date asked about (out at 23:59 on day 1, again from 00:00 on
/// day 3). Without an interval (Huangshi 2020-02-03: "1 member, no day limit"), at most <see cref="Persons"/> members are
/// out at once.</para>
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

    /// <summary>Gets how <see cref="Interval"/> is counted: a rolling window or calendar days.</summary>
    /// <value>The default is <see cref="OutingWindowKind.Unknown"/>, which is rejected when there is an interval: the
    /// reading must be stated (or given by the document that includes a preset whose source leaves it open).</value>
    public OutingWindowKind Window { get; init; }

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
        if (Interval is { } interval && interval > Duration.Zero)
        {
            if (Window is not (OutingWindowKind.Rolling or OutingWindowKind.CalendarDays))
            {
                problems.Add((path + ".window", "State how the interval is counted: \"Rolling\" (a window of instants) or \"CalendarDays\" (whole local days); there is no default reading."));
            }
            else if (Window == OutingWindowKind.CalendarDays && interval.BclCompatibleTicks % NodaConstants.TicksPerDay != 0)
            {
                problems.Add((path + ".interval", $"Counted in calendar days, the interval must be a whole number of days; it was {interval.TotalHours:0.##} hours."));
            }
        }
        else if (Interval is null && Window != OutingWindowKind.Unknown)
        {
            problems.Add((path + ".window", "A window applies to an interval; the quota has none."));
        }

        CheckDuration(MaxAbsence, path + ".maxAbsence", Duration.FromDays(7), problems);
        CheckPurposes(ExemptPurposes, path + ".exemptPurposes", problems);
    }

    internal override ControlMeasure Freeze() => new OutingQuota
    {
        Source = Source,
        Persons = Persons,
        Interval = Interval,
        Window = Window,
        MaxAbsence = MaxAbsence,
        ExemptPurposes = FreezeList(ExemptPurposes),
    };
}
