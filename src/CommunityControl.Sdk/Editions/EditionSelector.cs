using System;
using System.Collections.Generic;
using CommunityControl.Internal;
using NodaTime;

namespace CommunityControl.Editions;

/// <summary>
/// Picks the edition in force now, from a catalog and a clock: either a pinned edition, or the one the catalog says is
/// certainly in force for a jurisdiction on today's local date. Registered by <c>AddCommunityControl</c>; usable without
/// dependency injection too.
/// </summary>
/// <threadsafety static="true" instance="true">Immutable; reads the clock on each call.</threadsafety>
public sealed class EditionSelector
{
    private readonly PolicyEdition? _pinned;

    /// <summary>Creates a selector.</summary>
    /// <param name="catalog">The editions to choose from.</param>
    /// <param name="clock">The clock that says what "now" is.</param>
    /// <param name="timeZone">The time zone of "today" (the community's).</param>
    /// <param name="jurisdiction">The jurisdiction whose editions apply, e.g. <c>CN</c>.</param>
    /// <param name="pinnedEditionId">An edition to use whatever the date, or null to choose by date.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="jurisdiction"/> is empty, or <paramref name="pinnedEditionId"/> is not in the catalog.</exception>
    public EditionSelector(EditionCatalog catalog, IClock clock, DateTimeZone timeZone, string jurisdiction, string? pinnedEditionId = null)
    {
        Catalog = Guard.NotNull(catalog);
        Clock = Guard.NotNull(clock);
        TimeZone = Guard.NotNull(timeZone);
        Jurisdiction = Guard.NotNullOrWhiteSpace(jurisdiction);
        if (pinnedEditionId is not null)
        {
            if (!catalog.TryGet(pinnedEditionId, out var pinned))
            {
                throw new ArgumentException($"The catalog has no edition '{pinnedEditionId}'.", nameof(pinnedEditionId));
            }

            _pinned = pinned;
        }
    }

    /// <summary>Gets the editions to choose from.</summary>
    public EditionCatalog Catalog { get; }

    /// <summary>Gets the clock that says what "now" is.</summary>
    public IClock Clock { get; }

    /// <summary>Gets the time zone of "today".</summary>
    public DateTimeZone TimeZone { get; }

    /// <summary>Gets the jurisdiction whose editions apply.</summary>
    public string Jurisdiction { get; }

    /// <summary>Gets the pinned edition, or null when the edition is chosen by date.</summary>
    public PolicyEdition? Pinned => _pinned;

    /// <summary>Gets today's local date in <see cref="TimeZone"/>, from <see cref="Clock"/>.</summary>
    public LocalDate Today => Clock.GetCurrentInstant().InZone(TimeZone).Date;

    /// <summary>Gets the edition in force now.</summary>
    /// <exception cref="KeyNotFoundException">No edition is pinned and none is certainly in force today.</exception>
    public PolicyEdition Current => On(Today);

    /// <summary>Gets the edition in force on a date: the pinned one, or the catalog's choice.</summary>
    /// <param name="date">The local date.</param>
    /// <returns>The edition.</returns>
    /// <exception cref="KeyNotFoundException">No edition is pinned and none is certainly in force on <paramref name="date"/>.</exception>
    public PolicyEdition On(LocalDate date) => _pinned ?? Catalog.InForceOn(date, Jurisdiction);

    /// <summary>Returns the jurisdiction and the pinned edition, if any.</summary>
    /// <returns>E.g. <c>EditionSelector CN (pinned: cn-2022-06-ninth-edition)</c>.</returns>
    public override string ToString() => $"EditionSelector {Jurisdiction} ({(_pinned is null ? "by date" : "pinned: " + _pinned.Id)})";
}
