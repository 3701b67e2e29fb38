using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Authority;
using CommunityControl.Internal;
using CommunityControl.Measures;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// Turns the temperature and symptom reports of people under observation into alerts: a fever (a reading above the
/// edition's <see cref="TemperatureCheck.ReportAboveCelsius"/>: 37.3 °C passes, 37.4 °C is a fever), symptoms, an
/// implausible reading, or a reporting period without a report; each escalated to the roles that hold the power to act.
/// </summary>
/// <remarks>
/// <para>A reading outside the check's plausible range, or not a number, is never a normal reading: it raises
/// <see cref="HealthAlertKind.ImplausibleReading"/> (measure again), and never <see cref="HealthAlertKind.Fever"/>.</para>
/// <para>Missed reports are counted over whole reporting periods (<see cref="HealthReportPolicyOptions.PeriodStarts"/>)
/// that start at or after the observation starts, end at or before it ends, and whose end plus the grace has passed.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable; safe to share between threads.</threadsafety>
public sealed class HealthReportPolicy
{
    private readonly LocalTime[] _periodStarts;
    private readonly Duration _grace;
    private readonly Permissions _feverPermission;
    private readonly Permissions _followUpPermission;

    private HealthReportPolicy(TemperatureCheck temperature, AuthorityPolicy authority, LocalTime[] periodStarts, Duration grace, Permissions fever, Permissions followUp)
    {
        (Temperature, Authority, _periodStarts, _grace, _feverPermission, _followUpPermission) = (temperature, authority, periodStarts, grace, fever, followUp);
    }

    /// <summary>Gets the temperature check whose threshold and plausible range the policy applies.</summary>
    public TemperatureCheck Temperature { get; }

    /// <summary>Gets the powers that decide where an alert escalates.</summary>
    public AuthorityPolicy Authority { get; }

    /// <summary>Creates a policy from the temperature check of an edition's measures.</summary>
    /// <param name="temperature">The check, e.g. <c>edition.Measures.For(level).TemperatureCheck</c>.</param>
    /// <param name="authority">The powers; null for <see cref="AuthorityPolicy.ChinaInfectiousDiseaseLaw2013"/>.</param>
    /// <param name="options">The reporting periods, grace and permissions; null for the defaults.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="temperature"/> is null.</exception>
    /// <exception cref="ArgumentException">The options list no period start, list one twice, hold a negative grace, or name no permission.</exception>
    public static HealthReportPolicy Create(TemperatureCheck temperature, AuthorityPolicy? authority = null, HealthReportPolicyOptions? options = null)
    {
        Guard.NotNull(temperature);
        options ??= new HealthReportPolicyOptions();
        var starts = (options.PeriodStarts ?? throw new ArgumentException("PeriodStarts must not be null.", nameof(options))).Distinct().OrderBy(t => t).ToArray();
        if (starts.Length == 0 || starts.Length != options.PeriodStarts.Count)
        {
            throw new ArgumentException("PeriodStarts must list at least one local time, each once.", nameof(options));
        }

        if (options.Grace < Duration.Zero || options.Grace > Duration.FromDays(1))
        {
            throw new ArgumentException("Grace must be between zero and one day.", nameof(options));
        }

        if (options.FeverPermission == Permissions.None || options.FollowUpPermission == Permissions.None)
        {
            throw new ArgumentException("FeverPermission and FollowUpPermission must name a permission.", nameof(options));
        }

        return new HealthReportPolicy(temperature, authority ?? AuthorityPolicy.ChinaInfectiousDiseaseLaw2013, starts, options.Grace, options.FeverPermission, options.FollowUpPermission);
    }

    /// <summary>Creates a policy from the measures of a level; they must carry a temperature check.</summary>
    /// <param name="measures">The measures, e.g. <c>edition.Measures.For(level)</c>.</param>
    /// <param name="authority">The powers; null for <see cref="AuthorityPolicy.ChinaInfectiousDiseaseLaw2013"/>.</param>
    /// <param name="options">The reporting periods, grace and permissions; null for the defaults.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="measures"/> is null.</exception>
    /// <exception cref="ArgumentException">The measures carry no temperature check (no fever threshold), or the options are invalid.</exception>
    public static HealthReportPolicy FromMeasures(MeasureSet measures, AuthorityPolicy? authority = null, HealthReportPolicyOptions? options = null)
    {
        Guard.NotNull(measures);
        var check = measures.TemperatureCheck ?? throw new ArgumentException("The measures carry no temperature check, so no fever threshold.", nameof(measures));
        return Create(check, authority, options);
    }

    /// <summary>Assesses one report: fever, implausible reading, symptoms (in that order), or nothing.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The alerts the report raises; empty for a normal report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public IReadOnlyList<HealthAlert> Assess(HealthReport report)
    {
        Guard.NotNull(report);
        var alerts = new List<HealthAlert>(1);
        if (report.TemperatureCelsius is { } t)
        {
            var plausible = !double.IsNaN(t) && t >= Temperature.PlausibleMinimumCelsius && t <= Temperature.PlausibleMaximumCelsius;
            if (!plausible)
            {
                alerts.Add(Alert(HealthAlertKind.ImplausibleReading, report.Person, report.At, null, report, _followUpPermission));
            }
            else if (t > Temperature.ReportAboveCelsius)
            {
                alerts.Add(Alert(HealthAlertKind.Fever, report.Person, report.At, null, report, _feverPermission));
            }
        }

        if (report.Symptoms != Symptoms.None)
        {
            alerts.Add(Alert(HealthAlertKind.Symptoms, report.Person, report.At, null, report, _feverPermission));
        }

        return alerts;
    }

