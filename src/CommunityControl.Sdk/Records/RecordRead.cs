using System;
using CommunityControl.Authority;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// One entry of the audit trail: who (a pseudonymous staff id and a role) read whose records (a pseudonymous subject),
/// of which kind, for what purpose, and when (PIPL Art. 28: sensitive personal information only for a specific
/// purpose).
/// </summary>
/// <remarks><see cref="ToString"/> shows the kind, purpose code, role and instant; never the reader's or the subject's id.</remarks>
/// <threadsafety static="true" instance="true">Immutable once initialized; safe to share between threads.</threadsafety>
public sealed class RecordRead
{
    private readonly string _idempotencyKey = string.Empty;
    private readonly PersonId _reader;
    private readonly PersonId _subject;
    private readonly RecordKind _kind;
    private readonly string _purpose = string.Empty;

    /// <summary>Gets the idempotency key: the same read, logged again, carries the same key.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    /// <exception cref="ArgumentException">Set to an empty or too long key, or one with a character not allowed.</exception>
    public required string IdempotencyKey
    {
        get => _idempotencyKey;
        init => _idempotencyKey = RecordKey.Check(value, nameof(IdempotencyKey));
    }

    /// <summary>Gets when the records were read.</summary>
    public required Instant At { get; init; }

    /// <summary>Gets the pseudonymous id of the staff member who read.</summary>
    /// <exception cref="ArgumentException">Set to the empty id.</exception>
    public required PersonId Reader
    {
        get => _reader;
        init => _reader = value.IsEmpty ? throw new ArgumentException("The reader's id must not be empty.", nameof(Reader)) : value;
    }

    /// <summary>Gets the reader's role.</summary>
    public Role ReaderRole { get; init; }

    /// <summary>Gets the pseudonymous id of the person whose records were read.</summary>
    /// <exception cref="ArgumentException">Set to the empty id.</exception>
    public required PersonId Subject
    {
        get => _subject;
        init => _subject = value.IsEmpty ? throw new ArgumentException("The subject's id must not be empty.", nameof(Subject)) : value;
    }

    /// <summary>Gets the kind of record read.</summary>
    /// <exception cref="ArgumentException">Set to <see cref="RecordKind.Unknown"/> or an undefined value.</exception>
    public required RecordKind Kind
    {
        get => _kind;
        init => _kind = value > RecordKind.Unknown && value <= RecordKind.Arrivals ? value : throw new ArgumentException("The kind must be a defined value other than Unknown.", nameof(Kind));
    }

    /// <summary>Gets the purpose, as the host's code for it (e.g. <c>contact-tracing</c>, <c>follow-up</c>): 1–128 ASCII letters, digits and <c>- _ . :</c>.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    /// <exception cref="ArgumentException">Set to an empty or too long code, or one with a character not allowed.</exception>
    public required string Purpose
    {
        get => _purpose;
        init => _purpose = RecordKey.Check(value, nameof(Purpose));
    }

    /// <summary>Returns the kind, purpose, role and instant; never an id.</summary>
    /// <returns>E.g. <c>Read of Passages for contact-tracing by a CommunityWorker at 2022-07-01T02:00:00Z</c>.</returns>
    public override string ToString() => $"Read of {Kind} for {Purpose} by a {ReaderRole} at {At}";
}
