using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CommunityControl.Internal;
using CommunityControl.Risk;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// The hand-over when deployed cadres go back to their posts: the gap day by day after they leave, compared with the gap
/// had they stayed, and for each way of recruiting (volunteers at h hours a week, community workers, …) how many close it.
/// </summary>
/// <remarks>
/// <para>Three kinds of plan are made with the same policy, days and traffic: the workforce as it is (cadres leave on
/// their <see cref="StaffMember.LeavesOn"/>); the workforce with every deployed cadre staying to the end; and, for each
/// <see cref="RecruitProfile"/>, the workforce plus n recruits who join on the first departure (or their
/// <see cref="RecruitProfile.StartsOn"/>). The recruitment count is the smallest n that leaves no gap on any day from the
/// first departure on. If recruits of a profile cannot close the gap (e.g. the gap is at night gates and they may not work
/// nights), the option says so and gives the smallest n that leaves the least gap.</para>
/// <para>The count is found by planning n = 1, 2, 3, … recruits in turn, because the plan's cover is greedy and the gap
/// need not fall as recruits are added. In one week with one night shift a person a week and recruits on weekdays only,
/// five recruits leave 12.5 person-hours open and six leave 25: the sixth takes a Thursday day shift from a member of
/// the property staff, who then has no more hours this week than a recruit and, being earlier in the workforce, gets
/// Friday's night, their one night, so no one who may work Saturday's night has a night left. The gap can also stand still and then fall (one recruit closes
/// nothing, four close it all). A search that doubles n, or halves an interval, can therefore miss the count, or stop on
/// one that leaves a larger gap than a smaller one. The scan stops when the gap closes, or at the first n whose plan
/// gives the n-th recruit no shift: recruits are alike, one who has not yet worked ties with every other who has not,
/// and a tie goes to the one earlier in the workforce, so an idle n-th recruit means the plan with n − 1 recruits is the
/// same plan, and so is the plan with any number more. The count is thus the smallest of all n up to
/// <see cref="MaxRecruits"/>. The cost is one whole plan per count tried: Count plans when the gap closes; when it
/// cannot be closed, one more than the recruits the plan can use (at most the person-shifts required from the recruits'
/// start, plus one). Only the best plan is kept.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class TransitionPlan
{
    /// <summary>The most recruits tried for one profile.</summary>
    public const int MaxRecruits = 100_000;

    private TransitionPlan(StaffingPlan plan, StaffingPlan ifStayed, Departure[] departures, TransitionDay[] days, RecruitmentOption[] options)
    {
        Plan = plan;
        PlanIfCadresStayed = ifStayed;
        Departures = Array.AsReadOnly(departures);
        Days = Array.AsReadOnly(days);
        Recruitment = Array.AsReadOnly(options);
        FirstDeparture = departures.Length == 0 ? null : departures.Min(d => d.LeavesOn);
    }

    /// <summary>Gets the plan with the workforce as it is.</summary>
    public StaffingPlan Plan { get; }

    /// <summary>Gets the plan had every deployed cadre stayed to the end of the period.</summary>
    public StaffingPlan PlanIfCadresStayed { get; }

    /// <summary>Gets the deployed cadres whose leaving date is a day of the period, by leaving date then id.</summary>
    public IReadOnlyList<Departure> Departures { get; }

    /// <summary>Gets the first leaving date in the period, or null when no cadre leaves in it.</summary>
    public LocalDate? FirstDeparture { get; }

    /// <summary>Gets every day of the period: the gap with the departures and without them.</summary>
    public IReadOnlyList<TransitionDay> Days { get; }

    /// <summary>Gets one option per recruit profile: how many close the gap from the first departure on.</summary>
    public IReadOnlyList<RecruitmentOption> Recruitment { get; }

    /// <summary>Works out the transition.</summary>
    /// <param name="policy">The staffing policy.</param>
    /// <param name="days">One snapshot per day, consecutive (see <see cref="StaffingPolicy.Calculate(IReadOnlyList{RiskSnapshot}, GateArrivals, Workforce)"/>).</param>
    /// <param name="arrivals">The gate traffic.</param>
    /// <param name="workforce">The workforce, with each deployed cadre's leaving date.</param>
    /// <param name="recruitment">The ways of recruiting to compare; may be empty.</param>
    /// <returns>The transition plan.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">As for <c>Calculate</c>; or a recruit profile's zone is not in the tree, or its ids clash with the workforce.</exception>
    public static TransitionPlan Calculate(StaffingPolicy policy, IReadOnlyList<RiskSnapshot> days, GateArrivals arrivals, Workforce workforce, IEnumerable<RecruitProfile> recruitment)
    {
        Guard.NotNull(policy);
        Guard.NotNull(workforce);
        var profiles = Guard.NotNull(recruitment).ToArray();
        if (profiles.Any(p => p is null))
        {
            throw new ArgumentException("A recruit profile is null.", nameof(recruitment));
        }

        var plan = policy.Calculate(days, arrivals, workforce);
        var end = plan.Period.End;
        var staying = Workforce.Create(workforce.Select(m => m.Source == WorkforceSource.DeployedCadre && m.LeavesOn is { } l && l >= plan.Period.Start && l <= end
            ? Stay(m)
            : m));
        var ifStayed = policy.Calculate(days, arrivals, staying);

        var departures = workforce
            .Where(m => m.Source == WorkforceSource.DeployedCadre && m.LeavesOn is { } l && l >= plan.Period.Start && l <= end)
            .Select(m => new Departure(m.Id, m.Zone, m.LeavesOn!.Value, plan.AssignmentsOf(m.Id).Sum(a => a.PaidHours), ifStayed.AssignmentsOf(m.Id).Where(a => a.Date >= m.LeavesOn!.Value).Sum(a => a.PaidHours)))
            .OrderBy(d => d.LeavesOn).ThenBy(d => d.Person)
            .ToArray();

        var transitionDays = new TransitionDay[plan.Period.Length];
        for (var i = 0; i < transitionDays.Length; i++)
        {
            var date = plan.Period.Start.PlusDays(i);
            var with = plan.Totals(date);
            var without = ifStayed.Totals(date);
            transitionDays[i] = new TransitionDay(date, departures.Count(d => d.LeavesOn <= date), with.GapPeople, with.GapPersonHours, without.GapPersonHours, with.RequiredPersonHours);
        }

        var first = departures.Length == 0 ? (LocalDate?)null : departures[0].LeavesOn;
        var options = profiles.Select(p => Recruit(policy, days, arrivals, workforce, plan, p, first)).ToArray();
        return new TransitionPlan(plan, ifStayed, departures, transitionDays, options);
    }

    /// <summary>Explains the transition in English: departures, the gap after them, and each recruitment option.</summary>
    /// <returns>The explanation.</returns>
    public string Explain()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        if (FirstDeparture is not { } first)
        {
            text.Append("No deployed cadre leaves in the period.");
            return text.ToString();
        }

        text.AppendFormat(c, "{0} deployed cadre(s) leave from {1:uuuu'-'MM'-'dd}: ", Departures.Count, first);
        text.Append(string.Join(", ", Departures.GroupBy(d => d.LeavesOn).Select(g => string.Format(c, "{0} on {1:uuuu'-'MM'-'dd}", g.Count(), g.Key))));
        var after = Days.Where(d => d.Date >= first).ToArray();
        text.AppendFormat(
            c,
            ". From then to {0:uuuu'-'MM'-'dd}: gap {1:0.##} person-hours ({2:0.##} had they stayed; {3:0.##} from the departures). ",
            Plan.Period.End,
            after.Sum(d => d.GapPersonHours),
            after.Sum(d => d.GapPersonHoursIfCadresStayed),
            after.Sum(d => d.GapFromDeparturesPersonHours));
        foreach (var o in Recruitment)
        {
            text.Append(o.ToString()).Append(' ');
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>
    /// Explains the hand-over in Chinese or English by the library's one rule for bilingual text (any <c>zh</c> culture gets
    /// the Simplified Chinese): the departures by day, the gap after them (and had the cadres stayed), and each recruitment
    /// option (<see cref="RecruitmentOption.Describe"/>).
    /// </summary>
    /// <param name="culture">The culture, e.g. <c>CultureInfo.GetCultureInfo("zh-CN")</c>.</param>
    /// <returns>E.g. <c>自 2020-02-24 起 8 名下沉干部撤离（2020-02-24 8 人）。至 2020-03-08，缺口 420 人时（若不撤离为 0 人时，因撤离新增 420 人时）。招募 6 名志愿者（每周 25 小时）可补齐 420 人时的缺口。</c>
    /// The wording may change between versions; the figures are the contract.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string Describe(CultureInfo culture) => StaffingText.Transition(this, Guard.NotNull(culture));

    /// <summary>Returns a one-line summary.</summary>
    /// <returns>E.g. <c>TransitionPlan: 8 departures from 2020-02-24, 2 recruitment options</c>.</returns>
    public override string ToString() => FirstDeparture is { } first
        ? $"TransitionPlan: {Departures.Count} departures from {first:uuuu'-'MM'-'dd}, {Recruitment.Count} recruitment options"
        : $"TransitionPlan: no departures, {Recruitment.Count} recruitment options";

    private static StaffMember Stay(StaffMember m) => new()
    {
        Id = m.Id,
        Source = m.Source,
        Zone = m.Zone,
        HoursPerWeek = m.HoursPerWeek,
        Duties = m.Duties,
        Restrictions = m.Restrictions,
        AvailableDays = m.AvailableDays,
        AvailableFrom = m.AvailableFrom,
        LeavesOn = LocalDate.MaxIsoValue,
        MaxHoursPerDay = m.MaxHoursPerDay,
        Tags = m.Tags,
    };

    private static RecruitmentOption Recruit(StaffingPolicy policy, IReadOnlyList<RiskSnapshot> days, GateArrivals arrivals, Workforce workforce, StaffingPlan plan, RecruitProfile profile, LocalDate? firstDeparture)
    {
        profile.Check();
        if (plan.Tree.IndexOf(profile.Zone) < 0)
        {
            throw new ArgumentException($"Recruit profile '{profile.IdPrefix}' serves '{profile.Zone}', which is not in the tree.", nameof(profile));
        }

        if (firstDeparture is not { } from)
        {
            return new RecruitmentOption(profile, 0, true, 0, 0, plan);
        }

        var evaluator = new RecruitEvaluator(policy, days, arrivals, workforce, profile, profile.StartsOn ?? from, from);
        var initial = evaluator.GapAfter(plan);
        if (initial <= 1e-9)
        {
            return new RecruitmentOption(profile, 0, true, 0, initial, plan);
        }

        var (count, gap, best) = SmallestCountWithLeastGap(evaluator, initial, plan);
        return new RecruitmentOption(profile, count, gap <= 1e-9, gap, initial, best);
    }

    /// <summary>
    /// The smallest number of recruits that reaches the least gap, by trying n = 1, 2, 3, … in turn (the gap need not fall
    /// as n grows, so neither doubling nor halving is safe: see the class remarks). Stops when the gap closes (the first n
    /// that closes it is the answer), when the plan leaves its n-th recruit without a shift (every larger n gives the same
    /// plan), or at <see cref="MaxRecruits"/>. Only the best plan so far is kept.
    /// </summary>
    private static (int Count, double Gap, StaffingPlan Plan) SmallestCountWithLeastGap(RecruitEvaluator evaluator, double initial, StaffingPlan plan)
    {
        var best = (Count: 0, Gap: initial, Plan: plan);
        for (var n = 1; n <= MaxRecruits; n++)
        {
            var p = evaluator.Plan(n);
            var gap = evaluator.GapAfter(p);
            if (gap < best.Gap - 1e-9)
            {
                best = (n, gap, p);
            }

            if (best.Gap <= 1e-9 || evaluator.LeavesLastIdle(p, n))
            {
                break;
            }
        }

        return best;
    }

    /// <summary>Plans with n recruits of a profile and sums the gap from the first departure.</summary>
    private sealed class RecruitEvaluator
    {
        private readonly StaffingPolicy _policy;
        private readonly IReadOnlyList<RiskSnapshot> _days;
        private readonly GateArrivals _arrivals;
        private readonly Workforce _workforce;
        private readonly RecruitProfile _profile;
        private readonly LocalDate _starts;
        private readonly LocalDate _from;

        public RecruitEvaluator(StaffingPolicy policy, IReadOnlyList<RiskSnapshot> days, GateArrivals arrivals, Workforce workforce, RecruitProfile profile, LocalDate starts, LocalDate from)
        {
            _policy = policy;
            _days = days;
            _arrivals = arrivals;
            _workforce = workforce;
            _profile = profile;
            _starts = starts;
            _from = from;
        }

        /// <summary>The plan with the workforce and n recruits.</summary>
        public StaffingPlan Plan(int n) => _policy.Calculate(_days, _arrivals, _workforce.With(_profile.Recruits(n, _starts)));

        /// <summary>Whether the n-th recruit of a plan with n recruits works no shift.</summary>
        public bool LeavesLastIdle(StaffingPlan p, int n) => p.AssignmentsOf(_profile.RecruitId(n)).Count == 0;

        /// <summary>The paid person-hours missing from the first departure to the end of the period.</summary>
        public double GapAfter(StaffingPlan p)
        {
            var sum = 0.0;
            for (var d = _from; d <= p.Period.End; d = d.PlusDays(1))
            {
                sum += p.Totals(d).GapPersonHours;
            }

            return sum;
        }
    }
}
