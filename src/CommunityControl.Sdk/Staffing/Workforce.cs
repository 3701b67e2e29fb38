using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Authority;
using CommunityControl.Internal;

namespace CommunityControl.Staffing;

/// <summary>
/// The people on a community's team, by source, with what each may do: the supply that a <see cref="StaffingPlan"/>
/// matches against demand.
/// </summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class Workforce : IReadOnlyList<StaffMember>
{
    private readonly StaffMember[] _members;
    private readonly Dictionary<PersonId, int> _index;

    private Workforce(StaffMember[] members)
    {
        _members = members;
        _index = new Dictionary<PersonId, int>(members.Length);
        for (var i = 0; i < members.Length; i++)
        {
            _index[members[i].Id] = i;
        }
    }

    /// <summary>Gets a workforce with nobody in it.</summary>
    public static Workforce Empty { get; } = new(Array.Empty<StaffMember>());

    /// <summary>
    /// Gets the <see cref="Role"/> (the authority vocabulary: what a person may do at a gate) of a person from a
    /// <see cref="WorkforceSource"/> (the staffing vocabulary: where a member of the team comes from). The two enums name
    /// the same seven kinds of person with the same values (1–7); <see cref="WorkforceSource.PartyMember"/> is
    /// <see cref="Role.PartyMemberVolunteer"/>. <see cref="Role.Police"/>, <see cref="Role.HealthWorker"/> and
    /// <see cref="Role.Cdc"/> hold powers but are not a community's workforce, so they have no source.
    /// </summary>
    /// <param name="source">The source.</param>
    /// <returns>The role; <see cref="Role.Unknown"/> for <see cref="WorkforceSource.Unknown"/> or an undefined value.</returns>
    public static Role RoleOf(WorkforceSource source) => source switch
    {
        WorkforceSource.CommunityWorker => Role.CommunityWorker,
        WorkforceSource.GridWorker => Role.GridWorker,
        WorkforceSource.PropertyStaff => Role.PropertyStaff,
        WorkforceSource.DeployedCadre => Role.DeployedCadre,
        WorkforceSource.PartyMember => Role.PartyMemberVolunteer,
        WorkforceSource.Volunteer => Role.Volunteer,
        WorkforceSource.HomeownersCommitteeMember => Role.HomeownersCommitteeMember,
        _ => Role.Unknown,
    };

    /// <summary>Finds the <see cref="WorkforceSource"/> of a <see cref="Role"/>: the inverse of <see cref="RoleOf"/>.</summary>
    /// <param name="role">The role.</param>
    /// <param name="source">The source, or <see cref="WorkforceSource.Unknown"/>.</param>
    /// <returns>True when the role is one of the seven kinds a community's workforce is drawn from.</returns>
    public static bool TryGetSource(Role role, out WorkforceSource source)
    {
        source = role switch
        {
            Role.CommunityWorker => WorkforceSource.CommunityWorker,
            Role.GridWorker => WorkforceSource.GridWorker,
            Role.PropertyStaff => WorkforceSource.PropertyStaff,
            Role.DeployedCadre => WorkforceSource.DeployedCadre,
            Role.PartyMemberVolunteer => WorkforceSource.PartyMember,
            Role.Volunteer => WorkforceSource.Volunteer,
            Role.HomeownersCommitteeMember => WorkforceSource.HomeownersCommitteeMember,
            _ => WorkforceSource.Unknown,
        };
        return source != WorkforceSource.Unknown;
    }

    /// <summary>Gets the number of people.</summary>
    public int Count => _members.Length;

    /// <summary>Gets the person at a position.</summary>
    /// <param name="index">0 to <see cref="Count"/> − 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public StaffMember this[int index] => _members[Guard.InRange(index, 0, _members.Length - 1)];

    /// <summary>Creates a workforce, checking every member; all problems are reported at once.</summary>
    /// <param name="members">The people; ids unique.</param>
    /// <returns>The workforce.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="members"/> is null.</exception>
    /// <exception cref="ModelValidationException">A member is null or invalid, or an id is used twice.</exception>
    public static Workforce Create(IEnumerable<StaffMember> members)
    {
        var array = Guard.NotNull(members).ToArray();
        var failures = new List<string>();
        var seen = new HashSet<PersonId>();
        for (var i = 0; i < array.Length; i++)
        {
            if (array[i] is null)
            {
                failures.Add($"member #{i + 1}: is null.");
                continue;
            }

            array[i].Validate(i, failures);
            if (!array[i].Id.IsEmpty && !seen.Add(array[i].Id))
            {
                failures.Add($"member '{array[i].Id}': the id is used twice.");
            }
        }

        if (failures.Count > 0)
        {
            throw new ModelValidationException(typeof(Workforce), failures);
        }

        return new Workforce(array.Select(m => m.Frozen()).ToArray());
    }

    /// <summary>Gets the position of a person, or −1.</summary>
    /// <param name="id">The person's id.</param>
    /// <returns>The position, or −1.</returns>
    public int IndexOf(PersonId id) => _index.TryGetValue(id, out var i) ? i : -1;

    /// <summary>Counts the people from one source.</summary>
    /// <param name="source">The source.</param>
    /// <returns>The count.</returns>
    public int CountOf(WorkforceSource source)
    {
        var n = 0;
        foreach (var m in _members)
        {
            if (m.Source == source)
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>Returns a copy in which the people matching <paramref name="predicate"/> may no longer do <paramref name="forbidden"/>
    /// (e.g. elderly volunteers not on night gates).</summary>
    /// <param name="predicate">Which people the limit applies to.</param>
    /// <param name="forbidden">The duties they may not do.</param>
    /// <returns>The new workforce.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is null.</exception>
    public Workforce Restrict(Func<StaffMember, bool> predicate, StaffingDuties forbidden)
    {
        Guard.NotNull(predicate);
        return new Workforce(_members.Select(m => predicate(m) ? m.Copy(m.Restrictions | forbidden) : m).ToArray());
    }

    /// <summary>Returns a copy with more people.</summary>
    /// <param name="members">The people to add; ids new and unique.</param>
    /// <returns>The new workforce.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="members"/> is null.</exception>
    /// <exception cref="ModelValidationException">A new member is invalid or repeats an id.</exception>
    public Workforce With(IEnumerable<StaffMember> members) => Create(_members.Concat(Guard.NotNull(members)));

    /// <inheritdoc/>
    public IEnumerator<StaffMember> GetEnumerator() => ((IEnumerable<StaffMember>)_members).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => _members.GetEnumerator();

    /// <summary>Returns the count by source, e.g. <c>Workforce (12: CommunityWorker 6, Volunteer 6)</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
        => $"Workforce ({Count}: " + string.Join(", ", _members.GroupBy(m => m.Source).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")) + ")";
}
