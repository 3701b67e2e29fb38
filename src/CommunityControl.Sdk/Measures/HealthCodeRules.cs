using System;
using CommunityControl.Internal;
using NodaTime;

namespace CommunityControl.Measures;

/// <summary>
/// How one issuer's health code changes colour: a yellow code turns green after a number of consecutive normal daily
/// check-ins, a red code after a larger number; a missed or abnormal check-in starts the count again.
/// </summary>
/// <remarks>
/// <para>Colour rules were per issuer (cn-policy §5): <see cref="Hangzhou2020"/> is the one the reference confirms
/// (§6.10 [S34]). A variant that also needs the county's confirmation to clear a red code (Ankang, grade C [S34c]) is
/// expressed with <see cref="RedNeedsConfirmation"/>.</para>
/// <para>Check-ins are per local date, at most one a day, in order. The count runs from the day the colour was assigned:
/// a day without a check-in after the previous check-in (or after the assignment) breaks the run.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
internal sealed class HealthCodeRules
{
    /// <summary>Creates the rules of an issuer.</summary>
    /// <param name="issuer">The issuer's id, e.g. <c>hangzhou-2020</c>.</param>
    /// <param name="yellowToGreenCheckIns">Consecutive normal check-ins that turn a yellow code green.</param>
    /// <param name="redToGreenCheckIns">Consecutive normal check-ins that turn a red code green.</param>
    /// <param name="yellowIsolationDays">The longest isolation of a yellow code, in days.</param>
    /// <param name="redIsolationDays">The isolation of a red code, in days.</param>
    /// <param name="redNeedsConfirmation">Whether a red code also needs the county's confirmation to turn green.</param>
    /// <param name="source">Where the rules come from.</param>
    /// <exception cref="ArgumentException"><paramref name="issuer"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is outside 1–60.</exception>
    public HealthCodeRules(string issuer, int yellowToGreenCheckIns, int redToGreenCheckIns, int yellowIsolationDays, int redIsolationDays, bool redNeedsConfirmation = false, string? source = null)
    {
        Issuer = Guard.NotNullOrWhiteSpace(issuer);
        YellowToGreenCheckIns = Guard.InRange(yellowToGreenCheckIns, 1, 60);
        RedToGreenCheckIns = Guard.InRange(redToGreenCheckIns, 1, 60);
        YellowIsolationDays = Guard.InRange(yellowIsolationDays, 0, 60);
        RedIsolationDays = Guard.InRange(redIsolationDays, 0, 60);
        RedNeedsConfirmation = redNeedsConfirmation;
        Source = source;
    }

    /// <summary>
    /// Gets Hangzhou's rules of 2020-02-11: green passes; yellow is restricted, isolation of up to 7 days, and 7
    /// consecutive normal check-ins turn it green; red is denied, isolation of 14 days, and 14 consecutive normal
    /// check-ins turn it green. (cn-policy §5, §6.10 [S34])
    /// </summary>
    public static HealthCodeRules Hangzhou2020 { get; } = new("hangzhou-2020", 7, 14, 7, 14, source: "cn-policy §6.10 [S34]");

    /// <summary>Gets the issuer's id.</summary>
    public string Issuer { get; }

    /// <summary>Gets the consecutive normal check-ins that turn a yellow code green.</summary>
    public int YellowToGreenCheckIns { get; }

    /// <summary>Gets the consecutive normal check-ins that turn a red code green.</summary>
    public int RedToGreenCheckIns { get; }

    /// <summary>Gets the longest isolation of a yellow code, in days.</summary>
    public int YellowIsolationDays { get; }

    /// <summary>Gets the isolation of a red code, in days.</summary>
    public int RedIsolationDays { get; }

    /// <summary>Gets a value indicating whether a red code also needs confirmation to turn green.</summary>
    public bool RedNeedsConfirmation { get; }

    /// <summary>Gets where the rules come from.</summary>
    public string? Source { get; }

    /// <summary>Starts a code in a colour on a date (the issuer's assignment).</summary>
    /// <param name="colour">The colour.</param>
    /// <param name="date">The local date of the assignment.</param>
    /// <returns>The new state, with no check-ins counted.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="colour"/> is <see cref="HealthCodeColour.Unknown"/> or undefined.</exception>
    public HealthCodeState Assign(HealthCodeColour colour, LocalDate date)
    {
        if (colour <= HealthCodeColour.Unknown || colour > HealthCodeColour.Invalid)
        {
            throw new ArgumentOutOfRangeException(nameof(colour), colour, $"A code is assigned Green, Yellow, Red or Invalid; it was {colour}.");
        }

        return new HealthCodeState(Issuer, colour, date, null, 0, false);
    }

