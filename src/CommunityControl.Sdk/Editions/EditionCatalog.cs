using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using CommunityControl.Internal;
using NodaTime;

namespace CommunityControl.Editions;

/// <summary>
/// A set of editions that picks the one in force on a date in a jurisdiction: among the editions whose first day is
/// confirmed and that have not ended, the one that took effect last (it supersedes the earlier ones).
/// </summary>
/// <remarks>
/// Editions whose first day the sources do not confirm (e.g. China's 2022 three zones, "≤ 2022-01") are reachable by
/// id (<see cref="Get(string)"/>) but never picked by date; <see cref="PossiblyInForceOn(LocalDate, string)"/> lists them
/// when their possible dates cover the day. Between such editions the catalog answers with the latest confirmed one,
/// which may in reality have been superseded: check <see cref="PolicyEdition.Notes"/>.
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class EditionCatalog
{
    private readonly Dictionary<string, PolicyEdition> _byId;

    private EditionCatalog(PolicyEdition[] editions)
    {
        Editions = Array.AsReadOnly(editions);
        _byId = editions.ToDictionary(e => e.Id, StringComparer.Ordinal);
    }

    /// <summary>Gets the editions, in the order given.</summary>
    public IReadOnlyList<PolicyEdition> Editions { get; }

    /// <summary>Creates a catalog.</summary>
    /// <param name="editions">The editions; ids must be unique.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="editions"/> is null.</exception>
    /// <exception cref="ModelValidationException">An edition is null or an id repeats.</exception>
    public static EditionCatalog Create(IEnumerable<PolicyEdition> editions)
    {
        var array = Guard.NotNull(editions).ToArray();
        var failures = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Length; i++)
        {
            if (array[i] is null)
            {
                failures.Add($"Edition #{i + 1} is null.");
            }
            else if (!ids.Add(array[i].Id))
            {
                failures.Add($"Edition id '{array[i].Id}' is used twice.");
            }
        }

        if (failures.Count > 0)
        {
            throw new ModelValidationException(typeof(EditionCatalog), failures);
        }

        return new EditionCatalog(array);
    }

    /// <summary>Gets an edition by id.</summary>
    /// <param name="id">The edition's id.</param>
    /// <returns>The edition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">The catalog has no edition with that id.</exception>
    public PolicyEdition Get(string id)
        => TryGet(Guard.NotNull(id), out var edition)
            ? edition
            : throw new KeyNotFoundException($"The catalog has no edition '{id}'; it has {string.Join(", ", _byId.Keys)}.");

    /// <summary>Gets an edition by id, if the catalog has it.</summary>
    /// <param name="id">The edition's id.</param>
    /// <param name="edition">The edition, or null.</param>
    /// <returns>True when found.</returns>
    public bool TryGet(string? id, [NotNullWhen(true)] out PolicyEdition? edition)
    {
        edition = null;
        return id is not null && _byId.TryGetValue(id, out edition);
    }

    /// <summary>Gets the edition in force on a date in a jurisdiction, if any; a city falls back to its country.</summary>
    /// <param name="date">The date.</param>
    /// <param name="jurisdiction">The jurisdiction, e.g. <c>CN</c> or a city's <c>CN-WH</c> (ordinal comparison).</param>
    /// <param name="edition">The edition that took effect last among those certainly in force, or null.</param>
    /// <returns>True when one is in force.</returns>
    /// <remarks>
    /// <para><b>Jurisdiction fallback.</b> The part of <paramref name="jurisdiction"/> before its first hyphen is the
    /// country (<c>CN-WH</c>, <c>CN-Wuhan</c> → <c>CN</c>). An edition of the jurisdiction itself that is in force wins,
    /// even over a later national one; when the city has none in force on that date (none at all, or its own not yet in
    /// force or ended), the country's edition in force is the answer. A jurisdiction without a hyphen has no fallback.
    /// When neither has one, the result is false (and <see cref="InForceOn"/> throws <see cref="KeyNotFoundException"/>).
    /// A city edition whose first day is not confirmed is not certainly in force, so the country's is the answer then:
    /// list the candidates with <see cref="PossiblyInForceOn"/> when dates are uncertain. Of two editions in force that
    /// took effect on the same day, the one listed later in the catalog wins.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="jurisdiction"/> is null.</exception>
    public bool TryGetInForce(LocalDate date, string jurisdiction, [NotNullWhen(true)] out PolicyEdition? edition)
    {
        Guard.NotNull(jurisdiction);
        if (TryGetInForceExactly(date, jurisdiction, out edition))
        {
            return true;
        }

        var hyphen = jurisdiction.IndexOf('-');
        return hyphen > 0 && TryGetInForceExactly(date, jurisdiction.Substring(0, hyphen), out edition);
    }

    private bool TryGetInForceExactly(LocalDate date, string jurisdiction, [NotNullWhen(true)] out PolicyEdition? edition)
    {
        edition = null;
        foreach (var e in Editions)
        {
            if (string.Equals(e.Jurisdiction, jurisdiction, StringComparison.Ordinal) && e.IsInForceOn(date)
                && (edition is null || e.EffectiveFrom!.Value.EarliestDay >= edition.EffectiveFrom!.Value.EarliestDay))
            {
                edition = e;
            }
        }

        return edition is not null;
    }

    /// <summary>Gets the edition in force on a date in a jurisdiction; a city falls back to its country (see <see cref="TryGetInForce"/>).</summary>
    /// <param name="date">The date.</param>
    /// <param name="jurisdiction">The jurisdiction, e.g. <c>CN</c> or <c>CN-WH</c>.</param>
    /// <returns>The edition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jurisdiction"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No edition of the catalog is certainly in force then and there, nor in the city's country.</exception>
    public PolicyEdition InForceOn(LocalDate date, string jurisdiction)
        => TryGetInForce(date, jurisdiction, out var edition)
            ? edition
            : throw new KeyNotFoundException($"No edition for '{jurisdiction}' is certainly in force on {date:uuuu'-'MM'-'dd}.");

    /// <summary>Lists the editions of a jurisdiction that may be in force on a date, the unconfirmed ones included.</summary>
    /// <param name="date">The date.</param>
    /// <param name="jurisdiction">The jurisdiction; a city's (<c>CN-WH</c>) lists its own editions, then its country's.</param>
    /// <returns>The editions whose possible dates cover the day: the jurisdiction's own, latest first, then (for a city)
    /// its country's, latest first, following the fallback of <see cref="TryGetInForce"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jurisdiction"/> is null.</exception>
    public IReadOnlyList<PolicyEdition> PossiblyInForceOn(LocalDate date, string jurisdiction)
    {
        Guard.NotNull(jurisdiction);
        var hyphen = jurisdiction.IndexOf('-');
        var own = PossiblyInForceExactly(date, jurisdiction);
        return (hyphen > 0 ? own.Concat(PossiblyInForceExactly(date, jurisdiction.Substring(0, hyphen))) : own)
            .ToList()
            .AsReadOnly();
    }

    private IEnumerable<PolicyEdition> PossiblyInForceExactly(LocalDate date, string jurisdiction)
        => Editions
            .Where(e => string.Equals(e.Jurisdiction, jurisdiction, StringComparison.Ordinal)
                && (e.EffectiveFrom is null || e.EffectiveFrom.Value.EarliestDay <= date)
                && (e.EffectiveUntil is null || date <= e.EffectiveUntil.Value.LatestDay))
            .OrderByDescending(e => e.EffectiveFrom?.EarliestDay ?? new LocalDate(1, 1, 1));

    /// <summary>Returns the number of editions.</summary>
    /// <returns>E.g. <c>EditionCatalog (11 editions)</c>.</returns>
    public override string ToString() => $"EditionCatalog ({Editions.Count} editions)";
}
