using System;
using System.Globalization;

namespace CommunityControl.Staffing;

/// <summary>The result of a <see cref="ContactTracingEstimator"/>.</summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public readonly struct ContactTracingEstimate
{
    private readonly ContactTracingEstimator _estimator;

    internal ContactTracingEstimate(ContactTracingEstimator estimator, long population, int newCasesIn14Days, int baseline, double followUpsPerDay, int workload)
    {
        _estimator = estimator;
        Population = population;
        NewCasesIn14Days = newCasesIn14Days;
        Baseline = baseline;
        FollowUpsPerDay = followUpsPerDay;
        WorkloadBased = workload;
    }

    /// <summary>Gets the population.</summary>
    public long Population { get; }

    /// <summary>Gets the new cases in the last 14 days.</summary>
    public int NewCasesIn14Days { get; }

    /// <summary>Gets the baseline tracers from the population.</summary>
    public int Baseline { get; }

    /// <summary>Gets the follow-ups needed per day.</summary>
    public double FollowUpsPerDay { get; }

    /// <summary>Gets the tracers the workload needs.</summary>
    public int WorkloadBased { get; }

    /// <summary>Gets the tracers required: the larger of <see cref="Baseline"/> and <see cref="WorkloadBased"/>.</summary>
    public int Required => Math.Max(Baseline, WorkloadBased);

    /// <summary>Gets a value indicating whether the workload, not the baseline, sets <see cref="Required"/>.</summary>
    public bool IsWorkloadBound => WorkloadBased > Baseline;

    /// <summary>Explains the estimate.</summary>
    /// <returns>E.g. <c>max(baseline 15/100k × 1,000,000 = 150, workload 700 cases × 10 contacts ÷ 7 days = 1,000 follow-ups/day ÷ 32 = 32) = 150</c>.</returns>
    public override string ToString() => _estimator is null
        ? "(no estimate)"
        : string.Format(
            CultureInfo.InvariantCulture,
            "max(baseline {0:0.##}/100k × {1:N0} = {2}, workload {3:N0} cases × {4:0.##} contacts ÷ {5} days = {6:#,0.##} follow-ups/day ÷ {7:0.##} = {8}) = {9}",
            _estimator.BaselinePer100K,
            Population,
            Baseline,
            NewCasesIn14Days,
            _estimator.ContactsPerCase,
            _estimator.DaysToTrace,
            FollowUpsPerDay,
            _estimator.FollowUpsPerTracerPerDay,
            WorkloadBased,
            Required);
}
