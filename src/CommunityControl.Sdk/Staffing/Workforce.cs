using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CommunityControl.Authority;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// One person on the community's team: a pseudonymous id, where they come from, the zone they serve, the hours and
/// days they give, what they may do, and when they join and leave.
/// </summary>
/// <remarks>
/// <para>A person serves the planning units in or under <see cref="Zone"/>, or the unit that contains it: a volunteer
/// attached to a community serves all its compounds; a building's volunteer serves that building's compound.</para>
/// <para>Nothing here is personal: <see cref="Id"/> is pseudonymous and <see cref="Tags"/> are the user's own labels
/// (e.g. <c>elderly</c>, used to set restrictions); never put a name or a phone number in either.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable once built; validated by <see cref="Workforce.Create"/>.</threadsafety>
public sealed class StaffMember
{
    private static readonly IsoDayOfWeek[] EveryDay =
    {
        IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday,
        IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday,
    };

    /// <summary>Gets the person's pseudonymous id.</summary>
    public required PersonId Id { get; init; }

    /// <summary>Gets where the person comes from.</summary>
    public required WorkforceSource Source { get; init; }

    /// <summary>Gets the zone the person serves (a community, grid, compound or building).</summary>
    public required ZoneId Zone { get; init; }

    /// <summary>Gets the paid hours a week the person gives (more than 0, at most 168).</summary>
    public required double HoursPerWeek { get; init; }

    /// <summary>Gets what the person may do.</summary>
    public required StaffingDuties Duties { get; init; }

    /// <summary>Gets what the user forbids this person, whatever <see cref="Duties"/> says (e.g. <see cref="StaffingDuties.NightGates"/> for elderly volunteers).</summary>
    /// <value><see cref="StaffingDuties.None"/>.</value>
    public StaffingDuties Restrictions { get; init; }

    /// <summary>Gets the days of the week the person is available.</summary>
    /// <value>Every day.</value>
    public IReadOnlyList<IsoDayOfWeek> AvailableDays { get; init; } = EveryDay;

    /// <summary>Gets the first day the person is available, or null (from the start).</summary>
    public LocalDate? AvailableFrom { get; init; }

    /// <summary>
    /// Gets the day the person leaves: the first day they are no longer available, or null (they stay). Required for a
    /// <see cref="WorkforceSource.DeployedCadre"/>: each deployed cadre has the date they go back to their post.
    /// </summary>
    public LocalDate? LeavesOn { get; init; }

    /// <summary>Gets the most paid hours this person works on one day, or null (only the policy's limit applies).</summary>
    public double? MaxHoursPerDay { get; init; }

    /// <summary>Gets the user's labels for the person (e.g. <c>elderly</c>); never personal data.</summary>
    /// <value>Empty.</value>
    public IReadOnlyList<string> Tags { get; init; } = Array.Empty<string>();

    /// <summary>Gets what the person may do after the restrictions: <see cref="Duties"/> without <see cref="Restrictions"/>.</summary>
    public StaffingDuties EffectiveDuties => Duties & ~Restrictions;

    /// <summary>Tells whether the person is on the team on a date (joined, not yet left, and it is one of their days).</summary>
    /// <param name="date">The date.</param>
    /// <returns>True when available.</returns>
    public bool IsAvailableOn(LocalDate date)
    {
        if ((AvailableFrom is { } from && date < from) || (LeavesOn is { } leaves && date >= leaves))
        {
            return false;
        }

        var days = AvailableDays;
        for (var i = 0; i < days.Count; i++)
        {
            if (days[i] == date.DayOfWeek)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the id and source only (nothing personal).</summary>
    /// <returns>E.g. <c>vol-0042 (Volunteer)</c>.</returns>
    public override string ToString() => $"{Id} ({Source})";

    internal StaffMember Copy(StaffingDuties restrictions) => new()
    {
        Id = Id,
        Source = Source,
        Zone = Zone,
        HoursPerWeek = HoursPerWeek,
        Duties = Duties,
        Restrictions = restrictions,
        AvailableDays = AvailableDays,
        AvailableFrom = AvailableFrom,
        LeavesOn = LeavesOn,
        MaxHoursPerDay = MaxHoursPerDay,
        Tags = Tags,
    };

    internal StaffMember Frozen() => new()
    {
        Id = Id,
        Source = Source,
        Zone = Zone,
        HoursPerWeek = HoursPerWeek,
        Duties = Duties,
        Restrictions = Restrictions,
        AvailableDays = Array.AsReadOnly(AvailableDays.Distinct().ToArray()),
        AvailableFrom = AvailableFrom,
        LeavesOn = LeavesOn,
        MaxHoursPerDay = MaxHoursPerDay,
        Tags = Array.AsReadOnly(Tags.ToArray()),
    };

    internal void Validate(int ordinal, List<string> failures)
    {
        var who = Id.IsEmpty ? $"member #{ordinal + 1}" : $"member '{Id}'";
        if (Id.IsEmpty)
        {
            failures.Add($"{who}: the id is required.");
        }

        if (Source is < WorkforceSource.CommunityWorker or > WorkforceSource.HomeownersCommitteeMember)
        {
            failures.Add($"{who}: the source is required.");
        }

        if (Zone.IsEmpty)
        {
            failures.Add($"{who}: the zone served is required.");
        }

        if (double.IsNaN(HoursPerWeek) || HoursPerWeek <= 0 || HoursPerWeek > 168)
        {
            failures.Add($"{who}: hours per week must be more than 0 and at most 168; it was {HoursPerWeek.ToString(CultureInfo.InvariantCulture)}.");
        }

        if ((Duties & ~StaffingDuties.All) != 0 || (Restrictions & ~StaffingDuties.All) != 0)
        {
            failures.Add($"{who}: duties and restrictions must be combinations of the defined duties.");
        }

        if (AvailableDays is null || AvailableDays.Any(d => d < IsoDayOfWeek.Monday || d > IsoDayOfWeek.Sunday))
        {
            failures.Add($"{who}: the available days must be days of the week.");
        }

        if (Tags is null || Tags.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{who}: tags must not be null or empty.");
        }

        if (Source == WorkforceSource.DeployedCadre && LeavesOn is null)
        {
            failures.Add($"{who}: a deployed cadre needs the date they leave (LeavesOn).");
        }

        if (AvailableFrom is { } from && LeavesOn is { } leaves && leaves < from)
        {
            failures.Add($"{who}: leaves ({leaves:uuuu'-'MM'-'dd}) before joining ({from:uuuu'-'MM'-'dd}).");
        }

        if (MaxHoursPerDay is { } max && (double.IsNaN(max) || max <= 0 || max > 24))
        {
            failures.Add($"{who}: max hours per day must be more than 0 and at most 24; it was {max.ToString(CultureInfo.InvariantCulture)}.");
        }
    }
}

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
