using System.Collections.Generic;
using CommunityControl.Authority;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// Parameters of <see cref="HealthReportPolicy"/>: the daily reporting periods, the grace after each, and the permission
/// each kind of alert needs (which decides where it escalates).
/// </summary>
/// <remarks>
/// The fever threshold and the plausible range are not here: they are the edition's <c>TemperatureCheck</c>.
/// </remarks>
/// <threadsafety static="true" instance="false">Mutable; the policy copies the values when it is created.</threadsafety>
public sealed class HealthReportPolicyOptions
{
    /// <summary>
    /// Gets or sets the local times at which each daily reporting period starts; each period runs to the next start (the
    /// last to the first of the next day), and a period without a report carrying a reading is a missed report.
    /// </summary>
    /// <value>The default is 00:00 and 12:00: a morning and an afternoon report, the twice-daily temperature of Wuhan's
    /// "双测温两报告" (2020-02-20) and of home medical observation ("temperature morning and evening reported to the
    /// community observer"). Splitting the day at noon is this library's reading of "morning and evening".</value>
    public IList<LocalTime> PeriodStarts { get; set; } = new List<LocalTime> { LocalTime.Midnight, LocalTime.Noon };

    /// <summary>Gets or sets how long after a period ends a missing report becomes an alert.</summary>
    /// <value>The default is zero: the alert is due when the period ends.</value>
    public Duration Grace { get; set; } = Duration.Zero;

    /// <summary>Gets or sets the permission needed to act on a fever or on symptoms.</summary>
    /// <value>The default is <see cref="Permissions.OrderHomeObservation"/>: a medical decision (the health workers and
    /// the CDC under the 2013 law's grants). This mapping is the library's, not a source's.</value>
    public Permissions FeverPermission { get; set; } = Permissions.OrderHomeObservation;

    /// <summary>Gets or sets the permission needed to follow up a missed report or an implausible reading.</summary>
    /// <value>The default is <see cref="Permissions.Check"/>: the community roles that check people. This mapping is
    /// the library's, not a source's.</value>
    public Permissions FollowUpPermission { get; set; } = Permissions.Check;
}
