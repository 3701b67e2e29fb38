using System;
using System.Collections.Generic;

namespace CommunityControl.Measures;

/// <summary>
/// What a person in an <see cref="ExposureCategory"/> must do under an edition: a first period (e.g. 7 days of
/// centralized quarantine), then a second (e.g. 3 days at home), with the days of nucleic-acid tests in each; or, for a
/// test-only plan, a number of tests within a number of days (ninth edition, arrivals from low-risk areas: 2 tests in 3 days).
/// </summary>
/// <remarks>
/// <para>Days are counted from the day of the exposure or arrival as day 1. <see cref="HistoryWindowDays"/> limits the plan
/// to people whose exposure ended less than that many days ago (ninth edition: a 7-day travel history).</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable once initialized; a <see cref="MeasureTable"/> keeps a frozen copy.</threadsafety>
public sealed class QuarantinePlan
{
    /// <summary>Gets the first period's status, or <see cref="MonitoringStatus.None"/> for a test-only plan.</summary>
    /// <value>The default is <see cref="MonitoringStatus.None"/>.</value>
    public MonitoringStatus First { get; init; }

    /// <summary>Gets the length of the first period in days.</summary>
    /// <value>The default is 0.</value>
    public int FirstDays { get; init; }

    /// <summary>Gets the days of the first period with a nucleic-acid test (1 = the first day).</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<int> FirstTestDays { get; init; } = Array.Empty<int>();

    /// <summary>Gets the second period's status, or <see cref="MonitoringStatus.None"/> when there is none.</summary>
    /// <value>The default is <see cref="MonitoringStatus.None"/>.</value>
    public MonitoringStatus Then { get; init; }

    /// <summary>Gets the length of the second period in days.</summary>
    /// <value>The default is 0.</value>
    public int ThenDays { get; init; }

    /// <summary>Gets the days of the second period with a test (1 = its first day).</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<int> ThenTestDays { get; init; } = Array.Empty<int>();

    /// <summary>Gets the number of tests of a test-only plan.</summary>
    /// <value>The default is 0.</value>
    public int TestsRequired { get; init; }

    /// <summary>Gets the days within which a test-only plan's tests are taken.</summary>
    /// <value>The default is 0.</value>
    public int TestWindowDays { get; init; }

    /// <summary>Gets the history window: the plan applies when the exposure ended less than this many days ago; null for always.</summary>
    /// <value>The default is null.</value>
    public int? HistoryWindowDays { get; init; }

    /// <summary>
    /// Gets the risk level (a level name of the table's scale, e.g. <c>High</c>) of an area whose visitors fall under this
    /// plan when they arrive within <see cref="HistoryWindowDays"/> of leaving it (ninth edition: a stay in a high-risk area
    /// → <see cref="ExposureCategory.ArrivedFromHighRiskArea"/>); null when the plan is not an arrival rule. A table holds
    /// at most one plan per level (<c>ArrivalAssessment</c> reads them).
    /// </summary>
    /// <value>The default is null.</value>
    public string? ArrivalFrom { get; init; }

    /// <summary>Gets where the plan comes from.</summary>
    /// <value>The default is null.</value>
    public string? Source { get; init; }

    /// <summary>Gets the total length of the plan in days.</summary>
    public int TotalDays => FirstDays + ThenDays;

    /// <summary>Gets a value indicating whether the plan begins with centralized quarantine.</summary>
    public bool BeginsCentralized => First == MonitoringStatus.CentralizedQuarantine;

    /// <summary>Gets a value indicating whether the plan begins at home under an order (observation, monitoring or isolation).</summary>
    public bool BeginsAtHome => First is MonitoringStatus.HomeMedicalObservation or MonitoringStatus.HomeHealthMonitoring or MonitoringStatus.HomeIsolation;

    /// <summary>Returns a short description, e.g. <c>CentralizedQuarantine 7 d + HomeHealthMonitoring 3 d</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        if (First == MonitoringStatus.None)
        {
            return $"{TestsRequired} tests within {TestWindowDays} d";
        }

        return Then == MonitoringStatus.None ? $"{First} {FirstDays} d" : $"{First} {FirstDays} d + {Then} {ThenDays} d";
    }

    internal void Validate(string path, List<(string Path, string Message)> problems)
    {
        if (First < MonitoringStatus.None || First > MonitoringStatus.SelfHealthMonitoring)
        {
            problems.Add((path + ".first", $"'{First}' is not a monitoring status."));
        }

        if (Then < MonitoringStatus.None || Then > MonitoringStatus.SelfHealthMonitoring)
        {
            problems.Add((path + ".then", $"'{Then}' is not a monitoring status."));
        }

        if (First == MonitoringStatus.None)
        {
            if (TestsRequired < 1 || TestWindowDays < 1 || TestsRequired > TestWindowDays)
            {
                problems.Add((path + ".testsRequired", "A plan without a first period must require at least one test within a window of at least as many days."));
            }

            if (Then != MonitoringStatus.None || FirstDays != 0)
            {
                problems.Add((path + ".then", "A test-only plan has no periods."));
            }
        }
        else
        {
            if (FirstDays < 1 || FirstDays > 60)
            {
                problems.Add((path + ".firstDays", $"The first period must last 1 to 60 days; it was {FirstDays}."));
            }

            CheckDays(FirstTestDays, FirstDays, path + ".firstTestDays", problems);
            if (Then == MonitoringStatus.None)
            {
                if (ThenDays != 0 || (ThenTestDays?.Count ?? 0) != 0)
                {
                    problems.Add((path + ".thenDays", "A plan without a second period has no second-period days."));
                }
            }
            else
            {
                if (ThenDays < 1 || ThenDays > 60)
                {
                    problems.Add((path + ".thenDays", $"The second period must last 1 to 60 days; it was {ThenDays}."));
                }

                CheckDays(ThenTestDays, ThenDays, path + ".thenTestDays", problems);
            }
        }

        if (HistoryWindowDays is { } w && (w < 1 || w > 60))
        {
            problems.Add((path + ".historyWindowDays", $"The history window must be 1 to 60 days; it was {w}."));
        }
    }

    internal QuarantinePlan Freeze() => new()
    {
        First = First,
        FirstDays = FirstDays,
        FirstTestDays = Copy(FirstTestDays),
        Then = Then,
        ThenDays = ThenDays,
        ThenTestDays = Copy(ThenTestDays),
        TestsRequired = TestsRequired,
        TestWindowDays = TestWindowDays,
        HistoryWindowDays = HistoryWindowDays,
        ArrivalFrom = ArrivalFrom,
        Source = Source,
    };

    private static System.Collections.ObjectModel.ReadOnlyCollection<int> Copy(IReadOnlyList<int>? days)
    {
        var copy = new int[days?.Count ?? 0];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = days![i];
        }

        return Array.AsReadOnly(copy);
    }

    private static void CheckDays(IReadOnlyList<int>? days, int length, string path, List<(string Path, string Message)> problems)
    {
        if (days is null)
        {
            problems.Add((path, "The list of test days must not be null; use [] for none."));
            return;
        }

        for (var i = 0; i < days.Count; i++)
        {
            if (days[i] < 1 || days[i] > length || (i > 0 && days[i] <= days[i - 1]))
            {
                problems.Add(($"{path}[{i}]", $"Test days must increase and lie within 1 to {length}; day {days[i]} does not."));
            }
        }
    }
}
