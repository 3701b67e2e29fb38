using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// What a queue (a gate's check point) must achieve: a share of people served within a time (e.g. 80 % within 20 s),
/// and/or a maximum average wait; with an occupancy cap (the busiest share of time an agent may be kept busy) and the
/// shrinkage (the share of paid time not spent on the post: breaks, briefings, handover) that turns agents on duty into
/// people rostered.
/// </summary>
/// <remarks>
/// <para>The staffing search follows intl-policy.md §d (pyworkforce): start at the smallest agent count above the
/// offered load and add agents until every target is met; if the load per agent is then above
/// <see cref="MaximumOccupancy"/>, raise the count to ⌈A / cap⌉; finally divide by (1 − <see cref="Shrinkage"/>) and round
/// up.</para>
/// <para>No default target is built in: the reference gives none for gates. <see cref="MaximumOccupancy"/> defaults to 1
/// (no cap) and <see cref="Shrinkage"/> to 0 (none), which are "off", not figures.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class ServiceTarget
{
    private ServiceTarget(double? share, Duration? within, Duration? maximumAverageWait, double maximumOccupancy, double shrinkage)
    {
        ServiceLevel = share;
        AnswerWithin = within;
        MaximumAverageWait = maximumAverageWait;
        MaximumOccupancy = maximumOccupancy;
        Shrinkage = shrinkage;
        WithinSeconds = within?.TotalSeconds ?? 0;
        MaximumAverageWaitSeconds = maximumAverageWait?.TotalSeconds ?? 0;
    }

    /// <summary>Gets the share of people to be served within <see cref="AnswerWithin"/> (e.g. 0.8), or null when only an average wait is targeted.</summary>
    public double? ServiceLevel { get; }

    /// <summary>Gets the time within which <see cref="ServiceLevel"/> of the people must be served, or null.</summary>
    public Duration? AnswerWithin { get; }

    /// <summary>Gets the largest average wait (average speed of answer) allowed, or null when not targeted.</summary>
    public Duration? MaximumAverageWait { get; }

    /// <summary>Gets the highest occupancy (offered load ÷ agents) allowed, in (0, 1].</summary>
    /// <value>1 (no cap) unless set.</value>
    public double MaximumOccupancy { get; }

    /// <summary>Gets the share of rostered time not spent serving, in [0, 1).</summary>
    /// <value>0 (none) unless set.</value>
    public double Shrinkage { get; }

    internal double WithinSeconds { get; }

    internal double MaximumAverageWaitSeconds { get; }

    /// <summary>Creates a service-level target: <paramref name="share"/> of people served within <paramref name="within"/>.</summary>
    /// <param name="share">The share served in time, strictly between 0 and 1 (e.g. 0.8).</param>
    /// <param name="within">The answer time; not negative.</param>
    /// <param name="maximumOccupancy">The occupancy cap, in (0, 1]; 1 means no cap.</param>
    /// <param name="shrinkage">The shrinkage, in [0, 1).</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static ServiceTarget ForServiceLevel(double share, Duration within, double maximumOccupancy = 1, double shrinkage = 0)
    {
        ThrowIfInvalid(share, within, null, maximumOccupancy, shrinkage);
        return new ServiceTarget(share, within, null, maximumOccupancy, shrinkage);
    }

    /// <summary>Creates a target on the average wait only.</summary>
    /// <param name="maximumAverageWait">The largest average wait allowed; more than zero.</param>
    /// <param name="maximumOccupancy">The occupancy cap, in (0, 1]; 1 means no cap.</param>
    /// <param name="shrinkage">The shrinkage, in [0, 1).</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static ServiceTarget ForAverageWait(Duration maximumAverageWait, double maximumOccupancy = 1, double shrinkage = 0)
    {
        ThrowIfInvalid(null, null, maximumAverageWait, maximumOccupancy, shrinkage);
        return new ServiceTarget(null, null, maximumAverageWait, maximumOccupancy, shrinkage);
    }

    /// <summary>Returns a copy that also caps the average wait.</summary>
    /// <param name="maximumAverageWait">The largest average wait allowed; more than zero.</param>
    /// <returns>The new target.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximumAverageWait"/> is not positive.</exception>
    public ServiceTarget WithMaximumAverageWait(Duration maximumAverageWait)
    {
        if (maximumAverageWait <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(maximumAverageWait), maximumAverageWait, "The maximum average wait must be more than zero.");
        }

        return new ServiceTarget(ServiceLevel, AnswerWithin, maximumAverageWait, MaximumOccupancy, Shrinkage);
    }

    /// <summary>Returns e.g. <c>80 % within 20 s, occupancy ≤ 85 %, shrinkage 30 %</c>.</summary>
    /// <returns>The target in words.</returns>
    public override string ToString()
    {
        var parts = new List<string>();
        if (ServiceLevel is { } share && AnswerWithin is { } within)
        {
            parts.Add($"{Percent(share)} within {Seconds(within)}");
        }

        if (MaximumAverageWait is { } wait)
        {
            parts.Add($"average wait ≤ {Seconds(wait)}");
        }

        if (MaximumOccupancy < 1)
        {
            parts.Add($"occupancy ≤ {Percent(MaximumOccupancy)}");
        }

        if (Shrinkage > 0)
        {
            parts.Add($"shrinkage {Percent(Shrinkage)}");
        }

        return string.Join(", ", parts);
    }

    internal static ServiceTarget? TryCreate(double? share, Duration? within, Duration? maximumAverageWait, double maximumOccupancy, double shrinkage, List<string> failures)
    {
        var before = failures.Count;
        Validate(share, within, maximumAverageWait, maximumOccupancy, shrinkage, failures);
        return failures.Count == before ? new ServiceTarget(share, within, maximumAverageWait, maximumOccupancy, shrinkage) : null;
    }

    internal static string Percent(double share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";

    internal static string Seconds(Duration d) => d.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture) + " s";

    private static void Validate(double? share, Duration? within, Duration? maximumAverageWait, double maximumOccupancy, double shrinkage, List<string> failures)
    {
        if (share is null && maximumAverageWait is null)
        {
            failures.Add("serviceLevel: a target needs a service level (share within a time) or a maximum average wait.");
        }

        if (share is { } s && (double.IsNaN(s) || s <= 0 || s >= 1))
        {
            failures.Add($"serviceLevel: the share served in time must be strictly between 0 and 1; it was {s.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (share is not null && within is null)
        {
            failures.Add("answerWithin: a service level needs the time within which people are served.");
        }

        if (within is { } w && w < Duration.Zero)
        {
            failures.Add($"answerWithin: the answer time must not be negative; it was {Seconds(w)}.");
        }

        if (maximumAverageWait is { } m && m <= Duration.Zero)
        {
            failures.Add($"maximumAverageWait: the maximum average wait must be more than zero; it was {Seconds(m)}.");
        }

        if (double.IsNaN(maximumOccupancy) || maximumOccupancy <= 0 || maximumOccupancy > 1)
        {
            failures.Add($"maximumOccupancy: the occupancy cap must be in (0, 1]; it was {maximumOccupancy.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (double.IsNaN(shrinkage) || shrinkage < 0 || shrinkage >= 1)
        {
            failures.Add($"shrinkage: the shrinkage must be in [0, 1); it was {shrinkage.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    private static void ThrowIfInvalid(double? share, Duration? within, Duration? maximumAverageWait, double maximumOccupancy, double shrinkage)
    {
        var failures = new List<string>();
        Validate(share, within, maximumAverageWait, maximumOccupancy, shrinkage, failures);
        if (failures.Count == 0)
        {
            return;
        }

        var first = failures[0];
        var field = first.Substring(0, first.IndexOf(':'));
        switch (field)
        {
            case "serviceLevel":
                throw new ArgumentOutOfRangeException(nameof(share), share, first);
            case "answerWithin":
                throw new ArgumentOutOfRangeException(nameof(within), within, first);
            case "maximumAverageWait":
                throw new ArgumentOutOfRangeException(nameof(maximumAverageWait), maximumAverageWait, first);
            case "maximumOccupancy":
                throw new ArgumentOutOfRangeException(nameof(maximumOccupancy), maximumOccupancy, first);
            default:
                throw new ArgumentOutOfRangeException(nameof(shrinkage), shrinkage, first);
        }
    }
}
