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
}
