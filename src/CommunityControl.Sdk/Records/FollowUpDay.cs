using System;
using CommunityControl.Measures;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>One day of a person's follow-up: the date, the day of the plan (1 = the day of the exposure), the status and whether a test is due.</summary>
/// <threadsafety static="true" instance="true"/>
public readonly struct FollowUpDay : IEquatable<FollowUpDay>
{
    internal FollowUpDay(LocalDate date, int dayOfPlan, MonitoringStatus status, bool testDue)
    {
        (Date, DayOfPlan, Status, TestDue) = (date, dayOfPlan, status, testDue);
    }

    /// <summary>Gets the date.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the day of the plan counted from the latest exposure (1 = the day of the exposure); 0 outside the plan.</summary>
    public int DayOfPlan { get; }

    /// <summary>Gets the status on the day; <see cref="MonitoringStatus.None"/> outside the follow-up.</summary>
    public MonitoringStatus Status { get; }

    /// <summary>Gets a value indicating whether a nucleic-acid test is due on the day.</summary>
    public bool TestDue { get; }

    /// <inheritdoc/>
    public bool Equals(FollowUpDay other) => Date == other.Date && DayOfPlan == other.DayOfPlan && Status == other.Status && TestDue == other.TestDue;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FollowUpDay other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => unchecked((Date.GetHashCode() * 31) ^ (DayOfPlan * 7) ^ (int)Status ^ (TestDue ? 1 << 20 : 0));

    /// <summary>Returns the date, day, status and test.</summary>
    /// <returns>E.g. <c>2022-07-05 day 5: CentralizedQuarantine, test due</c>.</returns>
    public override string ToString()
        => $"{Date:uuuu'-'MM'-'dd} day {DayOfPlan}: {Status}{(TestDue ? ", test due" : string.Empty)}";

    /// <summary>Compares two days.</summary>
    /// <param name="left">The first day.</param>
    /// <param name="right">The second day.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(FollowUpDay left, FollowUpDay right) => left.Equals(right);

    /// <summary>Compares two days.</summary>
    /// <param name="left">The first day.</param>
    /// <param name="right">The second day.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(FollowUpDay left, FollowUpDay right) => !left.Equals(right);
}
