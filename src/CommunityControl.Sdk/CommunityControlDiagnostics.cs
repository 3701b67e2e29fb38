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
/// </list>
/// <para>Activities of the <see cref="ActivitySourceName"/> source: <c>communitycontrol.access.evaluate</c> around each
/// gate decision, tagged with the outcome and direction.</para>
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
