using System;
using System.Linq;
using CommunityControl.Scheduling;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Staffing.Roster;

public class RosterSolverTests
{
    private static readonly CpSatRosterSolver Exact = new(TimeSpan.FromSeconds(20), workers: 2);

    [Fact]
    public void CpSat_SmallInstances_EqualBruteForce()
    {
        var random = new Random(14);
        for (var i = 0; i < 40; i++)
        {
            var problem = RosterInstances.Small(random);
            var best = RosterBruteForce.Best(problem);

            var solution = Exact.Solve(problem);

            (solution.UncoveredMinutes, solution.OvertimeMinutes, solution.Distance).Should().Be(best, "instance {0}", i);
            solution.IsOptimal.Should().BeTrue();
            solution.Gap.Should().Be(0);
            RosterBruteForce.Evaluate(problem, Chosen(solution)).Should().Be(best, "the rules, read independently, hold");
        }
    }

    [Fact]
    public void CpSat_SmallInstancesWithSharedSlots_EqualBruteForce()
    {
        // Every demand also at the other compound, same duty and hours: slots of two posts, where who works is decided
        // apart from where, and the distance (1 at home, 3 at the other compound) by the transportation.
        var random = new Random(1414);
        for (var i = 0; i < 25; i++)
        {
            var small = RosterInstances.Small(random);
            var twin = small.Demands.Take(3).SelectMany(d => new[] { d, new RosterDemand(ZoneId.From(d.Post.Value == "C-1-1-0-0" ? "C-1-1-0-1" : "C-1-1-0-0"), d.Duty, d.Start, d.Length, d.IsNight, d.People) });
            var problem = new RosterProblem(small.Tree, twin, small.Candidates, small.Limits);
            var best = RosterBruteForce.Best(problem);

            var solution = Exact.Solve(problem);

            (solution.UncoveredMinutes, solution.OvertimeMinutes, solution.Distance).Should().Be(best, "instance {0}", i);
            solution.IsOptimal.Should().BeTrue();
            RosterBruteForce.Evaluate(problem, Chosen(solution)).Should().Be(best, "the rules, read independently, hold");
        }
    }

    [Fact]
    public void CpSat_TwoCommunitiesKeptApart_EachPartEqualsBruteForce()
    {
        // Two small instances, the second moved to another community; people stay within 3 edges of home, so no one may
        // cross: the solver solves the two parts apart, and the whole's optimum is the parts' optima added up.
        var random = new Random(2828);
        var tree = RosterInstances.Tree(2, 2, 8);
        static ZoneId Moved(ZoneId zone) => ZoneId.From(zone.Value.Replace("C-1-1-0", "C-1-1-1", StringComparison.Ordinal));
        for (var i = 0; i < 10; i++)
        {
            var first = RosterInstances.Small(random);
            var other = RosterInstances.Small(random);
            var second = new RosterProblem(
                tree,
                other.Demands.Select(d => new RosterDemand(Moved(d.Post), d.Duty, d.Start, d.Length, d.IsNight, d.People)),
                other.Candidates.Select(c => new RosterCandidate(PersonId.From("t" + c.Id.Value), Moved(c.HomeZone), c.Abilities, c.Availability, c.NightShiftsAllowed, c.ContractedHoursPerWeek, c.MaxHoursPerWeek)),
                other.Limits);
            var both = new RosterProblem(tree, first.Demands.Concat(second.Demands), first.Candidates.Concat(second.Candidates), first.Limits, maxDistance: 3);
            var a = RosterBruteForce.Best(first);
            var b = RosterBruteForce.Best(second);

            var solution = Exact.Solve(both);

            (solution.UncoveredMinutes, solution.OvertimeMinutes, solution.Distance).Should().Be((a.Uncovered + b.Uncovered, a.Overtime + b.Overtime, a.Distance + b.Distance), "instance {0}", i);
            solution.IsOptimal.Should().BeTrue();
            RosterBruteForce.Evaluate(both, Chosen(solution)).Should().Be((solution.UncoveredMinutes, solution.OvertimeMinutes, solution.Distance), "the rules, read independently, hold");
        }
    }

