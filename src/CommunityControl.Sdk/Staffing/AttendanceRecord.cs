using System;
using CommunityControl.Internal;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// One clock-in or clock-out of a worker, as an <see cref="IAttendanceStore"/> keeps it. An <see cref="AttendanceSheet"/>
/// pairs them into sessions and sets them against the shifts a <see cref="StaffingPlan"/> gave.
/// </summary>
/// <remarks>
/// The record carries the pseudonymous <see cref="Person"/> only; <see cref="ToString"/> shows the kind and the instant
/// and nothing else. A correction (a forgotten clock-out entered by a supervisor) is a new record with its own key and
/// the true instant: records are never changed.
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable once initialized; safe to share between threads.</threadsafety>
public sealed class AttendanceRecord
{
    /// <summary>The longest idempotency key accepted, in characters: 128.</summary>
    public const int MaxKeyLength = 128;

    private readonly string _idempotencyKey = string.Empty;
    private readonly PersonId _person;
    private readonly AttendanceKind _kind;

    /// <summary>Gets the idempotency key: the same clocking, sent again, carries the same key.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    /// <exception cref="ArgumentException">Set to an empty key, one longer than <see cref="MaxKeyLength"/>, or one with a
    /// character other than ASCII letters, digits and <c>- _ . :</c>.</exception>
    public required string IdempotencyKey
    {
        get => _idempotencyKey;
        init => _idempotencyKey = CheckKey(value, nameof(IdempotencyKey));
    }

    /// <summary>Gets the pseudonymous id of the worker.</summary>
    /// <exception cref="ArgumentException">Set to the empty id.</exception>
    public required PersonId Person
    {
        get => _person;
        init => _person = value.IsEmpty ? throw new ArgumentException("The person id must not be empty.", nameof(Person)) : value;
    }

    /// <summary>Gets whether this is a clock-in or a clock-out.</summary>
    /// <exception cref="ArgumentException">Set to <see cref="AttendanceKind.Unknown"/> or an undefined value.</exception>
    public required AttendanceKind Kind
    {
        get => _kind;
        init => _kind = value is AttendanceKind.ClockIn or AttendanceKind.ClockOut ? value : throw new ArgumentException("The kind must be ClockIn or ClockOut.", nameof(Kind));
    }

    /// <summary>Gets when the worker clocked.</summary>
    public required Instant At { get; init; }

    /// <summary>Returns the kind and the instant only.</summary>
    /// <returns>E.g. <c>ClockIn at 2020-02-14T00:00:00Z</c>.</returns>
    public override string ToString() => $"{Kind} at {At}";

    private static string CheckKey(string? value, string parameterName)
    {
        Guard.NotNull(value, parameterName);
        if (value.Length == 0 || value.Length > MaxKeyLength)
        {
            throw new ArgumentException($"The idempotency key must have 1 to {MaxKeyLength} characters; it has {value.Length}.", parameterName);
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c is '-' or '_' or '.' or ':'))
            {
                throw new ArgumentException($"The idempotency key may hold only ASCII letters, digits and - _ . : ; the character at position {i} is not allowed.", parameterName);
            }
        }

        return value;
    }
}
