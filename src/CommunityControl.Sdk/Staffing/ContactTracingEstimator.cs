using System;

namespace CommunityControl.Staffing;

/// <summary>
/// Estimates contact tracers as the larger of a population baseline and the workload of tracing the last 14 days' new
/// cases over one week — the GWU Fitzhugh Mullan Institute estimator as read in intl-policy.md §e.
/// </summary>
/// <remarks>
/// <para>Baseline = ⌈baseline per 100,000 × population ÷ 100,000⌉. Workload = ⌈new cases in 14 days × contacts per case ÷
/// days to trace ÷ follow-ups per tracer per day⌉. Required = max(baseline, workload) ("our reading" of "increases the
/// number of CTs, as needed, to contact trace the 14-day number of new cases … over the course of a week").</para>
/// <para>Only the defaults of <see cref="Gwu2020"/> are sourced (15 per 100k, 10 contacts per case, 32 follow-ups per day);
/// the tool's case-interview and notification capacities are not in the sources and are not modelled.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class ContactTracingEstimator
{
    private ContactTracingEstimator(double baselinePer100K, double contactsPerCase, double followUpsPerTracerPerDay, int daysToTrace)
    {
        BaselinePer100K = baselinePer100K;
        ContactsPerCase = contactsPerCase;
        FollowUpsPerTracerPerDay = followUpsPerTracerPerDay;
        DaysToTrace = daysToTrace;
    }

    /// <summary>
    /// The GWU estimator's sourced defaults: baseline 15 per 100,000, 10 contacts per case, 32 follow-ups per tracer per day,
    /// the 14-day cases traced over a week (intl-policy.md §e).
    /// </summary>
    public static ContactTracingEstimator Gwu2020 { get; } = new(15, 10, 32, 7);

    /// <summary>Gets the baseline tracers per 100,000 residents.</summary>
    public double BaselinePer100K { get; }

    /// <summary>Gets the contacts to trace per case.</summary>
    public double ContactsPerCase { get; }

    /// <summary>Gets the follow-ups one tracer makes per day.</summary>
    public double FollowUpsPerTracerPerDay { get; }

    /// <summary>Gets the days over which the 14-day cases' contacts are traced.</summary>
    public int DaysToTrace { get; }

    /// <summary>Creates an estimator with other parameters.</summary>
    /// <param name="baselinePer100K">Baseline tracers per 100,000; zero or more.</param>
    /// <param name="contactsPerCase">Contacts per case; zero or more.</param>
    /// <param name="followUpsPerTracerPerDay">Follow-ups per tracer per day; more than zero.</param>
    /// <param name="daysToTrace">Days to trace over; at least 1.</param>
    /// <returns>The estimator.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static ContactTracingEstimator Create(double baselinePer100K, double contactsPerCase, double followUpsPerTracerPerDay, int daysToTrace)
    {
        Internal.Guard.NotNegativeFinite(baselinePer100K);
        Internal.Guard.NotNegativeFinite(contactsPerCase);
        if (double.IsNaN(followUpsPerTracerPerDay) || double.IsInfinity(followUpsPerTracerPerDay) || followUpsPerTracerPerDay <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(followUpsPerTracerPerDay), followUpsPerTracerPerDay, "Follow-ups per tracer per day must be more than zero.");
        }

        Internal.Guard.InRange(daysToTrace, 1, 366);
        return new ContactTracingEstimator(baselinePer100K, contactsPerCase, followUpsPerTracerPerDay, daysToTrace);
    }

    /// <summary>Estimates the tracers an area needs.</summary>
    /// <param name="population">The area's residents; not negative.</param>
    /// <param name="newCasesIn14Days">New cases in the last 14 days; not negative.</param>
    /// <returns>The baseline, the workload figure and the larger of the two.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is negative, or so large that the tracers it needs would
    /// exceed <see cref="int.MaxValue"/>.</exception>
    public ContactTracingEstimate Estimate(long population, int newCasesIn14Days)
    {
        if (population < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(population), population, "The population must not be negative.");
        }

        Internal.Guard.NotNegative(newCasesIn14Days);
        var baselineExact = BaselinePer100K * population / 100_000;
        if (!(baselineExact <= int.MaxValue))
        {
            throw new ArgumentOutOfRangeException(nameof(population), population, "The baseline tracers would exceed 2,147,483,647.");
        }

        var followUpsPerDay = (double)newCasesIn14Days * ContactsPerCase / DaysToTrace;
        var workloadExact = followUpsPerDay / FollowUpsPerTracerPerDay;
        if (!(workloadExact <= int.MaxValue))
        {
            throw new ArgumentOutOfRangeException(nameof(newCasesIn14Days), newCasesIn14Days, "The tracers for this workload would exceed 2,147,483,647.");
        }

        var baseline = ErlangC.CeilingTolerant(baselineExact);
        var workload = ErlangC.CeilingTolerant(workloadExact);
        return new ContactTracingEstimate(this, population, newCasesIn14Days, baseline, followUpsPerDay, workload);
    }
}
