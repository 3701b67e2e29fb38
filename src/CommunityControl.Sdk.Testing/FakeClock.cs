using System;
using CommunityControl.Internal;
using NodaTime;

namespace CommunityControl.Testing;

/// <summary>
/// A clock for tests: it reads a time you set and moves only when you move it (or by <see cref="AutoAdvance"/> after
/// each read). Shaped like NodaTime.Testing's FakeClock, which is not available from the registry this project uses.
/// </summary>
/// <threadsafety static="true" instance="true">All members are safe to call from several threads.</threadsafety>
public sealed class FakeClock : IClock
{
    private readonly object _gate = new();
    private Instant _now;
    private Duration _autoAdvance;

    /// <summary>Creates a clock at <paramref name="initial"/> that does not advance by itself.</summary>
    /// <param name="initial">The time the clock starts at.</param>
    public FakeClock(Instant initial)
        : this(initial, Duration.Zero)
    {
    }

    /// <summary>Creates a clock at <paramref name="initial"/> that advances by <paramref name="autoAdvance"/> after each read.</summary>
    /// <param name="initial">The time the clock starts at.</param>
    /// <param name="autoAdvance">How far each <see cref="GetCurrentInstant"/> moves the clock on.</param>
    public FakeClock(Instant initial, Duration autoAdvance)
    {
        _now = initial;
        _autoAdvance = autoAdvance;
    }

    /// <summary>Gets or sets how far each <see cref="GetCurrentInstant"/> moves the clock on.</summary>
    /// <value>The default is <see cref="Duration.Zero"/>: the clock moves only when told to.</value>
    public Duration AutoAdvance
    {
        get
        {
            lock (_gate)
            {
                return _autoAdvance;
            }
        }

        set
        {
            lock (_gate)
            {
                _autoAdvance = value;
            }
        }
    }

    /// <summary>Creates a clock at a UTC date and time.</summary>
    /// <param name="year">The year.</param>
    /// <param name="month">The month, 1–12.</param>
    /// <param name="day">The day of the month.</param>
    /// <param name="hour">The hour, 0–23.</param>
    /// <param name="minute">The minute, 0–59.</param>
    /// <param name="second">The second, 0–59.</param>
    /// <returns>The clock.</returns>
    public static FakeClock FromUtc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0)
        => new(Instant.FromUtc(year, month, day, hour, minute, second));

    /// <summary>Creates a clock at a local date and time in a time zone (e.g. a community's Asia/Shanghai).</summary>
    /// <param name="local">The local date and time.</param>
    /// <param name="zone">The time zone.</param>
    /// <returns>The clock.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public static FakeClock AtLocal(LocalDateTime local, DateTimeZone zone)
        => new(Guard.NotNull(zone).AtStrictly(local).ToInstant());

    /// <summary>Returns the clock's time, then moves it on by <see cref="AutoAdvance"/>.</summary>
    /// <returns>The current instant.</returns>
    public Instant GetCurrentInstant()
    {
        lock (_gate)
        {
            var now = _now;
            _now += _autoAdvance;
            return now;
        }
    }

    /// <summary>Moves the clock on (or back, with a negative duration).</summary>
    /// <param name="duration">How far to move.</param>
    public void Advance(Duration duration)
    {
        lock (_gate)
        {
            _now += duration;
        }
    }

    /// <summary>Moves the clock on by whole days.</summary>
    /// <param name="days">The number of days.</param>
    public void AdvanceDays(int days) => Advance(Duration.FromDays(days));

    /// <summary>Moves the clock on by whole hours.</summary>
    /// <param name="hours">The number of hours.</param>
    public void AdvanceHours(int hours) => Advance(Duration.FromHours(hours));

    /// <summary>Moves the clock on by whole minutes.</summary>
    /// <param name="minutes">The number of minutes.</param>
    public void AdvanceMinutes(long minutes) => Advance(Duration.FromMinutes(minutes));

    /// <summary>Sets the clock to an instant.</summary>
    /// <param name="instant">The new time.</param>
    public void Reset(Instant instant)
    {
        lock (_gate)
        {
            _now = instant;
        }
    }

    /// <summary>Returns the clock's time without moving it.</summary>
    /// <returns>E.g. <c>FakeClock 2022-06-28T00:00:00Z</c>.</returns>
    public override string ToString()
    {
        lock (_gate)
        {
            return "FakeClock " + _now.ToString();
        }
    }
}
