using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Epidemiology;

/// <summary>
/// One round of area-wide testing (全员核酸筛查) of everybody in a zone on a local date, and whether every result was negative.
/// </summary>
/// <remarks>A round covers its zone and everything below it; positives it finds are reported as cases as well.</remarks>
/// <threadsafety static="true" instance="true">Immutable once created.</threadsafety>
public sealed class ScreeningRound
{
    /// <summary>Gets the zone that was screened.</summary>
    public required ZoneId Zone { get; init; }

    /// <summary>Gets the local date of the round.</summary>
    public required LocalDate Date { get; init; }

    /// <summary>Gets a value indicating whether every result of the round was negative.</summary>
    public required bool AllNegative { get; init; }

    /// <summary>Returns the zone, date and outcome.</summary>
    /// <returns>E.g. <c>ScreeningRound 4201-02-001 2022-07-08 all negative</c>.</returns>
    public override string ToString() => $"ScreeningRound {Zone} {Date:uuuu'-'MM'-'dd} {(AllNegative ? "all negative" : "positives found")}";
}
