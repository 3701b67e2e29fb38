using System;
using CommunityControl.Internal;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>One shift of a <see cref="ShiftPattern"/>: a name, a start time and a length.</summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class ShiftDefinition
{
    /// <summary>Creates a shift.</summary>
    /// <param name="name">The shift's name, e.g. <c>Night</c>; unique in its pattern.</param>
    /// <param name="start">The local time it starts.</param>
    /// <param name="length">How long it lasts (whole minutes, validated by the pattern).</param>
    /// <param name="isNight">Whether it counts as a night shift (night gates, night-shift limits).</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public ShiftDefinition(string name, LocalTime start, Duration length, bool isNight)
    {
        Name = Guard.NotNull(name);
        Start = start;
        Length = length;
        IsNight = isNight;
    }

    /// <summary>Gets the shift's name.</summary>
    public string Name { get; }

    /// <summary>Gets the local time the shift starts.</summary>
    public LocalTime Start { get; }

    /// <summary>Gets the shift's length.</summary>
    public Duration Length { get; }

    /// <summary>Gets the local time the shift ends (on the next day when it runs past midnight).</summary>
    public LocalTime End => Start.PlusMinutes((long)Length.TotalMinutes);

    /// <summary>Gets a value indicating whether this is a night shift.</summary>
    public bool IsNight { get; }

    /// <summary>Returns e.g. <c>Night 20:00–08:00 (night)</c>.</summary>
    /// <returns>The shift in words.</returns>
    public override string ToString() => $"{Name} {ShiftPattern.Time(Start)}–{ShiftPattern.Time(End)}" + (IsNight ? " (night)" : string.Empty);
}
