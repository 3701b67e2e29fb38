using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CommunityControl.Internal;

namespace CommunityControl.Staffing;

/// <summary>What an <see cref="ArrivalProfile"/>'s hourly figures are counted per.</summary>
internal enum ArrivalBasis
{
    /// <summary>Not set.</summary>
    Unknown = 0,

    /// <summary>Checks per hour at one gate (e.g. counted from a gate's log).</summary>
    PerGate = 1,

    /// <summary>Checks per hour per 100 households of the compound, shared evenly over its gates.</summary>
    PerHundredHouseholds = 2,
}

/// <summary>
/// A 24-hour profile of checks at a gate: for each clock hour 0–23, how many people (entering or leaving) are checked.
/// </summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class ArrivalProfile
{
    /// <summary>The largest hourly figure accepted: 100,000 checks per hour (per gate, or per 100 households). Far above any
    /// gate; it keeps the planner's offered loads finite.</summary>
    public const double MaximumHourly = 100_000;

    private readonly double[] _hourly;

    private ArrivalProfile(string name, ArrivalBasis basis, double[] hourly)
    {
        Name = name;
        Basis = basis;
        _hourly = hourly;
        Hourly = Array.AsReadOnly(hourly);
    }

    /// <summary>Gets the profile's name.</summary>
    public string Name { get; }

    /// <summary>Gets what the figures are counted per.</summary>
    internal ArrivalBasis Basis { get; }

    /// <summary>Gets the checks per hour for the clock hours 0 to 23.</summary>
    public IReadOnlyList<double> Hourly { get; }

    /// <summary>Creates a profile of checks per hour at one gate.</summary>
    /// <param name="name">The profile's name.</param>
    /// <param name="hourly">24 figures (hours 0–23), each finite and not negative.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">There are not 24 figures, or one is negative, not finite or above <see cref="MaximumHourly"/>.</exception>
    public static ArrivalProfile PerGate(string name, IEnumerable<double> hourly) => Create(name, ArrivalBasis.PerGate, hourly);

    /// <summary>Creates a profile of checks per hour per 100 households, shared evenly over a compound's gates.</summary>
    /// <param name="name">The profile's name.</param>
    /// <param name="hourly">24 figures (hours 0–23), each finite and not negative.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">There are not 24 figures, or one is negative, not finite or above <see cref="MaximumHourly"/>.</exception>
    public static ArrivalProfile PerHundredHouseholds(string name, IEnumerable<double> hourly) => Create(name, ArrivalBasis.PerHundredHouseholds, hourly);

    /// <summary>Gets the checks per hour at one gate of a compound.</summary>
    /// <param name="hour">The clock hour, 0–23.</param>
    /// <param name="households">The compound's households.</param>
    /// <param name="gates">The compound's gates; at least 1.</param>
    /// <returns>The checks per hour at one gate.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public double ChecksPerGate(int hour, int households, int gates)
    {
        Guard.InRange(hour, 0, 23);
        Guard.NotNegative(households);
        Guard.InRange(gates, 1, int.MaxValue);
        return PerGateAt(hour, households, gates);
    }

    /// <summary>Returns the name and basis.</summary>
    /// <returns>E.g. <c>closed compound (illustrative), per 100 households</c>.</returns>
    public override string ToString() => Name + (Basis == ArrivalBasis.PerGate ? ", per gate" : ", per 100 households");

    internal double PerGateAt(int hour, int households, int gates)
        => Basis == ArrivalBasis.PerGate ? _hourly[hour] : _hourly[hour] * households / 100.0 / gates;

    private static ArrivalProfile Create(string name, ArrivalBasis basis, IEnumerable<double> hourly)
    {
        Guard.NotNullOrWhiteSpace(name);
        var values = Guard.NotNull(hourly).ToArray();
        if (values.Length != 24)
        {
            throw new ArgumentException($"A profile has 24 hourly figures (hours 0–23); there were {values.Length}.", nameof(hourly));
        }

        for (var h = 0; h < 24; h++)
        {
            if (!(values[h] >= 0 && values[h] <= MaximumHourly))
            {
                throw new ArgumentException($"The figure for hour {h} must be in [0-{MaximumHourly.ToString(CultureInfo.InvariantCulture)}].", nameof(hourly));
            }
        }

        return new ArrivalProfile(name, basis, values);
    }

    /// <summary>
    /// Illustrative, not sourced: a closed compound whose residents go out only for essentials (cn-policy.md §2 describes
    /// the rules, not the traffic). Checks per hour per 100 households: about 0.2–0.5 at night, 3–5 by day, 55.2 a day in all.
    /// </summary>
    public static ArrivalProfile ClosedCompoundIllustrative { get; } = ArrivalProfile.PerHundredHouseholds(
        "closed compound (illustrative, not sourced)",
        new double[] { 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 1, 3, 3, 5, 5, 5, 3, 3, 4, 4, 4, 4, 3, 3, 1.5, 1.5, 0.5, 0.5 });

    /// <summary>
    /// Illustrative, not sourced: work resumption, with commuting peaks at 07:00–09:00 and 17:00–19:00. Checks per hour
    /// per 100 households: 35 at the peaks, 10 through the day, 0.5 at night, 267 a day in all.
    /// </summary>
    public static ArrivalProfile WorkResumptionIllustrative { get; } = ArrivalProfile.PerHundredHouseholds(
        "work resumption (illustrative, not sourced)",
        new double[] { 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 8, 30, 35, 15, 10, 10, 10, 10, 10, 10, 10, 25, 35, 20, 10, 10, 3, 3 });
}
