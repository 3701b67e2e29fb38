using System;
using System.Collections.Generic;
using System.Diagnostics;
using CommunityControl.Internal;

namespace CommunityControl.Risk;

/// <summary>
/// Measures risk evaluations in the library's meter and activity source (see <see cref="CommunityControlDiagnostics"/>):
/// the <c>communitycontrol.risk.evaluate</c> activity and the <c>communitycontrol.risk.evaluation.duration</c> histogram,
/// tagged with the risk scale's id and, on failure, <c>error.type</c>. Without a listener nothing is timed or built.
/// </summary>
internal readonly struct RiskTelemetry
{
    private const string ScaleTag = "communitycontrol.risk.scale";
    private const string DaysTag = "communitycontrol.risk.days";
    private const string ZonesTag = "communitycontrol.risk.zones";

    private readonly Activity? _activity;
    private readonly long _start;
    private readonly string _scale;

    private RiskTelemetry(Activity? activity, long start, string scale)
    {
        _activity = activity;
        _start = start;
        _scale = scale;
    }

    /// <summary>Starts measuring an evaluation over <paramref name="days"/> days and <paramref name="zones"/> zones.</summary>
    public static RiskTelemetry Start(RiskScale scale, int days, int zones)
    {
        var activity = Telemetry.Source.HasListeners() ? Telemetry.Source.StartActivity("communitycontrol.risk.evaluate", ActivityKind.Internal) : null;
        if (activity is not null)
        {
            activity.SetTag(ScaleTag, scale.Id);
            activity.SetTag(DaysTag, days);
            activity.SetTag(ZonesTag, zones);
        }

        var start = Telemetry.RiskEvaluationDuration.Enabled ? Telemetry.Timestamp() : 0L;
        return new RiskTelemetry(activity, start, scale.Id);
    }

    /// <summary>Records the evaluation's duration and stops its activity; <paramref name="error"/> when it failed.</summary>
    public void Stop(Exception? error = null)
    {
        if (_start != 0 && Telemetry.RiskEvaluationDuration.Enabled)
        {
            var scale = new KeyValuePair<string, object?>(ScaleTag, _scale);
            if (error is null)
            {
                Telemetry.RiskEvaluationDuration.Record(Telemetry.SecondsSince(_start), scale);
            }
            else
            {
                Telemetry.RiskEvaluationDuration.Record(Telemetry.SecondsSince(_start), scale, new KeyValuePair<string, object?>(Telemetry.ErrorTypeTag, error.GetType().FullName));
            }
        }

        if (_activity is not null)
        {
            if (error is not null)
            {
                _activity.SetTag(Telemetry.ErrorTypeTag, error.GetType().FullName);
                _activity.SetStatus(ActivityStatusCode.Error);
            }

            _activity.Dispose();
        }
    }
}
