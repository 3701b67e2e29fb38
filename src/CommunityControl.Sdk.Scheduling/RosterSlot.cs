using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Scheduling;

/// <summary>
/// The demands of a <see cref="RosterProblem"/> that are interchangeable for every rule: the same start, length and night
/// flag and the same eligible candidates (e.g. the day shifts of all the gates of a community starting at 08:00 on a
/// Monday). One candidate works at most one of them (they overlap), and which of them a candidate fills changes only
/// the distance, so the model decides who works the slot, and a transportation between home classes and posts decides
/// where.
/// </summary>
/// <remarks>
/// A home class is the set of the slot's candidates whose home zones lie at the same distance from each of the slot's
/// posts: candidates of one class are interchangeable for the distance too.
/// </remarks>
internal sealed class RosterSlot
{
    private RosterSlot(RosterProblem problem, List<int> demands, int start, int length)
    {
        Demands = demands.ToArray();
        Start = start;
        Length = length;
        Night = problem.Demands[Demands[0]].IsNight;
        Day = problem.DayOf(Demands[0]);
        Candidates = problem.EligibleCandidates(Demands[0]).ToArray();
        Places = Demands.Sum(d => problem.Demands[d].People);
        var posts = Demands.GroupBy(d => problem.Demands[d].Post).ToArray();
        PostDemands = posts.Select(g => g.ToArray()).ToArray();
        Capacity = posts.Select(g => g.Sum(d => problem.Demands[d].People)).ToArray();
        var classes = new Dictionary<ZoneId, int>();
        var vectors = new List<int[]>();
        ClassOf = new int[Candidates.Length];
        for (var k = 0; k < Candidates.Length; k++)
        {
            var c = Candidates[k];
            if (!classes.TryGetValue(problem.Candidates[c].HomeZone, out var h))
            {
                var vector = PostDemands.Select(p => problem.Distance(c, p[0])).ToArray();
                h = vectors.FindIndex(v => v.AsSpan().SequenceEqual(vector));
                if (h < 0)
                {
                    h = vectors.Count;
                    vectors.Add(vector);
                }

                classes.Add(problem.Candidates[c].HomeZone, h);
            }

            ClassOf[k] = h;
        }

        Distance = vectors.ToArray();
        ClassSize = new int[vectors.Count];
        foreach (var h in ClassOf)
        {
            ClassSize[h]++;
        }
    }

    /// <summary>Gets the demands' indexes.</summary>
    public int[] Demands { get; }

    /// <summary>Gets the start, in minutes from the start of the problem's first day.</summary>
    public int Start { get; }

    /// <summary>Gets the length in minutes.</summary>
    public int Length { get; }

    /// <summary>Gets a value indicating whether the demands are night shifts.</summary>
    public bool Night { get; }

    /// <summary>Gets the day (0 to 6) the demands start on.</summary>
    public int Day { get; }

    /// <summary>Gets the eligible candidates' indexes, ascending.</summary>
    public int[] Candidates { get; }

    /// <summary>Gets the number of places of all the demands.</summary>
    public int Places { get; }

    /// <summary>Gets the demands per distinct post.</summary>
    public int[][] PostDemands { get; }

    /// <summary>Gets the places per distinct post.</summary>
    public int[] Capacity { get; }

    /// <summary>Gets the home class of each eligible candidate (by position in <see cref="Candidates"/>).</summary>
    public int[] ClassOf { get; }

    /// <summary>Gets the number of eligible candidates per home class.</summary>
    public int[] ClassSize { get; }

    /// <summary>Gets the distance from each home class to each post.</summary>
    public int[][] Distance { get; }

    /// <summary>Groups a problem's demands into slots.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="slotOf">The slot of each demand.</param>
    /// <returns>The slots, in order of their first demand.</returns>
    public static RosterSlot[] Group(RosterProblem problem, out int[] slotOf)
    {
        var keys = new Dictionary<(int Start, int Length, bool Night), List<(IReadOnlyList<int> Eligible, List<int> Demands)>>();
        var order = new List<(int Start, int Length, List<int> Demands)>();
        slotOf = new int[problem.Demands.Count];
        for (var d = 0; d < problem.Demands.Count; d++)
        {
            var demand = problem.Demands[d];
            var start = (Period.Between(problem.FirstDate, demand.Start.Date, PeriodUnits.Days).Days * 1440) + (demand.Start.Hour * 60) + demand.Start.Minute;
            var key = (start, (int)demand.Length.TotalMinutes, demand.IsNight);
            if (!keys.TryGetValue(key, out var groups))
            {
                groups = new List<(IReadOnlyList<int>, List<int>)>();
                keys.Add(key, groups);
            }

            var eligible = problem.EligibleCandidates(d);
            var i = groups.FindIndex(g => g.Eligible.SequenceEqual(eligible));
            if (i < 0)
            {
                i = groups.Count;
                groups.Add((eligible, new List<int>()));
                order.Add((key.Item1, key.Item2, groups[i].Demands));
            }

            groups[i].Demands.Add(d);
        }

        var slots = new RosterSlot[order.Count];
        for (var s = 0; s < slots.Length; s++)
        {
            slots[s] = new RosterSlot(problem, order[s].Demands, order[s].Start, order[s].Length);
            foreach (var d in slots[s].Demands)
            {
                slotOf[d] = s;
            }
        }

        return slots;
    }

    /// <summary>Gets the position of a candidate in <see cref="Candidates"/>.</summary>
    /// <param name="candidate">The candidate's index.</param>
    /// <returns>The position.</returns>
    public int IndexOf(int candidate) => Array.BinarySearch(Candidates, candidate);

    /// <summary>Gets the position of a demand's post in <see cref="PostDemands"/>.</summary>
    /// <param name="demand">The demand's index, one of <see cref="Demands"/>.</param>
    /// <returns>The position.</returns>
    public int PostOf(int demand) => Array.FindIndex(PostDemands, p => Array.IndexOf(p, demand) >= 0);
}