    /// <summary>Finds the reporting periods of an observation that passed without a report carrying a reading.</summary>
    /// <param name="person">The person under observation.</param>
    /// <param name="reports">The person's reports (others' are ignored), in any order.</param>
    /// <param name="observed">The observation: from its start (required) to its end (open while it lasts).</param>
    /// <param name="zone">The time zone of the person's local day (e.g. the zone tree's).</param>
    /// <param name="now">The instant of the check: only periods whose end plus the grace is not after it count.</param>
    /// <returns>One <see cref="HealthAlertKind.MissedReport"/> alert per period, in time order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reports"/> or <paramref name="zone"/> is null, or
    /// <paramref name="reports"/> holds a null element.</exception>
    /// <exception cref="ArgumentException"><paramref name="person"/> is empty, or <paramref name="observed"/> has no start.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="observed"/>'s bounds or <paramref name="now"/> are not on
    /// days from 1900-01-01 to 2199-12-31 (UTC).</exception>
    public IReadOnlyList<HealthAlert> FindMissedReports(PersonId person, IEnumerable<HealthReport> reports, Interval observed, DateTimeZone zone, Instant now)
    {
        CheckObservation(person, observed, now);
        Guard.NotNull(reports);
        Guard.NotNull(zone);
        var taken = reports.Where(r => Guard.Element(r, nameof(reports)).Person == person && r.TemperatureCelsius is not null).Select(r => r.At).OrderBy(a => a).ToArray();
        var alerts = new List<HealthAlert>();
        var last = observed.HasEnd && observed.End < now ? observed.End : now;
        var day = observed.Start.InZone(zone).Date.PlusDays(-1);
        var lastDay = last.InZone(zone).Date;
        for (; day <= lastDay; day = day.PlusDays(1))
        {
            for (var i = 0; i < _periodStarts.Length; i++)
            {
                var start = day.At(_periodStarts[i]).InZoneLeniently(zone).ToInstant();
                var end = (i + 1 < _periodStarts.Length ? day.At(_periodStarts[i + 1]) : day.PlusDays(1).At(_periodStarts[0])).InZoneLeniently(zone).ToInstant();
                var whole = start >= observed.Start && (!observed.HasEnd || end <= observed.End) && end + _grace <= now;
                if (whole && !AnyWithin(taken, start, end))
                {
                    alerts.Add(Alert(HealthAlertKind.MissedReport, person, end + _grace, new Interval(start, end), null, _followUpPermission));
                }
            }
        }

        return alerts;
    }

    /// <summary>Reads a person's reports from a store and returns every alert of the observation: each report's, then the missed periods.</summary>
    /// <param name="store">The report register.</param>
    /// <param name="person">The person under observation.</param>
    /// <param name="observed">The observation: from its start (required) to its end (open while it lasts).</param>
    /// <param name="zone">The time zone of the person's local day.</param>
    /// <param name="now">The instant of the check.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The alerts: the reports' alerts by instant, then the missed reports by period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="person"/> is empty, or <paramref name="observed"/> has no start.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="observed"/>'s bounds or <paramref name="now"/> are not on
    /// days from 1900-01-01 to 2199-12-31 (UTC).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<IReadOnlyList<HealthAlert>> EvaluateAsync(IHealthReportStore store, PersonId person, Interval observed, DateTimeZone zone, Instant now, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(store);
        Guard.NotNull(zone);
        CheckObservation(person, observed, now);
        var reports = new List<HealthReport>();
        await foreach (var r in store.ReportsOfPersonAsync(person, observed, cancellationToken).ConfigureAwait(false))
        {
            reports.Add(r);
        }

        var alerts = new List<HealthAlert>();
        foreach (var r in reports.Where(r => r.At <= now))
        {
            alerts.AddRange(Assess(r));
        }

        alerts.AddRange(FindMissedReports(person, reports, observed, zone, now));
        return alerts;
    }

    /// <summary>Returns the threshold and the number of reporting periods a day.</summary>
    /// <returns>E.g. <c>HealthReportPolicy (fever above 37.3 °C, 2 reports a day)</c>.</returns>
    public override string ToString()
        => $"HealthReportPolicy (fever above {Temperature.ReportAboveCelsius.ToString(System.Globalization.CultureInfo.InvariantCulture)} °C, {_periodStarts.Length} reports a day)";

    private static void CheckObservation(PersonId person, Interval observed, Instant now)
    {
        if (person.IsEmpty)
        {
            throw new ArgumentException("The person id must not be empty.", nameof(person));
        }

        if (!observed.HasStart)
        {
            throw new ArgumentException("The observation must have a start.", nameof(observed));
        }

        if ((Check.Instant(observed.Start) ?? (observed.HasEnd ? Check.Instant(observed.End) : null)) is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(observed), "The observation's bounds: " + problem);
        }

        if (Check.Instant(now) is { } late)
        {
            throw new ArgumentOutOfRangeException(nameof(now), late);
        }
    }

    private static bool AnyWithin(Instant[] sorted, Instant start, Instant end)
    {
        var lo = 0;
        var hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (sorted[mid] < start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo < sorted.Length && sorted[lo] < end;
    }

    private HealthAlert Alert(HealthAlertKind kind, PersonId person, Instant at, Interval? period, HealthReport? report, Permissions permission)
        => new(kind, person, at, period, report, permission, Authority.HoldersOf(permission, at, measuresInForce: true));
}
