using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Authority;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Records;

/// <summary>
/// Traces a case through the passage register (溯源): the people who passed the gates the case passed, within a window
/// around each of the case's passages, each with the evidence; and the households of the case's building or unit.
/// </summary>
/// <remarks>
/// <para>Reads the case's passages in the infectious period, then for each gate the passages in the merged windows
/// around the case's passages there: one gate query per run of overlapping windows, so the work grows with the case's
/// passages and the traffic in their windows, not with the register.</para>
/// <para>Tracing reads whose passages lie near the case (whereabouts: sensitive under PIPL Art. 28). The overload with an
/// <see cref="AuthorityPolicy"/> checks that the caller's role holds <see cref="Permissions.TraceContacts"/> and otherwise
/// returns an escalated result (<see cref="CoPresenceResult.IsEscalated"/>) naming the roles that hold it, reading
/// nothing; pass an <see cref="AuditedPassageStore"/> to record the reads in the audit trail.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Stateless; safe to call concurrently.</threadsafety>
public static class CoPresenceTracing
{
    /// <summary>Traces one case if the caller's role may: otherwise returns an escalated result and reads nothing.</summary>
    /// <param name="store">The passage register (an <see cref="AuditedPassageStore"/> to record the reads).</param>
    /// <param name="query">The case, infectious period, window and residences.</param>
    /// <param name="authority">The powers, e.g. <c>edition.Authority</c> or <see cref="AuthorityPolicy.ChinaInfectiousDiseaseLaw2013"/>.</param>
    /// <param name="role">The caller's role.</param>
    /// <param name="at">The instant of the trace, for time-bounded grants. Grants that hold only while measures are in force
    /// do not count: tracing is not a gate measure.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The trace, or an escalated result naming <see cref="Permissions.TraceContacts"/> and the roles that hold it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/>, <paramref name="query"/> or <paramref name="authority"/> is null.</exception>
    /// <exception cref="ArgumentException">The query is invalid (the message names the property), or a residence is not in the tree.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static ValueTask<CoPresenceResult> TraceAsync(IPassageStore store, CoPresenceQuery query, AuthorityPolicy authority, Role role, Instant at, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(store);
        Guard.NotNull(query);
        Guard.NotNull(authority);
        if (query.Validate() is { } error)
        {
            throw new ArgumentException(error, nameof(query));
        }

        cancellationToken.ThrowIfCancellationRequested();
        const Permissions needed = Permissions.TraceContacts;
        if ((authority.PermissionsOf(role, at) & needed) != needed)
        {
            return new ValueTask<CoPresenceResult>(CoPresenceResult.Escalated(query, needed, authority.HoldersOf(needed, at)));
        }

