using CommunityControl.Authority;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// An alert about a person under observation: a fever, symptoms, an implausible reading, or a missed report; with the
/// permission needed to act on it and the roles that hold that permission (where it escalates).
/// </summary>
/// <remarks><see cref="ToString"/> shows the kind, instant and roles; never the person or a reading.</remarks>
/// <threadsafety static="true" instance="true">Immutable; safe to share between threads.</threadsafety>
public sealed class HealthAlert
{
    internal HealthAlert(HealthAlertKind kind, PersonId person, Instant at, Interval? period, HealthReport? report, Permissions permission, Roles escalateTo)
    {
        (Kind, Person, At, Period, Report, Permission, EscalateTo) = (kind, person, at, period, report, permission, escalateTo);
    }

    /// <summary>Gets why the alert was raised.</summary>
    public HealthAlertKind Kind { get; }

    /// <summary>Gets the pseudonymous id of the person the alert is about.</summary>
    public PersonId Person { get; }

    /// <summary>Gets the instant of the report, or for a missed report the end of the reporting period (plus the grace).</summary>
    public Instant At { get; }

    /// <summary>Gets, for <see cref="HealthAlertKind.MissedReport"/>, the reporting period without a report; null otherwise.</summary>
    public Interval? Period { get; }

    /// <summary>Gets the report that raised the alert; null for a missed report.</summary>
    public HealthReport? Report { get; }

    /// <summary>Gets the permission needed to act on the alert (see <see cref="HealthReportPolicyOptions"/>).</summary>
    public Permissions Permission { get; }

    /// <summary>Gets the roles that hold <see cref="Permission"/> under the authority policy while measures are in force: whom the alert goes to.</summary>
    public Roles EscalateTo { get; }

    /// <summary>Returns the kind, instant and roles.</summary>
    /// <returns>E.g. <c>Fever at 2020-02-20T00:30:00Z: escalate to HealthWorker, Cdc</c>.</returns>
    public override string ToString() => $"{Kind} at {At}: escalate to {EscalateTo}";
}
