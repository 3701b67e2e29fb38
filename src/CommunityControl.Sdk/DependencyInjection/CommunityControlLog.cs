using System;
using Microsoft.Extensions.Logging;

namespace CommunityControl.DependencyInjection;

/// <summary>
/// The hosting layer's log events (category <c>CommunityControl.Sdk</c>). They name editions, jurisdictions and time
/// zones, never a person, household or case.
/// </summary>
internal static class CommunityControlLog
{
    /// <summary>The logger category of the hosting layer.</summary>
    public const string Category = "CommunityControl.Sdk";

    private static readonly Action<ILogger, string, int, Exception?> EditionPinnedMessage = LoggerMessage.Define<string, int>(
        LogLevel.Information,
        new EventId(1, "EditionPinned"),
        "CommunityControl uses the pinned edition {EditionId} ({EditionCount} editions in the catalog).");

    private static readonly Action<ILogger, string, string, string, int, Exception?> EditionByDateMessage = LoggerMessage.Define<string, string, string, int>(
        LogLevel.Information,
        new EventId(2, "EditionByDate"),
        "CommunityControl chooses the edition by date for jurisdiction {Jurisdiction} in {TimeZone}; today it is {EditionId} ({EditionCount} editions in the catalog).");

    private static readonly Action<ILogger, string, int, Exception?> EditionFileReadMessage = LoggerMessage.Define<string, int>(
        LogLevel.Information,
        new EventId(3, "EditionFileRead"),
        "CommunityControl read the edition {EditionId} from EditionFiles[{Index}].");

    private static readonly Action<ILogger, string, string, double, string, Exception?> StoreCallFailedMessage = LoggerMessage.Define<string, string, double, string>(
        LogLevel.Warning,
        new EventId(10, "StoreCallFailed"),
        "A CommunityControl store call failed: {Store} {Operation} after {ElapsedMilliseconds} ms with {ExceptionType}.");

    public static void EditionFileRead(ILogger logger, string editionId, int index) => EditionFileReadMessage(logger, editionId, index, null);

    // The exception itself is not logged: a database's message may quote the values it refused. The caller gets it.
    public static void StoreCallFailed(ILogger logger, string store, string operation, double elapsedMilliseconds, string exceptionType)
        => StoreCallFailedMessage(logger, store, operation, Math.Round(elapsedMilliseconds, 3), exceptionType, null);

    public static void EditionPinned(ILogger logger, string editionId, int editionCount) => EditionPinnedMessage(logger, editionId, editionCount, null);

    public static void EditionByDate(ILogger logger, string jurisdiction, string timeZone, string editionId, int editionCount)
        => EditionByDateMessage(logger, jurisdiction, timeZone, editionId, editionCount, null);
}
