using System;
using CommunityControl.Authority;

namespace CommunityControl.Records;

/// <summary>
/// Who reads records and why: a staff member's pseudonymous id, role and purpose code. The audited stores
/// (<see cref="AuditedPassageStore"/>, <see cref="AuditedHealthReportStore"/>, <see cref="AuditedFollowUpStore"/>) record
/// a <see cref="RecordRead"/> in its name for every person whose records it reads.
/// </summary>
/// <remarks><see cref="ToString"/> shows the role and purpose, never the id.</remarks>
/// <threadsafety static="true" instance="true">Immutable; safe to share between threads.</threadsafety>
public sealed class RecordReader
{
    /// <summary>Creates a reader.</summary>
    /// <param name="id">The staff member's pseudonymous id.</param>
    /// <param name="role">The staff member's role.</param>
    /// <param name="purpose">The purpose, as the host's code for it (e.g. <c>contact-tracing</c>): 1–128 ASCII letters, digits and <c>- _ . :</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, or <paramref name="purpose"/> is empty, too long or has a character not allowed.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="purpose"/> is null.</exception>
    public RecordReader(PersonId id, Role role, string purpose)
    {
        Id = id.IsEmpty ? throw new ArgumentException("The reader's id must not be empty.", nameof(id)) : id;
        Role = role;
        Purpose = RecordKey.Check(purpose, nameof(purpose));
    }

    /// <summary>Gets the staff member's pseudonymous id.</summary>
    public PersonId Id { get; }

    /// <summary>Gets the staff member's role.</summary>
    public Role Role { get; }

    /// <summary>Gets the purpose code.</summary>
    public string Purpose { get; }

    /// <summary>Returns the role and purpose; never the id.</summary>
    /// <returns>E.g. <c>A CommunityWorker for contact-tracing</c>.</returns>
    public override string ToString() => $"A {Role} for {Purpose}";

    /// <summary>The entry of the audit trail for a read of a subject's records of a kind, now.</summary>
    internal RecordRead ReadOf(PersonId subject, RecordKind kind, NodaTime.IClock clock) => new()
    {
        IdempotencyKey = "read:" + Guid.NewGuid().ToString("N"),
        At = clock.GetCurrentInstant(),
        Reader = Id,
        ReaderRole = Role,
        Subject = subject,
        Kind = kind,
        Purpose = Purpose,
    };
}