    /// <summary>Applies one daily check-in.</summary>
    /// <param name="state">The state before.</param>
    /// <param name="date">The local date of the check-in.</param>
    /// <param name="normal">Whether the declaration was normal.</param>
    /// <returns>The state after: the count grows on a normal check-in after an unbroken run, or starts again; at the
    /// issuer's count a yellow or red code turns green.</returns>
    /// <exception cref="ArgumentException"><paramref name="state"/> was never assigned, or <paramref name="date"/> is
    /// not after the last check-in and on or after the assignment.</exception>
    public HealthCodeState CheckIn(HealthCodeState state, LocalDate date, bool normal)
    {
        if (state.Colour == HealthCodeColour.Unknown)
        {
            throw new ArgumentException("The code has no colour yet; assign one first.", nameof(state));
        }

        if (!string.Equals(state.Issuer, Issuer, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The code was issued under '{state.Issuer}', not '{Issuer}'.", nameof(state));
        }

        if (date < state.AssignedOn || (state.LastCheckIn is { } last && date <= last))
        {
            throw new ArgumentException($"Check-ins are daily and in order: {date:uuuu-MM-dd} is not after the last check-in or the assignment.", nameof(date));
        }

        var previous = state.LastCheckIn ?? state.AssignedOn;
        var unbroken = state.LastCheckIn is null ? date <= previous.PlusDays(1) : date == previous.PlusDays(1);
        var count = normal ? (unbroken ? state.ConsecutiveNormalCheckIns + 1 : 1) : 0;
        var colour = state.Colour;
        var awaiting = state.AwaitingConfirmation;
        if (colour == HealthCodeColour.Yellow && count >= YellowToGreenCheckIns)
        {
            return new HealthCodeState(Issuer, HealthCodeColour.Green, date, date, 0, false);
        }

        if (colour == HealthCodeColour.Red && count >= RedToGreenCheckIns)
        {
            if (!RedNeedsConfirmation)
            {
                return new HealthCodeState(Issuer, HealthCodeColour.Green, date, date, 0, false);
            }

            awaiting = true;
        }

        return new HealthCodeState(Issuer, colour, state.AssignedOn, date, count, awaiting && colour == HealthCodeColour.Red);
    }

    /// <summary>Confirms a red code that has completed its check-ins (issuers with <see cref="RedNeedsConfirmation"/>).</summary>
    /// <param name="state">The state.</param>
    /// <param name="date">The local date of the confirmation.</param>
    /// <returns>A green code assigned on <paramref name="date"/>.</returns>
    /// <exception cref="InvalidOperationException">The code is not awaiting confirmation under these rules.</exception>
    public HealthCodeState Confirm(HealthCodeState state, LocalDate date)
    {
        if (!RedNeedsConfirmation || !state.AwaitingConfirmation || !string.Equals(state.Issuer, Issuer, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The code is not awaiting confirmation under '{Issuer}'.");
        }

        return new HealthCodeState(Issuer, HealthCodeColour.Green, date, date, 0, false);
    }

    /// <summary>Gets the isolation that goes with a colour, in days: 0 for green.</summary>
    /// <param name="colour">The colour.</param>
    /// <returns>The days.</returns>
    public int IsolationDaysFor(HealthCodeColour colour) => colour switch
    {
        HealthCodeColour.Yellow => YellowIsolationDays,
        HealthCodeColour.Red => RedIsolationDays,
        _ => 0,
    };

    /// <summary>Returns the issuer and counts.</summary>
    /// <returns>E.g. <c>hangzhou-2020: yellow → green after 7, red → green after 14</c>.</returns>
    public override string ToString() => $"{Issuer}: yellow → green after {YellowToGreenCheckIns}, red → green after {RedToGreenCheckIns}";
}

/// <summary>The state of one person's health code under <see cref="HealthCodeRules"/>: colour and check-in run.</summary>
/// <remarks>Holds no personal data: whose code it is, the host keeps by a pseudonymous id.</remarks>
/// <threadsafety static="true" instance="true"/>
internal readonly struct HealthCodeState : IEquatable<HealthCodeState>
{
    private readonly string? _issuer;

    internal HealthCodeState(string issuer, HealthCodeColour colour, LocalDate assignedOn, LocalDate? lastCheckIn, int count, bool awaiting)
    {
        _issuer = issuer;
        Colour = colour;
        AssignedOn = assignedOn;
        LastCheckIn = lastCheckIn;
        ConsecutiveNormalCheckIns = count;
        AwaitingConfirmation = awaiting;
    }

    /// <summary>Gets the id of the issuer whose rules apply; empty for <c>default</c>.</summary>
    public string Issuer => _issuer ?? string.Empty;

    /// <summary>Gets the colour; <see cref="HealthCodeColour.Unknown"/> for <c>default</c>.</summary>
    public HealthCodeColour Colour { get; }

    /// <summary>Gets the local date the current colour was assigned (or reached).</summary>
    public LocalDate AssignedOn { get; }

    /// <summary>Gets the date of the last check-in, or null.</summary>
    public LocalDate? LastCheckIn { get; }

    /// <summary>Gets the run of consecutive normal check-ins.</summary>
    public int ConsecutiveNormalCheckIns { get; }

    /// <summary>Gets a value indicating whether a red code has its check-ins and awaits confirmation.</summary>
    public bool AwaitingConfirmation { get; }

    /// <inheritdoc/>
    public bool Equals(HealthCodeState other) => string.Equals(_issuer, other._issuer, StringComparison.Ordinal) && Colour == other.Colour && AssignedOn == other.AssignedOn && LastCheckIn == other.LastCheckIn
        && ConsecutiveNormalCheckIns == other.ConsecutiveNormalCheckIns && AwaitingConfirmation == other.AwaitingConfirmation;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is HealthCodeState other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => unchecked(((int)Colour * 397) ^ AssignedOn.GetHashCode() ^ (ConsecutiveNormalCheckIns << 8));

    /// <summary>Returns the colour and run, e.g. <c>Yellow (3 normal check-ins)</c>.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"{Colour} ({ConsecutiveNormalCheckIns} normal check-ins)";

    /// <summary>Compares two states for equality.</summary>
    /// <param name="left">The first state.</param>
    /// <param name="right">The second state.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(HealthCodeState left, HealthCodeState right) => left.Equals(right);

    /// <summary>Compares two states for inequality.</summary>
    /// <param name="left">The first state.</param>
    /// <param name="right">The second state.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(HealthCodeState left, HealthCodeState right) => !left.Equals(right);
}