    [Fact]
    public void Greedy_SmallInstances_FeasibleAndNeverBetterThanBruteForce()
    {
        var random = new Random(41);
        var worse = 0;
        for (var i = 0; i < 40; i++)
        {
            var problem = RosterInstances.Small(random);
            var best = RosterBruteForce.Best(problem);

            var solution = GreedyRosterSolver.Instance.Solve(problem);

            var value = RosterBruteForce.Evaluate(problem, Chosen(solution));
            value.Should().Be((solution.UncoveredMinutes, solution.OvertimeMinutes, solution.Distance), "instance {0} keeps every rule", i);
            value!.Value.CompareTo(best).Should().BeGreaterThanOrEqualTo(0);
            worse += value.Value.CompareTo(best) > 0 ? 1 : 0;
            solution.IsOptimal.Should().BeFalse();
            solution.Gap.Should().BeNull("a heuristic proves no bound");
        }

        worse.Should().BeGreaterThan(0, "the greedy is a heuristic: on some instances the optimum is better");
    }

    [Fact]
    public void CpSat_CommunityWeek_NeverWorseThanGreedy()
    {
        var problem = RosterInstances.Community();

        var greedy = GreedyRosterSolver.Instance.Solve(problem);
        var exact = new CpSatRosterSolver(TimeSpan.FromSeconds(10), workers: 2).Solve(problem);

        greedy.IsBetterThan(exact).Should().BeFalse();
        exact.UncoveredMinutes.Should().BeLessThan(greedy.UncoveredMinutes, "the greedy leaves hours uncovered that the solver covers on this week");
        exact.Gap.Should().NotBeNull().And.BeInRange(0, 1);
        exact.Gap.Should().BeLessThan(1, "a bound is proven: the least uncovered hours at least");
        problem.Candidates.Should().HaveCount(300);
        problem.Tree.All.Where(z => z.Kind == ZoneKind.Community).Sum(z => z.Households).Should().Be(2_000);
    }

    [Fact]
    public void CpSat_TimeLimit_StopsAndReportsGap()
    {
        var problem = RosterInstances.City(4);
        var limit = TimeSpan.FromSeconds(0.5);

        var solution = new CpSatRosterSolver(limit, workers: 2).Solve(problem);

        // The limit bounds the search; building the model and the greedy start come on top (loaded machine: generous).
        solution.Elapsed.Should().BeLessThan(limit + TimeSpan.FromSeconds(20));
        solution.Gap.Should().NotBeNull().And.BeInRange(0, 1);
        solution.IsOptimal.Should().Be(solution.Gap == 0);
        solution.Solver.Should().StartWith("cp-sat");
    }