        return TraceAsync(store, query, cancellationToken);
    }

    /// <summary>Traces one case, without checking the caller's permission (the host has checked it).</summary>
    /// <param name="store">The passage register.</param>
    /// <param name="query">The case, infectious period, window and residences.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The case's gates, the contacts with their evidence, and the households of the case's building or unit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="query"/> is null.</exception>
    /// <exception cref="ArgumentException">The query is invalid (the message names the property), or a residence is not in the tree.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async ValueTask<CoPresenceResult> TraceAsync(IPassageStore store, CoPresenceQuery query, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(store);
        Guard.NotNull(query);
        var error = query.Validate();
        if (error is not null)
        {
            throw new ArgumentException(error, nameof(query));
        }

        // The trace's activity names no person: only how much it read and found.
        using var activity = Telemetry.Source.HasListeners() ? Telemetry.Source.StartActivity("communitycontrol.records.trace", System.Diagnostics.ActivityKind.Internal) : null;
        var casePassages = new List<PassageRecord>();
        await foreach (var p in store.PassagesOfPersonAsync(query.Case, query.InfectiousPeriod, cancellationToken).ConfigureAwait(false))
        {
            casePassages.Add(p);
        }

        var byPerson = new Dictionary<PersonId, List<ContactEvidence>>();
        var gates = casePassages.Select(p => p.Gate).Distinct().OrderBy(g => g).ToList();
        foreach (var gate in gates)
        {
            var atGate = casePassages.Where(p => p.Gate == gate).Select(p => p.At).ToList();
            foreach (var window in MergedWindows(atGate, query.Window))
            {
                await foreach (var p in store.PassagesAtGateAsync(gate, window, cancellationToken).ConfigureAwait(false))
                {
                    if (p.Person != query.Case)
                    {
                        var nearest = Nearest(casePassages, gate, p.At, query.Window);
                        if (nearest is not null)
                        {
                            Add(byPerson, p.Person, new ContactEvidence(nearest, p));
                        }
                    }
                }
            }
        }

        var contacts = byPerson.OrderBy(pair => pair.Key)
            .Select(pair =>
            {
                var evidence = pair.Value.OrderBy(e => e.ContactPassage.At).ToList();
                return new CoPresenceContact(pair.Key, evidence[0].ContactPassage.Household, evidence.AsReadOnly());
            })
            .ToList();
        activity?.SetTag("communitycontrol.records.case_passages", casePassages.Count);
        activity?.SetTag("communitycontrol.records.gates", gates.Count);
        activity?.SetTag("communitycontrol.records.contacts", contacts.Count);
        return new CoPresenceResult(query, casePassages.AsReadOnly(), gates.AsReadOnly(), contacts.AsReadOnly(), SharedResidence(query));
    }

    /// <summary>The windows [t − Δ, t + Δ] around the sorted instants, merged where they overlap, as half-open intervals.</summary>
    private static IEnumerable<Interval> MergedWindows(List<Instant> instants, Duration window)
    {
        instants.Sort();
        var tick = Duration.Epsilon;
        Instant? start = null;
        var end = Instant.MinValue;
        foreach (var at in instants)
        {
            if (start is not null && at - window <= end)
            {
                end = at + window + tick;
                continue;
            }

            if (start is not null)
            {
                yield return new Interval(start.Value, end);
            }

            (start, end) = (at - window, at + window + tick);
        }

        if (start is not null)
        {
            yield return new Interval(start.Value, end);
        }
    }

    /// <summary>The case's passage at the gate nearest to the instant, within the window (the earlier on a tie); null when none.</summary>
    private static PassageRecord? Nearest(List<PassageRecord> casePassages, ZoneId gate, Instant at, Duration window)
    {
        PassageRecord? best = null;
        var bestGap = Duration.MaxValue;
        foreach (var c in casePassages)
        {
            if (c.Gate != gate)
            {
                continue;
            }

            var gap = c.At > at ? c.At - at : at - c.At;
            if (gap <= window && gap < bestGap)
            {
                (best, bestGap) = (c, gap);
            }
        }

        return best;
    }

    private static void Add(Dictionary<PersonId, List<ContactEvidence>> byPerson, PersonId person, ContactEvidence evidence)
    {
        if (!byPerson.TryGetValue(person, out var list))
        {
            byPerson.Add(person, list = new List<ContactEvidence>());
        }

        list.Add(evidence);
    }

    private static IReadOnlyList<HouseholdId> SharedResidence(CoPresenceQuery query)
    {
        if (query.Residences is null || query.CaseHousehold.IsEmpty)
        {
            return Array.Empty<HouseholdId>();
        }

        var tree = query.Tree!;
        if (!query.Residences.ContainsKey(query.CaseHousehold))
        {
            throw new ArgumentException("Residences: the case's household has no residence.", nameof(query));
        }

        var residences = query.Residences.ToDictionary(pair => pair.Key, pair => tree.IndexOf(pair.Value));
        if (residences.Values.Any(i => i < 0))
        {
            throw new ArgumentException("Residences: a residence is not in the tree.", nameof(query));
        }

        var shared = Enclosing(tree, residences[query.CaseHousehold], query.SharedResidence);
        if (shared < 0)
        {
            return Array.Empty<HouseholdId>();
        }

        return residences
            .Where(pair => tree.IsWithin(pair.Value, shared))
            .Select(pair => pair.Key)
            .OrderBy(h => h.Value, StringComparer.Ordinal)
            .ToList()
            .AsReadOnly();
    }

    /// <summary>The index of the zone itself or its nearest ancestor of the kind; −1 when none.</summary>
    private static int Enclosing(ZoneTree tree, int index, ZoneKind kind)
    {
        var z = tree[index];
        if (z.Kind == kind)
        {
            return z.Index;
        }

        foreach (var a in z.Ancestors)
        {
            if (a.Kind == kind)
            {
                return a.Index;
            }
        }

        return -1;
    }
}
