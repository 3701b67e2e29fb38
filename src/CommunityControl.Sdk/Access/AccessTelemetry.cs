using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using CommunityControl.Internal;

namespace CommunityControl.Access;

/// <summary>
/// Records gate decisions in the library's meter and activity source (see <see cref="CommunityControlDiagnostics"/>).
/// Without a listener every method returns at its first check: no tag is built and nothing is allocated.
/// </summary>
internal static class AccessTelemetry
{
    private const string OutcomeTag = "communitycontrol.access.outcome";
    private const string DirectionTag = "communitycontrol.access.direction";
    private const string ReasonTag = "communitycontrol.access.reason";
    private const string LedgerResultTag = "communitycontrol.ledger.result";

    // The reason codes by bit, built once: the tag values are these strings, never a per-call string.
    private static readonly string[] ReasonCodes = BuildReasonCodes();

    /// <summary>
    /// Gets a value indicating whether anyone listens to gate decisions (the activity source or either decision counter):
    /// when not, the evaluation takes a path with no telemetry at all.
    /// </summary>
    public static bool IsObserved
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Telemetry.Source.HasListeners() || Telemetry.Decisions.Enabled || Telemetry.DecisionReasons.Enabled;
    }

    /// <summary>Starts the activity of one evaluation, or returns null when nobody listens.</summary>
    public static Activity? StartEvaluate()
        => Telemetry.Source.HasListeners() ? Telemetry.Source.StartActivity("communitycontrol.access.evaluate", ActivityKind.Internal) : null;

    /// <summary>Counts a decision and its reasons, and tags the evaluation's activity.</summary>
    public static void Record(GateDirection direction, in AccessDecision decision, Activity? activity)
    {
        if (activity is not null)
        {
            activity.SetTag(OutcomeTag, OutcomeName(decision.Outcome));
            activity.SetTag(DirectionTag, DirectionName(direction));
        }

        if (Telemetry.Decisions.Enabled)
        {
            Telemetry.Decisions.Add(
                1,
                new KeyValuePair<string, object?>(OutcomeTag, OutcomeName(decision.Outcome)),
                new KeyValuePair<string, object?>(DirectionTag, DirectionName(direction)));
        }

        if (Telemetry.DecisionReasons.Enabled && decision.Reasons != AccessReasons.None)
        {
            var reasons = (long)decision.Reasons;
            for (var bit = 0; bit < ReasonCodes.Length; bit++)
            {
                if ((reasons & (1L << bit)) != 0)
                {
                    Telemetry.DecisionReasons.Add(1, new KeyValuePair<string, object?>(ReasonTag, ReasonCodes[bit]));
                }
            }
        }
    }

    /// <summary>Counts an outing quota check made when an allowed exit is recorded.</summary>
    public static void RecordOuting(bool granted)
    {
        if (Telemetry.Outings.Enabled)
        {
            Telemetry.Outings.Add(1, new KeyValuePair<string, object?>(LedgerResultTag, granted ? "granted" : "refused"));
        }
    }

    private static string OutcomeName(AccessOutcome outcome) => outcome switch
    {
        AccessOutcome.Allow => nameof(AccessOutcome.Allow),
        AccessOutcome.AllowWithObligations => nameof(AccessOutcome.AllowWithObligations),
        AccessOutcome.Deny => nameof(AccessOutcome.Deny),
        AccessOutcome.Escalate => nameof(AccessOutcome.Escalate),
        _ => "Unknown",
    };

    private static string DirectionName(GateDirection direction) => direction switch
    {
        GateDirection.Entry => nameof(GateDirection.Entry),
        GateDirection.Exit => nameof(GateDirection.Exit),
        _ => "Unknown",
    };

    private static string[] BuildReasonCodes()
    {
        var codes = new List<string>();
        for (var bit = 0; bit < 63; bit++)
        {
            var reason = (AccessReasons)(1L << bit);
            codes.Add(System.Enum.IsDefined(typeof(AccessReasons), reason) ? reason.ToString() : "Unknown");
        }

        return codes.ToArray();
    }
}
