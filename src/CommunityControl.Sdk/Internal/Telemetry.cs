using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace CommunityControl.Internal;

/// <summary>
/// The library's one meter and activity source, and its instruments (named in <see cref="CommunityControlDiagnostics"/>).
/// Callers check <c>Enabled</c>/<c>HasListeners()</c> first, so that nothing is built when nobody listens.
/// </summary>
internal static class Telemetry
{
    private static readonly string? Version = typeof(Telemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    public static readonly ActivitySource Source = new(CommunityControlDiagnostics.ActivitySourceName, Version);

    public static readonly Meter Meter = new(CommunityControlDiagnostics.MeterName, Version);

    public static readonly Counter<long> Decisions = Meter.CreateCounter<long>(
        "communitycontrol.access.decisions", "{decision}", "Gate decisions, by outcome and direction.");

    public static readonly Counter<long> DecisionReasons = Meter.CreateCounter<long>(
        "communitycontrol.access.decision.reasons", "{reason}", "The reasons of gate decisions, by reason code.");

    public static readonly Counter<long> Outings = Meter.CreateCounter<long>(
        "communitycontrol.ledger.outings", "{outing}", "Outing quota checks when an allowed exit is recorded: granted or refused.");

    public static readonly Histogram<double> RiskEvaluationDuration = Meter.CreateHistogram<double>(
        "communitycontrol.risk.evaluation.duration", "s", "Duration of risk evaluations (RiskPolicy.Evaluate), by risk scale; its count is the number of evaluations.");

    public static readonly Histogram<double> StoreOperationDuration = Meter.CreateHistogram<double>(
        "communitycontrol.store.operation.duration", "s", "Duration of store calls, by store and operation (an enumeration until it ends); error.type when the call failed.");

    /// <summary>The tag of the exception type that ended a failed operation (OpenTelemetry's <c>error.type</c>).</summary>
    public const string ErrorTypeTag = "error.type";

    /// <summary>
    /// A monotonic timestamp for measuring a duration (never a time of day: domain time comes from an injected
    /// <c>IClock</c>). The one place the core reads a timer, allowed by the design test for that reason.
    /// </summary>
    public static long Timestamp() => Stopwatch.GetTimestamp();

    /// <summary>Seconds elapsed since a <see cref="Timestamp"/> value.</summary>
    public static double SecondsSince(long start) => (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency;
}
