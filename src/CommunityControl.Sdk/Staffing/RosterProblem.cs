using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// A week's roster problem: the people each post needs per shift (<see cref="RosterDemand"/>), the candidates who may fill
/// them (<see cref="RosterCandidate"/>), and the limits on hours, rest and nights. An <see cref="IRosterSolver"/> assigns
/// candidates to demands, minimizing lexicographically the uncovered person-hours, then the overtime hours (beyond each
/// candidate's contracted hours), then the total distance in the zone tree from each person's home zone to their post.
/// </summary>
/// <remarks>
/// <para>A candidate may fill a demand when it asks for one of their abilities, falls wholly inside one of their
/// availability windows, and is not a night shift unless they are allowed nights. One candidate fills at most one place
/// of a demand, never two demands that overlap or leave less than <see cref="WorkLimits.MinimumRest"/> between them,
/// at most <see cref="WorkLimits.MaxHoursPerDay"/> on shifts starting on one calendar day, at most their own
/// <see cref="RosterCandidate.MaxHoursPerWeek"/> and <see cref="WorkLimits.MaxHoursPerWeek"/> in all, and at most
/// <see cref="WorkLimits.MaxNightShiftsPerWeek"/> night shifts. A limit that is null does not apply.</para>
/// <para>The problem is one week: every demand starts within seven days of the first demand's date.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class RosterProblem
{
    private const int MinutesPerDay = 24 * 60;
    private readonly int[][] _eligible;
    private readonly int[] _startMinute;
    private readonly int[] _lengthMinutes;
    private readonly int[] _postIndex;
    private readonly int[] _homeIndex;
    private readonly int _restMinutes;
    private ILookup<int, int>? _byHome;

    /// <summary>Creates a problem.</summary>
    /// <param name="tree">The zone tree holding every post and home zone (for distances).</param>
    /// <param name="demands">The demands; at least one.</param>
    /// <param name="candidates">The candidates, with distinct ids; may be empty (then everything is uncovered).</param>
    /// <param name="limits">The limits on every candidate; <see cref="WorkLimits.None"/> for none.</param>
    /// <param name="maxDistance">The farthest (in zone-tree edges) a candidate may be sent from home, e.g. 3 to keep people
    /// within their community when homes are buildings and posts compounds; null (the default) for no limit.</param>
    /// <exception cref="ArgumentNullException">An argument is null or holds a null element.</exception>
    /// <exception cref="ArgumentException"><paramref name="demands"/> is empty or spans more than seven days, a post or home
    /// zone is not in <paramref name="tree"/>, two candidates share an id, or a limit of <paramref name="limits"/> is out of range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDistance"/> is negative.</exception>
    public RosterProblem(ZoneTree tree, IEnumerable<RosterDemand> demands, IEnumerable<RosterCandidate> candidates, WorkLimits limits, int? maxDistance = null)
    {
        if (maxDistance is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDistance), "The distance must not be negative.");
        }

        MaxDistance = maxDistance;
        Tree = Guard.NotNull(tree);
        Limits = Guard.NotNull(limits);
        Demands = Array.AsReadOnly(Elements(demands, nameof(demands)));
        Candidates = Array.AsReadOnly(Elements(candidates, nameof(candidates)));
        CheckLimits(limits);
        if (Demands.Count == 0)
        {
            throw new ArgumentException("At least one demand is required.", nameof(demands));
        }

        FirstDate = Demands.Min(d => d.Start.Date);
        _startMinute = new int[Demands.Count];
        _lengthMinutes = new int[Demands.Count];
        _postIndex = new int[Demands.Count];
        for (var d = 0; d < Demands.Count; d++)
        {
            var demand = Demands[d];
            var days = Period.Between(FirstDate, demand.Start.Date, PeriodUnits.Days).Days;
            if (days >= 7)
            {
                throw new ArgumentException($"demands[{d}] starts more than seven days after the first demand's date: a roster problem is one week.", nameof(demands));
            }

            _startMinute[d] = (days * MinutesPerDay) + (demand.Start.Hour * 60) + demand.Start.Minute;
            _lengthMinutes[d] = (int)demand.Length.TotalMinutes;
            _postIndex[d] = ZoneIndex(demand.Post, $"demands[{d}]: the post's zone is not in the tree.", nameof(demands));
        }

        _homeIndex = new int[Candidates.Count];
        var ids = new HashSet<PersonId>();
        for (var c = 0; c < Candidates.Count; c++)
        {
            if (!ids.Add(Candidates[c].Id))
            {
                throw new ArgumentException($"candidates[{c}] has the id of an earlier candidate.", nameof(candidates));
            }

            _homeIndex[c] = ZoneIndex(Candidates[c].HomeZone, $"candidates[{c}]: the home zone is not in the tree.", nameof(candidates));
        }

        _restMinutes = limits.MinimumRest is { } rest ? (int)Math.Ceiling(rest.TotalMinutes) : 0;
        _eligible = FindEligible();
    }

    /// <summary>Gets the zone tree of the posts and home zones.</summary>
    public ZoneTree Tree { get; }

    /// <summary>Gets the demands, in the order given (a <see cref="RosterAssignment"/> names one by its index here).</summary>
    public IReadOnlyList<RosterDemand> Demands { get; }

    /// <summary>Gets the candidates, in the order given (a <see cref="RosterAssignment"/> names one by its index here).</summary>
    public IReadOnlyList<RosterCandidate> Candidates { get; }

    /// <summary>Gets the limits on every candidate.</summary>
    public WorkLimits Limits { get; }

    /// <summary>Gets the farthest (in zone-tree edges) a candidate may be sent from home; null for no limit.</summary>
    public int? MaxDistance { get; }

    /// <summary>Gets the date of the earliest demand: day 0 of the week.</summary>
    public LocalDate FirstDate { get; }

    /// <summary>Gets the total person-hours the demands ask for.</summary>
    public double DemandHours => Demands.Sum(d => d.Hours);

    /// <summary>Gets the candidates who may fill a demand (ability, availability, nights, distance), in ascending index order.</summary>
    /// <param name="demand">The demand's index.</param>
    /// <returns>The candidates' indexes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="demand"/> is not an index of <see cref="Demands"/>.</exception>
    public IReadOnlyList<int> EligibleCandidates(int demand) => Array.AsReadOnly(_eligible[Guard.InRange(demand, 0, Demands.Count - 1)]);

    /// <summary>Gets the number of edges in the zone tree between a candidate's home zone and a demand's post.</summary>
    /// <param name="candidate">The candidate's index.</param>
    /// <param name="demand">The demand's index.</param>
    /// <returns>The tree distance: 0 when the post is in the home zone itself.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public int Distance(int candidate, int demand)
        => TreeDistance(_homeIndex[Guard.InRange(candidate, 0, Candidates.Count - 1)], _postIndex[Guard.InRange(demand, 0, Demands.Count - 1)]);

    /// <summary>
    /// Tests whether one person may not fill both demands: they overlap, or leave less than <see cref="WorkLimits.MinimumRest"/>
    /// between the end of one and the start of the other. A demand conflicts with itself.
    /// </summary>
    /// <param name="first">The first demand's index.</param>
    /// <param name="second">The second demand's index.</param>
    /// <returns>True when one person cannot fill both.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public bool Conflict(int first, int second)
    {
        Guard.InRange(first, 0, Demands.Count - 1);
        Guard.InRange(second, 0, Demands.Count - 1);
        return ConflictUnchecked(first, second);
    }

    /// <summary>Gets the day of the week (0 for <see cref="FirstDate"/>) a demand starts on: the day its hours count against <see cref="WorkLimits.MaxHoursPerDay"/>.</summary>
    /// <param name="demand">The demand's index.</param>
    /// <returns>0 to 6.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="demand"/> is out of range.</exception>
    public int DayOf(int demand) => _startMinute[Guard.InRange(demand, 0, Demands.Count - 1)] / MinutesPerDay;

    /// <summary>
    /// The fewest copies of <paramref name="recruit"/> that, added to the candidates, let <paramref name="solver"/> cover every
    /// demand: a binary search over 0 to <paramref name="maximum"/>. With an exact solver the answer is monotone: more
    /// demand never needs fewer recruits; a heuristic solver gives an upper bound only.
    /// </summary>
    /// <param name="solver">The solver.</param>
    /// <param name="recruit">The recruit profile; copies get the ids <c>{id}:1</c>, <c>{id}:2</c> …</param>
    /// <param name="maximum">The most recruits to try: 0 to 10,000.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The number of recruits, or null when even <paramref name="maximum"/> leave hours uncovered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="solver"/> or <paramref name="recruit"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximum"/> is out of range.</exception>
    /// <exception cref="ArgumentException">A recruit's id is taken by a candidate, or the recruit's home zone is not in the tree.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public int? RecruitsNeeded(IRosterSolver solver, RosterCandidate recruit, int maximum, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(solver);
        Guard.NotNull(recruit);
        Guard.InRange(maximum, 0, 10_000);
        bool Covers(int count) => solver.Solve(WithRecruits(recruit, count), cancellationToken).UncoveredMinutes == 0;
        if (!Covers(maximum))
        {
            return null;
        }

        int low = 0, high = maximum;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (Covers(mid))
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return low;
    }

    /// <summary>Returns a copy of the problem with <paramref name="count"/> copies of a recruit added to the candidates.</summary>
    /// <param name="recruit">The recruit profile; copies get the ids <c>{id}:1</c>, <c>{id}:2</c> ….</param>
    /// <param name="count">How many: 0 to 10,000.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recruit"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is out of range.</exception>
    /// <exception cref="ArgumentException">A recruit's id is not a valid id or is taken by a candidate, or the recruit's home zone is not in the tree.</exception>
    public RosterProblem WithRecruits(RosterCandidate recruit, int count)
    {
        Guard.NotNull(recruit);
        Guard.InRange(count, 0, 10_000);
        var added = Enumerable.Range(1, count).Select(i => recruit.WithId(PersonId.From(recruit.Id.Value + ":" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return new RosterProblem(Tree, Demands, Candidates.Concat(added), Limits, MaxDistance);
    }

    internal int StartMinute(int demand) => _startMinute[demand];

    internal int LengthMinutes(int demand) => _lengthMinutes[demand];

    internal int RestMinutes => _restMinutes;

    internal int EligibleIndex(int demand, int candidate) => Array.BinarySearch(_eligible[demand], candidate);

    internal bool ConflictUnchecked(int first, int second)
    {
        if (first == second)
        {
            return true;
        }

        int s1 = _startMinute[first], e1 = s1 + _lengthMinutes[first];
        int s2 = _startMinute[second], e2 = s2 + _lengthMinutes[second];
        return s1 < e2 + _restMinutes && s2 < e1 + _restMinutes;
    }

    internal int DistanceUnchecked(int candidate, int demand) => TreeDistance(_homeIndex[candidate], _postIndex[demand]);

    private static T[] Elements<T>(IEnumerable<T> items, string parameterName)
        where T : class
    {
        var array = Guard.NotNull(items, parameterName).ToArray();
        for (var i = 0; i < array.Length; i++)
        {
            if (array[i] is null)
            {
                throw new ArgumentNullException(parameterName, $"{parameterName}[{i}] is null.");
            }
        }

        return array;
    }

    private static void CheckLimits(WorkLimits limits)
    {
        var problems = new List<PolicyProblem>();
        limits.Validate("limits", problems);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(limits));
        }
    }

    private int ZoneIndex(ZoneId id, string message, string parameterName)
    {
        var index = Tree.IndexOf(id);
        return index >= 0 ? index : throw new ArgumentException(message, parameterName);
    }

    private int TreeDistance(int a, int b)
    {
        int da = Tree.DepthAt(a), db = Tree.DepthAt(b), steps = 0;
        while (da > db)
        {
            a = Tree.ParentIndexAt(a);
            da--;
            steps++;
        }

        while (db > da)
        {
            b = Tree.ParentIndexAt(b);
            db--;
            steps++;
        }

        while (a != b)
        {
            a = Tree.ParentIndexAt(a);
            b = Tree.ParentIndexAt(b);
            steps += 2;
        }

        return steps;
    }

    private int[][] FindEligible()
    {
        // Demands with the same post, duty, weekday-time, length and night flag have the same candidates: decide once.
        var kinds = new Dictionary<(int Post, StaffingDuties Duty, int MinuteOfWeek, int Length, bool Night), int[]>();
        var near = new Dictionary<int, int[]>();
        var result = new int[Demands.Count][];
        for (var d = 0; d < Demands.Count; d++)
        {
            var demand = Demands[d];
            (int Post, StaffingDuties Duty, int MinuteOfWeek, int Length, bool Night) key
                = (MaxDistance is null ? -1 : _postIndex[d], demand.Duty, AvailabilityWindow.MinuteOfWeek(demand.Start), _lengthMinutes[d], demand.IsNight);
            if (!kinds.TryGetValue(key, out var eligible))
            {
                if (!near.TryGetValue(key.Post, out var nearby))
                {
                    nearby = key.Post < 0 ? Enumerable.Range(0, Candidates.Count).ToArray() : Near(key.Post);
                    near.Add(key.Post, nearby);
                }

                var list = new List<int>();
                foreach (var c in nearby)
                {
                    var candidate = Candidates[c];
                    if ((candidate.Abilities & key.Duty) != 0 && (!key.Night || candidate.NightShiftsAllowed)
                        && candidate.MaxMinutes >= key.Length && candidate.IsAvailable(key.MinuteOfWeek, key.Length))
                    {
                        list.Add(c);
                    }
                }

                eligible = list.ToArray();
                kinds.Add(key, eligible);
            }

            result[d] = eligible;
        }

        return result;
    }

    /// <summary>The candidates living within <see cref="MaxDistance"/> of a post: a breadth-first walk of the tree from it.</summary>
    private int[] Near(int post)
    {
        var byHome = _byHome ??= Enumerable.Range(0, Candidates.Count).ToLookup(c => _homeIndex[c]);
        var reached = new List<int>();
        var seen = new HashSet<int> { post };
        var frontier = new List<int> { post };
        for (var step = 0; step <= MaxDistance!.Value && frontier.Count > 0; step++)
        {
            var next = new List<int>();
            foreach (var z in frontier)
            {
                reached.AddRange(byHome[z]);
                var parent = Tree.ParentIndexAt(z);
                if (parent >= 0 && seen.Add(parent))
                {
                    next.Add(parent);
                }

                foreach (var child in Tree.ChildrenOf(z))
                {
                    if (seen.Add(child.Index))
                    {
                        next.Add(child.Index);
                    }
                }
            }

            frontier = next;
        }

        reached.Sort();
        return reached.ToArray();
    }
}
