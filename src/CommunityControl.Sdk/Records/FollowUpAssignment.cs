namespace CommunityControl.Records;

/// <summary>One line of a daily follow-up list: a person, the day's status and test, and the staff member assigned.</summary>
/// <threadsafety static="true" instance="true">Immutable; safe to share between threads.</threadsafety>
public sealed class FollowUpAssignment
{
    internal FollowUpAssignment(FollowUpSchedule schedule, FollowUpDay day, PersonId staff)
    {
        (Schedule, Day, Staff) = (schedule, day, staff);
    }

    /// <summary>Gets the person followed up (<see cref="FollowUpSchedule.Person"/>).</summary>
    public PersonId Person => Schedule.Person;

    /// <summary>Gets the person's schedule.</summary>
    public FollowUpSchedule Schedule { get; }

    /// <summary>Gets the day: status, day of the plan, test due.</summary>
    public FollowUpDay Day { get; }

    /// <summary>Gets the pseudonymous id of the staff member assigned.</summary>
    public PersonId Staff { get; }

    /// <summary>Returns the day; never an id.</summary>
    /// <returns>E.g. <c>Follow-up 2022-07-05 day 5: CentralizedQuarantine, test due</c>.</returns>
    public override string ToString() => $"Follow-up {Day}";
}
