using System.Globalization;
using NodaTime;

namespace CommunityControl.Risk;

/// <summary>
/// The state of one tier of a tiered rule on one day, e.g. the 100, 150 or 165 tier of §28b IfSG: each tier is a regime of
/// its own, with its own trigger and lapse counts, so a tier entered later lapses later and a higher tier can still apply
/// when a lower one has lapsed. <see cref="RiskAssessment.Tiers"/> lists every tier's state; the measures in force are those
/// of every tier in force (<see cref="RiskAssessment.LevelsInForce"/>), not only the highest.
/// </summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class RiskTierState
{
    internal RiskTierState(RiskLevel level, bool isDecided, bool isInForce, LocalDate? since, LocalDate? nextChange, LocalDate? earliestLapse)
    {
        Level = level;
        IsDecided = isDecided;
        IsInForce = isInForce;
        Since = since;
        NextChange = nextChange;
        EarliestLapse = earliestLapse;
    }

    /// <summary>Gets the tier's level.</summary>
    public RiskLevel Level { get; }

    /// <summary>Gets a value indicating whether the tier's state is known; false when a missing value leaves it open (then the other properties are those of one possibility only and must not be relied on).</summary>
    public bool IsDecided { get; }

    /// <summary>Gets a value indicating whether the tier is in force on the day.</summary>
    public bool IsInForce { get; }

    /// <summary>Gets the first day of the current state: in force since, or lapsed on (the first day no longer in force); null when the tier has not been in force in the evaluated history.</summary>
    public LocalDate? Since { get; }

    /// <summary>Gets the day a decided change takes effect (a lapse decided and taking effect on the day after next, or an entry); null when none is decided.</summary>
    public LocalDate? NextChange { get; }

    /// <summary>Gets, for a tier in force, the day its lapse takes effect when decided, otherwise the earliest day it can lapse if every value from tomorrow on is below the threshold; null when the tier is not in force.</summary>
    public LocalDate? EarliestLapse { get; }

    /// <summary>Returns the level's severity and the state.</summary>
    /// <returns>E.g. <c>tier 1: in force since 2021-04-24, lapses 2021-05-02</c>.</returns>
    public override string ToString()
    {
        static string F(LocalDate? d) => d is { } v ? v.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture) : "-";
        var state = !IsDecided ? "undecided" : IsInForce ? "in force since " + F(Since) : Since is null ? "not in force" : "lapsed " + F(Since);
        var next = EarliestLapse is { } l ? ", lapses " + F(l) : NextChange is { } n ? ", enters " + F(n) : string.Empty;
        return $"tier {Level.Severity}: {state}{next}";
    }
}
