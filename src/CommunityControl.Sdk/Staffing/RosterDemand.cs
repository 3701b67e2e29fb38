using System;
using System.Globalization;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// The people one post needs for one shift: a post (the zone it is in, e.g. a compound's gate), a duty, when the shift
/// starts and how long it lasts, whether it is a night shift, and how many people it needs.
/// </summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class RosterDemand
{
    /// <summary>Creates a demand.</summary>
    /// <param name="post">The zone of the post.</param>
    /// <param name="duty">The duty: exactly one of the defined duties.</param>
    /// <param name="start">When the shift starts (local date and time, whole minutes).</param>
    /// <param name="length">How long it lasts: more than 0 and at most 24 hours, whole minutes.</param>
    /// <param name="isNight">Whether it is a night shift (only candidates allowed nights; counted against the night limit).</param>
    /// <param name="people">How many people it needs: at least 1.</param>
    /// <exception cref="ArgumentException"><paramref name="post"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duty"/> is not exactly one duty, <paramref name="start"/>
    /// has seconds, <paramref name="length"/> is out of range, or <paramref name="people"/> is below 1.</exception>
    public RosterDemand(ZoneId post, StaffingDuties duty, LocalDateTime start, Duration length, bool isNight, int people)
    {
        if (post.IsEmpty)
        {
            throw new ArgumentException("The post's zone is required.", nameof(post));
        }

        if (duty == StaffingDuties.None || (duty & ~StaffingDuties.All) != 0 || (duty & (duty - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(duty), "The duty must be exactly one of the defined duties.");
        }

        if (start.Second != 0 || start.NanosecondOfSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(start), "The start must be in whole minutes.");
        }

        if (length <= Duration.Zero || length > Duration.FromHours(24) || length.SubsecondNanoseconds != 0 || length.Seconds != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "The length must be whole minutes, more than 0 and at most 24 hours.");
        }

        if (people < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(people), "At least one person is needed.");
        }

        Post = post;
        Duty = duty;
        Start = start;
        Length = length;
        IsNight = isNight;
        People = people;
    }

    /// <summary>Gets the zone of the post.</summary>
    public ZoneId Post { get; }

    /// <summary>Gets the duty.</summary>
    public StaffingDuties Duty { get; }

    /// <summary>Gets when the shift starts.</summary>
    public LocalDateTime Start { get; }

    /// <summary>Gets how long the shift lasts.</summary>
    public Duration Length { get; }

    /// <summary>Gets a value indicating whether it is a night shift.</summary>
    public bool IsNight { get; }

    /// <summary>Gets how many people the shift needs.</summary>
    public int People { get; }

    /// <summary>Gets the person-hours the demand asks for (<see cref="People"/> × <see cref="Length"/>).</summary>
    public double Hours => People * Length.TotalHours;

    /// <summary>Returns e.g. <c>DayGates at 500101-001-01, 2022-07-18T08:00 for 8 h × 2</c>.</summary>
    /// <returns>The demand in words.</returns>
    public override string ToString()
        => string.Format(CultureInfo.InvariantCulture, "{0} at {1}, {2:uuuu-MM-dd'T'HH:mm} for {3:0.##} h × {4}", Duty, Post, Start, Length.TotalHours, People);

    /// <summary>Returns a copy needing a different number of people.</summary>
    /// <param name="people">How many people: at least 1.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="people"/> is below 1.</exception>
    public RosterDemand WithPeople(int people) => new(Post, Duty, Start, Length, IsNight, people);
}
