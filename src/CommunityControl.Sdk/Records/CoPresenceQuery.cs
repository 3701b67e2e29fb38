using System.Collections.Generic;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// What to trace for a case: whose passages, over which infectious period, with which window around each passage, and
/// (optionally) which households share the case's building or unit.
/// </summary>
/// <remarks>
/// <para>The infectious period and the window have no default: the sources this library cites give no figure for
/// community co-presence (the definition of an epidemic spot, "病人发病前3天至隔离治疗前所到过的场所…", is truncated in the
/// sources seen), so the caller passes the values its edition or its health authority sets.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable once initialized; safe to share between threads.</threadsafety>
public sealed class CoPresenceQuery
{
    /// <summary>Gets the case's pseudonymous id.</summary>
    public required PersonId Case { get; init; }

    /// <summary>Gets the infectious period: the case's passages in it (start inclusive, end exclusive) are traced. Both ends are required.</summary>
    public required Interval InfectiousPeriod { get; init; }

    /// <summary>Gets the window Δ: a passage at the same gate at most Δ before or after a case's passage (inclusive) is a co-presence.</summary>
    public required Duration Window { get; init; }

    /// <summary>Gets the case's household, whose residence names the building or unit shared; empty to skip the households.</summary>
    public HouseholdId CaseHousehold { get; init; }

    /// <summary>Gets where each household lives: its zone in <see cref="Tree"/> (the household, its unit or its building); null to skip the households.</summary>
    public IReadOnlyDictionary<HouseholdId, ZoneId>? Residences { get; init; }

    /// <summary>Gets the tree that places the residences; required with <see cref="Residences"/>.</summary>
    public ZoneTree? Tree { get; init; }

    /// <summary>Gets the kind of zone households must share with the case: <see cref="ZoneKind.Building"/> or <see cref="ZoneKind.Unit"/>.</summary>
    /// <value>The default is <see cref="ZoneKind.Unknown"/>, which is rejected when <see cref="Residences"/> is given: the
    /// edition's drawing unit decides it (the ninth edition: 单元/楼栋).</value>
    public ZoneKind SharedResidence { get; init; }

    /// <summary>Returns the period and window; never the case's id.</summary>
    /// <returns>E.g. <c>Co-presence over 2022-04-01T00:00:00Z/2022-04-05T00:00:00Z, ±0:05:00</c>.</returns>
    public override string ToString() => $"Co-presence over {InfectiousPeriod}, ±{Window.ToString("-H:mm:ss", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Returns why the query is invalid, naming the property at fault; null when it is valid.</summary>
    internal string? Validate()
    {
        if (Case.IsEmpty)
        {
            return "Case: the case's person id must not be empty.";
        }

        if (!InfectiousPeriod.HasStart || !InfectiousPeriod.HasEnd)
        {
            return "InfectiousPeriod: both its start and its end are required.";
        }

        if (Window < Duration.Zero || Window > Duration.FromDays(1))
        {
            return "Window: must be between zero and one day.";
        }

        if (Residences is not null)
        {
            if (Tree is null)
            {
                return "Tree: required with Residences.";
            }

            if (SharedResidence is not (ZoneKind.Building or ZoneKind.Unit))
            {
                return "SharedResidence: must be Building or Unit when Residences are given.";
            }
        }

        return null;
    }
}
