using System;
using System.Collections.Generic;
using System.Diagnostics;
using CommunityControl.Internal;
using Microsoft.Extensions.Logging;

namespace CommunityControl.DependencyInjection;

/// <summary>One kind of store call: the store, the operation, and the names and tags built once for it.</summary>
internal sealed class StoreOperation
{
    public const string StoreTag = "communitycontrol.store";
    public const string OperationTag = "communitycontrol.store.operation";

    public StoreOperation(string store, string operation)
    {
        Store = store;
        Operation = operation;
        ActivityName = "communitycontrol.store." + store + "." + operation;
    }

    /// <summary>Gets the store's tag value, e.g. <c>passages</c>.</summary>
    public string Store { get; }

    /// <summary>Gets the operation's tag value, e.g. <c>append</c>.</summary>
    public string Operation { get; }

    /// <summary>Gets the activity's operation name, e.g. <c>communitycontrol.store.passages.append</c>.</summary>
    public string ActivityName { get; }
}

/// <summary>
/// Measures one store call: the <c>communitycontrol.store.operation.duration</c> histogram, an activity named after the
/// operation, and a warning log event when the call fails. Tags and events name the store, the operation and the
/// exception type, never an argument: no person, household or case id.
/// </summary>
internal readonly struct StoreCall
{
    private readonly StoreOperation _operation;
    private readonly Activity? _activity;
    private readonly long _start;

    private StoreCall(StoreOperation operation, Activity? activity, long start)
    {
        _operation = operation;
        _activity = activity;
        _start = start;
    }

    public static StoreCall Start(StoreOperation operation)
    {
        var activity = Telemetry.Source.HasListeners() ? Telemetry.Source.StartActivity(operation.ActivityName, ActivityKind.Internal) : null;
        if (activity is not null)
        {
            activity.SetTag(StoreOperation.StoreTag, operation.Store);
            activity.SetTag(StoreOperation.OperationTag, operation.Operation);
        }

        return new StoreCall(operation, activity, Telemetry.Timestamp());
    }

    /// <summary>Ends the call: records its duration, stops its activity, and logs a failure (not a cancellation).</summary>
    public void Stop(Exception? error, ILogger? logger)
    {
        var seconds = Telemetry.SecondsSince(_start);
        var errorType = error?.GetType().FullName;
        if (Telemetry.StoreOperationDuration.Enabled)
        {
            var store = new KeyValuePair<string, object?>(StoreOperation.StoreTag, _operation.Store);
            var operation = new KeyValuePair<string, object?>(StoreOperation.OperationTag, _operation.Operation);
            if (errorType is null)
            {
                Telemetry.StoreOperationDuration.Record(seconds, store, operation);
            }
            else
            {
                Telemetry.StoreOperationDuration.Record(seconds, store, operation, new KeyValuePair<string, object?>(Telemetry.ErrorTypeTag, errorType));
            }
        }

        if (_activity is not null)
        {
            if (errorType is not null)
            {
                _activity.SetTag(Telemetry.ErrorTypeTag, errorType);
                _activity.SetStatus(ActivityStatusCode.Error);
            }

            _activity.Dispose();
        }

        if (error is not null && error is not OperationCanceledException && logger is not null)
        {
            CommunityControlLog.StoreCallFailed(logger, _operation.Store, _operation.Operation, seconds * 1000, errorType!);
        }
    }
}
