using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Tests.Staffing.Roster;

/// <summary>
/// The best roster of a small problem by enumerating every assignment (each demand: every set of able candidates no
/// larger than it needs), with its own reading of every rule: the reference the solvers are checked against.
/// </summary>
internal static class RosterBruteForce
{
    public static (long Uncovered, long Overtime, long Distance) Best(RosterProblem problem)
    {
        var able = AbleMatrix(problem);
        var options = problem.Demands.Select((d, i) => Options(problem, i).Where(set => set.All(c => able[c, i])).ToArray()).ToArray();
        var chosen = new int[problem.Demands.Count][];
        (long, long, long)? best = null;
        void Walk(int d)
        {
            if (d == chosen.Length)
            {
                if (Evaluate(problem, chosen, able) is { } value && (best is null || value.CompareTo(best.Value) < 0))
                {
                    best = value;
                }

                return;
            }

            foreach (var option in options[d])
            {
                chosen[d] = option;
                Walk(d + 1);
            }
        }

        Walk(0);
        return best!.Value;
    }

    /// <summary>The objective of an assignment (candidates per demand), or null when it breaks a rule.</summary>
    public static (long Uncovered, long Overtime, long Distance)? Evaluate(RosterProblem problem, int[][] chosen) => Evaluate(problem, chosen, AbleMatrix(problem));

    private static (long Uncovered, long Overtime, long Distance)? Evaluate(RosterProblem problem, int[][] chosen, bool[,] able)
    {
        long uncovered = 0, overtime = 0, distance = 0;
        for (var d = 0; d < chosen.Length; d++)
        {
            var demand = problem.Demands[d];
            if (chosen[d].Length > demand.People || chosen[d].Any(c => !able[c, d]))
            {
                return null;
            }

            uncovered += (demand.People - chosen[d].Length) * (long)demand.Length.TotalMinutes;
            distance += chosen[d].Sum(c => (long)TreeDistance(problem.Tree, problem.Candidates[c].HomeZone, demand.Post));
        }

        for (var c = 0; c < problem.Candidates.Count; c++)
        {
            var mine = Enumerable.Range(0, chosen.Length).Where(d => chosen[d].Contains(c)).Select(d => problem.Demands[d]).ToList();
            if (!Keeps(problem, problem.Candidates[c], mine))
            {
                return null;
            }

            var minutes = mine.Sum(d => (long)d.Length.TotalMinutes);
            overtime += Math.Max(0, minutes - (long)Math.Round(problem.Candidates[c].ContractedHoursPerWeek * 60));
        }

        return (uncovered, overtime, distance);
    }

    private static bool[,] AbleMatrix(RosterProblem problem)
    {
        var able = new bool[problem.Candidates.Count, problem.Demands.Count];
        for (var c = 0; c < problem.Candidates.Count; c++)
        {
            for (var d = 0; d < problem.Demands.Count; d++)
            {
                able[c, d] = Able(problem.Candidates[c], problem.Demands[d]);
            }
        }

        return able;
    }

    /// <summary>Able: the duty, nights, and every minute of the shift inside some window (so touching windows join).</summary>
    private static bool Able(RosterCandidate c, RosterDemand d)
        => (c.Abilities & d.Duty) != 0 && (!d.IsNight || c.NightShiftsAllowed)
           && Enumerable.Range(0, (int)d.Length.TotalMinutes).All(m => c.Availability.Any(w => w.Covers(d.Start.PlusMinutes(m), Duration.FromMinutes(1))));

    private static bool Keeps(RosterProblem problem, RosterCandidate candidate, List<RosterDemand> mine)
    {
        var limits = problem.Limits;
        var rest = limits.MinimumRest ?? Duration.Zero;
        for (var i = 0; i < mine.Count; i++)
        {
            for (var j = i + 1; j < mine.Count; j++)
            {
                var (a, b) = (mine[i], mine[j]);
                var endA = a.Start.PlusMinutes((long)a.Length.TotalMinutes);
                var endB = b.Start.PlusMinutes((long)b.Length.TotalMinutes);
                if (a.Start < endB.PlusMinutes((long)rest.TotalMinutes) && b.Start < endA.PlusMinutes((long)rest.TotalMinutes))
                {
                    return false;
                }
            }
        }

        var hours = mine.Sum(d => d.Length.TotalHours);
        return hours <= candidate.MaxHoursPerWeek + 1e-9
            && (limits.MaxHoursPerWeek is not { } week || hours <= week + 1e-9)
            && (limits.MaxHoursPerDay is not { } day || mine.GroupBy(d => d.Start.Date).All(g => g.Sum(d => d.Length.TotalHours) <= day + 1e-9))
            && (limits.MaxNightShiftsPerWeek is not { } nights || mine.Count(d => d.IsNight) <= nights);
    }

    private static IEnumerable<int[]> Options(RosterProblem problem, int d)
    {
        var n = problem.Candidates.Count;
        for (var mask = 0; mask < 1 << n; mask++)
        {
            var set = Enumerable.Range(0, n).Where(c => (mask & (1 << c)) != 0).ToArray();
            if (set.Length <= problem.Demands[d].People)
            {
                yield return set;
            }
        }
    }

    private static int TreeDistance(ZoneTree tree, ZoneId a, ZoneId b)
    {
        var pathA = new List<ZoneId> { a };
        pathA.AddRange(tree[a].Ancestors.Select(z => z.Id));
        var pathB = new List<ZoneId> { b };
        pathB.AddRange(tree[b].Ancestors.Select(z => z.Id));
        var common = pathA.First(pathB.Contains);
        return pathA.IndexOf(common) + pathB.IndexOf(common);
    }
}
