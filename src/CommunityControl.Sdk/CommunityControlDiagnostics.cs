namespace CommunityControl;

/// <summary>
/// The names under which the library publishes its metrics and traces, for a host to subscribe to (OpenTelemetry:
/// <c>.AddMeter(CommunityControlDiagnostics.MeterName)</c> and <c>.AddSource(CommunityControlDiagnostics.ActivitySourceName)</c>).
/// </summary>
/// <remarks>
/// <para>Instruments of the <see cref="MeterName"/> meter, named after the OpenTelemetry semantic conventions (lower case,
/// dot-separated, a <c>communitycontrol.</c> namespace, UCUM units):</para>
/// <list type="bullet">
/// <item><c>communitycontrol.access.decisions</c> (counter, <c>{decision}</c>): gate decisions, tagged
/// <c>communitycontrol.access.outcome</c> (<c>Allow</c>, <c>AllowWithObligations</c>, <c>Deny</c>, <c>Escalate</c>) and
/// <c>communitycontrol.access.direction</c> (<c>Entry</c>, <c>Exit</c>).</item>
/// <item><c>communitycontrol.access.decision.reasons</c> (counter, <c>{reason}</c>): each reason of each decision, tagged
/// <c>communitycontrol.access.reason</c> with the reason's stable code (an <c>AccessReasons</c> member name).</item>
/// <item><c>communitycontrol.ledger.outings</c> (counter, <c>{outing}</c>): outing quota checks when an allowed exit is
/// recorded, tagged <c>communitycontrol.ledger.result</c> (<c>granted</c>, <c>refused</c>).</item>
/// <item><c>communitycontrol.risk.evaluation.duration</c> (histogram, <c>s</c>): each risk evaluation
/// (<c>RiskPolicy.Evaluate</c>); its count is the number of evaluations. Tagged <c>communitycontrol.risk.scale</c> (the
/// scale's id) and, when the evaluation threw, <c>error.type</c> (the exception's full type name).</item>
/// <item><c>communitycontrol.store.operation.duration</c> (histogram, <c>s</c>): each call of a store registered through
/// the DI extensions (an enumeration is measured until it ends). Tagged <c>communitycontrol.store</c>
/// (<c>outing_ledger</c>, <c>passages</c>, <c>health_reports</c>, <c>follow_ups</c>, <c>arrivals</c>, <c>audit_trail</c>),
/// <c>communitycontrol.store.operation</c> (e.g. <c>append</c>, <c>find</c>, <c>passages_of_person</c>,
/// <c>start_outing</c>) and, when the call threw, <c>error.type</c>.</item>
/// </list>
/// <para>Activities of the <see cref="ActivitySourceName"/> source: <c>communitycontrol.access.evaluate</c> around each
/// gate decision, tagged with the outcome and direction; <c>communitycontrol.risk.evaluate</c> around each risk
/// evaluation, tagged with the scale, <c>communitycontrol.risk.days</c> and <c>communitycontrol.risk.zones</c>;
/// <c>communitycontrol.records.trace</c> around each co-presence trace, tagged with the counts
/// <c>communitycontrol.records.case_passages</c>, <c>communitycontrol.records.gates</c> and
/// <c>communitycontrol.records.contacts</c>, and parent of its store calls; and
/// <c>communitycontrol.store.{store}.{operation}</c> around each store call, tagged as the histogram. A failed evaluation
/// or call sets the activity's status to <c>Error</c> and tags <c>error.type</c>.</para>
/// <para>Log events: category <c>CommunityControl.Sdk</c> (hosting) 1 <c>EditionPinned</c>, 2 <c>EditionByDate</c>, 3
/// <c>EditionFileRead</c> (Information), 10 <c>StoreCallFailed</c> (Warning: store, operation, elapsed time, exception
/// type); category <c>CommunityControl.Sdk.PostgreSql</c> 101 <c>SchemaMigrated</c>, 102 <c>SchemaCurrent</c>, 103
/// <c>SchemaNewerThanPackage</c>, 104 <c>SchemaMigrationFailed</c>, 110 <c>ConnectionFailed</c>, 111 <c>LockTimeout</c>.
/// A failure is logged by its exception type and SQLSTATE, never its message, which may quote refused values.</para>
/// <para>No tag, activity or log event carries personal data: never a person, household or case id, only outcomes,
/// directions, reason codes and edition ids. With no listener attached, nothing is recorded and the gate decision does
/// not allocate.</para>
/// </remarks>
/// <threadsafety static="true" instance="true"/>
public static class CommunityControlDiagnostics
{
    /// <summary>The name of the library's <see cref="System.Diagnostics.Metrics.Meter"/>: <c>CommunityControl.Sdk</c>.</summary>
    public const string MeterName = "CommunityControl.Sdk";

    /// <summary>The name of the library's <see cref="System.Diagnostics.ActivitySource"/>: <c>CommunityControl.Sdk</c>.</summary>
    public const string ActivitySourceName = "CommunityControl.Sdk";
}