    [Fact]
    public void CpSat_Cancelled_Throws()
    {
        using var cts = new System.Threading.CancellationTokenSource();
        cts.Cancel();

        var act = () => Exact.Solve(RosterInstances.Community(), cts.Token);

        act.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void RecruitsNeeded_MoreDemand_NeverFewerRecruits()
    {
        var random = new Random(7);
        var recruit = new RosterCandidate(PersonId.From("recruit"), ZoneId.From("C-1-1-0"), StaffingDuties.DayGates | StaffingDuties.DoorToDoor | StaffingDuties.NightGates, Enumerable.Range(1, 7).Select(d => new AvailabilityWindow((IsoDayOfWeek)d, LocalTime.Midnight, LocalTime.Midnight)), true, 8, 12);
        for (var i = 0; i < 15; i++)
        {
            var problem = RosterInstances.Small(random);
            var d = random.Next(problem.Demands.Count);
            var more = random.Next(2) == 0
                ? problem.Demands.Select((x, j) => j == d ? x.WithPeople(x.People + 1) : x)
                : problem.Demands.Append(problem.Demands[d]);
            var bigger = new RosterProblem(problem.Tree, more, problem.Candidates, problem.Limits);

            var before = problem.RecruitsNeeded(Exact, recruit, 12);
            var after = bigger.RecruitsNeeded(Exact, recruit, 12);

            before.Should().NotBeNull();
            (after ?? int.MaxValue).Should().BeGreaterThanOrEqualTo(before!.Value, "instance {0}: more demand never needs fewer recruits", i);
            problem.WithRecruits(recruit, before.Value).Candidates.Should().HaveCount(3 + before.Value);
        }
    }

    [Fact]
    public void Create_BrokenRule_ThrowsNamingTheRule()
    {
        var problem = RosterInstances.Community();
        var d = Enumerable.Range(0, problem.Demands.Count).First(i => problem.EligibleCandidates(i).Count > 0);
        var c = problem.EligibleCandidates(d)[0];
        var later = Enumerable.Range(0, problem.Demands.Count).First(i => i != d && problem.Conflict(d, i) && problem.EligibleCandidates(i).Contains(c));
        var stranger = Enumerable.Range(0, problem.Candidates.Count).First(x => !problem.EligibleCandidates(d).Contains(x));

        Act(new RosterAssignment(d, c), new RosterAssignment(later, c)).Should().Throw<ArgumentException>().WithMessage("*overlap or leave too little rest*").Which.ParamName.Should().Be("assignments");
        Act(new RosterAssignment(d, stranger)).Should().Throw<ArgumentException>().WithMessage("*may not fill the demand*");
        Act(new RosterAssignment(d, c), new RosterAssignment(d, c)).Should().Throw<ArgumentException>().WithMessage("*given twice*");
        Act(new RosterAssignment(d, problem.Candidates.Count)).Should().Throw<ArgumentException>().WithMessage("*names no demand or candidate*");
        Act().Should().NotThrow().Which.UncoveredHours.Should().Be(problem.DemandHours);

        Func<RosterSolution> Act(params RosterAssignment[] a) => () => RosterSolution.Create(problem, a, "test", false, null, TimeSpan.Zero);
    }

    [Fact]
    public void Problem_Week_Day6IsInDay7IsNot()
    {
        var tree = RosterInstances.Tree(1, 1, 8);
        RosterDemand On(int day) => new(ZoneId.From("C-1-1-0-0"), StaffingDuties.DayGates, RosterInstances.Monday.PlusDays(day).At(new LocalTime(23, 0)), Duration.FromHours(8), false, 1);

        var week = new RosterProblem(tree, new[] { On(0), On(6) }, Array.Empty<RosterCandidate>(), WorkLimits.None);
        var act = () => new RosterProblem(tree, new[] { On(0), On(7) }, Array.Empty<RosterCandidate>(), WorkLimits.None);

        week.DayOf(1).Should().Be(6);
        act.Should().Throw<ArgumentException>().WithMessage("demands[1] starts more than seven days after*").Which.ParamName.Should().Be("demands");
    }

    [Fact]
    public void Problem_RestLimit_ExactlyTheRestIsAllowed()
    {
        var tree = RosterInstances.Tree(1, 1, 8);
        RosterDemand At(int hour) => new(ZoneId.From("C-1-1-0-0"), StaffingDuties.DayGates, RosterInstances.Monday.At(LocalTime.Midnight).PlusHours(hour), Duration.FromHours(4), false, 1);
        var problem = new RosterProblem(tree, new[] { At(0), At(11), At(12) }, Array.Empty<RosterCandidate>(), new WorkLimits { MinimumRest = Duration.FromHours(8) });

        problem.Conflict(0, 1).Should().BeTrue("ends 04:00, next starts 11:00: 7 h rest");
        problem.Conflict(0, 2).Should().BeFalse("ends 04:00, next starts 12:00: 8 h rest");
        problem.Conflict(2, 2).Should().BeTrue();
    }

    [Fact]
    public void Problem_MaxDistance_KeepsPeopleInTheirCommunity()
    {
        var problem = RosterInstances.City(2, people: 30);

        for (var d = 0; d < problem.Demands.Count; d += 7)
        {
            foreach (var c in problem.EligibleCandidates(d))
            {
                problem.Distance(c, d).Should().BeLessThanOrEqualTo(3);
                problem.Candidates[c].HomeZone.Value.Should().StartWith(problem.Demands[d].Post.Value.Substring(0, 7));
            }
        }
    }

    private static int[][] Chosen(RosterSolution solution)
        => Enumerable.Range(0, solution.Problem.Demands.Count).Select(d => solution.Assignments.Where(a => a.Demand == d).Select(a => a.Candidate).ToArray()).ToArray();
}
